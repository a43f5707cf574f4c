import Ledger
import XLSX

/// The briefing workbook: one sheet 简报, A4 landscape, with the headline, the per-unit table, two native
/// charts, and the overdue, due-soon and reporting lists.
public enum BriefingWorkbook {
    struct Styles {
        let title, headline, section, header, body, centered, centeredWrap, percent, alert, note, signed: StyleID

        /// `rounds`: the briefing has the store's parts, which alone use the signed style.
        init(_ writer: WorkbookWriter, rounds: Bool) {
            (title, headline, section) = (writer.style(HouseStyle.title), writer.style(HouseStyle.headline), writer.style(HouseStyle.section))
            (header, body, centered) = (writer.style(HouseStyle.header), writer.style(HouseStyle.body), writer.style(HouseStyle.centeredLine))
            (percent, alert, note) = (writer.style(HouseStyle.percent), writer.style(HouseStyle.alert), writer.style(HouseStyle.smallNote))
            centeredWrap = writer.style(HouseStyle.centered)
            signed = rounds ? writer.style(HouseStyle.signed) : centered
        }
    }

    static let sheetName = "简报"

    public static func write(_ briefing: Briefing, to path: String) throws {
        let title = "\(briefing.planYear)年工作任务落实情况简报"
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(
            title: title, creator: "Taizhang", custom: [(Merge.outputProperty, "简报")])))
        let styles = Styles(writer, rounds: briefing.rounds != nil)
        let sheet = try writer.addSheet(sheetName)
        // Widths and merges come before the rows so that rows are sized for the text that shows; the unit
        // column fits the longest names of a city's units (市政务服务大厅管理中心) on one line.
        for (column, width) in [24.0, 10, 10, 8, 8, 8, 8, 8, 8, 12, 14].enumerated() { sheet.setColumn(column + 1, width: width) }
        try sheet.append([Cell(column: 1, value: .text(title), style: styles.title)], height: 30)
        try sheet.merge(CellRange(1, 1, 1, SummaryTable.width))
        try sheet.append([Cell(column: 1, value: .text(briefing.headline), style: styles.headline)], height: 48)
        try sheet.merge(CellRange(2, 1, 2, SummaryTable.width))

        try SummaryTable.write(briefing.lines, total: briefing.total, to: sheet, headerRow: 4,
                               styles: .init(header: styles.header, body: styles.body, number: styles.centered, percent: styles.percent))
        let totalRow = 5 + briefing.lines.count
        try sheet.append([Cell(column: 1, value: .text("说明：" + LedgerSummary.rateDefinition), style: styles.note)], row: totalRow + 1, height: 36)
        try sheet.merge(CellRange(totalRow + 1, 1, totalRow + 1, SummaryTable.width))
        addCharts(briefing, to: sheet, totalRow: totalRow)

        var row = totalRow + 3
        if let rounds = briefing.rounds {
            try trend(rounds, sheet: sheet, row: &row, styles: styles)
            try unitChanges(rounds, sheet: sheet, row: &row, styles: styles)
        }
        try list("逾期清单", briefing.overdue, daysHeader: "逾期天数", sheet: sheet, row: &row, styles: styles)
        try list("临期提醒", briefing.dueSoon, daysHeader: "剩余天数", sheet: sheet, row: &row, styles: styles)
        try flagged("滞后清单", briefing.lagging, sheet: sheet, row: &row, styles: styles)
        try flagged("未启动清单", briefing.notStarted, sheet: sheet, row: &row, styles: styles)
        if let rounds = briefing.rounds { try requests(rounds, sheet: sheet, row: &row, styles: styles) }
        try reporting(briefing.reporting, sheet: sheet, row: row, styles: styles)
        sheet.setPrintSetup(PrintSetup(landscape: true, fitToWidth: true, repeatRows: nil, pageNumbers: true))
        try writer.close()
    }

    /// Beside the table: a stacked bar per unit by status, and the status totals as a doughnut.
    static func addCharts(_ briefing: Briefing, to sheet: SheetWriter, totalRow: Int) {
        // Told apart by hue for colour-blind readers (blues, orange, dark red, greys: no red against green) and by
        // lightness when printed in black and white (from dark red through dark blue and greys to light blue and white).
        let colours: [LedgerSummary.Bucket: String] = [.completed: "08519C", .onTrack: "9ECAE1", .lagging: "E69F00", .overdue: "67000D",
                                                       .notStarted: "737373", .noReport: "F0F0F0"]
        let buckets = LedgerSummary.Bucket.allCases
        let (firstUnitRow, lastUnitRow) = (5, 4 + briefing.lines.count)
        func reference(_ row: Int, _ column: Int, _ toRow: Int, _ toColumn: Int) -> String {
            Chart.reference(sheet: sheetName, CellRange(row, column, toRow, toColumn))
        }
        let first = SummaryTable.firstBucketColumn, last = first + buckets.count - 1
        let series = buckets.enumerated().map { i, bucket in
            Chart.Series(name: bucket.rawValue, nameCell: reference(4, first + i, 4, first + i),
                         values: briefing.lines.map { Double($0.counts[bucket] ?? 0) },
                         valuesRange: reference(firstUnitRow, first + i, lastUnitRow, first + i), color: colours[bucket])
        }
        sheet.addChart(Chart(kind: .bar(horizontal: true, stacked: true), title: "各单位牵头任务进展", categories: briefing.lines.map(\.unit),
                             categoriesRange: reference(firstUnitRow, 1, lastUnitRow, 1), series: series, hideEmptyInLegend: true),
                       at: CellRange(4, 13, 22, 20))
        sheet.addChart(Chart(kind: .doughnut, title: "任务状态分布", categories: buckets.map(\.rawValue), categoriesRange: reference(4, first, 4, last),
                             series: [.init(name: "任务数", values: buckets.map { Double(briefing.totals[$0] ?? 0) },
                                            valuesRange: reference(totalRow, first, totalRow, last), pointColors: buckets.map { colours[$0]! })],
                             hideEmptyInLegend: true),
                       at: CellRange(24, 13, 42, 20))
    }

    /// A titled list of tasks (逾期清单, 临期提醒), "无" when empty.
    static func list(_ title: String, _ tasks: [Briefing.ListedTask], daysHeader: String, sheet: SheetWriter, row: inout Int, styles: Styles) throws {
        let rows = tasks.map { task in
            [Cell(column: 1, value: .text(task.id), style: styles.centered), Cell(column: 2, value: .text(task.task), style: styles.body),
             Cell(column: 6, value: .text(task.leads), style: styles.body), Cell(column: 7, value: .text(task.due.description), style: styles.centeredWrap),
             Cell(column: 8, value: .number(Double(task.days)), style: styles.centered), Cell(column: 9, value: .text(task.latestProgress), style: styles.body)]
        }
        try titledTable(title, headers: [(1, "任务编号"), (2, "具体任务"), (6, "牵头单位"), (7, "完成时限"), (8, daysHeader), (9, "最新进展")],
                        merges: [(2, 5), (9, 10)], rows: rows, sheet: sheet, row: &row, styles: styles)
    }

    /// A titled list of tasks by status (滞后清单, 未启动清单), "无" when empty.
    static func flagged(_ title: String, _ tasks: [Briefing.FlaggedTask], sheet: SheetWriter, row: inout Int, styles: Styles) throws {
        let rows = tasks.map { task in
            [Cell(column: 1, value: .text(task.id), style: styles.centered), Cell(column: 2, value: .text(task.task), style: styles.body),
             Cell(column: 6, value: .text(task.leads), style: styles.body), Cell(column: 7, value: .text(task.deadline), style: styles.centeredWrap),
             Cell(column: 9, value: .text(task.latestProgress), style: styles.body)]
        }
        try titledTable(title, headers: [(1, "任务编号"), (2, "具体任务"), (6, "牵头单位"), (7, "完成时限"), (9, "最新进展")],
                        merges: [(2, 5), (7, 8), (9, 11)], rows: rows, sheet: sheet, row: &row, styles: styles)
    }

    /// A section title, a header row and the rows under it, each row's cells merged over the same columns.
    static func titledTable(_ title: String, headers: [(column: Int, text: String)], merges: [(Int, Int)], rows: [[Cell]],
                            sheet: SheetWriter, row: inout Int, styles: Styles) throws {
        try sheet.append([Cell(column: 1, value: .text(title), style: styles.section)], row: row)
        row += 1
        for range in merges { try sheet.merge(CellRange(row, range.0, row, range.1)) }
        try sheet.append(headers.map { Cell(column: $0.column, value: .text($0.text), style: styles.header) }, row: row)
        row += 1
        if rows.isEmpty {
            try sheet.append([Cell(column: 1, value: .text("无"), style: styles.body)], row: row)
            row += 2
            return
        }
        for cells in rows {
            for range in merges { try sheet.merge(CellRange(row, range.0, row, range.1)) }
            try sheet.append(cells, row: row)
            row += 1
        }
        row += 1
    }

    /// 报送情况: each unit's files, their save time and whether they came on time.
    static func reporting(_ units: [Briefing.Reporting], sheet: SheetWriter, row start: Int, styles: Styles) throws {
        var row = start
        try sheet.append([Cell(column: 1, value: .text("报送情况"), style: styles.section)], row: row)
        row += 1
        try sheet.merge(CellRange(row, 2, row, 5))
        try sheet.merge(CellRange(row, 6, row, 7))
        try sheet.append([Cell(column: 1, value: .text("单位"), style: styles.header), Cell(column: 2, value: .text("报送文件"), style: styles.header),
                          Cell(column: 6, value: .text("保存时间"), style: styles.header), Cell(column: 8, value: .text("情况"), style: styles.header)], row: row)
        row += 1
        for unit in units {
            try sheet.merge(CellRange(row, 2, row, 5))
            try sheet.merge(CellRange(row, 6, row, 7))
            let saved = ([unit.saved ?? ""] + unit.corrections.map { "更正：" + $0 }).filter { !$0.isEmpty }.joined(separator: "\n")
            try sheet.append([Cell(column: 1, value: .text(unit.unit), style: styles.body), Cell(column: 2, value: .text(unit.files.joined(separator: "、")), style: styles.body),
                              Cell(column: 6, value: .text(saved), style: styles.centeredWrap),
                              Cell(column: 8, value: .text(unit.state.rawValue), style: [.missing, .late, .unreadable].contains(unit.state) ? styles.alert : styles.centered)], row: row)
            row += 1
        }
    }
}
