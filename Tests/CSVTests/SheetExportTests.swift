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

    @Test("a vertically merged group column is filled down, including rows the file leaves out")
    func fillDown() throws {
        let xml = Fixture.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>一、基础</t></is></c><c r=\"B1\"><v>1</v></c></row><row r=\"2\"><c r=\"B2\"><v>2</v></c></row>",
                                after: "<mergeCells><mergeCell ref=\"A1:A3\"/><mergeCell ref=\"C1:D1\"/></mergeCells>")
        let path = try Fixture.write(Fixture.package(sheets: [("S", xml)]))
        #expect(try export(path) == "一、基础,1\n,2\n")
        #expect(try export(path, fillMerged: true) == "一、基础,1\n一、基础,2\n一、基础\n")
    }

    @Test("rows held out of order come out sorted")
    func outOfOrder() throws {
        let path = try Fixture.workbook("<row r=\"2\"><c r=\"A2\"><v>2</v></c></row><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        #expect(try export(path) == "1\n2\n")
    }

    @Test("merge fill: a horizontal range copies the anchor across, other rows untouched")
    func horizontal() {
        var fill = MergeFill(ranges: [CellRange("B2:D2")!])
        let row = Row(number: 2, cells: [Cell(column: 2, value: .text("合"))])
        let out = fill.rows(for: row)
        #expect(out.first?.cells.map(\.column) == [2, 3, 4])
        #expect(fill.rows(for: Row(number: 5, cells: [Cell(column: 1, value: .number(1))])).first?.cells.count == 1)
    }
}
