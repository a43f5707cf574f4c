import Foundation
import TestSupport
import Testing
@testable import XLSX

@Suite("Row heights for wrapped text")
struct RowHeightTests {
    @Test("width counts CJK and full-width characters twice; each paragraph wraps on its own")
    func lines() {
        // "台账，OK" is 8 units: one line in a 9-wide column (8 usable), two in an 8-wide one.
        #expect(RowHeight.lines("台账，OK", columnWidth: 9) == 1)
        #expect(RowHeight.lines("台账，OK", columnWidth: 8) == 2)
        #expect(RowHeight.lines("abcdefgh", columnWidth: 9) == 1)
        // 20 CJK characters are 40 units; a 21-wide column shows 20 per line.
        let text = String(repeating: "任", count: 20)
        #expect(RowHeight.lines(text, columnWidth: 21) == 2)
        #expect(RowHeight.lines(text, columnWidth: 41) == 1)
        #expect(RowHeight.lines("一\n\n二", columnWidth: 10) == 3)
        #expect(RowHeight.lines("一\r\n二", columnWidth: 10) == 2, "CR LF ends a paragraph too")
        // A larger font takes more room per character.
        #expect(RowHeight.lines(text, columnWidth: 41, fontSize: 22) == 2)
        #expect(RowHeight.points(lines: 3) == 42.75)
        #expect(RowHeight.points(lines: 100) == 409)
    }

    /// The `<row>` elements of the first sheet of a workbook written by `body`.
    func rows(_ body: (WorkbookWriter, SheetWriter) throws -> Void) throws -> [String] {
        let path = Fixture.directory() + "/rows.xlsx"
        let writer = try WorkbookWriter(path: path)
        let sheet = try writer.addSheet("表")
        try body(writer, sheet)
        try writer.close()
        let archive = try ZipArchive(path: path, displayName: "rows.xlsx")
        let entry = archive.entries.first { $0.name == "xl/worksheets/sheet1.xml" }!
        let xml = String(decoding: try archive.readAll(entry, limits: .standard), as: UTF8.self)
        return xml.components(separatedBy: "<row ").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    @Test("wrapped text gets the height it needs; unwrapped text, short text, given heights and vertical merges keep theirs")
    func fitting() throws {
        let long = String(repeating: "任务", count: 30)
        let rows = try rows { writer, sheet in
            let wrap = writer.style(CellFormat(wrap: true))
            sheet.setColumn(1, width: 21)
            sheet.setColumn(2, width: 21)
            try sheet.append([Cell(column: 1, value: .text(long), style: wrap)])                       // 120 units: 6 lines
            try sheet.append([Cell(column: 1, value: .text(long), style: .standard)])                  // not wrapped
            try sheet.append([Cell(column: 1, value: .text("短"), style: wrap)])                        // one line
            try sheet.append([Cell(column: 1, value: .text(long), style: wrap)], height: 20)            // given
            try sheet.merge(CellRange("A5:B5")!)
            try sheet.append([Cell(column: 1, value: .text(long), style: wrap)])                       // 42 wide: 3 lines
            try sheet.merge(CellRange("A6:A8")!)
            try sheet.append([Cell(column: 1, value: .text(long), style: wrap)])                       // spans three rows
        }
        #expect(rows[0].contains("ht=\"85.5\" customHeight=\"1\""), "\(rows[0])")
        #expect(!rows[1].contains("ht="))
        #expect(!rows[2].contains("ht="))
        #expect(rows[3].contains("ht=\"20\""))
        #expect(rows[4].contains("ht=\"42.75\""), "\(rows[4])")
        #expect(!rows[5].contains("ht="))
    }

    @Test("fitsWrappedText = false writes rows as given")
    func off() throws {
        let rows = try rows { writer, sheet in
            sheet.fitsWrappedText = false
            try sheet.append([Cell(column: 1, value: .text(String(repeating: "任务", count: 30)), style: writer.style(CellFormat(wrap: true)))])
        }
        #expect(!rows[0].contains("ht="))
    }
}
