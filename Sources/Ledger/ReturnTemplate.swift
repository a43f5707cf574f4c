import Table
import XLSX

/// The workbook a unit receives: its tasks with their plan columns locked and the progress columns open
/// for typing, each row carrying the task id, and the unit written in the document's custom properties
/// so that a returned file identifies itself.
public enum ReturnTemplate {
    /// The sheet name of every template; `merge` looks for it first.
    public static let sheetName = "任务反馈"
    /// The custom document property naming the unit.
    public static let unitProperty = "填报单位"
    /// The columns of the template, in order: plan columns, then the columns units fill in.
    public static let planHeaders = ["任务编号", "工作要求", "具体任务", "具体要求", "牵头落实单位", "本单位角色", "完成时限"]
    public static let progressHeaders = ["进展情况", "完成状态", "完成时间", "佐证材料", "备注"]
    /// The status words units choose from.
    public static let statusChoices: [Status] = [.completed, .partial, .onTrack, .ahead, .lagging, .notStarted, .extended, .suspended]

    /// The tasks where `unit` is lead, cooperating or responsible (directly or through a group), in plan order.
    public static func tasks(for unit: String, in plan: Plan) -> [(task: PlanTask, role: UnitRole)] {
        // By index and by bytes: split searches every task once per unit, and a group can name hundreds.
        let name = TextKey(unit)
        // A unit named twice takes its strongest role: lead, then responsible, then cooperating.
        func rank(_ role: UnitRole) -> Int {
            switch role {
            case .lead: 0
            case .responsible: 1
            case .cooperating: 2
            }
        }
        return plan.tasks.indices.compactMap { index in
            var role: UnitRole?
            for reference in plan.tasks[index].units.references where TextKey(reference.name) == name {
                if role.map({ rank(reference.role) < rank($0) }) ?? true { role = reference.role }
            }
            return role.map { (plan.tasks[index], $0) }
        }
    }

    /// `DIR/<单位>-任务反馈表.xlsx`.
    public static func fileName(for unit: String) -> String { "\(unit)-任务反馈表.xlsx" }

    /// Writes the template of one unit.
    public static func write(unit: String, plan: Plan, to path: String) throws {
        let rows = tasks(for: unit, in: plan)
        let title = (plan.title ?? "\(plan.planYear)年工作任务") + "——\(unit)任务反馈表"
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(
            title: title, creator: "Taizhang", custom: [(unitProperty, unit), ("计划年度", String(plan.planYear))])))
        let titleStyle = writer.style(CellFormat(bold: true, fontSize: 16, horizontal: .center, vertical: .center))
        let label = writer.style(CellFormat(bold: true))
        let blank = writer.style(CellFormat(fill: "FFF2CC", border: true, locked: false))
        let header = writer.style(CellFormat(bold: true, fill: "D9D9D9", border: true, horizontal: .center, vertical: .center, wrap: true))
        let input = writer.style(CellFormat(bold: true, fill: "FFE699", border: true, horizontal: .center, vertical: .center, wrap: true))
        let locked = writer.style(CellFormat(border: true, vertical: .top, wrap: true))
        let open = writer.style(CellFormat(fill: "FFF2CC", border: true, vertical: .top, wrap: true, locked: false))
        let openDate = writer.style(CellFormat(fill: "FFF2CC", border: true, vertical: .top, numberFormat: "yyyy-mm-dd", locked: false))
        let columns = planHeaders.count + progressHeaders.count

        let sheet = try writer.addSheet(sheetName)
        // Widths and merges come before the rows so that rows are sized for the text that shows.
        for (column, width) in [(1, 13.0), (2, 18.0), (3, 30.0), (4, 40.0), (5, 14.0), (6, 8.0), (7, 12.0), (8, 40.0), (9, 10.0), (10, 12.0), (11, 20.0), (12, 16.0)] {
            sheet.setColumn(column, width: width)
        }
        try sheet.append([Cell(column: 1, value: .text(title), style: titleStyle)], height: 30)
        try sheet.merge(CellRange(first: CellReference(row: 1, column: 1), last: CellReference(row: 1, column: columns)))
        try sheet.append([Cell(column: 1, value: .text("\(unitProperty)：\(unit)"), style: label),
                          Cell(column: 8, value: .text("联系人："), style: label),
                          Cell(column: 10, value: .text("联系电话："), style: label)], blanks: [9: blank, 11: blank])
        try sheet.merge(CellRange("A2:D2")!)
        try sheet.append((planHeaders + progressHeaders).enumerated().map { i, text in
            Cell(column: i + 1, value: .text(text), style: i < planHeaders.count ? header : input)
        }, height: 30)

        for (i, (task, role)) in rows.enumerated() {
            let row = 4 + i
            // The group column merged over rows of one category, as in the plan.
            if i == 0 || rows[i - 1].task.category?.text != task.category?.text {
                let end = rows[i...].firstIndex { $0.task.category?.text != task.category?.text } ?? rows.count
                if end - i > 1 { try sheet.merge(CellRange(first: CellReference(row: row, column: 2), last: CellReference(row: 3 + end, column: 2))) }
            }
            let roleName = role == .lead ? "牵头" : role == .cooperating ? "配合" : "负责"
            let cells = [
                Cell(column: 1, value: .text(task.id), style: locked),
                Cell(column: 2, value: .text(task.category?.text ?? ""), style: locked),
                Cell(column: 3, value: .text(task.task.text), style: locked),
                Cell(column: 4, value: .text(task.requirement?.text ?? ""), style: locked),
                Cell(column: 5, value: .text(task.unitsText), style: locked),
                Cell(column: 6, value: .text(roleName), style: locked),
                Cell(column: 7, value: .text(task.deadline.text), style: locked),
            ]
            let inputs = Dictionary(uniqueKeysWithValues: (8...columns).map { ($0, $0 == 10 ? openDate : open) })
            try sheet.append(cells, row: row, blanks: inputs)
        }
        let last = max(3 + rows.count, 4)
        try sheet.addDropdown(Dropdown(range: CellRange(first: CellReference(row: 4, column: 9), last: CellReference(row: last, column: 9)),
                                       items: statusChoices.map(\.displayName), prompt: "请选择完成状态"))
        sheet.freeze(rows: 3, columns: 1)
        sheet.protect(SheetProtection(allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: true))
        sheet.setPrintSetup(PrintSetup(repeatRows: 3...3))
        try writer.close()
    }
}
