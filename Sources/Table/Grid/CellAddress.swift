import XLSX

/// A cell's place on a sheet, 1-based, printed as users read it (`E12`); the same for every input format.
public struct CellAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `E12`; nil for anything else.
    public init?(_ text: String) {
        guard let reference = CellReference(text) else { return nil }
        self.init(reference)
    }

    init(_ reference: CellReference) {
        self.init(row: reference.row, column: reference.column)
    }

    /// `A`, `Z`, `AA`… for a 1-based column number.
    public static func columnName(_ column: Int) -> String { CellReference.columnName(column) }

    public var description: String { Self.columnName(column) + String(row) }

    public static func < (a: Self, b: Self) -> Bool { (a.row, a.column) < (b.row, b.column) }
}

/// A rectangle of cells, such as a merged range (`A4:A9`).
public struct CellArea: Sendable, Hashable, CustomStringConvertible {
    public var first: CellAddress
    public var last: CellAddress

    public init(first: CellAddress, last: CellAddress) {
        self.first = first
        self.last = last
    }

    /// Parses `A1:B2` or a single `A1`; nil for anything else.
    public init?(_ text: String) {
        guard let range = CellRange(text) else { return nil }
        self.init(range)
    }

    init(_ range: CellRange) {
        self.init(first: CellAddress(range.first), last: CellAddress(range.last))
    }

    public func contains(_ cell: CellAddress) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }

    public var description: String { first == last ? first.description : "\(first):\(last)" }
}
