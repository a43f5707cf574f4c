import Foundation
import Table
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
}
