import Table
import TestSupport
import Testing

@Suite("Reading a worksheet into a grid")
struct WorksheetGridTests {
    func grid(_ sheetData: String, after: String = "", sharedStrings: String? = nil, budget: ReadBudget = .standard) throws -> Grid {
        let path = try Fixture.write(Fixture.package(sheets: [("S", Fixture.sheet(sheetData, after: after))], sharedStrings: sharedStrings))
        let file = try SpreadsheetFile.open(path, budget: budget)
        return try file.grid(file.sheets[0])
    }

    @Test("rows held out of order or twice come out sorted, a row written twice joined")
    func outOfOrder() throws {
        let grid = try grid("<row r=\"3\"><c r=\"A3\"><v>3</v></c></row><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"3\"><c r=\"B3\"><v>4</v></c></row>")
        #expect(grid.rows.map(\.number) == [1, 3])
        #expect(grid.rows[1].cells.map(\.column) == [1, 2])
    }

    @Test("a merged range is filled within the table, marked as filled, and a range far past it is named")
    func merged() throws {
        let grid = try grid("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\"><v>1</v></c></row><row r=\"3\"><c r=\"B3\"><v>2</v></c></row>",
                            after: "<mergeCells><mergeCell ref=\"A1:A1048576\"/></mergeCells>", sharedStrings: "<si><t>类别</t></si>")
        #expect(grid.rows.map(\.number) == [1, 2, 3])
        #expect(grid.rows.map { $0.text(1) } == ["类别", "类别", "类别"])
        #expect(grid.rows.map { $0[1]?.filledFromMerge } == [false, true, true])
        #expect(grid.mergedRanges == [CellArea("A1:A3")!])
        #expect(grid.ignoredMerges == [CellArea("A1:A1048576")!])
    }

    @Test("a shared string counts against the budget in every cell that uses it; the error names file, sheet and row")
    func budget() throws {
        let long = String(repeating: "长", count: 20_000)
        let rows = (1...400).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>0</v></c></row>" }.joined()
        #expect(try grid(rows, sharedStrings: "<si><t>\(long)</t></si>").rows.count == 400)
        let error = try #require(throws: FileTooLarge.self) { try grid(rows, sharedStrings: "<si><t>\(long)</t></si>", budget: ReadBudget(megabytes: 16)) }
        #expect(error.description.hasPrefix("fixture.xlsx S!A"))
        #expect(error.description.contains("文件过大或异常"))
    }
}
