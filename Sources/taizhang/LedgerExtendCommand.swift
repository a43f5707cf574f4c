import ArgumentParser
import Ledger
import Store

extension LedgerCommand {
    struct ExtendCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend",
            abstract: "记录经批准的延期：原时限保留，此后按新时限判断逾期。Record an approved new deadline.",
            discussion: """
            --to 和 --reason 写明新时限和原因；或用 --approve 批准单位在反馈中“申请延期”的请求（按其申请的日期和原因）。

            示例 Examples:
              taizhang ledger extend 台账.db RW0012 --to 2024-01-31 --reason 经局长办公会同意
              taizhang ledger extend 台账.db RW0012 --approve
            """)

        @Argument(help: "台账数据库。Store file.")
        var store: String

        @Argument(help: "任务编号（总台账的“任务编号”列）。Task id.")
        var task: String

        @Option(help: "新的完成时限 YYYY-MM-DD。New deadline.")
        var to: String?

        @Option(help: "延期原因（如 经局长办公会同意）。Why.")
        var reason: String?

        @Flag(help: "批准单位最近一次申请延期的日期和原因。Approve the latest 申请延期 a unit returned for the task.")
        var approve = false

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if let to, CalendarDate(iso: to) == nil { throw ValidationError("--to 应写作 YYYY-MM-DD，例如 2024-01-31。") }
            if let reason, reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason 不能为空：延期须写明原因。") }
            if !approve && (to == nil || reason == nil) { throw ValidationError("请用 --to 和 --reason 写明新时限和原因，或用 --approve 批准单位的延期申请。") }
        }

        func run() throws {
            try global.measured {
                do {
                    let ledger = try LedgerStore(path: store)
                    var due = to.flatMap { CalendarDate(iso: $0) }, why = reason
                    if approve {
                        guard let request = try ledger.latestRequest(task: task) else {
                            throw ValidationError("台账数据库中没有单位对 \(task) 申请延期，请用 --to 和 --reason 写明新时限和原因。")
                        }
                        guard let asked = due ?? request.due else {
                            throw ValidationError("\(request.unit)在第 \(request.round) 轮申请延期，但没有写明延至哪一天，请用 --to 写明新时限。")
                        }
                        due = asked
                        why = why ?? "\(request.unit)申请延期（第 \(request.round) 轮）：\(request.reason)"
                    }
                    let moved = try ledger.extend(task: task, to: due!, reason: why!)
                    if !global.quiet { print("已记录：\(task) 完成时限延至 \(moved.due)（第 \(moved.count) 次延期）。此后合并时按新时限判断逾期。") }
                } catch {
                    throw report(error)
                }
            }
        }
    }
}
