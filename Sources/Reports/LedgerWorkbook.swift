import Ledger
import Store
import XLSX

/// The ledger workbook for the meeting: 总台账, 汇总, 逾期事项, 未报送, 问题, 来源.
public enum LedgerWorkbook {
    /// The styles of one ledger workbook, registered in one order so that the same ledger gives the same bytes.
    struct Styles {
        let title, header, body, centered, percent, note: StyleID
        let status: [StatusColour: StyleID]

        init(_ writer: WorkbookWriter) {
            (title, header, body) = (writer.style(HouseStyle.title), writer.style(HouseStyle.header), writer.style(HouseStyle.body))
            (centered, percent, note) = (writer.style(HouseStyle.centered), writer.style(HouseStyle.percent), writer.style(HouseStyle.note))
            var status: [StatusColour: StyleID] = [:]
            for colour in [StatusColour.green, .yellow, .red, .grey] { status[colour] = writer.style(HouseStyle.status(colour)) }
            self.status = status
        }
    }

    /// Earlier rounds' statuses by task, with this round's label: the 历次进展 of a ledger recorded in a store.
    public struct History {
        public var round: String
        public var earlier: (rounds: [String], statuses: [String: [String: (status: Status, overdue: Bool)]])

        public init(round: String, earlier: (rounds: [String], statuses: [String: [String: (status: Status, overdue: Bool)]])) {
            self.round = round
            self.earlier = earlier
        }
    }

