#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the SAX events of a worksheet part into rows, tolerating missing `r` attributes,
/// out-of-order cells and every cell type; collects merged ranges and the declared dimension.
final class SheetHandler: XMLEventHandler {
    /// Completed rows waiting for the reader.
    var ready: [RawRow] = []
    private(set) var mergedRanges: [CellRange] = []
    private(set) var declaredDimension: String?
    private(set) var columns: [ColumnInfo] = []
    private(set) var uncachedFormulas = UncachedFormulas()

    let strings: SharedStrings
    let dateSystem: DateSystem
    private let styles: Styles
    private let location: XLSXLocation
    private let collectCells: Bool

    private var inSheetData = false
    private var rowNumber = 0
    private var rowHasReference = false
    private var rowHidden = false
    private var cells: [RawRow.RawCell] = []
    private var text: [UInt8] = []
    private var cellsOutOfOrder = false

    private var inCell = false
    private var column = 0
    private var cellType: CellType = .number
    private var cellStyle = 0
    private var cellReference: String?
    private var capturing = false
    private var sawValue = false
    private var sawFormula = false
    private var inInline = false
    private var phoneticDepth = 0
    private var buffer: [UInt8] = []

    private enum CellType { case number, shared, formulaString, inline, bool, error, isoDate }

    /// More merged ranges than a sheet has rows: no real sheet, and 32 MB held already.
    static let maxMergedRanges = 1 << 20

    init(strings: SharedStrings, styles: Styles, dateSystem: DateSystem, location: XLSXLocation, collectCells: Bool = true) {
        self.strings = strings
        self.styles = styles
        self.dateSystem = dateSystem
        self.location = location
        self.collectCells = collectCells
        buffer.reserveCapacity(256)
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if inCell {
            if name.is("v") {
                // An inline-string cell takes its text from <is> only; a <v> beside it is redundant.
                capturing = cellType != .inline
                sawValue = sawValue || capturing
            } else if name.is("is") {
                inInline = true
                sawValue = true
                buffer.removeAll(keepingCapacity: true)
            } else if name.is("f") {
                sawFormula = true
            } else if inInline {
                if name.is("t") { if phoneticDepth == 0 { capturing = true } } else if name.is("rPh") { phoneticDepth += 1 }
            }
        } else if inSheetData {
            if name.is("c") { startCell(attributes) } else if name.is("row") { startRow(attributes) }
        } else if name.is("sheetData") {
            inSheetData = true
        } else if name.is("mergeCell") {
            if let ref = attributes.string("ref"), let range = CellRange(ref) {
                // Each range is kept until the sheet ends, so their number is bounded like any other size.
                guard mergedRanges.count < Self.maxMergedRanges else {
                    failure = .zipBomb(location, "合并区域超过 \(Self.maxMergedRanges) 个")
                    return
                }
                mergedRanges.append(range)
            }
        } else if name.is("dimension") {
            declaredDimension = attributes.string("ref")
        } else if name.is("col") {
            if let min = attributes.integer("min"), let max = attributes.integer("max"), min >= 1, max >= min {
                let width = attributes.string("width").flatMap(Double.init)
                columns.append(ColumnInfo(first: min, last: Swift.min(max, CellReference.maxColumn), width: width,
                                          isHidden: attributes.flag("hidden"), style: attributes.integer("style") ?? 0))
            }
        }
    }

    override func endElement(_ name: XMLName) {
        if inCell {
            if name.is("c") {
                endCell()
            } else if name.is("v") {
                capturing = false
            } else if name.is("t") {
                capturing = false
            } else if name.is("is") {
                inInline = false
            } else if name.is("rPh") {
                phoneticDepth -= 1
            }
        } else if inSheetData {
            if name.is("row") { endRow() } else if name.is("sheetData") { inSheetData = false }
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if capturing { buffer.append(contentsOf: bytes) }
    }

    private func startRow(_ attributes: XMLAttributes) {
        if let r = attributes.integer("r") {
            rowNumber = r
            rowHasReference = true
            if r < 1 || r > CellReference.maxRow { fail(cell: "行 \(r)") }
        } else {
            rowNumber += 1
            rowHasReference = false
        }
        rowHidden = attributes.flag("hidden")
        cells.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        cellsOutOfOrder = false
        column = 0
    }

    private func endRow() {
        guard !cells.isEmpty else { return }
        if cellsOutOfOrder {
            // Stable sort, then keep the last of two cells written to one address.
            let sorted = cells.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }.map(\.element)
            var unique: [RawRow.RawCell] = []
            for cell in sorted {
                if let last = unique.last, last.column == cell.column { unique[unique.count - 1] = cell } else { unique.append(cell) }
            }
            cells = unique
        }
        ready.append(RawRow(number: rowNumber, isHidden: rowHidden, cells: cells, text: text))
        cells.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }

    private func startCell(_ attributes: XMLAttributes) {
        inCell = true
        sawValue = false
        sawFormula = false
        cellType = .number
        cellStyle = 0
        cellReference = nil
        buffer.removeAll(keepingCapacity: true)
        var nextColumn = column + 1
        if let base = attributes.base {
            for i in 0..<attributes.count {
                let entry = base + i * 5
                guard let local = entry[0], let start = entry[3], let end = entry[4], local[1] == 0 else { continue }
                let value = UnsafeBufferPointer(start: start, count: end - start)
                switch local[0] {
                case UInt8(ascii: "r"):
                    guard let parsed = CellReference.parse(value), let c = parsed.column else {
                        fail(badReference: String(decoding: value, as: UTF8.self))
                        return
                    }
                    nextColumn = c
                    if let r = parsed.row {
                        if !rowHasReference && cells.isEmpty { rowNumber = r }
                        if r > CellReference.maxRow || r < 1 { fail(cell: String(decoding: value, as: UTF8.self)); return }
                    }
                    if c > CellReference.maxColumn { fail(cell: String(decoding: value, as: UTF8.self)); return }
                case UInt8(ascii: "t"):
                    cellType = Self.type(value)
                case UInt8(ascii: "s"):
                    var n = 0
                    for b in value where b >= 48 && b <= 57 { n = n &* 10 &+ Int(b - 48) }
                    cellStyle = n
                default:
                    break
                }
            }
        }
        if nextColumn <= column { cellsOutOfOrder = true }
        if nextColumn > CellReference.maxColumn { fail(cell: CellReference.columnName(nextColumn) + String(rowNumber)); return }
        column = nextColumn
    }

