import Foundation
import TestSupport
import Testing
@testable import XLSX

/// Each test pins one quirk of real files (see peers.md section 3), named after it.
@Suite("Streaming sheet reader")
struct SheetReaderTests {
    func rows(_ path: String, sheet: Int = 0) throws -> [Row] {
        let workbook = try Workbook(path: path)
        return try workbook.read(workbook.sheets[sheet]).rows
    }

    func values(_ rows: [Row]) -> [[String: String]] {
        rows.map { row in Dictionary(uniqueKeysWithValues: row.cells.map { (CellReference(row: row.number, column: $0.column).description, $0.value.text) }) }
    }

    @Test("shared strings: rich-text runs joined, phonetic runs left out, whitespace kept, _xHHHH_ decoded")
    func sharedStrings() throws {
        let path = try Fixture.workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>",
            sharedStrings: "<si><r><t>法规</t></r><r><rPr><b/></rPr><t>科</t></r></si><si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si><si><t xml:space=\"preserve\">  两端空格  </t></si><si><t>第一行_x000D_\n第二行</t></si>")
        let row = try #require(rows(path).first)
        #expect(row.cells.map(\.value) == [.text("法规科"), .text("漢字"), .text("  两端空格  "), .text("第一行\r\n第二行")])
    }

    @Test("a string item mixing a plain <t> and runs is one text; spaces are kept without xml:space too")
    func mixedStringItems() throws {
        let path = try Fixture.workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" s=\"\"><v>7</v></c></row>",
            sharedStrings: "<si><t>牵头</t><r><t>单位</t></r></si><si><t>  办公室 </t></si>")
        let row = try #require(rows(path).first)
        // An empty s="" is style 0: the number reads as a number.
        #expect(row.cells.map(\.value) == [.text("牵头单位"), .text("  办公室 "), .number(7)])
    }

    @Test("inline strings: <is><t>, runs, an empty string that is not an absent cell, a redundant <v>")
    func inlineStrings() throws {
        let path = try Fixture.workbook("""
        <row r="1"><c r="A1" t="inlineStr"><is><t>直接</t></is></c><c r="B1" t="inlineStr"><is><r><t>分</t></r><r><t>段</t></r></is></c>\
        <c r="C1" t="inlineStr"><is><t/></is></c><c r="E1" t="inlineStr"><is><t>1.</t></is><v>01.</v></c></row>
        """)
        let row = try #require(rows(path).first)
        #expect(row.cells.map(\.column) == [1, 2, 3, 5])
        #expect(row[3] == .text(""))
        #expect(row[4] == nil)
        #expect(row[5] == .text("1."))
    }

    @Test("cell types n, str, b, e, d; empty <v/> is an absent cell")
    func cellTypes() throws {
        let path = try Fixture.workbook("""
        <row r="1"><c r="A1"><v>3.5</v></c><c r="B1" t="str"><f>A1&amp;""</f><v>3.5</v></c><c r="C1" t="b"><v>1</v></c>\
        <c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="d"><v>2023-03-15T08:00:00</v></c><c r="F1"><v/></c><c r="G1" t="s"><v></v></c><c r="H1" s="0"/></row>
        """)
        let row = try #require(rows(path).first)
        #expect(row.cells.map(\.value) == [.number(3.5), .text("3.5"), .bool(true), .error("#N/A"),
                                           .date(ExcelDateTime(year: 2023, month: 3, day: 15, millisecondOfDay: 8 * 3_600_000))])
    }

    @Test("cells and rows without r count on from the previous one")
    func missingReferences() throws {
        let path = try Fixture.workbook("<row><c><v>1</v></c><c><v>2</v></c></row><row><c r=\"C2\"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>")
        #expect(values(try rows(path)) == [["A1": "1", "B1": "2"], ["C2": "3", "D2": "4"], ["A3": "5"]])
    }

    @Test("cells out of order in a row are sorted; a repeated address keeps the later cell")
    func cellsOutOfOrder() throws {
        let path = try Fixture.workbook("<row r=\"1\"><c r=\"C1\"><v>3</v></c><c r=\"A1\"><v>1</v></c><c r=\"C1\"><v>33</v></c></row>")
        #expect(try rows(path).first?.cells.map(\.value) == [.number(1), .number(33)])
    }

    @Test("rows out of order come out sorted when the sheet is read whole")
    func rowsOutOfOrder() throws {
        let path = try Fixture.workbook("<row r=\"3\"><c r=\"A3\"><v>3</v></c></row><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        #expect(try rows(path).map(\.number) == [1, 3])
    }

    @Test("a formula saved without its result is no cell, but is counted and listed")
    func uncachedFormulas() throws {
        var data = "<row r=\"1\"><c r=\"A1\"><f>1+1</f></c><c r=\"B1\"><f>2*2</f><v>4</v></c><c r=\"C1\" t=\"str\"><f>\"a\"</f></c></row>"
        for row in 2...151 { data += "<row r=\"\(row)\"><c r=\"D\(row)\"><f>A1</f></c></row>" }
        let workbook = try Workbook(path: try Fixture.workbook(data))
        let content = try workbook.read(workbook.sheets[0])
        #expect(values(content.rows) == [["B1": "4"]])
        #expect(content.uncachedFormulas.count == 152)
        #expect(content.uncachedFormulas.cells.count == UncachedFormulas.listed)
        #expect(content.uncachedFormulas.cells.prefix(3).map(\.description) == ["A1", "C1", "D2"])
    }

    @Test("a row written twice is one row, the later cells winning")
    func rowWrittenTwice() throws {
        let path = try Fixture.workbook("<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>2</v></c></row><row r=\"4\"><c r=\"A4\"><v>4</v></c></row>"
            + "<row r=\"2\"><c r=\"B2\"><v>22</v></c><c r=\"C2\"><v>3</v></c></row>")
        #expect(values(try rows(path)) == [["A2": "1", "B2": "22", "C2": "3"], ["A4": "4"]])
    }

    @Test("dates by style: built-in 14, CJK built-in 31, custom yyyy\"年\"m\"月\"d\"日\", duration [h]:mm; 1904 system")
    func datesByStyle() throws {
        let styles = """
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>\
        <cellXfs count="5"><xf/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>
        """
        let data = "<row r=\"1\"><c r=\"A1\"><v>45000</v></c><c r=\"B1\" s=\"1\"><v>45000</v></c><c r=\"C1\" s=\"2\"><v>45000</v></c><c r=\"D1\" s=\"3\"><v>45000</v></c><c r=\"E1\" s=\"4\"><v>1.5</v></c></row>"
        let row = try #require(rows(try Fixture.workbook(data, styles: styles)).first)
        #expect(row.cells.map(\.value.text) == ["45000", "2023-03-15", "2023-03-15", "2023-03-15", "36:00:00"])

        let zip = Fixture.package(sheets: [("S", Fixture.sheet(data))], styles: styles, workbookPr: "<workbookPr date1904=\"1\"/>")
        let workbook = try Workbook(path: try Fixture.write(zip))
        #expect(workbook.dateSystem == .system1904)
        #expect(try workbook.read(workbook.sheets[0]).rows.first?[2]?.text == "2027-03-16")
    }

    @Test("x: prefixes and strict namespaces are matched by local name")
    func namespaces() throws {
        let strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
        let xml = "<x:worksheet xmlns:x=\"\(strict)\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>严格</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"
        var zip = ZipBuilder()
        zip.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" Target=\"/xl/workbook.xml\"/></Relationships>")
        zip.add("xl/workbook.xml", "<w:workbook xmlns:w=\"\(strict)\" xmlns:rel=\"http://purl.oclc.org/ooxml/officeDocument/relationships\"><w:sheets><w:sheet name=\"严格\" sheetId=\"1\" rel:id=\"a\"/></w:sheets></w:workbook>")
        zip.add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"a\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet\" Target=\"worksheets\\Sheet1.XML\"/></Relationships>")
        zip.add("xl/worksheets/sheet1.xml", xml)
        let workbook = try Workbook(path: try Fixture.write(zip))
        #expect(workbook.sheets.map(\.name) == ["严格"])
        #expect(try workbook.read(workbook.sheets[0]).rows.first?[1] == .text("严格"))
    }

    @Test("merged ranges, hidden rows, sheet visibility, a wrong <dimension> that is never trusted")
    func sheetStructure() throws {
        let xml = Fixture.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\" hidden=\"1\"><c r=\"D5\"><v>2</v></c></row>",
                                after: "<mergeCells count=\"1\"><mergeCell ref=\"A1:A3\"/></mergeCells>", before: "<dimension ref=\"A1\"/>")
        let zip = Fixture.package(sheets: [("可见", xml), ("隐藏", xml)], sheetState: ["隐藏": "veryHidden"])
        let workbook = try Workbook(path: try Fixture.write(zip))
        #expect(workbook.sheets.map(\.visibility) == [.visible, .veryHidden])
        let content = try workbook.read(workbook.sheets[0])
        #expect(content.mergedRanges.map(\.description) == ["A1:A3"])
        #expect(content.declaredDimension == "A1")
        #expect(content.rows.map(\.isHidden) == [false, true])
        #expect(content.usedRange?.description == "A1:D2")
    }

    @Test("one value in column XFD and formatting down to row 1,048,576 cost nothing")
    func inflatedUsedRange() throws {
        var data = "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"><v>2</v></c></row>"
        for r in stride(from: 2, through: 1_048_576, by: 997) { data += "<row r=\"\(r)\" s=\"1\" customFormat=\"1\"><c r=\"A\(r)\" s=\"1\"/></row>" }
        data += "<row r=\"1048576\"><c r=\"B1048576\"><v>3</v></c></row>"
        let workbook = try Workbook(path: try Fixture.workbook(data))
        let start = ContinuousClock.now
        let content = try workbook.read(workbook.sheets[0])
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(content.rows.map(\.number) == [1, 1_048_576])
        #expect(content.usedRange?.description == "A1:XFD1048576")
    }

    @Test("chart and dialog sheets are listed and yield no rows, even a dialog sheet holding cells",
          arguments: [("chartsheet", SheetKind.chartsheet), ("dialogsheet", .dialogsheet)])
    func sheetsWithoutRows(type: String, kind: SheetKind) throws {
        var zip = Fixture.package(sheets: [("数据", Fixture.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))])
        zip.entries.removeAll { $0.name == "xl/workbook.xml" || $0.name == "xl/_rels/workbook.xml.rels" }
        zip.add("xl/workbook.xml", "<workbook xmlns=\"\(Fixture.main)\" xmlns:r=\"\(Fixture.rel)\"><sheets><sheet name=\"其他\" sheetId=\"2\" r:id=\"c\"/><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        zip.add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"c\" Type=\"\(Fixture.rel)/\(type)\" Target=\"\(type)s/sheet1.xml\"/><Relationship Id=\"rId1\" Type=\"\(Fixture.rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
        zip.add("xl/\(type)s/sheet1.xml", "<\(type) xmlns=\"\(Fixture.main)\"><sheetData><row r=\"1\"><c r=\"A1\"><v>9</v></c></row></sheetData></\(type)>")
        let workbook = try Workbook(path: try Fixture.write(zip))
        #expect(workbook.sheets.map(\.kind) == [kind, .worksheet])
        #expect(try workbook.rows(of: workbook.sheets[0]).next() == nil)
        #expect(try workbook.sheet(named: "2").name == "数据")
    }

    @Test("entry names with backslashes, and a workbook part found where no relationship points")
    func packagePaths() throws {
        let rels = "http://schemas.openxmlformats.org/package/2006/relationships"
        let sheet = Fixture.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>找到了</t></is></c></row>")
        let workbookXML = "<workbook xmlns=\"\(Fixture.main)\" xmlns:r=\"\(Fixture.rel)\"><sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"s\"/></sheets></workbook>"
        let sheetRels = "<Relationships xmlns=\"\(rels)\"><Relationship Id=\"s\" Type=\"\(Fixture.rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"

        var backslashes = ZipBuilder()
        backslashes.add("_rels\\.rels", "<Relationships xmlns=\"\(rels)\"><Relationship Id=\"r\" Type=\"\(Fixture.rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        backslashes.add("xl\\workbook.xml", workbookXML)
        backslashes.add("xl\\_rels\\workbook.xml.rels", sheetRels)
        backslashes.add("xl\\worksheets\\sheet1.xml", sheet)

        var elsewhere = ZipBuilder()   // no root relationships at all
        elsewhere.add("book/workbook.xml", workbookXML)
        elsewhere.add("book/_rels/workbook.xml.rels", sheetRels)
        elsewhere.add("book/worksheets/sheet1.xml", sheet)

        for zip in [backslashes, elsewhere] {
            let workbook = try Workbook(path: try Fixture.write(zip))
            #expect(try workbook.read(workbook.sheets[0]).rows.first?[1] == .text("找到了"))
        }
    }

    @Test("rows stream: the reader hands out rows before the part is fully parsed")
    func streams() throws {
        var data = ""
        for r in 1...50_000 { data += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>第\(r)行</t></is></c></row>" }
        let workbook = try Workbook(path: try Fixture.workbook(data))
        let reader = try workbook.rows(of: workbook.sheets[0])
        var count = 0
        while let row = try reader.next() {
            count += 1
            #expect(row.number == count)
        }
        #expect(count == 50_000)
    }

    @Test("a cell whose shared string is not loaded yet waits for it (strings used in reverse order)")
    func sharedStringsLoadConcurrently() throws {
        let n = 60_000
        let sst = (0..<n).map { "<si><t>第\($0)条</t></si>" }.joined()
        let data = (0..<200).map { r in "<row r=\"\(r + 1)\"><c r=\"A\(r + 1)\" t=\"s\"><v>\(n - 1 - r)</v></c></row>" }.joined()
        let workbook = try Workbook(path: try Fixture.workbook(data, sharedStrings: sst))
        let rows = try workbook.read(workbook.sheets[0]).rows
        #expect(rows.first?[1] == .text("第\(n - 1)条"))
        #expect(rows.last?[1] == .text("第\(n - 200)条"))
        #expect(workbook.sharedStrings().count == n)
    }

    @Test("a huge number under an elapsed-time format reads as a number, not a crash (the .xls fuzzer found it; the .xlsx path had it too)")
    func hugeElapsedTime() throws {
        let styles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"[h]:mm\"/></numFmts><cellXfs count=\"2\"><xf/><xf numFmtId=\"164\"/></cellXfs>"
        let path = try Fixture.workbook("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1e300</v></c><c r=\"B1\" s=\"1\"><v>1.5</v></c></row>", styles: styles)
        #expect(try rows(path).first?.cells.map(\.value) == [.number(1e300), .duration(milliseconds: 129_600_000)])
    }

    @Test("a broken shared-string part is reported even when the sheet needs none of its strings")
    func brokenSharedStrings() throws {
        let path = try Fixture.workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", sharedStrings: "<si><t>未闭合</si>")
        let workbook = try Workbook(path: path)
        #expect(throws: XLSXError.self) { _ = try workbook.read(workbook.sheets[0]) }
    }

    @Test("a sheet whose relationship id is empty has no part; it never borrows another sheet's (tdf111974.xlsm)")
    func emptyRelationshipId() throws {
        var zip = Fixture.package(sheets: [("数据", Fixture.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")), ("第二", Fixture.sheet("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>"))])
        zip.entries.removeAll { $0.name == "xl/workbook.xml" }
        zip.add("xl/workbook.xml", "<workbook xmlns=\"\(Fixture.main)\" xmlns:r=\"\(Fixture.rel)\"><sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"隐藏\" sheetId=\"3\" state=\"veryHidden\" r:id=\"\"/></sheets></workbook>")
        let workbook = try Workbook(path: try Fixture.write(zip))
        #expect(workbook.sheets.map(\.part) == ["xl/worksheets/sheet1.xml", nil])
        #expect(throws: XLSXError.self) { _ = try workbook.read(workbook.sheets[1]) }
    }
}
