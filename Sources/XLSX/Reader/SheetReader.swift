/// Streams one worksheet's rows: each call to `next()` inflates and parses only as much of the part as it needs.
public final class SheetReader {
    private let stream: PartStream?
    private let handler: SheetHandler?
    private let parser: XMLPushParser?
    private var delivered = 0
    private var finished = false
    private var pumped = 0
    private let chunk: UnsafeMutableRawBufferPointer
    public let location: XLSXLocation

    init(stream: PartStream, handler: SheetHandler, location: XLSXLocation) {
        self.stream = stream
        self.handler = handler
        self.location = location
        parser = XMLPushParser(handler: handler, location: XLSXLocation(file: location.file, part: location.part))
        chunk = .allocate(byteCount: 1 << 17, alignment: 8)
    }

    init(empty location: XLSXLocation) {
        stream = nil
        handler = nil
        parser = nil
        finished = true
        self.location = location
        chunk = .allocate(byteCount: 0, alignment: 8)
    }

    deinit { chunk.deallocate() }

    /// The next row holding at least one value, in file order; nil at the end of the sheet.
    public func next() throws -> Row? {
        guard let raw = try nextRaw(), let handler else { return nil }
        var cells: [Cell] = []
        cells.reserveCapacity(raw.count)
        for i in 0..<raw.count {
            cells.append(Cell(column: raw.column(at: i), value: raw.value(at: i, strings: handler.strings, dateSystem: handler.dateSystem), style: raw.style(at: i)))
        }
        return Row(number: raw.number, isHidden: raw.isHidden, cells: cells)
    }

    /// The next row before any String is made; read its cells with `withText(of:at:_:)`.
    public func nextRaw() throws -> RawRow? {
        guard let handler else { return nil }
        while delivered == handler.ready.count {
            handler.ready.removeAll(keepingCapacity: true)
            delivered = 0
            if finished {
                // A broken shared-string part is an error even when no cell of this sheet needed it.
                if let error = handler.strings.waitUntilLoaded() { throw error }
                return nil
            }
            try pump()
        }
        delivered += 1
        return handler.ready[delivered - 1]
    }

    /// The typed value of a raw row's cell, as `next()` would give it.
    public func value(of row: RawRow, at index: Int) -> CellValue {
        row.value(at: index, strings: handler!.strings, dateSystem: handler!.dateSystem)
    }

    /// The shared-string index a raw cell refers to; nil for any other kind of value. Readers that keep
    /// many cells make each shared string once, however many cells refer to it.
    public func sharedStringIndex(of row: RawRow, at index: Int) -> Int? {
        row.cells[index].kind == .shared ? Int(row.cells[index].start) : nil
    }

    /// Calls `body` with the column and text bytes of each cell of a raw row, as `CellValue.text` would read.
    public func forEachText(of row: RawRow, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard let handler else { return }
        try row.forEachText(strings: handler.strings, dateSystem: handler.dateSystem, body)
    }

    /// Calls `body` with the UTF-8 bytes of a raw cell's value as text, exactly as `CellValue.text` would read.
    public func withText<R>(of row: RawRow, at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try row.withText(at: index, strings: handler!.strings, dateSystem: handler!.dateSystem, body)
    }

    /// Merged ranges; complete once `next()` has returned nil (Excel writes them after the cells).
    public var mergedRanges: [CellRange] { handler?.mergedRanges ?? [] }

    /// Column widths and visibility from `<cols>`.
    public var columns: [ColumnInfo] { handler?.columns ?? [] }

    /// Formula cells without a saved result, which read as empty; complete once `next()` has returned nil.
    public var uncachedFormulas: UncachedFormulas { handler?.uncachedFormulas ?? UncachedFormulas() }

    /// The `<dimension>` the file declares, which is often wrong and never used for reading.
    public var declaredDimension: String? { handler?.declaredDimension }

    private func pump() throws {
        guard let stream, let parser else { finished = true; return }
        let n = try stream.read(into: chunk.baseAddress!, count: chunk.count)
        if n == 0 { finished = true }
        try parser.feed(UnsafeRawBufferPointer(rebasing: chunk[..<n]), final: n == 0)
        // Every 8 MiB of sheet: the strings those rows read are not held past them.
        pumped += 1
        if pumped % 64 == 0 { handler?.strings.releaseResidentPages() }
    }
}
