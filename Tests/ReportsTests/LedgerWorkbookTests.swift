import Foundation
import Ledger
import Reports
import TestSupport
import Testing
import XLSX

/// The ledger workbook, CSV and JSON written from the sample round, read back with our reader.
@Suite("Ledger workbook")
struct LedgerWorkbookTests {
    @Test("the same inputs give the same ledger bytes")
    func deterministic() throws {
        let ledger = try SampleRound.ledger()
        let dir = NSTemporaryDirectory() + "taizhang-ledger-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try LedgerWorkbook.write(ledger, to: dir + "/a.xlsx")
        try LedgerWorkbook.write(try SampleRound.ledger(), to: dir + "/b.xlsx")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.xlsx")) == Data(contentsOf: URL(fileURLWithPath: dir + "/b.xlsx")))
        let workbook = try Workbook(path: dir + "/a.xlsx")
        #expect(workbook.sheets.map(\.name) == ["总台账", "汇总", "逾期事项", "未报送", "问题", "来源"])
        let main = try workbook.read(workbook.sheets[0])
        #expect(main.rows[1].cells.map(\.value.text) == LedgerTable(ledger).columns.map(\.title))
        #expect(main.rows[2][8]?.text.contains("【") == true)
        let sources = try workbook.read(workbook.sheets[5])
        #expect(sources.rows.count == ledger.returns.count + 1)
        #expect(try LedgerJSON.encode(ledger) == LedgerJSON.encode(try SampleRound.ledger()))
    }

    @Test("the written ledger reads back with our reader: every 总台账 row as merged, 汇总 totals, 来源 counts")
    func ledgerReadsBack() throws {
        let ledger = try SampleRound.ledger()
        let path = NSTemporaryDirectory() + "taizhang-readback-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try LedgerWorkbook.write(ledger, to: path)
        let workbook = try Workbook(path: path)
        let main = try workbook.read(workbook.sheets[0])
        for (i, entry) in ledger.entries.enumerated() {
            let row = try #require(main.rows.first { $0.number == i + 3 })
            let expected = LedgerTable(ledger).fields(entry, index: i)
            for (column, text) in expected.enumerated() where !text.isEmpty {
                #expect(row[column + 1]?.text == text, "总台账 row \(i + 3) column \(column + 1)")
            }
        }
        let summary = try workbook.read(workbook.sheets[1])
        let total = try #require(summary.rows.first { $0[1] == .text("合计") })
        #expect(total[2] == .number(21))
        let sources = try workbook.read(workbook.sheets[5])
        for (i, ret) in ledger.returns.enumerated() {
            let row = sources.rows[i + 1]
            #expect(row[6] == .number(Double(ret.cellsRead)))
            #expect(row[7] == .number(Double(ret.cellsMerged)))
            #expect(row[9] == .number(Double(ret.cellsReported)))
        }
    }

    @Test("every sheet of the ledger prints on A4 landscape, fit to width, its header rows repeated; an empty list is one line")
    func printsForAMeeting() throws {
        // On 10 July nothing is overdue yet: the 逾期事项 sheet is its header and one line saying so.
        let ledger = try Merge.run(plan: SampleRound.samples + "/plan-2023.xlsx", returns: [SampleRound.samples + "/returns"],
                                   options: MergeOptions(asOf: CalendarDate(year: 2023, month: 7, day: 10)!, plan: SampleRound.options()))
        let path = NSTemporaryDirectory() + "taizhang-print-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try LedgerWorkbook.write(ledger, to: path)
        let out = try Openpyxl.output(of: """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            for ws in wb:
                print(ws.title, ws.page_setup.orientation, ws.page_setup.paperSize, ws.sheet_properties.pageSetUpPr.fitToPage, ws.print_title_rows, ws.max_row)
            """, [path])
        let lines = out.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == 6)
        for line in lines {
            #expect(line[1] == "landscape" && line[2] == "9" && line[3] == "True" && line[4].hasPrefix("$1:"), "\(line)")
        }
        let overdue = ledger.entries.filter(\.overdue)
        #expect(overdue.isEmpty)
        #expect(lines.first { $0[0] == "逾期事项" }?[5] == "2")
    }
}
