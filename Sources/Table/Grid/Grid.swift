import CSV
import XLSX

/// One cell of a grid: its typed value, and whether its value was copied from the top-left cell of a
/// merged range rather than typed there.
public struct GridCell: Sendable, Hashable {
    public var column: Int
    public var value: GridValue
    public var filledFromMerge: Bool

    public init(column: Int, value: GridValue, filledFromMerge: Bool = false) {
        self.column = column
        self.value = value
        self.filledFromMerge = filledFromMerge
    }
}

/// One row of a grid, sparse: only cells with values, in column order.
public struct GridRow: Sendable, Hashable {
    public var number: Int
    public var cells: [GridCell]
    public var isHidden: Bool

    public init(number: Int, cells: [GridCell], isHidden: Bool = false) {
        self.number = number
        self.cells = cells
        self.isHidden = isHidden
    }

    public subscript(column: Int) -> GridCell? {
        cells.first { $0.column == column }
    }

    /// The cell's text, or nil when the cell is empty.
    public func text(_ column: Int) -> String? {
        guard let value = self[column]?.value else { return nil }
        let text = value.text
        return text.isEmpty ? nil : text
    }
}

/// Formula cells a file holds without their result: they read as empty, and callers report them.
public struct UnsavedFormulas: Sendable, Equatable {
    /// How many such cells the sheet has.
    public var count = 0
    /// The first of them, in file order.
    public var cells: [CellAddress] = []

    public init(count: Int = 0, cells: [CellAddress] = []) {
        self.count = count
        self.cells = cells
    }
}

/// A sheet or table of any input format as a format-neutral sparse grid, with merged ranges resolved:
/// every cell of a merged range holds the range's value and knows it was filled.
public struct Grid: Sendable {
    public var file: String
    /// The sheet's name; nil for a CSV file, which has no sheets.
    public var sheet: String?
    public var rows: [GridRow]
    public var mergedRanges: [CellArea]
    public var unsavedFormulas: UnsavedFormulas
    /// Merged ranges as the file writes them that reach far past the table (or overlap another), whose
    /// outside part was not filled: readers say so once.
    public var ignoredMerges: [CellArea]
    /// The table's title where the format keeps it outside the cells: a Word table's caption or the heading above it.
    public var title: String?

    public init(file: String, sheet: String?, rows: [GridRow], mergedRanges: [CellArea] = [], unsavedFormulas: UnsavedFormulas = UnsavedFormulas(),
                ignoredMerges: [CellArea] = []) {
        self.file = file
        self.sheet = sheet
        self.rows = rows
        self.mergedRanges = mergedRanges
        self.unsavedFormulas = unsavedFormulas
        self.ignoredMerges = ignoredMerges
    }

    /// Where a cell of this grid came from.
    public func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, sheet: sheet, cell: CellAddress(row: row, column: column))
    }

    /// A CSV document: every value is text, as typed.
    public init(csv document: CSVDocument, budget: ReadBudget = .standard) throws {
        var meter = MemoryMeter(budget, file: document.displayName, sheet: nil)
        var rows: [GridRow] = []
        for record in document.records {
            let cells = record.fields.enumerated().compactMap { i, field in
                field.isEmpty ? nil : GridCell(column: i + 1, value: .text(field))
            }
            guard !cells.isEmpty else { continue }
            try meter.row(cells: cells.count, at: record.row)
            rows.append(GridRow(number: record.row, cells: cells))
        }
        self.init(file: document.displayName, sheet: nil, rows: rows)
    }
}
