import XLSX

/// A row that merged-range filling works on: a worksheet row for export, a grid row for reading.
public protocol MergeFillable {
    associatedtype FillCell
    var number: Int { get }
    var cells: [FillCell] { get set }
    /// A row with no cells, for a row the file leaves out inside a merged range.
    init(emptyRow number: Int)
    static func column(of cell: FillCell) -> Int
    /// The anchor's value and style placed in another column of its range.
    static func copy(_ anchor: FillCell, to column: Int) -> FillCell
}

/// Copies the value of each merged range's top-left cell into the rest of the range while rows stream past,
/// including rows the file leaves out because all their cells are empty.
///
/// A range is filled only within the sheet's extent (the last row and column holding a value): past it every
/// cell would be empty but for the fill, so `A1:XFD1048576` costs what the table costs, not 17 billion cells.
/// Of overlapping ranges (which Excel drops when it repairs a file) only the smaller is filled.
public struct MergeFill<R: MergeFillable> {
    private let ranges: [CellArea]
    /// Ranges as written that were cut to the extent or dropped as overlapping, and whose ignored part is
    /// larger than the table itself: worth a note, unlike a title merged one column past the table.
    public let ignored: [CellArea]
    private var anchors: [Int: R.FillCell] = [:]
    private var lastRow = 0
    /// Ranges (by index) that may cover the current row: those started and not yet ended, so that a sheet
    /// with tens of thousands of merges costs each row only the merges around it.
    private var active: [Int] = []
    private var nextRange = 0

    /// `ranges` must be complete before the first row (Excel writes them after the cells, so read them first);
    /// `extent` is the last row and column holding a value (nil when the sheet holds none).
    public init(ranges: [CellArea], extent: CellAddress?) {
        let (kept, ignored) = Self.bounded(ranges, to: extent)
        self.ranges = kept
        self.ignored = ignored
    }

    /// The ranges that are filled, each within the extent, in row order.
    public var effectiveRanges: [CellArea] { ranges }

    /// The last row and column holding a value among `rows`.
    public static func extent<S: Sequence>(of rows: S) -> CellAddress? where S.Element == R {
        var extent: CellAddress?
        for row in rows {
            guard let last = row.cells.lazy.map(R.column(of:)).max() else { continue }
            extent = CellAddress(row: max(extent?.row ?? 0, row.number), column: max(extent?.column ?? 0, last))
        }
        return extent
    }

    /// Emits, for the next row read (nil at the end), the filled rows the file leaves out inside ranges before
    /// it, then the row itself filled. Rows go out one at a time, so a caller that counts them can stop at once.
    public mutating func rows(for next: R?, _ emit: (R) throws -> Void) rethrows {
        guard !ranges.isEmpty else {
            if let next { try emit(next) }
            return
        }
        let upTo = next?.number ?? (ranges.map(\.last.row).max() ?? 0) + 1
        if upTo > lastRow + 1 {
            // Rows the file leaves out inside merged ranges: only those, never the whole gap. A range covering
            // the gap is active already or starts inside it; their row spans are joined, never listed row by row.
            var candidates = active
            var index = nextRange
            while index < ranges.count, ranges[index].first.row < upTo { candidates.append(index); index += 1 }
            let spans = candidates.map { ranges[$0] }.filter { $0.last.row > lastRow }
                .map { max($0.first.row, lastRow + 1)...min($0.last.row, upTo - 1) }
                .sorted { $0.lowerBound < $1.lowerBound }
            var done = lastRow
            for span in spans where span.upperBound > done {
                for number in max(span.lowerBound, done + 1)...span.upperBound {
                    let filled = fill(R(emptyRow: number))
                    if !filled.cells.isEmpty { try emit(filled) }
                }
                done = span.upperBound
            }
        }
        if let next {
            try emit(fill(next))
            lastRow = max(lastRow, next.number)
        }
    }

