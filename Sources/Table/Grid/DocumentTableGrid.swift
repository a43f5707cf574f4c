import DOCX
import XLSX

extension Grid {
    /// A table of a Word document (every value text, as typed), merged ranges filled, within `budget`.
    init(document: WordDocument, table index: Int, name: String, budget: ReadBudget) throws {
        var meter = MemoryMeter(budget, file: document.displayName, sheet: name)
        let table = document.tables[index]
        var rows: [GridRow] = []
        for row in table.rows {
            var cells: [GridCell] = []
            for cell in row.cells {
                let text = cell.value.text
                try meter.string(text, at: CellAddress(row: row.number, column: cell.column))
                cells.append(GridCell(column: cell.column, value: .text(text)))
            }
            try meter.row(cells: cells.count, at: row.number)
            rows.append(GridRow(number: row.number, cells: cells))
        }
        try self.init(file: document.displayName, sheet: name, typed: rows, merges: table.mergedRanges, meter: &meter)
        title = table.title
    }
}
