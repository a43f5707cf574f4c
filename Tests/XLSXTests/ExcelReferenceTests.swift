import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import Testing
@testable import XLSX

/// Our part XML beside what Excel itself wrote for the same feature, as rust_xlsxwriter tests against
/// Excel-saved files. The references (`ExcelReference/`, sources in its README) are fragments of workbooks
/// saved by Excel 2010–2016 that other projects keep as test data. Each test writes the same feature with the
/// same values and compares element by element, attributes in order; what is left out of the comparison is
/// named in the test with the reason, so every difference from Excel is deliberate and written down.
@Suite("Writer parts against Excel's")
struct ExcelReferenceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ExcelReference")

    /// The fragments of a reference file, in order.
    static func reference(_ file: String) throws -> [XMLElement] {
        let document = try XMLDocument(contentsOf: directory.appendingPathComponent(file), options: [])
        return (document.rootElement()?.children ?? []).compactMap { $0 as? XMLElement }
    }

    /// Writes one sheet with `build` and returns every part of the package as XML documents.
    static func write(sheet name: String = "Sheet1", properties: DocumentProperties? = nil,
                      _ build: (WorkbookWriter, SheetWriter) throws -> Void) throws -> [String: XMLDocument] {
        let path = Fixture.directory() + "/reference.xlsx"
        let writer = try WorkbookWriter(path: path)
        if let properties { writer.properties = properties }
        let sheet = try writer.addSheet(name)
        try build(writer, sheet)
        try writer.close()
        let archive = try ZipArchive(path: path, displayName: "reference.xlsx")
        var parts: [String: XMLDocument] = [:]
        for entry in archive.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
            parts[entry.name] = try XMLDocument(data: Data(try archive.readAll(entry, limits: .standard)), options: [])
        }
        return parts
    }

    /// The first element called `name` in a part or fragment, depth first.
    static func element(_ name: String, in document: XMLNode?) throws -> XMLElement {
        func find(_ node: XMLNode) -> XMLElement? {
            if let element = node as? XMLElement, element.name == name { return element }
            for child in node.children ?? [] { if let found = find(child) { return found } }
            return nil
        }
        return try #require(document.flatMap(find), "no <\(name)> in the part")
    }

    /// An element as text: qualified names, attributes in document order, text of leaves; `dropping` names
    /// attributes and elements left out, `only` keeps just the first n children of the top element.
    static func canonical(_ element: XMLElement, dropping: Set<String> = [], only: Int? = nil) -> String {
        let name = element.name ?? "?"
        var out = "<" + name
        for attribute in element.attributes ?? [] where !dropping.contains(attribute.name ?? "") {
            out += " \(attribute.name ?? "")=\"\(attribute.stringValue ?? "")\""
        }
        out += ">"
        var kept = 0
        for child in element.children ?? [] {
            if let child = child as? XMLElement {
                guard !dropping.contains(child.name ?? ""), kept < (only ?? .max) else { continue }
                kept += 1
                out += canonical(child, dropping: dropping)
            } else if child.kind == .text {
                out += child.stringValue ?? ""
            }
        }
        return out + "</\(name)>"
    }

    static let sheet1 = "xl/worksheets/sheet1.xml"

    @Test("merged ranges: <mergeCells> as Excel writes it (calamine's merge_cells.xlsx, Excel 16)")
    func merges() throws {
        let parts = try Self.write { _, sheet in
            try sheet.append(values: [.text("a"), .text("b")])
            for range in ["A1:B1", "A2:A4", "B2:D4"] { try sheet.merge(CellRange(range)!) }
        }
        #expect(Self.canonical(try Self.element("mergeCells", in: parts[Self.sheet1])) == Self.canonical(try Self.reference("merges.xml")[1]))
    }

    @Test("column widths: <cols>, adjacent equal columns in one <col>; bestFit is Excel's note that it sized the column itself, which we never do")
    func columns() throws {
        let parts = try Self.write { _, sheet in
            sheet.setColumn(2, width: 23.453125)
            sheet.setColumn(4, width: 12)
            sheet.setColumn(5, width: 12)
            try sheet.append(values: [.text("a")])
        }
        let ours = Self.canonical(try Self.element("cols", in: parts[Self.sheet1]))
        let excel = Self.canonical(try Self.reference("cols.xml")[2], dropping: ["bestFit"])
        #expect(ours == excel)
    }

    @Test("the top row frozen: pane and selection as Excel writes them; which cell the cursor is on and the zoom are the user's, not compared")
    func freeze() throws {
        let parts = try Self.write { _, sheet in
            sheet.freeze(rows: 1)
            try sheet.append(values: [.text("a")])
        }
        let cursor: Set<String> = ["activeCell", "sqref", "zoomScaleNormal"]
        #expect(Self.canonical(try Self.element("sheetViews", in: parts[Self.sheet1]), dropping: cursor)
                == Self.canonical(try Self.reference("freeze.xml")[0], dropping: cursor))
    }

    @Test("rows and columns frozen: one selection per pane that scrolls, as Excel writes them")
    func freezeBoth() throws {
        let parts = try Self.write { _, sheet in
            sheet.freeze(rows: 4, columns: 4)
            try sheet.append(values: [.text("a")])
        }
        let cursor: Set<String> = ["activeCell", "sqref"]
        let ours = Self.canonical(try Self.element("sheetViews", in: parts[Self.sheet1]), dropping: cursor.union(["tabSelected"]))
        // Excel also keeps the top-left pane's selection, which holds nothing but where the cursor was.
        let excel = Self.canonical(try Self.reference("freeze.xml")[2], dropping: cursor).replacingOccurrences(of: "<selection></selection>", with: "")
        #expect(ours == excel)
    }

    @Test("an autofilter: <autoFilter> and the hidden _xlnm._FilterDatabase name; xr:uid is Excel's revision id, optional")
    func autoFilter() throws {
        let parts = try Self.write(sheet: "Import Template") { _, sheet in
            try sheet.append(values: (0..<8).map { .text("列\($0)") })
            sheet.setAutoFilter(CellRange("A1:H1")!)
        }
        let reference = try Self.reference("autofilter.xml")
        #expect(Self.canonical(try Self.element("autoFilter", in: parts[Self.sheet1])) == Self.canonical(reference[0], dropping: ["xr:uid"]))
        #expect(Self.canonical(try Self.element("definedName", in: parts["xl/workbook.xml"])) == Self.canonical(reference[1]))
    }

    @Test("dropdowns: list validations with their items inline, attribute for attribute")
    func dropdowns() throws {
        let parts = try Self.write { _, sheet in
            try sheet.append(values: [.text("a")])
            try sheet.addDropdown(Dropdown(range: CellRange("G5:G5")!, items: ["$100", "$200", "$300", "$400", "$500"]))
            try sheet.addDropdown(Dropdown(range: CellRange("G2:G2")!, items: ["Dairy", "Produce", "Grain"]))
        }
        #expect(Self.canonical(try Self.element("dataValidations", in: parts[Self.sheet1])) == Self.canonical(try Self.reference("dropdowns.xml")[0]))
    }

    @Test("sheet protection without a password, as Excel writes it; our default also allows what a clerk needs (formatColumns, formatRows, autoFilter \"0\" = allowed)")
    func protection() throws {
        let strict = try Self.write { _, sheet in
            try sheet.append(values: [.text("a")])
            sheet.protect(SheetProtection(allowFormatColumns: false, allowFormatRows: false, allowSort: false, allowAutoFilter: false))
        }
        let excel = try Self.reference("protection.xml")[0]
        #expect(Self.canonical(try Self.element("sheetProtection", in: strict[Self.sheet1])) == Self.canonical(excel))
        let standard = try Self.write { _, sheet in
            try sheet.append(values: [.text("a")])
            sheet.protect()
        }
        let allowed = try Self.element("sheetProtection", in: standard[Self.sheet1])
        #expect(Self.canonical(allowed, dropping: ["formatColumns", "formatRows", "autoFilter"]) == Self.canonical(excel))
        #expect(Self.canonical(allowed) == #"<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" autoFilter="0"></sheetProtection>"#)
    }

    @Test("print setup: A4 landscape, fit to page, repeated title rows; r:id points to printer settings Excel keeps and we do not write")
    func print() throws {
        let parts = try Self.write(sheet: "W PS Mustermann Hans") { _, sheet in
            try sheet.append(values: [.text("a")])
            sheet.setPrintSetup(PrintSetup(landscape: true, paperSize: 9, fitToWidth: false, repeatRows: 17...17, pageNumbers: false))
        }
        let reference = try Self.reference("print.xml")
        let excel = try #require(reference.first { $0.name == "pageSetup" })
        #expect(Self.canonical(try Self.element("pageSetup", in: parts[Self.sheet1])) == Self.canonical(excel, dropping: ["r:id"]))
        #expect(Self.canonical(try Self.element("definedName", in: parts["xl/workbook.xml"])) == Self.canonical(reference.last!))

        let fitted = try Self.write { _, sheet in
            try sheet.append(values: [.text("a")])
            sheet.setPrintSetup(PrintSetup(landscape: true, fitToWidth: true, pageNumbers: false))
        }
        #expect(Self.canonical(try Self.element("sheetPr", in: fitted[Self.sheet1])) == Self.canonical(try #require(reference.first { $0.name == "sheetPr" })))
    }

    @Test("styles of a minimal workbook: fills, borders, cell style xfs, the first xf, cell styles, dxfs and table styles as Excel 2016 (Chinese) writes them")
    func minimalStyles() throws {
        let parts = try Self.write { _, sheet in try sheet.append(values: [.text("a")]) }
        let ours = try Self.element("styleSheet", in: parts["xl/styles.xml"])
        let excel = try Self.reference("styles.xml")[0]
        for name in ["fills", "cellStyleXfs", "cellStyles", "dxfs", "tableStyles"] {
            #expect(Self.canonical(try Self.element(name, in: ours)) == Self.canonical(try Self.element(name, in: excel)), "\(name)")
        }
        for name in ["borders", "cellXfs"] {
            #expect(Self.canonical(try Self.element(name, in: ours), dropping: ["count"], only: 1)
                    == Self.canonical(try Self.element(name, in: excel), dropping: ["count"], only: 1), "\(name)")
        }
        // charset 134 (GB2312) on the body font is what Excel writes for 等线 in other workbooks (issue574.xlsx).
        #expect(Self.canonical(try Self.element("fonts", in: ours), dropping: ["count", "x14ac:knownFonts", "charset"], only: 1)
                == Self.canonical(try Self.element("fonts", in: excel), dropping: ["count", "x14ac:knownFonts"], only: 1))
    }

    @Test("fonts: only the theme's body font (等线) follows the theme; a named font such as 微软雅黑 is that font, as Excel writes it (issue574.xlsx)")
    func namedFonts() throws {
        let parts = try Self.write { writer, sheet in
            try sheet.append([Cell(column: 1, value: .text("a"), style: writer.style(CellFormat(fontName: "微软雅黑")))])
        }
        let fonts = try Self.element("fonts", in: parts["xl/styles.xml"]).children?.compactMap { $0 as? XMLElement } ?? []
        let excel = try Self.element("fonts", in: try Self.reference("styles.xml")[6]).children?.compactMap { $0 as? XMLElement } ?? []
        // family 2 (swiss) is a hint Excel writes on some fonts and not others.
        #expect(Self.canonical(try #require(fonts.last), dropping: ["family"]) == Self.canonical(excel[2], dropping: ["family"]))
        #expect(Self.canonical(try #require(fonts.first), dropping: ["family"]) == Self.canonical(excel[0], dropping: ["family"]))
    }

    @Test("a bordered, filled, wrapped and centred cell style: the xf's attributes and alignment in Excel's order, its fill as Excel writes it")
    func cellStyle() throws {
        let parts = try Self.write { writer, sheet in
            let style = writer.style(CellFormat(fontColor: "FF0000", fill: "FFFF00", border: true, horizontal: .center, vertical: .center, wrap: true))
            try sheet.append([Cell(column: 1, value: .text("a"), style: style)])
        }
        let styles = try Self.element("styleSheet", in: parts["xl/styles.xml"])
        let reference = try Self.reference("styles.xml")
        let xf = try #require(try Self.element("cellXfs", in: styles).children?.compactMap { $0 as? XMLElement }.last)
        let indexes: Set<String> = ["fontId", "fillId", "borderId"]
        #expect(Self.canonical(xf, dropping: indexes) == Self.canonical(reference[5], dropping: indexes))
        let fill = try #require(try Self.element("fills", in: styles).children?.compactMap { $0 as? XMLElement }.last)
        #expect(Self.canonical(fill) == Self.canonical(reference[3]))
    }

    @Test("custom document properties: docProps/custom.xml, property for property")
    func customProperties() throws {
        let properties = DocumentProperties(custom: [("ContentTypeId", "0x010100C215EFEF73C8BA439E5748A624097941"), ("MediaServiceImageTags", "")])
        let parts = try Self.write(properties: properties) { _, sheet in try sheet.append(values: [.text("a")]) }
        #expect(Self.canonical(try Self.element("Properties", in: parts["docProps/custom.xml"])) == Self.canonical(try Self.reference("custom.xml")[0]))
    }

    @Test("charts: every element our bar, doughnut and line charts write is one Excel writes in that kind of chart, under the same parent")
    func charts() throws {
        func paths(_ element: XMLElement, _ parent: String = "") -> Set<String> {
            let path = parent + "/" + (element.name ?? "?")
            return (element.children ?? []).compactMap { $0 as? XMLElement }.reduce(into: [path]) { $0.formUnion(paths($1, path)) }
        }
        let parts = try Self.write { _, sheet in
            try sheet.append(values: [.text("单位"), .text("已完成"), .text("推进中")])
            try sheet.append(values: [.text("法规科"), .number(3), .number(1)])
            sheet.addChart(Chart(kind: .bar(horizontal: true, stacked: true), title: "各单位任务进展", categories: ["法规科"], categoriesRange: Chart.reference(sheet: "Sheet1", CellRange("A2:A2")!),
                                 series: [.init(name: "已完成", values: [3], valuesRange: Chart.reference(sheet: "Sheet1", CellRange("B2:B2")!)),
                                          .init(name: "推进中", values: [1], valuesRange: Chart.reference(sheet: "Sheet1", CellRange("C2:C2")!))]),
                           at: CellRange("E1:L15")!)
            sheet.addChart(Chart(kind: .doughnut, title: "任务状态", categories: ["已完成", "推进中"], categoriesRange: Chart.reference(sheet: "Sheet1", CellRange("B1:C1")!),
                                 series: [.init(name: "任务数", values: [3, 1], valuesRange: Chart.reference(sheet: "Sheet1", CellRange("B2:C2")!))]),
                           at: CellRange("E17:L31")!)
            sheet.addChart(Chart(kind: .line, title: "完成率变化", categories: ["2023-07"], categoriesRange: Chart.reference(sheet: "Sheet1", CellRange("A2:A2")!),
                                 series: [.init(name: "完成率", nameCell: Chart.reference(sheet: "Sheet1", CellRange("B1")!), values: [0.25],
                                                valuesRange: Chart.reference(sheet: "Sheet1", CellRange("B2:B2")!), color: "08519C")],
                                 showLegend: false, valueFormat: "0.0%", valueAxisBounds: 0...1),
                           at: CellRange("E33:L47")!)
        }
        let reference = try Self.reference("chart.xml") + Self.reference("linechart.xml")
        var excel = reference.reduce(into: Set<String>()) { $0.formUnion(paths($1)) }
        let plot = "/c:chartSpace/c:chart/c:plotArea/", font = "/c:chartSpace/c:txPr/a:p/a:pPr/a:defRPr/"
        // Deliberate, each valid in the schema (ECMA-376 part 1, 21.2):
        let ours = [
            // data labels show whole numbers, whatever format the source cells have;
            plot + "c:barChart/c:dLbls/c:numFmt", plot + "c:doughnutChart/c:dLbls/c:numFmt",
            // a series without a cell for its name is named by text (CT_SerTx's v), as the ledger's counts are;
            plot + "c:barChart/c:ser/c:tx/c:v", plot + "c:doughnutChart/c:ser/c:tx", plot + "c:doughnutChart/c:ser/c:tx/c:v",
            // the rate's labels sit above its points, in its format; its axis runs from 0 to 100%;
            plot + "c:lineChart/c:dLbls/c:numFmt", plot + "c:lineChart/c:dLbls/c:dLblPos", plot + "c:valAx/c:scaling/c:max", plot + "c:valAx/c:scaling/c:min",
            // a marker on each point (CT_Marker's size and spPr; Excel 2013's line has none), the line in an RGB colour as
            // our bars are, and markers shown for the chart (CT_LineChart's marker, which Excel for Mac 2011 writes);
            plot + "c:lineChart/c:ser/c:marker/c:size", plot + "c:lineChart/c:ser/c:marker/c:spPr", plot + "c:lineChart/c:ser/c:marker/c:spPr/a:solidFill",
            plot + "c:lineChart/c:ser/c:marker/c:spPr/a:solidFill/a:srgbClr", plot + "c:lineChart/c:ser/c:spPr/a:ln/a:solidFill/a:srgbClr", plot + "c:lineChart/c:marker",
            // chart text names 等线 for Latin and East Asian script, or Chinese labels fall back to a Western font;
            font + "a:latin", font + "a:ea",
        ]
        // Excel's doughnut here has no categories and its line has dates (numRef); its bar series have text categories,
        // and CT_PieSer and CT_LineSer take the same cat.
        let categories = ["c:cat", "c:cat/c:strRef", "c:cat/c:strRef/c:f", "c:cat/c:strRef/c:strCache", "c:cat/c:strRef/c:strCache/c:pt",
                          "c:cat/c:strRef/c:strCache/c:pt/c:v", "c:cat/c:strRef/c:strCache/c:ptCount"]
        #expect(categories.allSatisfy { excel.contains(plot + "c:barChart/c:ser/" + $0) })
        excel.formUnion(ours + categories.map { plot + "c:doughnutChart/c:ser/" + $0 } + categories.map { plot + "c:lineChart/c:ser/" + $0 })
        // Ours are whole parts, rooted at c:chartSpace as Excel's are.
        for part in ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml"] {
            let written = paths(try Self.element("c:chartSpace", in: parts[part]))
            #expect(written.subtracting(excel).sorted() == [], "\(part)")
        }
    }
}
