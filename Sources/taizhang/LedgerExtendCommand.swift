import ArgumentParser
import Ledger
import Store

extension LedgerCommand {
    struct ExtendCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend",
            abstract: "记录经批准的延期：原时限保留，此后按新时限判断逾期。Record an approved new deadline.")

        @Argument(help: "台账数据库。Store file.")
        var store: String

        @Argument(help: "任务编号（总台账的“任务编号”列）。Task id.")
        var task: String

        @Option(help: "新的完成时限 YYYY-MM-DD。New deadline.")
        var to: String

        @Option(help: "延期原因（如 经局长办公会同意）。Why.")
        var reason: String

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if CalendarDate(iso: to) == nil { throw ValidationError("--to 应写作 YYYY-MM-DD，例如 2024-01-31。") }
            if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason 不能为空：延期须写明原因。") }
        }

        func run() throws {
            try global.measured {
                do {
                    let moved = try LedgerStore(path: store).extend(task: task, to: CalendarDate(iso: to)!, reason: reason)
                    if !global.quiet { print("已记录：\(task) 完成时限延至 \(moved.due)（第 \(moved.count) 次延期）。此后合并时按新时限判断逾期。") }
                } catch {
                    throw report(error)
                }
            }
        }
    }
}
