import Foundation
import Ledger
import Reports
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
}
