import CSV
import Table
import TestSupport
import Testing
import XLSX

@Suite("Sheet export to CSV and merged-cell fill")
struct SheetExportTests {
    func export(_ path: String, fillMerged: Bool = false) throws -> String {
        var out: [UInt8] = []
        let workbook = try Workbook(path: path)
        do {
            let writer = try CSVWriter(encoding: .utf8, lineEnd: "\n") { out.append(contentsOf: $0) }
            _ = try SheetExport.writeCSV(workbook, sheet: workbook.sheets[0], to: writer, fillMerged: fillMerged)
            try writer.flush()
        } catch is SheetExport.RowsOutOfOrder {
            out.removeAll()
            let writer = try CSVWriter(encoding: .utf8, lineEnd: "\n") { out.append(contentsOf: $0) }
            _ = try SheetExport.writeCSVBuffered(workbook, sheet: workbook.sheets[0], to: writer, fillMerged: fillMerged)
            try writer.flush()
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("gaps become empty fields and empty lines; rows end at their last value")
    func gaps() throws {
        let path = try Fixture.workbook("<row r=\"1\"><c r=\"B1\"><v>1</v></c></row><row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"C3\"><v>3</v></c></row>")
        #expect(try export(path) == ",1\n\n2,,3\n")
    }

    @Test("a vertically merged group column is filled down, including rows the file leaves out, up to the last row with a value")
    func fillDown() throws {
        let xml = Fixture.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>一、基础</t></is></c><c r=\"B1\"><v>1</v></c></row><row r=\"2\"><c r=\"B2\"><v>2</v></c></row>",
                                after: "<mergeCells><mergeCell ref=\"A1:A3\"/><mergeCell ref=\"C1:D1\"/></mergeCells>")
        let path = try Fixture.write(Fixture.package(sheets: [("S", xml)]))
        #expect(try export(path) == "一、基础,1\n,2\n")
        #expect(try export(path, fillMerged: true) == "一、基础,1\n一、基础,2\n")
    }

    @Test("rows held out of order come out sorted")
    func outOfOrder() throws {
        let path = try Fixture.workbook("<row r=\"2\"><c r=\"A2\"><v>2</v></c></row><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        #expect(try export(path) == "1\n2\n")
    }

    /// The rows a fill emits for each row given, then at the end.
    func filled(_ ranges: [String], extent: String, _ rows: [Row]) -> [Row] {
        var fill = MergeFill<Row>(ranges: ranges.map { CellArea($0)! }, extent: CellAddress(extent))
        var out: [Row] = []
        for row in rows { fill.rows(for: row) { out.append($0) } }
        fill.rows(for: nil) { out.append($0) }
        return out
    }

    @Test("merge fill: a horizontal range copies the anchor across, other rows untouched")
    func horizontal() {
        let out = filled(["B2:D2"], extent: "D5", [Row(number: 2, cells: [Cell(column: 2, value: .text("合"))]),
                                                 Row(number: 5, cells: [Cell(column: 1, value: .number(1))])])
        #expect(out.map(\.number) == [2, 5])
        #expect(out[0].cells.map(\.column) == [2, 3, 4])
        #expect(out[1].cells.count == 1)
    }

    @Test("merge fill: a range over the whole sheet fills only the table's extent, and is named for a note")
    func wholeSheet() {
        let rows = (1...3).map { Row(number: $0, cells: [Cell(column: 1, value: .text("A\($0)")), Cell(column: 3, value: .number(Double($0)))]) }
        var fill = MergeFill<Row>(ranges: [CellArea("A1:XFD1048576")!], extent: CellAddress("C3"))
        var out: [Row] = []
        for row in rows { fill.rows(for: row) { out.append($0) } }
        fill.rows(for: nil) { out.append($0) }
        #expect(out.map(\.number) == [1, 2, 3])
        #expect(out.allSatisfy { $0.cells.map(\.column) == [1, 2, 3] && $0.cells.allSatisfy { $0.value == .text("A1") } })
        #expect(fill.ignored == [CellArea("A1:XFD1048576")!])
        #expect(fill.effectiveRanges == [CellArea("A1:C3")!])
    }

    @Test("merge fill: a title merged one column past the table is cut without a note; ranges past the table are dropped")
    func pastTable() {
        let fill = MergeFill<Row>(ranges: ["A1:F1", "H1:H2", "A9:B9"].map { CellArea($0)! }, extent: CellAddress("E8"))
        #expect(fill.effectiveRanges == [CellArea("A1:E1")!])
        #expect(fill.ignored.isEmpty)
    }

    @Test("merge fill: of overlapping ranges the smaller is kept, whichever comes first")
    func overlapping() {
        for order in [["A1:E5", "A2:A3", "C4:D4"], ["C4:D4", "A2:A3", "A1:E5"]] {
            let fill = MergeFill<Row>(ranges: order.map { CellArea($0)! }, extent: CellAddress("E5"))
            #expect(fill.effectiveRanges == [CellArea("A2:A3")!, CellArea("C4:D4")!])
        }
        // A typed cell under a range is replaced by the anchor's value, once; the anchor stays typed.
        let out = filled(["A1:A2"], extent: "B2", [Row(number: 1, cells: [Cell(column: 1, value: .text("类"))]),
                                                 Row(number: 2, cells: [Cell(column: 2, value: .number(2)), Cell(column: 1, value: .text("藏"))])])
        #expect(out[1].cells == [Cell(column: 1, value: .text("类")), Cell(column: 2, value: .number(2))])
    }

    @Test("merge fill: a vertical range over a million rows the file leaves out costs only the rows up to the extent")
    func tallRange() {
        let out = filled(["A1:A1048576"], extent: "B4", [Row(number: 1, cells: [Cell(column: 1, value: .text("类"))]),
                                                       Row(number: 4, cells: [Cell(column: 2, value: .number(4))])])
        #expect(out.map(\.number) == [1, 2, 3, 4])
    }
}
