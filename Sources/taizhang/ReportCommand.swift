import ArgumentParser
import Foundation
import Ledger
import Reports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "生成领导会议简报。Write the leadership briefing from a merged ledger.",
        discussion: """
        输入为 taizhang merge --json 生成的台账 JSON。简报包括总体情况一句话、各单位情况表（与台账“汇总”一致）、
        各单位进展堆积条形图和状态环形图（Excel、WPS、LibreOffice 原生图表）、逾期清单、临期提醒和报送情况。

        示例 Examples:
          taizhang report out/总台账.json -o out/简报.xlsx --text out/简报.txt
          taizhang report 台账.json -o 简报.xlsx --as-of 2023-12-15 --due-soon 30 --report-by 2023-12-05
        """)

    @Argument(help: "台账 JSON（taizhang merge --json 的输出）。Ledger JSON written by merge --json.")
    var ledger: String

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
                guard let data = FileManager.default.contents(atPath: ledger) else {
                    throw ValidationError("找不到台账 JSON：\(ledger)，请先运行 taizhang merge … --json \(ledger)。")
                }
                let ledgerResult: LedgerResult
                do {
                    ledgerResult = try LedgerJSON.decode(data)
                } catch is DecodingError {
                    throw ValidationError("\(ledger) 不是 taizhang merge --json 生成的台账 JSON，请重新运行 taizhang merge … --json \(ledger)。")
                }
                let briefing = Briefing(ledgerResult, asOf: asOf.flatMap { CalendarDate(iso: $0) }, dueSoonDays: dueSoon,
                                        reportBy: reportBy.flatMap { CalendarDate(iso: $0) })
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
}
