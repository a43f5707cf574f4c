/// A cell address: 1-based row and column, as in `E12` (row 12, column 5).
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let maxRow = 1_048_576
    public static let maxColumn = 16_384

    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `E12` or `$E$12`; nil when the text is not a reference.
    public init?(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.removeAll { $0 == UInt8(ascii: "$") }
        guard let parsed = bytes.withUnsafeBufferPointer({ Self.parse($0) }), let row = parsed.row, let column = parsed.column else { return nil }
        self.init(row: row, column: column)
    }

    /// Parses the bytes of a reference; either part may be absent (`E` or `12`), values are not range-checked.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (row: Int?, column: Int?)? {
        var i = 0, column = 0, row = 0
        while i < bytes.count {
            var b = bytes[i]
            if b >= 97 && b <= 122 { b -= 32 }
            guard b >= 65 && b <= 90 else { break }
            column = column &* 26 &+ Int(b - 64)
            if column > 1 << 40 { return nil }
            i += 1
        }
        let letters = i
        while i < bytes.count {
            let b = bytes[i]
            guard b >= 48 && b <= 57 else { return nil }
            row = row &* 10 &+ Int(b - 48)
            if row > 1 << 40 { return nil }
            i += 1
        }
        if letters == 0 && i == 0 { return nil }
        return (i > letters ? row : nil, letters > 0 ? column : nil)
    }

    /// Column letters for a 1-based column: 1 → A, 27 → AA.
    public static func columnName(_ column: Int) -> String {
        var n = column
        var scalars: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            scalars.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        return String(decoding: scalars.reversed(), as: UTF8.self)
    }

    public var description: String { Self.columnName(column) + String(row) }

    public var isWithinExcelLimits: Bool {
        row >= 1 && row <= Self.maxRow && column >= 1 && column <= Self.maxColumn
    }

    public static func < (a: Self, b: Self) -> Bool { (a.row, a.column) < (b.row, b.column) }
}

/// A rectangular range such as `A1:C3` (a single cell is a range of one).
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    public var first: CellReference
    public var last: CellReference

    public init(first: CellReference, last: CellReference) {
        self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses `A1:C3` or `B2`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let a = CellReference(String(parts[0])) else { return nil }
        let b = parts.count == 2 ? CellReference(String(parts[1])) : a
        guard let b else { return nil }
        self.init(first: a, last: b)
    }

    public func contains(_ ref: CellReference) -> Bool {
        ref.row >= first.row && ref.row <= last.row && ref.column >= first.column && ref.column <= last.column
    }

    public var cellCount: Int { (last.row - first.row + 1) * (last.column - first.column + 1) }

    public var description: String { first == last ? first.description : "\(first):\(last)" }
}
