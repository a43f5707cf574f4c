import XLSX

/// Writes a worksheet as a JSON array of objects keyed by its header row: among the first 20 rows, the first
/// with as many text cells as the widest of them (so a title row merged across the top is passed over).
public enum SheetJSONExport {
    /// Streams the sheet: numbers and booleans as JSON values, dates as `YYYY-MM-DD[THH:MM:SS]` strings,
    /// empty cells as null, every object with every header key in column order. Returns the number of objects.
    @discardableResult
    public static func write(_ workbook: Workbook, sheet: SheetInfo, output: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        let reader = try workbook.rows(of: sheet)
        return try write(next: reader.next, output: output)
    }

    /// Writes rows already read (any input format), in order, as `write` does.
    @discardableResult
    public static func write(rows: [Row], output: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        var iterator = rows.makeIterator()
        return try write(next: { iterator.next() }, output: output)
    }

    private static func write(next: () throws -> Row?, output: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        var json = JSONWriter()
        json.raw("[")
        var lead: [Row] = []
        while lead.count < 20, let row = try next() { lead.append(row) }
        let widest = lead.map(\.cells.count).max() ?? 0
        guard let headerIndex = lead.firstIndex(where: { row in
            row.cells.count == widest && row.cells.allSatisfy { if case .text = $0.value { return true } else { return false } }
        }) ?? lead.indices.first else {
            json.raw("]\n")
            try json.flush(output)
            return 0
        }
        let keys = headerKeys(lead[headerIndex])
        var count = 0
        var lastRow = lead[headerIndex].number
        var pending = lead[(headerIndex + 1)...].makeIterator()
        while let row = try pending.next() ?? next() {
            if row.number <= lastRow { throw SheetExport.RowsOutOfOrder() }
            lastRow = row.number
            json.raw(count == 0 ? "\n{" : ",\n{")
            var cells = row.cells.makeIterator()
            var cell = cells.next()
            for (i, key) in keys.enumerated() {
                if i > 0 { json.raw(", ") }
                json.string(key.name)
                json.raw(": ")
                while let c = cell, c.column < key.column { cell = cells.next() }
                if let c = cell, c.column == key.column { value(c.value, into: &json) } else { json.raw("null") }
            }
            json.raw("}")
            count += 1
            if json.bytes.count >= 1 << 16 { try json.flush(output) }
        }
        json.raw(count == 0 ? "]\n" : "\n]\n")
        try json.flush(output)
        return count
    }

    /// Header texts as keys; an empty header takes its column letter, a repeated one gets `_2`, `_3`.
    static func headerKeys(_ header: Row) -> [(column: Int, name: String)] {
        guard let last = header.cells.last?.column, let first = header.cells.first?.column else { return [] }
        var seen: [String: Int] = [:]
        return (first...last).map { column in
            var name = header[column]?.text.trimmingWhitespace ?? ""
            if name.isEmpty { name = CellReference.columnName(column) }
            let n = (seen[name] ?? 0) + 1
            seen[name] = n
            return (column, n == 1 ? name : "\(name)_\(n)")
        }
    }

    private static func value(_ value: CellValue, into json: inout JSONWriter) {
        switch value {
        case .number(let n): json.number(n)
        case .bool(let b): json.raw(b ? "true" : "false")
        case .text(let s) where s.isEmpty: json.raw("null")
        default: json.string(value.text)
        }
    }
}