    private static func type(_ value: UnsafeBufferPointer<UInt8>) -> CellType {
        guard let first = value.first else { return .number }
        switch first {
        case UInt8(ascii: "s"): return value.count == 1 ? .shared : .formulaString
        case UInt8(ascii: "i"): return .inline
        case UInt8(ascii: "b"): return .bool
        case UInt8(ascii: "e"): return .error
        case UInt8(ascii: "d"): return .isoDate
        default: return .number
        }
    }

    private func endCell() {
        inCell = false
        capturing = false
        inInline = false
        phoneticDepth = 0
        if sawFormula && !sawValue { uncachedFormulas.add(CellReference(row: rowNumber, column: column)) }
        guard sawValue, collectCells else { return }
        var cell = RawRow.RawCell(column: Int32(column), kind: .number, style: Int32(truncatingIfNeeded: cellStyle), start: 0, end: 0, number: 0)
        switch cellType {
        case .inline, .formulaString:
            // Text cells keep an empty string: an empty string is not an absent cell.
            if buffer.count >= 7 { EscapedText.decode(&buffer, from: 0) }
            appendText(&cell, kind: .text)
        case .shared:
            guard let index = parseInteger() else { return }
            switch strings.ensure(index) {
            case .available: break
            case .missing:
                failure = .badSharedStringIndex(cellLocation(), index)
                return
            case .failed(let error):
                failure = error
                return
            }
            cell.kind = .shared
            cell.start = Int32(index)
        case .bool:
            guard let first = buffer.first else { return }
            cell.kind = .bool
            cell.number = first == UInt8(ascii: "1") || first == UInt8(ascii: "t") || first == UInt8(ascii: "T") ? 1 : 0
        case .error:
            guard !buffer.isEmpty else { return }
            appendText(&cell, kind: .error)
        case .isoDate:
            guard !buffer.isEmpty else { return }
            let iso = String(decoding: buffer, as: UTF8.self)
            if ExcelDateTime(iso: iso) != nil {
                appendText(&cell, kind: .isoDate)
            } else if let ms = ExcelDateTime.isoDurationMilliseconds(iso) {
                cell.kind = .duration
                cell.number = Double(ms) / 86_400_000
            } else {
                appendText(&cell, kind: .text)
            }
        case .number:
            guard !buffer.isEmpty else { return }
            guard let number = parseDouble() else {
                appendText(&cell, kind: .text)
                break
            }
            cell.number = number
            switch styles.kind(ofStyle: cellStyle) {
            case .number: cell.kind = .number
            case .date: cell.kind = .date
            case .duration: cell.kind = .duration
            }
        }
        cells.append(cell)
    }

    private func appendText(_ cell: inout RawRow.RawCell, kind: RawRow.Kind) {
        cell.kind = kind
        cell.start = Int32(text.count)
        text.append(contentsOf: buffer)
        cell.end = Int32(text.count)
    }

    private func parseInteger() -> Int? {
        var n = 0
        var any = false
        for b in buffer {
            if b == 32 || b == 9 || b == 10 || b == 13 { continue }
            guard b >= 48 && b <= 57 else { return nil }
            n = n &* 10 &+ Int(b - 48)
            any = true
        }
        return any ? n : nil
    }

    private func parseDouble() -> Double? {
        // Most numbers in ledgers are small integers; parse those without strtod.
        if buffer.count <= 15 {
            var n = 0, negative = false, ok = true
            for (i, b) in buffer.enumerated() {
                if b == UInt8(ascii: "-") && i == 0 { negative = true; continue }
                guard b >= 48 && b <= 57 else { ok = false; break }
                n = n * 10 + Int(b - 48)
            }
            if ok && buffer.count > (negative ? 1 : 0) { return Double(negative ? -n : n) }
        }
        buffer.append(0)
        defer { buffer.removeLast() }
        let length = buffer.count - 1
        var value = 0.0
        var consumed = 0
        buffer.withUnsafeBufferPointer { raw in
            raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { start in
                var end: UnsafeMutablePointer<CChar>?
                value = strtod(start, &end)
                consumed = end.map { $0 - UnsafeMutablePointer(mutating: start) } ?? 0
            }
        }
        guard consumed > 0 else { return nil }
        // Tolerate trailing whitespace, nothing else.
        while consumed < length, buffer[consumed] == 32 || buffer[consumed] == 9 || buffer[consumed] == 10 || buffer[consumed] == 13 { consumed += 1 }
        return consumed == length ? value : nil
    }

    private func cellLocation() -> XLSXLocation {
        var l = location
        l.cell = CellReference.columnName(column) + String(rowNumber)
        return l
    }

    private func fail(cell: String) {
        var l = location
        l.cell = cell
        failure = .cellOutOfRange(l)
    }

    private func fail(badReference text: String) {
        var l = location
        l.cell = text
        failure = .badCellReference(l, text)
    }
}
