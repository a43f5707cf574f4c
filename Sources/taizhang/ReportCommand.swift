import ArgumentParser
import Foundation
import Ledger
import Reports
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "生成领导会议简报。Write the leadership briefing from a merged ledger.",
        discussion: """
        输入为 taizhang merge --json 生成的台账 JSON，或 merge --into 记录各轮的台账数据库（默认最近一轮，--round 指定）。
        从数据库生成时，简报另有完成率变化折线图、各单位较上期变化（完成 +2，新增逾期 1，未更新 3）和申请延期清单。简报包括总体情况一句话、各单位情况表（与台账“汇总”一致）、
        各单位进展堆积条形图和状态环形图（Excel、WPS、LibreOffice 原生图表）、逾期清单、临期提醒和报送情况。

        示例 Examples:
          taizhang report out/总台账.json -o out/简报.xlsx --text out/简报.txt
          taizhang report 台账.json -o 简报.xlsx --as-of 2023-12-15 --due-soon 30 --report-by 2023-12-05
          taizhang report 台账.db -o 简报.xlsx --round 2023-09
        """)

    @Argument(help: "台账 JSON（merge --json 的输出）或台账数据库（merge --into）。Ledger JSON, or the ledger store.")
    var ledger: String

    @Option(help: "从台账数据库生成时的轮次，默认最近一轮。Round of the store; the latest by default.")
    var round: String?

    @Option(name: .shortAndLong, help: "输出的简报工作簿。Briefing workbook to write.")
    var output: String

    @Option(name: .customLong("as-of"), help: "统计截止日 YYYY-MM-DD，默认用台账的截止日。As-of date; the ledger's by default.")
    var asOf: String?

    @Option(name: .customLong("due-soon"), help: "临期提醒的天数，默认 15。Days ahead for the due-soon list.")
    var dueSoon = 15

    @Option(name: .customLong("report-by"), help: "报送截止日 YYYY-MM-DD：据各单位文件的保存时间（北京时间）区分按时报送和迟报。Last day for returns: tells on-time from late by each file's save time.")
    var reportBy: String?

    @Option(help: "另存为纯文本，便于粘贴到通报。Also write the headline and lists as plain text.")
    var text: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of 应写作 YYYY-MM-DD，例如 2023-12-15。") }
        if let reportBy, CalendarDate(iso: reportBy) == nil { throw ValidationError("--report-by 应写作 YYYY-MM-DD，例如 2023-07-05。") }
        if dueSoon < 0 { throw ValidationError("--due-soon 不能为负数。") }
    }

    func run() throws {
        try global.measured {
            do {
                if round != nil && !Self.isStore(ledger) { throw ValidationError("--round 只用于台账数据库（merge --into 记录的 .db 文件）。") }
                let briefing = Self.isStore(ledger) ? try StoreBriefing.briefing(LedgerStore(path: ledger), round: round, asOf: day(asOf),
                                                                                 dueSoonDays: dueSoon, reportBy: day(reportBy))
                    : Briefing(try readJSON(), asOf: day(asOf), dueSoonDays: dueSoon, reportBy: day(reportBy))
                try BriefingWorkbook.write(briefing, to: output)
                if let text {
                    let file = try OutputFile(path: text)
                    var content = briefing.text
                    try content.withUTF8 { try file.write(UnsafeRawBufferPointer($0)) }
                    try file.commit()
                }
                if !global.quiet { print(briefing.headline) }
            } catch let error as ExitCode {
                throw error
            } catch {
                throw report(error)
            }
        }
    }

    private func day(_ iso: String?) -> CalendarDate? { iso.flatMap { CalendarDate(iso: $0) } }

    /// A SQLite file by its first bytes, whatever its name.
    static func isStore(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)) == Data("SQLite format 3\u{0}".utf8)
    }

    private func readJSON() throws -> LedgerResult {
        guard let data = FileManager.default.contents(atPath: ledger) else {
            throw ValidationError("找不到台账 JSON：\(ledger)，请先运行 taizhang merge … --json \(ledger)。")
        }
        do {
            return try LedgerJSON.decode(data)
        } catch is DecodingError {
            throw ValidationError("\(ledger) 不是 taizhang merge --json 生成的台账 JSON，请重新运行 taizhang merge … --json \(ledger)。")
        }
    }
}
