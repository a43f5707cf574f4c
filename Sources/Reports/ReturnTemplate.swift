import Ledger
import XLSX

/// The workbook a unit receives (`ReturnForm` is its contract): its tasks with their plan columns locked and the progress columns open
/// for typing, each row carrying the task id, and the unit written in the document's custom properties
/// so that a returned file identifies itself.
public enum ReturnTemplate {
    /// Writes the template of one unit; `filled` (task id → progress header → text) writes a return as if the unit had
    /// typed it into the template, as the page's progress form does.
    public static func write(unit: String, plan: Plan, to path: String, filled: [String: [String: String]] = [:]) throws {
        let rows = ReturnForm.tasks(for: unit, in: plan)
        let title = (plan.title ?? "\(plan.planYear)年工作任务") + "——\(unit)任务反馈表"
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(
            title: title, creator: "Taizhang", custom: [(ReturnForm.unitProperty, unit), ("计划年度", String(plan.planYear))])))
        let titleStyle = writer.style(HouseStyle.title)
        let label = writer.style(HouseStyle.label)
        let blank = writer.style(HouseStyle.inputBlank)
        let header = writer.style(HouseStyle.header)
        let input = writer.style(HouseStyle.inputHeader)
        let locked = writer.style(HouseStyle.body)
        let open = writer.style(HouseStyle.input)
        let openDate = writer.style(HouseStyle.inputDate)
        let planHeaders = ReturnForm.planHeaders(for: plan), headers = planHeaders + ReturnForm.progressHeaders
        let columns = headers.count
        func column(_ header: String) -> Int { headers.firstIndex(of: header)! + 1 }

        let sheet = try writer.addSheet(ReturnForm.sheetName)
        // Widths and merges come before the rows so that rows are sized for the text that shows.
        let widths: [String: Double] = ["任务编号": 13, "工作类别": 18, "具体任务": 30, "具体要求": 40, ReturnForm.roleHeader: 8, "完成时限": 12,
                                        "进展情况": 40, "完成状态": 10, "完成时间": 12, "佐证材料": 20, "备注": 16]
        for (index, header) in headers.enumerated() { sheet.setColumn(index + 1, width: widths[header] ?? 14) }
        try sheet.append([Cell(column: 1, value: .text(title), style: titleStyle)], height: 30)
        try sheet.merge(CellRange(1, 1, 1, columns))
        let progress = column("进展情况")
        try sheet.append([Cell(column: 1, value: .text("\(ReturnForm.unitProperty)：\(unit)"), style: label),
                          Cell(column: progress, value: .text("联系人："), style: label),
                          Cell(column: progress + 2, value: .text("联系电话："), style: label)], blanks: [progress + 1: blank, progress + 3: blank])
        try sheet.merge(CellRange("A2:D2")!)
        try sheet.append(headers.enumerated().map { i, text in
            Cell(column: i + 1, value: .text(text), style: i < planHeaders.count ? header : input)
        }, height: 30)

        // Each plan column's value, found once per column rather than through a table per row (a plan may have 100,000).
        let valuesOf: [(PlanTask, UnitRole) -> String] = planHeaders.map { header in
            switch header {
            case "任务编号": { task, _ in task.id }
            case "工作类别": { task, _ in task.category?.text ?? "" }
            case "具体任务": { task, _ in task.task.text }
            case "具体要求": { task, _ in task.requirement?.text ?? "" }
            case "牵头单位": { task, _ in task.units.written(.lead) }
            case "配合单位": { task, _ in task.units.written(.cooperating) }
            case "责任单位": { task, _ in task.units.written(.responsible) }
            case ReturnForm.roleHeader: { _, role in ReturnForm.roleName(role) }
            default: { task, _ in task.deadline.text }
            }
        }
        for (i, (task, role)) in rows.enumerated() {
            let row = 4 + i
            // The category column merged over rows of one category, as in the plan.
            if i == 0 || rows[i - 1].task.category?.text != task.category?.text {
                let end = rows[i...].firstIndex { $0.task.category?.text != task.category?.text } ?? rows.count
                if end - i > 1 { try sheet.merge(CellRange(row, 2, 3 + end, 2)) }
            }
            let cells = valuesOf.enumerated().map { Cell(column: $0 + 1, value: .text($1(task, role)), style: locked) }
            let inputs = Dictionary(uniqueKeysWithValues: ((planHeaders.count + 1)...columns).map { ($0, $0 == column("完成时间") ? openDate : open) })
            let typed = filled[task.id, default: [:]].compactMap { header, text -> Cell? in
                guard let at = headers.firstIndex(of: header).map({ $0 + 1 }), at > planHeaders.count, !text.isEmpty else { return nil }
                // A day as a date cell, as Excel makes of a day typed into a date-formatted cell.
                if at == column("完成时间"), let day = ExcelDateTime(iso: text) { return Cell(column: at, value: .date(day), style: openDate) }
                return Cell(column: at, value: .text(text), style: open)
            }
            try sheet.append(cells + typed, row: row, blanks: inputs)
        }
        let last = max(3 + rows.count, 4)
        try sheet.addDropdown(Dropdown(range: CellRange(4, column("完成状态"), last, column("完成状态")),
                                       items: ReturnForm.statusChoices.map(\.displayName), prompt: "请选择完成状态"))
        sheet.freeze(rows: 3, columns: 1)
        sheet.protect(SheetProtection(allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: true))
        sheet.setPrintSetup(PrintSetup(repeatRows: 3...3))
        try writer.close()
    }
}
