import CSV
import Table
import XLSX

/// The merged ledger written out: the workbook for the meeting, a flat CSV, and the JSON other tools read.
public enum LedgerReport {
    static let columns = ["序号", "任务编号", "工作要求", "具体任务", "具体要求", "牵头落实单位", "完成时限", "进展情况", "完成状态", "是否逾期", "报送单位", "未报送单位"]

    /// The 总台账 row of an entry, as text.
    static func fields(_ entry: LedgerEntry, index: Int) -> [String] {
        let progress = entry.progress.compactMap { report -> String? in
            guard let text = report.text ?? report.status?.displayName else { return nil }
            return "【\(report.unit)】\(text)"
        }.joined(separator: "\n")
        return [String(index + 1), entry.task.id, entry.task.category?.text ?? "", entry.task.task.text, entry.task.requirement?.text ?? "",
                entry.task.unitsText, entry.task.deadline.text, progress, entry.status.displayName, entry.overdue ? "是" : "否",
                entry.reported.joined(separator: "、"), entry.missing.joined(separator: "、")]
    }

    /// Writes the ledger workbook: 总台账, 汇总, 逾期事项, 未报送, 问题, 来源.
    public static func writeWorkbook(_ ledger: LedgerResult, to path: String) throws {
        let asOf = "\(ledger.asOf.year)年\(ledger.asOf.month)月\(ledger.asOf.day)日"
        let title = (ledger.plan.title.map { $0 + "落实情况台账" } ?? "\(ledger.plan.planYear)年工作任务落实情况台账") + "（截至\(asOf)）"
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(title: title, creator: "Taizhang")))
        let titleStyle = writer.style(CellFormat(bold: true, fontSize: 16, horizontal: .center, vertical: .center))
        let header = writer.style(CellFormat(bold: true, fill: "D9D9D9", border: true, horizontal: .center, vertical: .center, wrap: true))
        let body = writer.style(CellFormat(border: true, vertical: .top, wrap: true))
        let centered = writer.style(CellFormat(border: true, horizontal: .center, vertical: .top, wrap: true))
        let percent = writer.style(CellFormat(border: true, horizontal: .center, numberFormat: "0.0%"))
        let note = writer.style(CellFormat(italic: true, wrap: true))
        var statusStyles: [StatusColour: StyleID] = [:]
        for colour in [StatusColour.green, .yellow, .red, .grey] {
            statusStyles[colour] = writer.style(CellFormat(fill: colour.fill, border: true, horizontal: .center, vertical: .top))
        }

        // 总台账
        let main = try writer.addSheet("总台账")
        try main.append([Cell(column: 1, value: .text(title), style: titleStyle)], height: 32)
        try main.merge(CellRange(first: CellReference(row: 1, column: 1), last: CellReference(row: 1, column: columns.count)))
        try main.append(values: columns.map { .text($0) }, style: header, height: 28)
        // Widths and merges come before the rows so that rows are sized for the text that shows.
        for (column, width) in [6.0, 13, 18, 30, 40, 20, 12, 50, 10, 8, 20, 20].enumerated() { main.setColumn(column + 1, width: width) }
        let entries = ledger.entries
        for (i, entry) in entries.enumerated() {
            let row = i + 3
            if i == 0 || entries[i - 1].task.category?.text != entry.task.category?.text {
                let end = entries[i...].firstIndex { $0.task.category?.text != entry.task.category?.text } ?? entries.count
                if end - i > 1 { try main.merge(CellRange(first: CellReference(row: row, column: 3), last: CellReference(row: 2 + end, column: 3))) }
            }
            let values = fields(entry, index: i)
            try main.append(values.enumerated().map { column, text in
                let style = column == 8 ? statusStyles[entry.status.defaultColour(overdue: entry.overdue)]! : [0, 1, 6, 9].contains(column) ? centered : body
                return Cell(column: column + 1, value: .text(text), style: style)
            }, row: row)
        }
        main.freeze(rows: 2)
        main.setAutoFilter(CellRange(first: CellReference(row: 2, column: 1), last: CellReference(row: max(ledger.entries.count + 2, 3), column: columns.count)))
        main.setPrintSetup(PrintSetup(repeatRows: 1...2))

        // 汇总
        let summary = LedgerSummary(ledger)
        let sheet = try writer.addSheet("汇总")
        for (column, width) in [24.0, 10, 8, 8, 8, 8, 8, 10, 8, 12].enumerated() { sheet.setColumn(column + 1, width: width) }
        try sheet.append([Cell(column: 1, value: .text("各单位任务落实情况汇总（截至\(asOf)）"), style: titleStyle)], height: 28)
        try sheet.merge(CellRange("A1:J1")!)
        try sheet.append(values: (["单位", "牵头任务数"] + LedgerSummary.Bucket.allCases.map(\.rawValue) + ["到期完成率"]).map { .text($0) }, style: header)
        for line in summary.lines + [summary.total] {
            var cells = [Cell(column: 1, value: .text(line.unit), style: body), Cell(column: 2, value: .number(Double(line.leadTasks)), style: centered)]
            for (i, bucket) in LedgerSummary.Bucket.allCases.enumerated() {
                cells.append(Cell(column: 3 + i, value: .number(Double(line.counts[bucket] ?? 0)), style: centered))
            }
            cells.append(Cell(column: 10, value: line.rate.map(CellValue.number) ?? .text("—"), style: line.rate == nil ? centered : percent))
            try sheet.append(cells)
        }
        let definitionRow = summary.lines.count + 5
        try sheet.append([Cell(column: 1, value: .text("说明：" + LedgerSummary.rateDefinition), style: note)], row: definitionRow, height: 45)
        try sheet.merge(CellRange(first: CellReference(row: definitionRow, column: 1), last: CellReference(row: definitionRow, column: 10)))
        sheet.freeze(rows: 2)
        sheet.setPrintSetup(PrintSetup(repeatRows: 1...2))

        // 逾期事项
        let overdue = try writer.addSheet("逾期事项")
        for (column, width) in [13.0, 40, 20, 12, 8, 50].enumerated() { overdue.setColumn(column + 1, width: width) }
        try overdue.append(values: ["任务编号", "具体任务", "牵头落实单位", "完成时限", "逾期天数", "最新进展"].map { .text($0) }, style: header)
        for entry in ledger.entries where entry.overdue {
            let days = entry.task.deadline.due.map { $0.days(to: ledger.asOf) } ?? 0
            try overdue.append([
                Cell(column: 1, value: .text(entry.task.id), style: centered), Cell(column: 2, value: .text(entry.task.task.text), style: body),
                Cell(column: 3, value: .text(entry.task.unitsText), style: body), Cell(column: 4, value: .text(entry.task.deadline.text), style: centered),
                Cell(column: 5, value: .number(Double(days)), style: centered),
                Cell(column: 6, value: .text(entry.progress.first?.text ?? "（未报送）"), style: body),
            ])
        }
        overdue.freeze(rows: 1)

        // 未报送
        let missing = try writer.addSheet("未报送")
        for (column, width) in [20.0, 40, 40].enumerated() { missing.setColumn(column + 1, width: width) }
        try missing.append(values: ["单位", "应报任务数", "报送文件"].map { .text($0) }, style: header)
        for unit in ledger.units where !unit.submitted {
            let count = ledger.entries.filter { $0.task.units.references.contains { $0.name == unit.name } }.count
            guard count > 0 else { continue }
            try missing.append([Cell(column: 1, value: .text(unit.name), style: body), Cell(column: 2, value: .number(Double(count)), style: centered),
                                Cell(column: 3, value: .text("未报送"), style: centered)])
        }
        try missing.append([], row: missing.lastRowWritten + 2)
        try missing.append(values: ["任务编号", "具体任务", "未报送单位"].map { .text($0) }, style: header)
        for entry in ledger.entries where !entry.missing.isEmpty {
            try missing.append([Cell(column: 1, value: .text(entry.task.id), style: centered), Cell(column: 2, value: .text(entry.task.task.text), style: body),
                                Cell(column: 3, value: .text(entry.missing.joined(separator: "、")), style: body)])
        }

        // 问题
        let problems = try writer.addSheet("问题")
        for (column, width) in [8.0, 18, 28, 10, 8, 70].enumerated() { problems.setColumn(column + 1, width: width) }
        try problems.append(values: ["级别", "代码", "文件", "工作表", "单元格", "说明"].map { .text($0) }, style: header)
        for issue in ledger.issues {
            try problems.append([
                Cell(column: 1, value: .text(issue.severity == .error ? "错误" : "警告"), style: centered),
                Cell(column: 2, value: .text(issue.code), style: body),
                Cell(column: 3, value: .text(Merge.name(issue.location.file)), style: body),
                Cell(column: 4, value: .text(issue.location.sheet ?? ""), style: body),
                Cell(column: 5, value: .text(issue.location.cell?.description ?? ""), style: centered),
                Cell(column: 6, value: .text(issue.message), style: body),
            ])
        }
        problems.freeze(rows: 1)
        problems.setAutoFilter(CellRange(first: CellReference(row: 1, column: 1), last: CellReference(row: max(ledger.issues.count + 1, 2), column: 6)))

        // 来源
        let sources = try writer.addSheet("来源")
        for (column, width) in [32.0, 16, 66, 8, 8, 10, 8, 10, 8, 20].enumerated() { sources.setColumn(column + 1, width: width) }
        try sources.append(values: ["文件", "单位", "SHA-256", "读取行数", "匹配行数", "读取单元格", "已合并", "与计划相同", "列入问题", "处理"].map { .text($0) }, style: header)
        for ret in ledger.returns {
            let handling = ret.unit == nil ? "无法识别单位，未合并" : ret.superseded ? "已被较晚的报送替代" : "已合并"
            try sources.append([
                Cell(column: 1, value: .text(Merge.name(ret.file)), style: body), Cell(column: 2, value: .text(ret.unit ?? "（未识别）"), style: body),
                Cell(column: 3, value: .text(ret.sha256), style: body),
                Cell(column: 4, value: .number(Double(ret.rowsRead)), style: centered), Cell(column: 5, value: .number(Double(ret.rowsMatched)), style: centered),
                Cell(column: 6, value: .number(Double(ret.cellsRead)), style: centered), Cell(column: 7, value: .number(Double(ret.cellsMerged)), style: centered),
                Cell(column: 8, value: .number(Double(ret.cellsUnchanged)), style: centered), Cell(column: 9, value: .number(Double(ret.cellsReported)), style: centered),
                Cell(column: 10, value: .text(handling), style: body),
            ])
        }
        sources.freeze(rows: 1)
        try writer.close()
    }

    /// 总台账 as flat CSV, one row per task, the group repeated.
    public static func writeCSV(_ ledger: LedgerResult, to writer: CSVWriter) throws {
        try writer.write(row: columns)
        for (i, entry) in ledger.entries.enumerated() { try writer.write(row: fields(entry, index: i)) }
        try writer.flush()
    }

    /// The machine form: the validate contract extended with progress, status and the returns.
    public static func json(_ ledger: LedgerResult) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{\"asOf\": "); w.string(ledger.asOf.description)
        w.raw(", \"planYear\": \(ledger.plan.planYear),\n\"tasks\": [")
        for (i, entry) in ledger.entries.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            var task = JSONWriter()
            PlanReport.writeTask(entry.task, to: &task)
            w.raw(String(decoding: task.bytes.dropLast(), as: UTF8.self))
            w.raw(", \"progress\": [")
            for (j, report) in entry.progress.enumerated() {
                w.raw(j == 0 ? "{\"unit\": " : ", {\"unit\": "); w.string(report.unit)
                w.raw(", \"status\": ")
                if let status = report.status { w.string(status.rawValue) } else { w.raw("null") }
                w.raw(", \"text\": ")
                if let text = report.text { w.string(text) } else { w.raw("null") }
                w.raw(", \"source\": {\"file\": "); w.string(Merge.name(report.source.file))
                w.raw(", \"sheet\": ")
                if let sheet = report.source.sheet { w.string(sheet) } else { w.raw("null") }
                w.raw(", \"cell\": ")
                if let cell = report.source.cell { w.string(cell.description) } else { w.raw("null") }
                w.raw("}}")
            }
            w.raw("], \"status\": "); w.string(entry.status.rawValue)
            w.raw(", \"overdue\": "); w.raw(entry.overdue ? "true" : "false"); w.raw("}")
        }
        w.raw("\n],\n\"units\": [")
        for (i, unit) in ledger.units.enumerated() {
            w.raw(i == 0 ? "\n{\"name\": " : ",\n{\"name\": "); w.string(unit.name)
            w.raw(", \"submitted\": "); w.raw(unit.submitted ? "true" : "false")
            w.raw(", \"files\": [")
            for (j, file) in unit.files.enumerated() { if j > 0 { w.raw(", ") }; w.string(file) }
            w.raw("]}")
        }
        w.raw("\n],\n\"issues\": [")
        for (i, issue) in ledger.issues.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            PlanReport.writeIssue(issue, to: &w)
        }
        w.raw("\n],\n\"returns\": [")
        for (i, ret) in ledger.returns.enumerated() {
            w.raw(i == 0 ? "\n{\"file\": " : ",\n{\"file\": "); w.string(Merge.name(ret.file))
            w.raw(", \"unit\": ")
            if let unit = ret.unit { w.string(unit) } else { w.raw("null") }
            w.raw(", \"sha256\": "); w.string(ret.sha256)
            w.raw(", \"saved\": "); w.string(ret.saved)
            w.raw(", \"savedFrom\": "); w.string(ret.savedFromFile ? "file" : "workbook")
            w.raw(", \"cellsRead\": \(ret.cellsRead), \"cellsMerged\": \(ret.cellsMerged), \"cellsUnchanged\": \(ret.cellsUnchanged), \"cellsReported\": \(ret.cellsReported)}")
        }
        w.raw("\n]}\n")
        return w.bytes
    }
}

extension Status {
    /// The colour hint in the ledger: overdue tasks are red whatever their status says.
    func defaultColour(overdue: Bool) -> StatusColour { overdue && self != .completed ? .red : defaultColour }
}

extension StatusColour {
    /// A light fill, so the status text stays readable in print.
    var fill: String {
        switch self {
        case .green: "C6EFCE"
        case .yellow: "FFEB9C"
        case .red: "FFC7CE"
        case .grey: "EDEDED"
        }
    }
}
