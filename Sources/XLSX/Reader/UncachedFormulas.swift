/// Formula cells saved without their result, as programs that write formulas but do not calculate them
/// leave them (openpyxl, many exporters): there is no value to read, so they read as empty. Excel and WPS
/// calculate them when the file is opened and store the result when it is saved.
public struct UncachedFormulas: Sendable, Equatable {
    /// How many such cells the sheet has.
    public var count = 0
    /// The first of them, in file order (at most `listed`).
    public var cells: [CellReference] = []

    public static let listed = 100

    public init() {}

    mutating func add(_ cell: CellReference) {
        count += 1
        if cells.count < Self.listed { cells.append(cell) }
    }
}
