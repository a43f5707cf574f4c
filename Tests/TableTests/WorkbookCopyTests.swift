import Foundation
@testable import Table
import TestSupport
import Testing
import XLSX

@Suite("Workbook copy")
struct WorkbookCopyTests {
    @Test("number formats: built-in date ids stay built in, custom codes stay custom, values stay dates")
    func numberFormats() throws {
        let styles = """
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
        <cellXfs count="4"><xf/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/></cellXfs>
        """
        let data = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45000</v></c><c r=\"B1\" s=\"2\"><v>45000.5</v></c><c r=\"C1\" s=\"3\"><v>45000</v></c></row>"
        let source = try Workbook(path: try Fixture.workbook(data, styles: styles))
        let path = Fixture.directory() + "/copy.xlsx"
        let writer = try WorkbookWriter(path: path)
        _ = try WorkbookCopy.copy(source, to: writer)
        try writer.close()

        let copy = try Workbook(path: path)
        let copied = try copy.styles()
        let cells = try #require(try copy.read(copy.sheets[0]).rows.first?.cells)
        #expect(cells.map(\.value.text) == ["2023-03-15", "2023-03-15T12:00:00", "2023-03-15"])
        #expect(cells.map { copied.builtInFormatId(ofStyle: $0.style) } == [14, 22, nil])
        #expect(copied.formatCode(ofStyle: cells[2].style) == "yyyy\"年\"m\"月\"d\"日\"")
    }

    @Test("a 1904-system workbook copies as one: the same serials and days, read back by us and by openpyxl")
    func dateSystem1904() throws {
        let sourcePath = Fixture.directory() + "/mac.xlsx"
        let source = try WorkbookWriter(path: sourcePath)
        source.dateSystem = .system1904
        let sheet = try source.addSheet("Sheet1")
        // A date, and a serial whose format is no date to us: the copy must keep both meaning the same day.
        try sheet.append([Cell(column: 1, value: .date(ExcelDateTime(year: 2023, month: 7, day: 5)), style: source.style(CellFormat(numberFormat: "yyyy-mm-dd"))),
                          Cell(column: 2, value: .number(43650), style: source.style(CellFormat(numberFormat: "0.00")))])
        try source.close()
        let path = Fixture.directory() + "/mac-copy.xlsx"
        let writer = try WorkbookWriter(path: path)
        _ = try WorkbookCopy.copy(try Workbook(path: sourcePath), to: writer)
        try writer.close()

        let copy = try Workbook(path: path)
        #expect(copy.dateSystem == .system1904)
        #expect(try copy.read(copy.sheets[0]).rows.first?.cells.map(\.value.text) == ["2023-07-05", "43650"])
        let script = "import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1]).active; print(ws['A1'].value.date(), ws['B1'].value, ws.parent.epoch.year)"
        #expect(try Openpyxl.output(of: script, [path]).trimmingCharacters(in: .whitespacesAndNewlines) == "2023-07-05 43650 1904")
    }

    @Test("sub-second times copy to the millisecond: 10:59:59.999 stays before eleven, for us and for openpyxl")
    func milliseconds() throws {
        let styles = """
        <numFmts count="2"><numFmt numFmtId="164" formatCode="hh:mm:ss.000"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss.000"/></numFmts>\
        <cellXfs count="3"><xf/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>
        """
        let time = 39_599.999 / 86_400, moment = 45_000 + 43_200.25 / 86_400
        let data = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>\(time)</v></c><c r=\"B1\" s=\"2\"><v>\(moment)</v></c></row>"
        let source = try Workbook(path: try Fixture.workbook(data, styles: styles))
        let path = Fixture.directory() + "/ms-copy.xlsx"
        let writer = try WorkbookWriter(path: path)
        _ = try WorkbookCopy.copy(source, to: writer)
        try writer.close()

        let copy = try Workbook(path: path)
        #expect(try copy.read(copy.sheets[0]).rows.first?.cells.map(\.value.text) == ["10:59:59.999", "2023-03-15T12:00:00.250"])
        let script = "import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1]).active; print(ws['A1'].value.isoformat(), ws['B1'].value.isoformat())"
        #expect(try Openpyxl.output(of: script, [path]).trimmingCharacters(in: .whitespacesAndNewlines) == "10:59:59.999000 2023-03-15T12:00:00.250000")
    }

    @Test("sheet names Excel refuses (over 31 characters, as some writers make them) are shortened and numbered, never failing the copy")
    func longSheetNames() throws {
        // 35 characters each, the same first 31: the second is numbered.
        let long = "2023年度全市政务公开工作要点任务分解落实情况统计表（第一批次）续一"
        let second = "2023年度全市政务公开工作要点任务分解落实情况统计表（第一批次）续二"
        let row = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
        let source = try Workbook(path: try Fixture.write(Fixture.package(sheets: [(long, Fixture.sheet(row)), (second, Fixture.sheet(row)), ("汇总", Fixture.sheet(row))])))
        let path = Fixture.directory() + "/renamed.xlsx"
        let writer = try WorkbookWriter(path: path)
        let summary = try WorkbookCopy.copy(source, to: writer)
        try writer.close()
        let first = String(long.utf16.prefix(31))!
        #expect(summary.renamed == [long: first, second: String(second.utf16.prefix(29))! + "~2"])
        let copy = try Workbook(path: path)
        #expect(copy.sheets.map(\.name) == [first, String(second.utf16.prefix(29))! + "~2", "汇总"])
        #expect(try copy.sheets.map { try copy.read($0).rows.first?.cells.first?.value.text } == ["1", "1", "1"])
        #expect(WorkbookCopy.writableName("'a[b]:c'", taken: []) == "a_b__c")
    }
}
