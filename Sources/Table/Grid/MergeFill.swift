import XLSX

/// Copies the value of each merged range's top-left cell into the rest of the range while rows stream past,
/// including rows the file leaves out because all their cells are empty.
public struct MergeFill {
    private let ranges: [CellRange]
    private var anchors: [Int: Cell] = [:]
    private var lastRow = 0
    /// Ranges (by index) that may cover the current row: those started and not yet ended, so that a sheet
    /// with tens of thousands of merges costs each row only the merges around it.
    private var active: [Int] = []
    private var nextRange = 0

    /// `ranges` must be complete before the first row (Excel writes them after the cells, so read them first).
    public init(ranges: [CellRange]) {
        self.ranges = ranges.sorted { $0.first < $1.first }
    }

    /// Rows to emit for the next row read (nil at the end): filled rows for skipped rows inside ranges, then this row filled.
    public mutating func rows(for next: Row?) -> [Row] {
        guard !ranges.isEmpty else { return next.map { [$0] } ?? [] }
        var out: [Row] = []
        let upTo = next?.number ?? (ranges.map(\.last.row).max() ?? 0) + 1
        if upTo > lastRow + 1 {
            // Rows the file leaves out inside merged ranges: only those, never the whole gap.
            var missing = Set<Int>()
            for range in ranges where range.first.row < upTo && range.last.row > lastRow {
                missing.formUnion(max(range.first.row, lastRow + 1)...min(range.last.row, upTo - 1))
            }
            for number in missing.sorted() {
                let filled = fill(Row(number: number, cells: []))
                if !filled.cells.isEmpty { out.append(filled) }
            }
        }
        if let next {
            out.append(fill(next))
            lastRow = max(lastRow, next.number)
        }
        return out
    }

    private mutating func fill(_ row: Row) -> Row {
        while nextRange < ranges.count, ranges[nextRange].first.row <= row.number {
            active.append(nextRange)
            nextRange += 1
        }
        active.removeAll { ranges[$0].last.row < row.number }
        var filled: Row?
        for index in active {
            let range = ranges[index]
            if row.number == range.first.row {
                if let anchor = row.cells.first(where: { $0.column == range.first.column }) { anchors[index] = anchor }
                if range.first.column == range.last.column { continue }
            }
            guard let anchor = anchors[index] else { continue }
            if filled == nil { filled = Self.sorted(row) }
            for column in range.first.column...range.last.column where !(row.number == range.first.row && column == range.first.column) {
                let cell = Cell(column: column, value: anchor.value, style: anchor.style)
                if let i = filled!.cells.firstIndex(where: { $0.column >= column }) {
                    if filled!.cells[i].column == column { filled!.cells[i] = cell } else { filled!.cells.insert(cell, at: i) }
                } else {
                    filled!.cells.append(cell)
                }
            }
        }
        return filled ?? row
    }

    /// The row with its cells in column order, each column once (the last written wins), as filling expects.
    private static func sorted(_ row: Row) -> Row {
        let cells = row.cells
        if cells.indices.dropFirst().allSatisfy({ cells[$0 - 1].column < cells[$0].column }) { return row }
        var sorted = row
        sorted.cells = Dictionary(row.cells.map { ($0.column, $0) }, uniquingKeysWith: { $1 }).values.sorted { $0.column < $1.column }
        return sorted
    }
}
