import XLSX

/// A table of a document (a Word file, a web page): text cells, merged ranges, and the title above it.
struct DocumentTable: Sendable {
    var title: String?
    var rows: [Row]
    var mergedRanges: [CellRange]
}

extension Grid {
    /// A document's table (every value text, as typed), merged ranges filled, within `budget`.
    init(file: String, table: DocumentTable, name: String, budget: ReadBudget) throws {
        var meter = MemoryMeter(budget, file: file, sheet: name)
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
        try self.init(file: file, sheet: name, typed: rows, merges: table.mergedRanges, meter: &meter)
        title = table.title
    }
}
