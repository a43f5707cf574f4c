import Ledger
import XLSX

/// The 汇总 table, laid out once for the ledger's 汇总 sheet and the briefing: 单位, 牵头任务数, one column per
/// bucket and 到期完成率, a line per unit and the 合计 line.
struct SummaryTable {
    /// The styles of the table's cells, registered by the workbook that holds it.
    struct Styles {
        var header: StyleID
        var body: StyleID
        var number: StyleID
        var percent: StyleID
    }

    static let headers = ["单位", "牵头任务数", "配合任务数"] + LedgerSummary.Bucket.allCases.map(\.rawValue) + ["其中长期推进", "到期完成率"]
    static var width: Int { headers.count }
    /// The column of the first bucket (已完成); the charts take their series from here on.
    static let firstBucketColumn = 4

    /// Writes the header at `row` and the lines below it.
    static func write(_ lines: [LedgerSummary.Line], total: LedgerSummary.Line, to sheet: SheetWriter, headerRow row: Int, styles: Styles) throws {
        try sheet.append(values: headers.map { .text($0) }, style: styles.header, row: row)
        for (index, line) in (lines + [total]).enumerated() {
            // The 合计 line counts tasks, not units: its 配合 figure would add up nothing.
            let cooperating: CellValue = index == lines.count ? .text("—") : .number(Double(line.cooperatingTasks))
            var cells = [Cell(column: 1, value: .text(line.unit), style: styles.body), Cell(column: 2, value: .number(Double(line.leadTasks)), style: styles.number),
                         Cell(column: 3, value: cooperating, style: styles.number)]
            for (i, bucket) in LedgerSummary.Bucket.allCases.enumerated() {
                cells.append(Cell(column: firstBucketColumn + i, value: .number(Double(line.counts[bucket] ?? 0)), style: styles.number))
            }
            cells.append(Cell(column: width - 1, value: .number(Double(line.ongoingTasks)), style: styles.number))
            // Nothing due yet: said in words a leader reads, not a dash.
            cells.append(Cell(column: width, value: line.rate.map(CellValue.number) ?? .text(line.leadTasks == 0 ? "—" : "本期无到期任务"),
                              style: line.rate == nil ? styles.number : styles.percent))
            try sheet.append(cells)
        }
    }
}