    /// Writes the workbook to `path` (through a temporary file renamed into place); with the previous round's
    /// `changes`, 总台账 shows 上期进展 and 变化 beside this round's progress, and with a store's `history`
    /// a 历次进展 sheet follows (a task's status round by round); `periods` adds 周期报送 for recurring tasks.
    public static func write(_ ledger: LedgerResult, to path: String, changes: RoundChanges? = nil, history: History? = nil,
                             periods: [String: [String: PeriodCheck]] = [:]) throws {
        let asOf = "\(ledger.asOf.year)年\(ledger.asOf.month)月\(ledger.asOf.day)日"
        let title = (ledger.plan.title.map { $0 + "落实情况台账" } ?? "\(ledger.plan.planYear)年工作任务落实情况台账") + "（截至\(asOf)）"
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(
            title: title, creator: "Taizhang", custom: [(Merge.outputProperty, "总台账")])))
        let styles = Styles(writer)
        try ledgerSheet(ledger, table: LedgerTable(ledger, changes: changes, periods: periods), title: title, writer: writer, styles: styles)
        try summarySheet(ledger, asOf: asOf, writer: writer, styles: styles)
        try overdueSheet(ledger, writer: writer, styles: styles)
        try missingSheet(ledger, writer: writer, styles: styles)
        let problems = try writer.addSheet("问题")
        try IssuesSheet.write(ledger.issues, to: problems, header: styles.header, body: styles.body, level: styles.centered,
                              cell: styles.centered, widths: [8, 18, 28, 10, 8, 70], filter: true)
        problems.setPrintSetup(PrintSetup(repeatRows: 1...1))
        try sourcesSheet(ledger, writer: writer, styles: styles)
        if let history { try HistoryExport.addStatusSheet(ledger, round: history.round, earlier: history.earlier, to: writer) }
        try writer.close()
    }

    /// 总台账: a row per task with the latest progress and status, the category merged over its tasks.
    static func ledgerSheet(_ ledger: LedgerResult, table: LedgerTable, title: String, writer: WorkbookWriter, styles: Styles) throws {
        let main = try writer.addSheet("总台账")
        try main.append([Cell(column: 1, value: .text(title), style: styles.title)], height: 32)
        try main.merge(CellRange(1, 1, 1, table.columns.count))
        try main.append(values: table.columns.map { .text($0.title) }, style: styles.header, height: 28)
        // Widths and merges come before the rows so that rows are sized for the text that shows.
        for (column, spec) in table.columns.enumerated() { main.setColumn(column + 1, width: spec.width) }
        let entries = ledger.entries
        for (i, entry) in entries.enumerated() {
            let row = i + 3
            if i == 0 || entries[i - 1].task.category?.text != entry.task.category?.text {
                let end = entries[i...].firstIndex { $0.task.category?.text != entry.task.category?.text } ?? entries.count
                if end - i > 1 { try main.merge(CellRange(row, table.categoryColumn + 1, 2 + end, table.categoryColumn + 1)) }
            }
            let values = table.fields(entry, index: i)
            try main.append(values.enumerated().map { column, text in
                let style = column == table.statusColumn ? styles.status[entry.status.defaultColour(overdue: entry.overdue)]!
                    : table.columns[column].centered ? styles.centered : styles.body
                return Cell(column: column + 1, value: .text(text), style: style)
            }, row: row)
        }
        main.freeze(rows: 2)
        main.setAutoFilter(CellRange(2, 1, max(ledger.entries.count + 2, 3), table.columns.count))
        main.setPrintSetup(PrintSetup(repeatRows: 1...2))
    }

    /// 汇总: the per-unit table and the rate's definition under it.
    static func summarySheet(_ ledger: LedgerResult, asOf: String, writer: WorkbookWriter, styles: Styles) throws {
        let summary = LedgerSummary(ledger)
        let sheet = try writer.addSheet("汇总")
        for (column, width) in [24.0, 10, 10, 8, 8, 8, 8, 8, 8, 12, 14].enumerated() { sheet.setColumn(column + 1, width: width) }
        try sheet.append([Cell(column: 1, value: .text("各单位任务落实情况汇总（截至\(asOf)）"), style: styles.title)], height: 28)
        try sheet.merge(CellRange(1, 1, 1, SummaryTable.width))
        try SummaryTable.write(summary.lines, total: summary.total, to: sheet, headerRow: 2,
                               styles: .init(header: styles.header, body: styles.body, number: styles.centered, percent: styles.percent))
        let definitionRow = summary.lines.count + 5
        try sheet.append([Cell(column: 1, value: .text("说明：" + LedgerSummary.rateDefinition), style: styles.note)], row: definitionRow, height: 45)
        try sheet.merge(CellRange(definitionRow, 1, definitionRow, SummaryTable.width))
        sheet.freeze(rows: 2)
        sheet.setPrintSetup(PrintSetup(repeatRows: 1...2))
    }

    /// 逾期事项: the tasks past their deadline and not completed.
    static func overdueSheet(_ ledger: LedgerResult, writer: WorkbookWriter, styles: Styles) throws {
        let overdue = try writer.addSheet("逾期事项")
        for (column, width) in [13.0, 40, 20, 12, 8, 50].enumerated() { overdue.setColumn(column + 1, width: width) }
        try overdue.append(values: ["任务编号", "具体任务", "牵头落实单位", "完成时限", "逾期天数", "最新进展"].map { .text($0) }, style: styles.header)
        for entry in ledger.entries where entry.overdue {
            let days = entry.task.due.map { $0.days(to: ledger.asOf) } ?? 0
            try overdue.append([
                Cell(column: 1, value: .text(entry.task.id), style: styles.centered), Cell(column: 2, value: .text(entry.task.task.text), style: styles.body),
                Cell(column: 3, value: .text(entry.task.unitsText), style: styles.body),
                Cell(column: 4, value: .text(entry.task.deadline.text), style: styles.centered),
                Cell(column: 5, value: .number(Double(days)), style: styles.centered),
                Cell(column: 6, value: .text(entry.progress.first?.text ?? "（未报送）"), style: styles.body),
            ])
        }
        if !ledger.entries.contains(where: \.overdue) {
            // An empty list prints as one line that says so, not as pages of empty grid.
            try overdue.append([Cell(column: 1, value: .text("无逾期事项"), style: styles.body)])
        }
        overdue.freeze(rows: 1)
        overdue.setPrintSetup(PrintSetup(repeatRows: 1...1))
    }

    /// 未报送: units that sent nothing, then each task's units that did not report on it.
    static func missingSheet(_ ledger: LedgerResult, writer: WorkbookWriter, styles: Styles) throws {
        let missing = try writer.addSheet("未报送")
        for (column, width) in [20.0, 40, 40].enumerated() { missing.setColumn(column + 1, width: width) }
        try missing.append(values: ["单位", "应报任务数", "报送文件"].map { .text($0) }, style: styles.header)
        for unit in ledger.units where !unit.submitted {
            let count = ledger.entries.filter { $0.task.units.references.contains { $0.name == unit.name } }.count
            guard count > 0 else { continue }
            let note = unit.unreadable ? "文件无法读取：" + unit.files.joined(separator: "、") : "未报送"
            try missing.append([Cell(column: 1, value: .text(unit.name), style: styles.body), Cell(column: 2, value: .number(Double(count)), style: styles.centered),
                                Cell(column: 3, value: .text(note), style: styles.centered)])
        }
        try missing.append([], row: missing.lastRowWritten + 2)
        try missing.append(values: ["任务编号", "具体任务", "未报送单位"].map { .text($0) }, style: styles.header)
        for entry in ledger.entries where !entry.missing.isEmpty {
            try missing.append([Cell(column: 1, value: .text(entry.task.id), style: styles.centered), Cell(column: 2, value: .text(entry.task.task.text), style: styles.body),
                                Cell(column: 3, value: .text(entry.missing.joined(separator: "、")), style: styles.body)])
        }
        missing.setPrintSetup(PrintSetup(repeatRows: 1...1))
    }

    /// 来源: every return file, its hash, and how its cells were accounted for.
    static func sourcesSheet(_ ledger: LedgerResult, writer: WorkbookWriter, styles: Styles) throws {
        let sources = try writer.addSheet("来源")
        for (column, width) in [32.0, 16, 66, 8, 8, 10, 8, 10, 8, 20].enumerated() { sources.setColumn(column + 1, width: width) }
        try sources.append(values: ["文件", "单位", "SHA-256", "读取行数", "匹配行数", "读取单元格", "已合并", "与计划相同", "列入问题", "处理"].map { .text($0) }, style: styles.header)
        for ret in ledger.returns {
            let handling = ret.unreadable.map { "未读取：" + $0.prefix(60) } ?? (ret.unit == nil ? "无法识别单位，未合并" : ret.superseded ? "已被较晚的报送替代" : "已合并")
            let counts = [ret.rowsRead, ret.rowsMatched, ret.cellsRead, ret.cellsMerged, ret.cellsUnchanged, ret.cellsReported]
            try sources.append([
                Cell(column: 1, value: .text(Merge.name(ret.file)), style: styles.body), Cell(column: 2, value: .text(ret.unit ?? "（未识别）"), style: styles.body),
                Cell(column: 3, value: .text(ret.sha256), style: styles.body),
            ] + counts.enumerated().map { Cell(column: 4 + $0, value: .number(Double($1)), style: styles.centered) }
              + [Cell(column: 10, value: .text(handling), style: styles.body)])
        }
        sources.freeze(rows: 1)
        sources.setPrintSetup(PrintSetup(repeatRows: 1...1))
    }
}
