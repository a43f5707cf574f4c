import Ledger
import XLSX

/// The briefing's parts that come from the ledger store: 完成率变化 with its line chart, 各单位较上期变化, and 申请延期.
extension BriefingWorkbook {
    /// Rows kept free under the trend table for its chart, which is anchored there at a fixed size.
    static let trendChartRows = 16

    /// The rounds' figures as a table, and a line chart of their completion rates drawn from it.
    static func trend(_ rounds: RoundHistory, sheet: SheetWriter, row: inout Int, styles: Styles) throws {
        try sheet.append([Cell(column: 1, value: .text("完成率变化"), style: styles.section)], row: row)
        row += 1
        let headers = ["轮次", "截止日", "任务数", "已完成", "逾期", "完成率"]
        try sheet.append(headers.enumerated().map { Cell(column: $0 + 1, value: .text($1), style: styles.header) }, row: row)
        let first = row + 1
        for point in rounds.points {
            row += 1
            try sheet.append([Cell(column: 1, value: .text(point.round), style: styles.centered),
                              Cell(column: 2, value: .text(point.asOf.description), style: styles.centered),
                              Cell(column: 3, value: .number(Double(point.tasks)), style: styles.centered),
                              Cell(column: 4, value: .number(Double(point.completed)), style: styles.centered),
                              Cell(column: 5, value: .number(Double(point.overdue)), style: styles.centered),
                              Cell(column: 6, value: .number(point.rate), style: styles.percent)], row: row)
        }
        let last = row
        sheet.addChart(Chart(kind: .line, title: "完成率变化（已完成 ÷ 任务数）", categories: rounds.points.map(\.round),
                             categoriesRange: Chart.reference(sheet: sheetName, CellRange(first, 1, last, 1)),
                             series: [.init(name: "完成率", nameCell: Chart.reference(sheet: sheetName, CellRange(first - 1, 6, first - 1, 6)),
                                            values: rounds.points.map(\.rate), valuesRange: Chart.reference(sheet: sheetName, CellRange(first, 6, last, 6)),
                                            color: "08519C")],
                             showLegend: false, valueFormat: "0.0%", valueAxisBounds: 0...1),
                       at: CellRange(last + 2, 1, last + 1 + trendChartRows, 8))
        row = last + 3 + trendChartRows
    }

    /// Each unit's change since the previous round over the tasks it leads; a first round says there is none.
    static func unitChanges(_ rounds: RoundHistory, sheet: SheetWriter, row: inout Int, styles: Styles) throws {
        let title = rounds.previousRound.map { "各单位较上期变化（与\($0)相比）" } ?? "各单位较上期变化"
        try sheet.append([Cell(column: 1, value: .text(title), style: styles.section)], row: row)
        row += 1
        guard rounds.previousRound != nil else {
            try sheet.append([Cell(column: 1, value: .text("本轮是第一轮，无上期可比。"), style: styles.body)], row: row)
            row += 2
            return
        }
        try sheet.merge(CellRange(row, 7, row, 11))
        let headers = [(1, "单位"), (2, "已完成"), (3, "完成较上期"), (4, "新增逾期"), (5, "未更新"), (6, "新报"), (7, "变化")]
        try sheet.append(headers.map { Cell(column: $0.0, value: .text($0.1), style: styles.header) }, row: row)
        for change in rounds.unitChanges {
            row += 1
            try sheet.merge(CellRange(row, 7, row, 11))
            try sheet.append([Cell(column: 1, value: .text(change.unit), style: styles.body),
                              Cell(column: 2, value: .number(Double(change.completed)), style: styles.centered),
                              Cell(column: 3, value: .number(Double(change.completedDelta)), style: styles.signed),
                              Cell(column: 4, value: .number(Double(change.newOverdue)), style: change.newOverdue > 0 ? styles.alert : styles.centered),
                              Cell(column: 5, value: .number(Double(change.unchanged)), style: change.unchanged > 0 ? styles.alert : styles.centered),
                              Cell(column: 6, value: .number(Double(change.new)), style: styles.centered),
                              Cell(column: 7, value: .text(change.summary), style: styles.body)], row: row)
        }
        row += 2
    }

    /// 申请延期: the deadline extensions units asked for in this round, and whether the office has approved each.
    static func requests(_ rounds: RoundHistory, sheet: SheetWriter, row: inout Int, styles: Styles) throws {
        let rows = rounds.requests.map { request in
            [Cell(column: 1, value: .text(request.task), style: styles.centered), Cell(column: 2, value: .text(request.taskText), style: styles.body),
             Cell(column: 5, value: .text(request.unit), style: styles.body),
             Cell(column: 6, value: .text(request.requested?.description ?? "未写明"), style: styles.centeredWrap),
             Cell(column: 7, value: .text(request.reason), style: styles.body),
             Cell(column: 11, value: .text(request.approved ? "已批准" : "待批准"), style: request.approved ? styles.centered : styles.alert)]
        }
        try titledTable("申请延期", headers: [(1, "任务编号"), (2, "具体任务"), (5, "申请单位"), (6, "申请延至"), (7, "理由"), (11, "审批")],
                        merges: [(2, 4), (7, 10)], rows: rows, sheet: sheet, row: &row, styles: styles)
    }
}
