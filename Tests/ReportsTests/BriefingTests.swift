import Foundation
import Testing
import Table
import XLSX
@testable import Ledger
@testable import Reports

@Suite("Leadership briefing")
struct BriefingTests {
    static func briefing(dueSoon: Int = 15, asOf: CalendarDate? = nil, reportBy: CalendarDate? = nil) throws -> Briefing {
        Briefing(try SampleRound.ledger(), asOf: asOf, dueSoonDays: dueSoon, reportBy: reportBy)
    }

    @Test("save times read as Beijing time: Z and offsets converted across midnight, zone-less times taken as local")
    func beijingTime() {
        #expect(Briefing.beijingTime("2023-07-05T01:15:00Z")?.text == "2023-07-05 09:15")
        #expect(Briefing.beijingTime("2023-07-05T20:00:00Z")?.text == "2023-07-06 04:00")
        #expect(Briefing.beijingTime("2023-07-05T20:00:00Z")?.date.description == "2023-07-06")
        #expect(Briefing.beijingTime("2023-07-05T09:15:00+08:00")?.text == "2023-07-05 09:15")
        #expect(Briefing.beijingTime("2023-07-05T00:30:00-01:00")?.text == "2023-07-05 09:30")
        #expect(Briefing.beijingTime("2023-07-05T09:15:00")?.text == "2023-07-05 09:15")
        #expect(Briefing.beijingTime("2023-07-05T09:15:00.123Z")?.text == "2023-07-05 17:15")
        #expect(Briefing.beijingTime("") == nil)
        #expect(Briefing.beijingTime("yesterday afternoon") == nil)
    }

    @Test("报送情况 with a last day: on time by the first file's save time, a correction listed; a CSV has no save time and is not judged")
    func reportingOnTime() throws {
        let briefing = try Self.briefing(reportBy: CalendarDate(year: 2023, month: 7, day: 5)!)
        let byUnit = Dictionary(uniqueKeysWithValues: briefing.reporting.map { ($0.unit, $0) })
        #expect(byUnit["法规科"]?.state == .onTime)
        #expect(byUnit["法规科"]?.saved == "2023-07-04 16:12")
        // 政务科's first file came on 5 July 09:15: on time; its correction of 6 July 15:48 is merged and listed.
        #expect(byUnit["政务科"]?.state == .onTime)
        #expect(byUnit["政务科"]?.saved == "2023-07-05 09:15")
        #expect(byUnit["政务科"]?.corrections == ["政务科-任务反馈表（更正）.xlsx（2023-07-06 15:48）"])
        #expect(briefing.text.contains("政务科另报送更正：政务科-任务反馈表（更正）.xlsx（2023-07-06 15:48）"))
        // A CSV's file time is a copy's time: not shown as a save time, not judged.
        #expect(byUnit["热线科"]?.state == .submitted)
        #expect(byUnit["热线科"]?.saved == "—（CSV 无保存时间）")
        #expect(byUnit["市政务服务大厅管理中心"]?.state == .missing)
        #expect(byUnit["市政务服务大厅管理中心"]?.saved == nil)
        #expect(briefing.text.contains("迟报：无。"))
        // Without a last day nothing is judged.
        #expect(try Self.briefing().reporting.allSatisfy { $0.state == .submitted || $0.state == .missing })
    }

    @Test("the headline for the sample round on 2023-12-15: 长期推进 tasks counted by what units reported")
    func headline() throws {
        #expect(try Self.briefing().headline == Self.expectedHeadline)
    }

    static let expectedHeadline = "截至12月15日，21项任务中已完成4项（19.0%），推进中13项，滞后2项，逾期1项，未启动1项，未报送0项，其中长期推进的19项按报送的进展计；7个单位已报送，1个单位未报送。"

