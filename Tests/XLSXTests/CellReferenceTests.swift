import Testing
@testable import XLSX

@Suite("Cell references")
struct CellReferenceTests {
    @Test("A1-style references parse in either case and with $", arguments: [
        ("A1", 1, 1), ("e12", 12, 5), ("$E$12", 12, 5), ("AA10", 10, 27), ("XFD1048576", 1_048_576, 16_384),
    ])
    func parses(text: String, row: Int, column: Int) {
        #expect(CellReference(text) == CellReference(row: row, column: column))
    }

    @Test("column names round-trip", arguments: [1, 26, 27, 52, 702, 703, 16_384])
    func columnNames(column: Int) {
        let name = CellReference.columnName(column)
        #expect(CellReference(name + "1")?.column == column)
    }

    @Test("beyond XFD1048576 is outside Excel's limits")
    func limits() {
        #expect(CellReference("XFE1")?.isWithinExcelLimits == false)
        #expect(CellReference("A1048577")?.isWithinExcelLimits == false)
        #expect(CellReference("XFD1048576")?.isWithinExcelLimits == true)
    }

    @Test("not references", arguments: ["", "1A", "A1B", "A-1", "中1"])
    func rejects(text: String) {
        #expect(CellReference(text) == nil)
    }

    @Test("ranges normalise their corners and count cells")
    func ranges() {
        let range = CellRange("C3:A1")
        #expect(range?.description == "A1:C3")
        #expect(range?.cellCount == 9)
        #expect(CellRange("B2")?.description == "B2")
    }
}

@Suite("Package paths")
struct PackagePathTests {
    @Test("relationship targets resolve like Office does", arguments: [
        ("worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("/xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("../tables/table1.xml", "xl/worksheets/sheet1.xml", "xl/tables/table1.xml"),
        ("worksheets\\sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("xl//worksheets/./sheet1.xml", "", "xl/worksheets/sheet1.xml"),
        ("xl/workbook.xml", "", "xl/workbook.xml"),
    ])
    func resolves(target: String, source: String, expected: String) {
        #expect(PackagePath.resolve(target: target, from: source) == expected)
    }

    @Test("the relationships part of a part")
    func relationshipsPart() {
        #expect(PackagePath.relationships(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(PackagePath.relationships(of: "workbook.xml") == "_rels/workbook.xml.rels")
    }
}
