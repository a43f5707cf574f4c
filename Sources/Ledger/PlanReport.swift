import Table
import XLSX

/// What `validate` says about a plan: text for people, JSON for tools, a filterable issues workbook.
public enum PlanReport {
    /// Issues grouped by severity as `file sheet!cell: message`, then a one-line summary.
    public static func text(_ plan: Plan) -> String {
        var lines: [String] = []
        for severity in [ValidationIssue.Severity.error, .warning] {
            let group = plan.issues.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            lines.append((severity == .error ? "错误" : "警告") + "（\(group.count)）：")
            lines += group.map { "  " + $0.line }
        }
        // By index, so that a plan of 100,000 tasks is counted without copying each task.
        var units = Set<TextKey>()
        var kinds: [String: Int] = [:]
        for i in plan.tasks.indices {
            for reference in plan.tasks[i].units.references { units.insert(TextKey(reference.name)) }
            kinds[plan.tasks[i].deadline.kind.name, default: 0] += 1
        }
        let order = ["date", "range", "milestones", "recurring", "ongoing", "relative", "external", "unparseable", "missing"]
        let byKind = order.compactMap { kind in kinds[kind].map { "\(kindName(kind)) \($0)" } }.joined(separator: "，")
        lines.append("共 \(plan.tasks.count) 项任务，涉及 \(units.count) 个单位，计划年度 \(plan.planYear)；完成时限：\(byKind)。"
                     + (plan.errors.isEmpty ? "没有错误。" : "有 \(plan.errors.count) 个错误需要修改。"))
        if plan.registryInferred { lines.append("（未提供单位名册，单位按计划表推断；可用 taizhang units init 生成名册后用 --units 指定。）") }
        return lines.joined(separator: "\n")
    }

    /// The JSON contract: `{"planYear", "tasks": [...], "issues": [...]}`, tasks in plan order.
    public static func json(_ plan: Plan) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{\"planYear\": \(plan.planYear),\n\"tasks\": [")
        for (i, task) in plan.tasks.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            writeTask(task, to: &w)
        }
        w.raw("\n],\n\"issues\": [")
        for (i, issue) in plan.issues.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            writeIssue(issue, to: &w)
        }
        w.raw("\n]}\n")
        return w.bytes
    }

    /// `{"id", "section", "task", "requirement", "units": [{"name", "role"}], "deadline": {"kind", "due", "text", "flags"}}`.
    public static func writeTask(_ task: PlanTask, to w: inout JSONWriter) {
        w.raw("{\"id\": "); w.string(task.id)
        w.raw(", \"section\": "); w.string(task.section)
        w.raw(", \"task\": "); w.string(task.task.text)
        w.raw(", \"requirement\": ")
        if let requirement = task.requirement { w.string(requirement.text) } else { w.raw("null") }
        w.raw(", \"units\": [")
        for (j, reference) in task.units.references.enumerated() {
            w.raw(j == 0 ? "{\"name\": " : ", {\"name\": "); w.string(reference.name)
            w.raw(", \"role\": "); w.string(reference.role.rawValue); w.raw("}")
        }
        w.raw("], \"deadline\": {\"kind\": "); w.string(task.deadline.kind.name)
        w.raw(", \"due\": ")
        if let due = task.deadline.due { w.string(due.description) } else { w.raw("null") }
        w.raw(", \"text\": "); w.string(task.deadline.text)
        w.raw(", \"flags\": [")
        let flags = Deadline.Flag.allCases.filter(task.deadline.flags.contains)
        for (j, flag) in flags.enumerated() { if j > 0 { w.raw(", ") }; w.string(flag.rawValue) }
        w.raw("]}}")
    }

    /// `{"severity", "code", "file", "sheet", "cell", "message"}`.
    public static func writeIssue(_ issue: ValidationIssue, to w: inout JSONWriter) {
        w.raw("{\"severity\": "); w.string(issue.severity.rawValue)
        w.raw(", \"code\": "); w.string(issue.code)
        w.raw(", \"file\": "); w.string(issue.location.file.split(separator: "/").last.map(String.init) ?? issue.location.file)
        w.raw(", \"sheet\": ")
        if let sheet = issue.location.sheet { w.string(sheet) } else { w.raw("null") }
        w.raw(", \"cell\": ")
        if let cell = issue.location.cell { w.string(cell.description) } else { w.raw("null") }
        w.raw(", \"message\": "); w.string(issue.message); w.raw("}")
    }

    /// A workbook with one filterable sheet 问题: severity, code, file, sheet, cell, message.
    public static func writeWorkbook(_ plan: Plan, to path: String) throws {
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(title: "计划表校验结果")))
        let header = writer.style(CellFormat(bold: true, fill: "D9D9D9", border: true, horizontal: .center))
        let error = writer.style(CellFormat(fontColor: "C00000", border: true))
        let plain = writer.style(CellFormat(border: true, wrap: true))
        let sheet = try writer.addSheet("问题")
        try sheet.append(values: ["级别", "代码", "文件", "工作表", "单元格", "说明"].map { .text($0) }, style: header)
        for issue in plan.issues {
            let level: CellValue = .text(issue.severity == .error ? "错误" : "警告")
            try sheet.append([
                Cell(column: 1, value: level, style: issue.severity == .error ? error : plain),
                Cell(column: 2, value: .text(issue.code), style: plain),
                Cell(column: 3, value: .text(issue.location.file.split(separator: "/").last.map(String.init) ?? issue.location.file), style: plain),
                Cell(column: 4, value: .text(issue.location.sheet ?? ""), style: plain),
                Cell(column: 5, value: .text(issue.location.cell?.description ?? ""), style: plain),
                Cell(column: 6, value: .text(issue.message), style: plain),
            ])
        }
        for (column, width) in [(1, 8.0), (2, 18.0), (3, 20.0), (4, 12.0), (5, 10.0), (6, 80.0)] { sheet.setColumn(column, width: width) }
        sheet.freeze(rows: 1)
        sheet.setAutoFilter(CellRange(first: CellReference(row: 1, column: 1), last: CellReference(row: max(plan.issues.count + 1, 2), column: 6)))
        sheet.setPrintSetup(PrintSetup(repeatRows: 1...1))
        try writer.close()
    }

    static func kindName(_ kind: String) -> String {
        switch kind {
        case "date": "按日期"
        case "range": "时间段"
        case "milestones": "分节点"
        case "recurring": "周期性"
        case "ongoing": "长期推进"
        case "relative": "相对期限"
        case "external": "按上级要求"
        case "unparseable": "无法识别"
        default: "未填写"
        }
    }
}
