import Foundation
import TestSupport
import Testing
@testable import XLSX

@Suite("Shared-string table")
struct SharedStringsTests {
    /// 50,000 strings, 11 MB of text: past the 8 MiB step at which the loader gives pages back while it loads.
    static let count = 50_000

    static func text(_ i: Int) -> String { "第\(i)项任务：" + String(repeating: "落实“两个确保”&推进<重点>工作，", count: 3) + "按月报送进展" }

    static let path: String = {
        var items = ""
        var rows = ""
        items.reserveCapacity(count * 90)
        rows.reserveCapacity(count * 60)
        let phrase = String(repeating: "落实“两个确保”&amp;推进&lt;重点&gt;工作，", count: 3)
        for i in 0..<count {
            items += "<si><t>第\(i)项任务：\(phrase)按月报送进展</t></si>"
            // Rows read strings in a different order from the table: the last string first, then every other.
            let index = i == 0 ? count - 1 : (i * 7919) % count
            rows += "<row r=\"\(i + 1)\"><c r=\"A\(i + 1)\" t=\"s\"><v>\(index)</v></c></row>"
        }
        return try! Fixture.workbook(rows, sharedStrings: items, name: "spill.xlsx")
    }()

    func column(_ limits: ReadLimits) throws -> (spilled: Bool, texts: [String]) {
        let workbook = try Workbook(path: Self.path, limits: limits)
        let reader = try workbook.rows(of: workbook.sheets[0])
        var texts: [String] = []
        while let row = try reader.next() { texts.append(row.cells[0].value.text) }
        return (workbook.sharedStrings().isSpilled, texts)
    }

    @Test("a table kept on disk reads every string as one kept in memory does, including strings read again")
    func spilledEqualsInMemory() throws {
        let spilled = try column(ReadLimits(spillSharedStringBytes: 0))
        let held = try column(.standard)
        #expect(spilled.spilled)
        #expect(!held.spilled)
        #expect(spilled.texts.count == Self.count)
        #expect(spilled.texts == held.texts)
        #expect(spilled.texts[0] == Self.text(Self.count - 1))
        #expect(spilled.texts[1] == Self.text(7919))

        let workbook = try Workbook(path: Self.path, limits: ReadLimits(spillSharedStringBytes: 0))
        let table = workbook.sharedStrings()
        #expect(table.count == Self.count)
        table.releaseResidentPages()
        #expect(table[0] == Self.text(0))
        #expect(table[Self.count / 2] == Self.text(Self.count / 2))
        table.releaseResidentPages()
        #expect(table[Self.count - 1] == Self.text(Self.count - 1))
    }
}
