import CSV
import XLSX

/// Writes worksheets out as delimited text, streaming row by row.
public enum SheetExport {
    /// Counts of what an export wrote.
    public struct Summary: Sendable, Equatable {
        public var rows = 0
        public var cells = 0
        public var columns = 0
        /// Formula cells without a saved result: written as empty, as there is no value.
        public var uncachedFormulas = UncachedFormulas()
    }

    /// The sheet holds rows out of order, so it cannot be streamed; `writeCSVBuffered` sorts them.
    public struct RowsOutOfOrder: Error {}

    /// Writes one worksheet as CSV: every row from 1 to the last with a value (empty rows as empty lines),
    /// each row up to its last value, or padded to the writer's `rowWidth`; `Summary.columns` is the widest row. With `fillMerged`, every cell of a merged range gets the range's value.
    /// Throws `RowsOutOfOrder` when the file's rows are not in order: the caller discards what was written
    /// and calls `writeCSVBuffered`.
    public static func writeCSV(_ workbook: Workbook, sheet: SheetInfo, to writer: CSVWriter, fillMerged: Bool = false) throws -> Summary {
        guard fillMerged else { return try writeRawCSV(workbook, sheet: sheet, to: writer) }
        // Excel stores merged ranges after the cells, so they take one read ahead of the rows, which also finds
        // the sheet's extent.
        let pre = try workbook.rows(of: sheet)
        var extent: CellAddress?
        while let row = try pre.nextRaw() {
            guard let last = (0..<row.count).lazy.map(row.column(at:)).max() else { continue }
            extent = CellAddress(row: max(extent?.row ?? 0, row.number), column: max(extent?.column ?? 0, last))
        }
        var filler: MergeFill<Row>? = MergeFill(ranges: pre.mergedRanges.map(CellArea.init), extent: extent)
        var emitter = RowEmitter(writer: writer)
        let reader = try workbook.rows(of: sheet)
        while let row = try reader.next() {
            if row.number <= emitter.lastRow { throw RowsOutOfOrder() }
            try emitter.emit(row, through: &filler)
        }
        try emitter.finish(&filler)
        emitter.summary.uncachedFormulas = reader.uncachedFormulas
        return emitter.summary
    }

    /// The common case without merged-cell fill: cell bytes go from the parser to the CSV buffer without a String.
    private static func writeRawCSV(_ workbook: Workbook, sheet: SheetInfo, to writer: CSVWriter) throws -> Summary {
        var summary = Summary()
        let reader = try workbook.rows(of: sheet)
        while let row = try reader.nextRaw() {
            if row.number <= summary.rows { throw RowsOutOfOrder() }
            for _ in (summary.rows + 1)..<row.number { try writer.endRow() }
            var column = 1
            reader.forEachText(of: row) { target, bytes in
                writer.emptyFields(target - column)
                writer.field(bytes)
                column = target + 1
            }
            try writer.endRow()
            summary.rows = row.number
            summary.cells += row.count
            summary.columns = max(summary.columns, column - 1)
        }
        summary.uncachedFormulas = reader.uncachedFormulas
        return summary
    }

    /// Like `writeCSV`, but reads the whole sheet into memory first, so rows held out of order come out sorted.
    public static func writeCSVBuffered(_ workbook: Workbook, sheet: SheetInfo, to writer: CSVWriter, fillMerged: Bool = false) throws -> Summary {
        try writeCSV(try workbook.read(sheet), to: writer, fillMerged: fillMerged)
    }

    /// Writes a sheet already read whole (any input format) as `writeCSV` does.
    public static func writeCSV(_ content: SheetContent, to writer: CSVWriter, fillMerged: Bool = false) throws -> Summary {
        var filler: MergeFill<Row>? = fillMerged ? MergeFill(ranges: content.mergedRanges.map(CellArea.init), extent: MergeFill<Row>.extent(of: content.rows)) : nil
        var emitter = RowEmitter(writer: writer)
        for row in content.rows { try emitter.emit(row, through: &filler) }
        try emitter.finish(&filler)
        emitter.summary.uncachedFormulas = content.uncachedFormulas
        return emitter.summary
    }

    private struct RowEmitter {
        let writer: CSVWriter
        var summary = Summary()
        var lastRow = 0

        mutating func emit(_ row: Row, through filler: inout MergeFill<Row>?) throws {
            guard filler != nil else { return try write(row) }
            try filler!.rows(for: row) { try write($0) }
        }

        mutating func finish(_ filler: inout MergeFill<Row>?) throws {
            guard filler != nil else { return }
            try filler!.rows(for: nil) { try write($0) }
        }

        private mutating func write(_ row: Row) throws {
            for _ in (lastRow + 1)..<max(row.number, lastRow + 1) { try writer.write(row: EmptyCollection<String>()) }
            var fields: [String] = []
            fields.reserveCapacity(row.cells.last?.column ?? 0)
            for cell in row.cells {
                while fields.count < cell.column - 1 { fields.append("") }
                fields.append(cell.value.text)
            }
            try writer.write(row: fields)
            summary.rows = row.number
            summary.cells += row.cells.count
            summary.columns = max(summary.columns, fields.count)
            lastRow = row.number
        }
    }
}
