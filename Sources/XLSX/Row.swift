/// One cell with a value: its 1-based column, the value and its style index (into `cellXfs`).
public struct Cell: Sendable, Hashable {
    public var column: Int
    public var value: CellValue
    public var style: Int

    public init(column: Int, value: CellValue, style: Int = 0) {
        self.column = column
        self.value = value
        self.style = style
    }
}

/// One row of a sheet as the file holds it: its 1-based number, whether it is hidden, and its cells in column order.
public struct Row: Sendable, Hashable {
    public var number: Int
    public var isHidden: Bool
    public var cells: [Cell]

    public init(number: Int, isHidden: Bool = false, cells: [Cell]) {
        self.number = number
        self.isHidden = isHidden
        self.cells = cells
    }

    /// The value in a 1-based column, if that cell has one.
    public subscript(column: Int) -> CellValue? {
        cells.first { $0.column == column }?.value
    }
}
