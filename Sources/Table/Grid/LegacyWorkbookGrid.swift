import XLS
import XLSX

extension Grid {
    /// A sheet of a legacy .xls/.et workbook, merged ranges filled, within `budget`.
    init(legacy workbook: XLSWorkbook, sheet: SheetInfo, budget: ReadBudget) throws {
        var meter = MemoryMeter(budget, file: workbook.displayName, sheet: sheet.name)
        // A cell held while the sheet is read costs about 48 bytes before its text, and is held twice while the
        // rows are put in order: a limit of budget / 160 cells keeps that within the budget.
        let result = Result { () throws(XLSReadError) in try workbook.read(sheet, cellLimit: budget.bytes / 160) }
        if case .failure(let error) = result, error.kind.isTooManyCells {
            throw FileTooLarge(location: SourceLocation(file: workbook.displayName, sheet: sheet.name), budget: budget, detail: "单元格过多")
        }
        let content = try result.get()
        var rows: [GridRow] = []
        rows.reserveCapacity(content.rows.count)
        for row in content.rows {
            var cells: [GridCell] = []
            cells.reserveCapacity(row.cells.count)
            for cell in row.cells {
                let at = CellAddress(row: row.number, column: cell.column)
                if case .text(let text) = cell.value { try meter.string(text, at: at) }
                cells.append(GridCell(column: cell.column, value: GridValue(cell.value)))
            }
            try meter.row(cells: cells.count, at: row.number)
            rows.append(GridRow(number: row.number, cells: cells, isHidden: row.isHidden))
        }
        try self.init(file: workbook.displayName, sheet: sheet.name, typed: rows, merges: content.mergedRanges, meter: &meter)
    }
}

extension XLSReadError.Kind {
    var isTooManyCells: Bool {
        if case .tooManyCells = self { return true }
        return false
    }
}
