import Foundation
import Testing
import XLSX
@testable import Ledger

@Suite("Leadership briefing")
struct BriefingTests {
    static func briefing(dueSoon: Int = 15, asOf: CalendarDate? = nil) throws -> Briefing {
        let ledger = try MergeTests.merge(MergeTests.round)
        return try Briefing(json: Data(LedgerReport.json(ledger)), asOf: asOf, dueSoonDays: dueSoon)
    }

    @Test("the headline for the sample round on 2023-12-15")
    func headline() throws {
        #expect(try Self.briefing().headline
                == "截至12月15日，21项任务中已完成4项（19.0%），推进中1项，滞后0项，逾期1项，长期推进15项；7个单位已报送，1个单位未报送。")
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
        // Earlier, the same task is due soon instead.
        let november = try Self.briefing(dueSoon: 15, asOf: CalendarDate(year: 2023, month: 11, day: 20)!)
        #expect(november.dueSoon.map(\.id) == ["RWE2SAR67H"])
        #expect(november.dueSoon.first?.days == 10)
    }

    @Test("the text form and the workbook")
    func outputs() throws {
        let briefing = try Self.briefing()
        #expect(briefing.text.hasPrefix(briefing.headline + "\n\n一、逾期事项（1项）\n1. 深化行政规章"))
        #expect(briefing.text.contains("未报送：市政务服务大厅管理中心。"))
        let path = NSTemporaryDirectory() + "taizhang-briefing-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try briefing.write(to: path)
        let workbook = try Workbook(path: path)
        #expect(workbook.sheets.map(\.name) == ["简报"])
        let content = try workbook.read(workbook.sheets[0])
        #expect(content.rows.first { $0.number == 2 }?[1] == .text(briefing.headline))
    }

    @Test("a JSON that is not a ledger is refused")
    func notALedger() {
        #expect(throws: DecodingError.self) { _ = try Briefing(json: Data("{\"a\": 1}".utf8)) }
    }
}