    @Test("the headline's counts are the 总台账's statuses, and the 滞后 and 未启动 lists name the tasks units reported so")
    func headlineMatchesLedger() throws {
        let ledger = try SampleRound.ledger()
        let briefing = Briefing(ledger)
        var byStatus: [LedgerSummary.Bucket: Int] = [:]
        for entry in ledger.entries { byStatus[LedgerSummary.bucket(status: entry.status, due: entry.task.deadline.due, asOf: ledger.asOf), default: 0] += 1 }
        #expect(briefing.totals == byStatus)
        #expect(briefing.lagging.map(\.id) == ledger.entries.filter { $0.status == .lagging && !$0.overdue }.map(\.task.id))
        #expect(briefing.lagging.count == 2 && briefing.notStarted.count == 1)
        #expect(briefing.text.contains("三、滞后事项（2项）") && briefing.text.contains("四、未启动事项（1项）"))
        // Before anything is due, the rate column says so in words a leader reads.
        let july = Briefing(ledger, asOf: CalendarDate(year: 2023, month: 7, day: 1)!)
        let path = NSTemporaryDirectory() + "taizhang-nodue-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BriefingWorkbook.write(july, to: path)
        let file = try SpreadsheetFile.open(path)
        let grid = try file.grid(file.sheets[0])
        let office = try #require(grid.rows.first { $0.text(1) == "办公室" })
        #expect(office.text(11) == "本期无到期任务")
    }

    @Test("the lists: one task overdue by 15 days, nothing due within 15 days, 市政务服务大厅管理中心 missing")
    func lists() throws {
        let briefing = try Self.briefing()
        #expect(briefing.overdue.map(\.id) == ["RWE2SAR67H"])
        #expect(briefing.overdue.first?.days == 15)
        #expect(briefing.overdue.first?.due.description == "2023-11-30")
        #expect(briefing.dueSoon.isEmpty)
        #expect(briefing.reporting.filter { !$0.submitted }.map(\.unit) == ["市政务服务大厅管理中心"])
        #expect(briefing.total.leadTasks == 21)
        #expect(briefing.lines.map(\.unit).first == "办公室")
        // Each unit's line by its own reports, as in the ledger's 汇总.
        let summary = LedgerSummary(try SampleRound.ledger())
        #expect(briefing.lines.map(\.counts) == summary.lines.map(\.counts))
        #expect(briefing.lines.first { $0.unit == "市政务服务大厅管理中心" }?.counts[.noReport] == 10)
        // Earlier, the same task is due soon instead.
        let november = try Self.briefing(dueSoon: 15, asOf: CalendarDate(year: 2023, month: 11, day: 20)!)
        #expect(november.dueSoon.map(\.id) == ["RWE2SAR67H"])
        #expect(november.dueSoon.first?.days == 10)
    }

    @Test("the text form and the workbook, byte-identical when written twice")
    func outputs() throws {
        let briefing = try Self.briefing()
        #expect(briefing.text.hasPrefix(briefing.headline + "\n\n一、逾期事项（1项）\n1. 深化行政规章"))
        #expect(briefing.text.contains("未报送：市政务服务大厅管理中心。"))
        let path = NSTemporaryDirectory() + "taizhang-briefing-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BriefingWorkbook.write(briefing, to: path)
        let workbook = try Workbook(path: path)
        #expect(workbook.sheets.map(\.name) == ["简报"])
        let content = try workbook.read(workbook.sheets[0])
        #expect(content.rows.first { $0.number == 2 }?[1] == .text(briefing.headline))
        // The same ledger gives the same bytes.
        let again = path + ".again.xlsx"
        defer { try? FileManager.default.removeItem(atPath: again) }
        try BriefingWorkbook.write(try Self.briefing(), to: again)
        #expect(FileManager.default.contents(atPath: path) == FileManager.default.contents(atPath: again))
    }

    @Test("a JSON that is not a ledger is refused")
    func notALedger() {
        #expect(throws: DecodingError.self) { _ = try LedgerJSON.decode(Data("{\"a\": 1}".utf8)) }
    }

    @Test("the briefing from a ledger and from its JSON: the same workbook and text, byte for byte")
    func fromJSON() throws {
        let ledger = try SampleRound.ledger()
        let reread = try LedgerJSON.decode(Data(try LedgerJSON.encode(ledger)))
        let reportBy = CalendarDate(year: 2023, month: 7, day: 5)!
        let direct = Briefing(ledger, reportBy: reportBy), viaJSON = Briefing(reread, reportBy: reportBy)
        #expect(direct.text == viaJSON.text)
        let dir = NSTemporaryDirectory() + "taizhang-briefing-json-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try BriefingWorkbook.write(direct, to: dir + "/direct.xlsx")
        try BriefingWorkbook.write(viaJSON, to: dir + "/json.xlsx")
        #expect(FileManager.default.contents(atPath: dir + "/direct.xlsx") == FileManager.default.contents(atPath: dir + "/json.xlsx"))
        // The JSON reads back into the same JSON: nothing the ledger holds is lost on the way.
        #expect(try LedgerJSON.encode(reread) == LedgerJSON.encode(ledger))
    }
}
