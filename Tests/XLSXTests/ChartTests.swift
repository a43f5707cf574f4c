import Foundation
import TestSupport
import Testing
@testable import XLSX

@Suite("Native charts")
struct ChartTests {
    /// A workbook with a stacked bar chart and a doughnut; returns the text of each named part.
    func write() throws -> [String: String] {
        let path = Fixture.directory() + "/chart.xlsx"
        let writer = try WorkbookWriter(path: path)
        let sheet = try writer.addSheet("汇总")
        try sheet.append(values: [.text("单位"), .text("已完成"), .text("推进中")])
        try sheet.append(values: [.text("办公室"), .number(3), .number(5)])
        try sheet.append(values: [.text("法规科"), .number(1), .number(6)])
        let categories = Chart.reference(sheet: "汇总", CellRange("A2:A3")!)
        sheet.addChart(Chart(kind: .bar(horizontal: true, stacked: true), title: "各单位任务进展", categories: ["办公室", "法规科"], categoriesRange: categories, series: [
            .init(name: "已完成", nameCell: Chart.reference(sheet: "汇总", CellRange("B1")!), values: [3, 1], valuesRange: Chart.reference(sheet: "汇总", CellRange("B2:B3")!), color: "70AD47"),
            .init(name: "推进中", values: [5, 6], valuesRange: Chart.reference(sheet: "汇总", CellRange("C2:C3")!), color: "5B9BD5"),
        ]), at: CellRange("E1:L15")!)
        sheet.addChart(Chart(kind: .doughnut, title: "任务状态", categories: ["已完成", "推进中"], categoriesRange: Chart.reference(sheet: "汇总", CellRange("B1:C1")!),
                             series: [.init(name: "任务数", values: [4, 11], valuesRange: Chart.reference(sheet: "汇总", CellRange("B4:C4")!), pointColors: ["70AD47", "5B9BD5"])]),
                       at: CellRange("E17:L31")!)
        sheet.addHyperlink(Hyperlink(cell: CellReference("A1")!, target: .url("https://example.org/")))
        try writer.close()
        let archive = try ZipArchive(path: path, displayName: "chart.xlsx")
        var parts: [String: String] = [:]
        for entry in archive.entries { parts[entry.name] = String(decoding: try archive.readAll(entry, limits: .standard), as: UTF8.self) }
        #expect(try Workbook(path: path).read(Workbook(path: path).sheets[0]).rows.count == 3)
        return parts
    }

    @Test("a stacked horizontal bar chart: direction, grouping, overlap, series with refs and cached values, labels, legend")
    func bar() throws {
        let xml = try #require(try write()["xl/charts/chart1.xml"])
        for fragment in ["<c:barDir val=\"bar\"/>", "<c:grouping val=\"stacked\"/>", "<c:overlap val=\"100\"/>",
                         "<c:f>'汇总'!$B$2:$B$3</c:f>", "<c:f>'汇总'!$A$2:$A$3</c:f>", "<c:pt idx=\"1\"><c:v>法规科</c:v></c:pt>",
                         "<c:pt idx=\"0\"><c:v>3</c:v></c:pt>", "<a:srgbClr val=\"70AD47\"/>", "<a:t>各单位任务进展</a:t>",
                         "<c:showVal val=\"1\"/>", "<c:legendPos val=\"b\"/>", "<c:orientation val=\"maxMin\"/>", "<c:v>推进中</c:v>"] {
            #expect(xml.contains(fragment), "\(fragment)")
        }
    }

    @Test("a doughnut: one series, slice colours, percentages as labels, a hole")
    func doughnut() throws {
        let xml = try #require(try write()["xl/charts/chart2.xml"])
        for fragment in ["<c:doughnutChart><c:varyColors val=\"1\"/>", "<c:dPt><c:idx val=\"1\"/>", "<a:srgbClr val=\"5B9BD5\"/>",
                         "<c:showPercent val=\"1\"/>", "<c:holeSize val=\"55\"/>", "<c:v>任务数</c:v>"] {
            #expect(xml.contains(fragment), "\(fragment)")
        }
        #expect(!xml.contains("<c:catAx>"))
    }

