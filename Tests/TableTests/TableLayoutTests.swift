import CSV
import Foundation
import Table
import TestSupport
import Testing
import XLSX

@Suite("Grid and table layout")
struct TableLayoutTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let words: Set<String> = ["序号", "工作要求", "具体任务", "具体要求", "牵头落实单位", "完成时限", "责任单位", "牵头", "配合", "进展情况"]
    func isHeader(_ text: String) -> Bool { words.contains(text.filter { !$0.isWhitespace }) }
    /// The first sheet of a workbook as the input door gives it.
    func grid(_ workbook: Workbook) throws -> Grid {
        let file = try SpreadsheetFile.open(workbook.displayName)
        return try file.grid(file.sheets[0])
    }
    func isFooter(_ text: String) -> Bool { text.hasPrefix("注") || text.hasPrefix("填表说明") || text.hasPrefix("审核人") }

    @Test("the seed plan: title above, header on row 2, 21 data rows, the group column filled down and marked")
    func seedPlan() throws {
        let workbook = try Workbook(path: Self.repository + "/samples/plan-2023.xlsx")
        let grid = try grid(workbook)
        let layout = try #require(TableLayout.locate(grid, isHeader: isHeader, isFooter: isFooter))
        #expect(layout.headerRows == 2...2)
        #expect(layout.headers[4] == "牵头落实单位")
        #expect(layout.preamble.first?.text(1) == "汕尾市政务服务数据管理局2023年政务公开工作要点分工方案")
        #expect(layout.data.count == 21)
        let second = layout.data[1]
        #expect(second.text(1) == "一、优化政务公开工作基础")
        #expect(second[1]?.filledFromMerge == true)
        #expect(layout.data[0][1]?.filledFromMerge == false)
        #expect(grid.location(row: 12, column: 5).description == "plan-2023.xlsx 工作表1!E12")
    }

    @Test("the CSV form of the plan gives the same layout, every value as text")
    func csvPlan() throws {
        let document = try CSVDocument.read(path: Self.repository + "/samples/plan-2023-gbk.csv")
        let layout = try #require(TableLayout.locate(Grid(csv: document), isHeader: isHeader, isFooter: isFooter))
        #expect(layout.headerRows == 2...2)
        #expect(layout.data.count == 21)
        #expect(layout.data[0].text(5) == "11月底前")
    }

    @Test("a two-row header with a merged parent flattens to parent/child; footer rows end the data")
    func twoRowHeader() throws {
        let sheet = Fixture.sheet("""
        <row r="1"><c r="A1" t="inlineStr"><is><t>附件1</t></is></c></row>\
        <row r="2"><c r="A2" t="inlineStr"><is><t>序号</t></is></c><c r="B2" t="inlineStr"><is><t>具体任务</t></is></c><c r="C2" t="inlineStr"><is><t>责任单位</t></is></c></row>\
        <row r="3"><c r="C3" t="inlineStr"><is><t>牵头</t></is></c><c r="D3" t="inlineStr"><is><t>配合</t></is></c></row>\
        <row r="4"><c r="A4"><v>1</v></c><c r="B4" t="inlineStr"><is><t>任务一</t></is></c><c r="C4" t="inlineStr"><is><t>办公室</t></is></c></row>\
        <row r="5"><c r="A5" t="inlineStr"><is><t>注：本表由各单位填写</t></is></c></row>
        """, after: "<mergeCells><mergeCell ref=\"A2:A3\"/><mergeCell ref=\"B2:B3\"/><mergeCell ref=\"C2:D2\"/></mergeCells>")
        let workbook = try Workbook(path: try Fixture.write(Fixture.package(sheets: [("S", sheet)])))
        let layout = try #require(TableLayout.locate(try grid(workbook), isHeader: isHeader, isFooter: isFooter))
        #expect(layout.headerRows == 2...3)
        #expect(layout.headers == [1: "序号", 2: "具体任务", 3: "责任单位/牵头", 4: "责任单位/配合"])
        #expect(layout.data.map(\.number) == [4])
        #expect(layout.footer.map(\.number) == [5])
    }

    @Test("header cells merged down over two rows: both rows are header, the data starts below them")
    func tallHeader() throws {
        let sheet = Fixture.sheet("""
        <row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>具体任务</t></is></c><c r="C1" t="inlineStr"><is><t>责任单位</t></is></c></row>        <row r="2"/>        <row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>深化政务公开，集中公开规范性文件。</t></is></c><c r="C3" t="inlineStr"><is><t>办公室</t></is></c></row>
        """, after: "<mergeCells><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"B1:B2\"/><mergeCell ref=\"C1:C2\"/></mergeCells>")
        let workbook = try Workbook(path: try Fixture.write(Fixture.package(sheets: [("S", sheet)])))
        let layout = try #require(TableLayout.locate(try grid(workbook), isHeader: isHeader, isFooter: isFooter))
        #expect(layout.headerRows == 1...2)
        #expect(layout.headers == [1: "序号", 2: "具体任务", 3: "责任单位"])
        #expect(layout.data.map(\.number) == [3])
    }

    @Test("a run of empty rows ends the data block")
    func emptyRun() throws {
        let rows = (2...3).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>任务\($0)</t></is></c></row>" }.joined()
        let sheet = Fixture.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>具体任务</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>完成时限</t></is></c></row>" + rows
                                  + "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>审核：</t></is></c></row>")
        let workbook = try Workbook(path: try Fixture.write(Fixture.package(sheets: [("S", sheet)])))
        let layout = try #require(TableLayout.locate(try grid(workbook), isHeader: isHeader, isFooter: isFooter))
        #expect(layout.data.map(\.number) == [2, 3])
        #expect(layout.footer.map(\.number) == [9])
    }

    @Test("no header-like row: nil")
    func noHeader() throws {
        let workbook = try Workbook(path: try Fixture.workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))
        #expect(TableLayout.locate(try grid(workbook), isHeader: isHeader, isFooter: isFooter) == nil)
    }
}
