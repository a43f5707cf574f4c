import Ledger
import Table
import XLSX

/// What `validate` says about a plan: text for people, JSON for tools, a filterable issues workbook.
public enum PlanReport {
    /// Issues grouped by severity as `file sheet!cell: message`, then a one-line summary.
    public static func text(_ plan: Plan) -> String {
        var lines: [String] = []
        for severity in ValidationIssue.Severity.allCases {
            let group = plan.issues.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            lines.append(severity.displayName + "（\(group.count)）：")
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

    /// The JSON contract: `{"planYear", "tasks": [...], "issues": [...]}`, tasks in plan order, each as in the ledger's JSON.
    public static func json(_ plan: Plan) throws -> [UInt8] {
        try JSONStreamEncoder.encode(PlanDocument(planYear: plan.planYear, tasks: plan.tasks.map(TaskRecord.init), issues: plan.issues.map(IssueRecord.init)))
    }

    /// A workbook with one filterable sheet 问题: severity, code, file, sheet, cell, message.
    public static func writeWorkbook(_ plan: Plan, to path: String) throws {
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(
            title: "计划表校验结果", custom: [(Merge.outputProperty, "计划表校验结果")])))
        let (header, alert, body) = (writer.style(HouseStyle.header), writer.style(HouseStyle.alert), writer.style(HouseStyle.body))
        let sheet = try writer.addSheet("问题")
        try IssuesSheet.write(plan.issues, to: sheet, header: header, body: body, level: body, errorLevel: alert, cell: body, widths: [8, 18, 20, 12, 10, 80], filter: true)
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

/// `validate --format json`: the plan's tasks and issues.
struct PlanDocument: Encodable {
    var planYear: Int
    var tasks: [TaskRecord]
    var issues: [IssueRecord]
}
