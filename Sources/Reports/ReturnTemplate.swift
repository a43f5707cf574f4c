import Ledger
import XLSX

/// The workbook a unit receives (`ReturnForm` is its contract): its tasks with their plan columns locked and the progress columns open
/// for typing, each row carrying the task id, and the unit written in the document's custom properties
/// so that a returned file identifies itself.
public enum ReturnTemplate {
    /// Writes the template of one unit.
    public static func write(unit: String, plan: Plan, to path: String) throws {
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
        let columns = ReturnForm.planHeaders.count + ReturnForm.progressHeaders.count

        let sheet = try writer.addSheet(ReturnForm.sheetName)
        // Widths and merges come before the rows so that rows are sized for the text that shows.
        for (column, width) in [(1, 13.0), (2, 18.0), (3, 30.0), (4, 40.0), (5, 14.0), (6, 8.0), (7, 12.0), (8, 40.0), (9, 10.0), (10, 12.0), (11, 20.0), (12, 16.0)] {
            sheet.setColumn(column, width: width)
        }
        try sheet.append([Cell(column: 1, value: .text(title), style: titleStyle)], height: 30)
        try sheet.merge(CellRange(first: CellReference(row: 1, column: 1), last: CellReference(row: 1, column: columns)))
        try sheet.append([Cell(column: 1, value: .text("\(ReturnForm.unitProperty)：\(unit)"), style: label),
                          Cell(column: 8, value: .text("联系人："), style: label),
                          Cell(column: 10, value: .text("联系电话："), style: label)], blanks: [9: blank, 11: blank])
        try sheet.merge(CellRange("A2:D2")!)
        try sheet.append((ReturnForm.planHeaders + ReturnForm.progressHeaders).enumerated().map { i, text in
            Cell(column: i + 1, value: .text(text), style: i < ReturnForm.planHeaders.count ? header : input)
        }, height: 30)

        for (i, (task, role)) in rows.enumerated() {
            let row = 4 + i
            // The group column merged over rows of one category, as in the plan.
            if i == 0 || rows[i - 1].task.category?.text != task.category?.text {
                let end = rows[i...].firstIndex { $0.task.category?.text != task.category?.text } ?? rows.count
                if end - i > 1 { try sheet.merge(CellRange(first: CellReference(row: row, column: 2), last: CellReference(row: 3 + end, column: 2))) }
            }
            let roleName = ReturnForm.roleName(role)
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
                                       items: ReturnForm.statusChoices.map(\.displayName), prompt: "请选择完成状态"))
        sheet.freeze(rows: 3, columns: 1)
        sheet.protect(SheetProtection(allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: true))
        sheet.setPrintSetup(PrintSetup(repeatRows: 3...3))
        try writer.close()
    }
}