    @Test("the package: drawing anchored on the sheet at a fixed size, relationships after the sheet's links, content types")
    func package() throws {
        let parts = try write()
        let drawing = try #require(parts["xl/drawings/drawing1.xml"])
        #expect(drawing.contains("<xdr:oneCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>"))
        // A fixed size, that of E1:L15 at default sizes (8 columns of 64 pixels, 15 rows of 14.25 points), so that
        // rows grown for wrapped text do not stretch the chart over the next page.
        #expect(drawing.contains("<xdr:ext cx=\"\(8 * 64 * 9525)\" cy=\"\(Int(15 * 14.25 * 12700))\"/>"))
        #expect(drawing.contains("r:id=\"rId2\""))
        #expect(parts["xl/drawings/_rels/drawing1.xml.rels"]?.contains("Target=\"../charts/chart2.xml\"") == true)
        #expect(parts["xl/worksheets/sheet1.xml"]?.hasSuffix("<drawing r:id=\"rId2\"/></worksheet>") == true)
        let rels = try #require(parts["xl/worksheets/_rels/sheet1.xml.rels"])
        #expect(rels.contains("Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\""))
        #expect(rels.contains("Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing\" Target=\"../drawings/drawing1.xml\""))
        let types = try #require(parts["[Content_Types].xml"])
        #expect(types.contains("/xl/drawings/drawing1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\""))
        #expect(types.contains("/xl/charts/chart2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\""))
    }

    @Test("what shows nothing is left out of the legend when asked: a series of zeros, a slice of zero")
    func emptyLegendEntries() {
        let range = Chart.reference(sheet: "汇总", CellRange("B2:B3")!)
        let bar = Chart(kind: .bar(horizontal: true, stacked: true), title: nil, categories: ["甲", "乙"], categoriesRange: range,
                        series: [.init(name: "已完成", values: [1, 2], valuesRange: range), .init(name: "逾期", values: [0, 0], valuesRange: range)],
                        hideEmptyInLegend: true)
        #expect(bar.emptyLegendEntries == [1])
        let xml = String(decoding: ChartPart.xml(bar), as: UTF8.self)
        #expect(xml.contains("<c:legend><c:legendPos val=\"b\"/><c:legendEntry><c:idx val=\"1\"/><c:delete val=\"1\"/></c:legendEntry><c:overlay val=\"0\"/></c:legend>"))
        let doughnut = Chart(kind: .doughnut, title: nil, categories: ["已完成", "逾期", "推进中"], categoriesRange: range,
                             series: [.init(name: "任务数", values: [4, 0, 3], valuesRange: range)], hideEmptyInLegend: true)
        #expect(doughnut.emptyLegendEntries == [1])
        var shown = doughnut
        shown.hideEmptyInLegend = false
        #expect(shown.emptyLegendEntries.isEmpty)
    }

    @Test("a line chart of a rate: markers, percent labels above the points, percent axis from 0 to 1, cached values")
    func line() throws {
        let range = Chart.reference(sheet: "简报", CellRange("F3:F5")!)
        let chart = Chart(kind: .line, title: "完成率变化", categories: ["2023-07", "2023-08", "2023-09"],
                          categoriesRange: Chart.reference(sheet: "简报", CellRange("A3:A5")!),
                          series: [.init(name: "完成率", values: [0.25, 0.5, 0.75], valuesRange: range, color: "08519C")],
                          showLegend: false, valueFormat: "0.0%", valueAxisBounds: 0...1)
        let xml = String(decoding: ChartPart.xml(chart), as: UTF8.self)
        for fragment in ["<c:lineChart><c:grouping val=\"standard\"/>", "<c:marker><c:symbol val=\"circle\"/>", "<a:ln w=\"28575\" cap=\"rnd\">",
                         "<c:numFmt formatCode=\"0.0%\" sourceLinked=\"0\"/><c:dLblPos val=\"t\"/>", "<c:max val=\"1\"/><c:min val=\"0\"/>",
                         "<c:formatCode>0.0%</c:formatCode>", "<c:pt idx=\"2\"><c:v>0.75</c:v></c:pt>", "<c:pt idx=\"1\"><c:v>2023-08</c:v></c:pt>",
                         "<c:smooth val=\"0\"/></c:ser>", "<c:crossBetween val=\"midCat\"/>"] {
            #expect(xml.contains(fragment), "\(fragment)")
        }
        #expect(!xml.contains("<c:legend>"))
        #expect(!xml.contains("invertIfNegative"))
        // The schema's order inside a line series: spPr, marker, then cat and val, then smooth.
        let order = ["<c:spPr>", "<c:marker>", "<c:cat>", "<c:val>", "<c:smooth"].map { xml.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }
}
