/// A row as the parser produced it, before any Swift String is made: text stays as bytes in the row's
/// own buffer or in the shared-string table. `SheetReader.next()` turns it into a `Row`; exporters that
/// only copy text out (CSV) read it directly and skip a String per cell.
public struct RawRow: Sendable {
    enum Kind: UInt8, Sendable {
        /// `payload` is a shared-string index.
        case shared
        /// Bytes `start..<end` of `text`.
        case text
        case number
        case date
        case duration
        case bool
        /// Bytes `start..<end` of `text`, such as `#N/A`.
        case error
        /// Bytes `start..<end` of `text`: an ISO 8601 date (`t="d"`), kept as written so dates before 1900 survive.
        case isoDate
    }

    struct RawCell: Sendable {
        var column: Int32
        var kind: Kind
        var style: Int32
        var start: Int32
        var end: Int32
        var number: Double
    }

    public internal(set) var number: Int
    public internal(set) var isHidden: Bool
    var cells: [RawCell]
    var text: [UInt8]

    /// The number of cells holding a value.
    public var count: Int { cells.count }

    /// The 1-based column of the cell at `index`.
    public func column(at index: Int) -> Int { Int(cells[index].column) }

    /// The style index (into `cellXfs`) of the cell at `index`.
    public func style(at index: Int) -> Int { Int(cells[index].style) }

    /// The typed value of the cell at `index`.
    func value(at index: Int, strings: SharedStrings, dateSystem: DateSystem) -> CellValue {
        let cell = cells[index]
        switch cell.kind {
        case .shared: return .text(strings[Int(cell.start)])
        case .text: return .text(string(cell))
        case .number: return .number(cell.number)
        case .date: return ExcelDateTime(serial: cell.number, system: dateSystem).map(CellValue.date) ?? .number(cell.number)
        case .duration: return .elapsed(days: cell.number)
        case .bool: return .bool(cell.number != 0)
        case .error: return .error(string(cell))
        case .isoDate: return ExcelDateTime(iso: string(cell)).map(CellValue.date) ?? .text(string(cell))
        }
    }

    /// Calls `body` with the UTF-8 bytes of the cell's value as text (`CellValue.text`), copying only numbers and dates.
    func withText<R>(at index: Int, strings: SharedStrings, dateSystem: DateSystem, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let cell = cells[index]
        switch cell.kind {
        case .shared:
            return try strings.withUTF8(Int(cell.start), body)
        case .text, .error:
            return try text.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[Int(cell.start)..<Int(cell.end)])) }
        case .number where cell.number.rounded() == cell.number && abs(cell.number) < 1e15:
            // Integers are most numbers in a ledger: format them without a String.
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            return try withUnsafeMutableBytes(of: &digits) { raw in
                var n = Int64(cell.number).magnitude
                var i = raw.count
                repeat {
                    i -= 1
                    raw[i] = UInt8(48 + n % 10)
                    n /= 10
                } while n > 0
                if cell.number < 0 { i -= 1; raw[i] = UInt8(ascii: "-") }
                return try body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[i...]))
            }
        default:
            var s = value(at: index, strings: strings, dateSystem: dateSystem).text
            return try s.withUTF8(body)
        }
    }

    /// Calls `body` with each cell's column and text bytes, in column order; the fast path for exporters.
    func forEachText(strings: SharedStrings, dateSystem: DateSystem, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try strings.withStorage { sstBytes, sstStarts in
            try text.withUnsafeBufferPointer { rowText in
                for index in cells.indices {
                    let cell = cells[index]
                    switch cell.kind {
                    case .shared:
                        let i = Int(cell.start)
                        try body(Int(cell.column), UnsafeBufferPointer(rebasing: sstBytes[sstStarts[i]..<sstStarts[i + 1]]))
                    case .text, .error:
                        try body(Int(cell.column), UnsafeBufferPointer(rebasing: rowText[Int(cell.start)..<Int(cell.end)]))
                    default:
                        try withText(at: index, strings: strings, dateSystem: dateSystem) { try body(Int(cell.column), $0) }
                    }
                }
            }
        }
    }

    private func string(_ cell: RawCell) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(cell.start)..<Int(cell.end)]), as: UTF8.self) }
    }
}