    private mutating func fill(_ row: R) -> R {
        while nextRange < ranges.count, ranges[nextRange].first.row <= row.number {
            active.append(nextRange)
            nextRange += 1
        }
        active.removeAll { ranges[$0].last.row < row.number }
        // Each range's columns to fill in this row, with its anchor, in column order.
        var spans: [(columns: ClosedRange<Int>, skip: Int?, anchor: R.FillCell)] = []
        for index in active {
            let range = ranges[index]
            let isFirstRow = row.number == range.first.row
            if isFirstRow, let anchor = row.cells.first(where: { R.column(of: $0) == range.first.column }) { anchors[index] = anchor }
            if isFirstRow && range.first.column == range.last.column { continue }
            guard let anchor = anchors[index] else { continue }
            spans.append((range.first.column...range.last.column, isFirstRow ? range.first.column : nil, anchor))
        }
        guard !spans.isEmpty else { return row }
        spans.sort { $0.columns.lowerBound < $1.columns.lowerBound }
        // One pass over the row's cells and the spans: a filled cell replaces whatever the file had under the range.
        let cells = Self.sorted(row.cells)
        var out: [R.FillCell] = []
        out.reserveCapacity(cells.count + spans.reduce(0) { $0 + $1.columns.count })
        var next = 0
        for span in spans {
            for column in span.columns {
                while next < cells.count, R.column(of: cells[next]) < column { out.append(cells[next]); next += 1 }
                let typed = next < cells.count && R.column(of: cells[next]) == column
                if column == span.skip {
                    if typed { out.append(cells[next]); next += 1 }
                    continue
                }
                if typed { next += 1 }
                out.append(R.copy(span.anchor, to: column))
            }
        }
        out.append(contentsOf: cells[next...])
        var filled = row
        filled.cells = out
        return filled
    }

    /// Cells in column order, each column once (the last written wins), as filling expects.
    private static func sorted(_ cells: [R.FillCell]) -> [R.FillCell] {
        if cells.indices.dropFirst().allSatisfy({ R.column(of: cells[$0 - 1]) < R.column(of: cells[$0]) }) { return cells }
        return Dictionary(cells.map { (R.column(of: $0), $0) }, uniquingKeysWith: { $1 }).values.sorted { R.column(of: $0) < R.column(of: $1) }
    }

    /// The ranges cut to the extent, sorted by their first cell, and those worth a note. Of two overlapping
    /// ranges the smaller is kept: a real table's merges survive one drawn over the whole sheet.
    private static func bounded(_ ranges: [CellArea], to extent: CellAddress?) -> (kept: [CellArea], ignored: [CellArea]) {
        guard let extent else { return ([], []) }
        let tableCells = extent.row * extent.column
        var kept: [CellArea?] = []
        var ignored: [CellArea] = []
        // Indexes into `kept` of ranges that may still overlap a later one: sorted by first row, those not yet ended.
        var open: [Int] = []
        for range in Set(ranges).sorted(by: { ($0.first, $0.cells) < ($1.first, $1.cells) }) {
            let written = range.cells
            guard range.first.row <= extent.row, range.first.column <= extent.column else {
                if written > tableCells { ignored.append(range) }
                continue
            }
            let cut = CellArea(first: range.first, last: CellAddress(row: min(range.last.row, extent.row), column: min(range.last.column, extent.column)))
            open.removeAll { kept[$0] == nil || kept[$0]!.last.row < cut.first.row }
            let overlapping = open.filter { kept[$0]!.first.column <= cut.last.column && cut.first.column <= kept[$0]!.last.column }
            if overlapping.contains(where: { kept[$0]!.cells <= cut.cells }) {
                if written > tableCells { ignored.append(range) }
                continue
            }
            for index in overlapping { kept[index] = nil }
            if written - cut.cells > tableCells { ignored.append(range) }
            if cut.first != cut.last {
                kept.append(cut)
                open.append(kept.count - 1)
            }
        }
        return (kept.compactMap { $0 }, ignored)
    }
}

extension CellArea {
    /// How many cells the area covers.
    var cells: Int { (last.row - first.row + 1) * (last.column - first.column + 1) }
}

extension Row: MergeFillable {
    public init(emptyRow number: Int) { self.init(number: number, cells: []) }
    public static func column(of cell: Cell) -> Int { cell.column }
    public static func copy(_ anchor: Cell, to column: Int) -> Cell { Cell(column: column, value: anchor.value, style: anchor.style) }
}

extension GridRow: MergeFillable {
    public init(emptyRow number: Int) { self.init(number: number, cells: []) }
    public static func column(of cell: GridCell) -> Int { cell.column }
    public static func copy(_ anchor: GridCell, to column: Int) -> GridCell { GridCell(column: column, value: anchor.value, filledFromMerge: true) }
}
