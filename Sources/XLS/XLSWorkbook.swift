import Foundation
import XLSX

/// A legacy Excel 97–2003 workbook (BIFF8, and BIFF5 from Excel 5/95), or a WPS .et saved in that layout,
/// recognised by its bytes. Sheets read into the same rows and typed cells as an .xlsx sheet.
public final class XLSWorkbook {
    public let displayName: String
    /// Worksheets, macro sheets and chart sheets in tab order (VBA modules are not sheets).
    public let sheets: [SheetInfo]
    public let dateSystem: DateSystem
    /// 8 for Excel 97 and later, 5 for Excel 5/95.
    public let biffVersion: Int
    /// The CODEPAGE record (936 for GBK), which decodes BIFF5 text.
    public let codePage: Int?
    /// The application, last save time and custom properties the file keeps beside the workbook.
    public let properties: PropertySets

    private let stream: [UInt8]
    private let offsets: [Int]
    private let strings: [String]
    private let xfKinds: [NumberFormatKind]
    private let xfFormats: [Int]
    private let formats: [Int: String]
    private let text: CodePage

    /// Reads the file's container and its workbook globals; sheets are read on demand.
    public convenience init(path: String, displayName: String? = nil) throws(XLSReadError) {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw XLSReadError(file: name, .corrupt("无法读取文件"))
        }
        try self.init(bytes: [UInt8](data), displayName: name)
    }

    public init(bytes: [UInt8], displayName: String) throws(XLSReadError) {
        self.displayName = displayName
        do throws(XLSReadError.Kind) {
            let container = try CompoundFile(bytes: bytes)
            guard let stream = try container.stream(named: ["Workbook", "Book"]) else {
                if container.hasStream("EncryptedPackage") { throw XLSReadError.Kind.encrypted }
                throw XLSReadError.Kind.unsupported("文件中没有 Excel 工作簿数据（没有 Workbook 流，可能是 Word 文档或非 BIFF8 格式的 .et）")
            }
            self.stream = stream
            properties = PropertySets(summary: try? container.stream(named: ["\u{5}SummaryInformation"]),
                                      documentSummary: try? container.stream(named: ["\u{5}DocumentSummaryInformation"]))
            let globals = try Globals(stream)
            biffVersion = globals.version
            codePage = globals.codePage
            text = CodePage(globals.codePage ?? 1252)
            dateSystem = globals.date1904 ? .system1904 : .system1900
            strings = globals.strings
            xfFormats = globals.xfFormats
            formats = globals.formats
            xfKinds = globals.xfFormats.map { id in globals.formats[id].map(NumberFormatKind.classify(code:)) ?? NumberFormatKind.builtIn(id) }
            var sheets: [SheetInfo] = []
            var offsets: [Int] = []
            for sheet in globals.sheets where sheet.type != 6 {
                let name = sheet.name ?? CodePage(globals.codePage ?? 1252).decode(sheet.rawName[...])
                let kind: SheetKind = sheet.type == 2 ? .chartsheet : sheet.type == 1 ? .macrosheet : .worksheet
                let visibility: SheetVisibility = sheet.state == 1 ? .hidden : sheet.state == 2 ? .veryHidden : .visible
                sheets.append(SheetInfo(name: name, kind: kind, visibility: visibility, part: nil))
                offsets.append(sheet.offset)
            }
            self.sheets = sheets
            self.offsets = offsets
        } catch {
            throw XLSReadError(file: displayName, error)
        }
    }

    /// The number format of a cell style (XF index) when the file defines its code; nil for General.
    public func formatCode(ofStyle style: Int) -> String? {
        guard style >= 0, style < xfFormats.count, xfFormats[style] != 0 else { return nil }
        return formats[xfFormats[style]] ?? NumberFormatKind.builtInCode(xfFormats[style])
    }

    /// The built-in number format id of a cell style, when its format is built in and not redefined by the file.
    public func builtInFormatId(ofStyle style: Int) -> Int? {
        guard style >= 0, style < xfFormats.count, formats[xfFormats[style]] == nil else { return nil }
        return xfFormats[style]
    }

    /// With `cellLimit`, a sheet of more cells stops with `tooManyCells`, so a caller's memory budget holds.
    public func read(_ sheet: SheetInfo, cellLimit: Int = .max) throws(XLSReadError) -> SheetContent {
        guard let index = sheets.firstIndex(of: sheet) else { throw XLSReadError(file: displayName, sheet: sheet.name, .corrupt("没有这个工作表")) }
        var content = SheetContent(info: sheet, rows: [], mergedRanges: [])
        guard sheet.kind != .chartsheet else { return content }
        do throws(XLSReadError.Kind) {
            var cells = try SheetCells(stream: stream, offset: offsets[index], version: biffVersion, strings: strings,
                                       xfKinds: xfKinds, dateSystem: dateSystem, text: text, cellLimit: cellLimit)
            content.rows = cells.rows()
            content.mergedRanges = cells.merged
        } catch {
            throw XLSReadError(file: displayName, sheet: sheet.name, error)
        }
        return content
    }
}

/// The workbook globals substream: everything before the first sheet.
private struct Globals {
    struct Sheet {
        var offset: Int
        var state: UInt8
        var type: UInt8
        /// BIFF8 names are Unicode; BIFF5 names are bytes in the code page, which may come later.
        var name: String?
        var rawName: [UInt8]
    }

    var version = 8
    var codePage: Int?
    var date1904 = false
    var sheets: [Sheet] = []
    var strings: [String] = []
    var formats: [Int: String] = [:]
    var xfFormats: [Int] = []

    init(_ stream: [UInt8]) throws(XLSReadError.Kind) {
        guard let first = BIFF.record(in: stream, at: 0) else { throw .corrupt("工作簿流为空") }
        guard first.type == BIFF.bof, first.data.count >= 4 else {
            if [0x0009, 0x0209, 0x0409].contains(first.type) { throw .unsupported("这是 Excel 2.0–4.0 的旧格式（BIFF2–4）") }
            throw .corrupt("工作簿流不以 BOF 记录开头")
        }
        let versionWord = CompoundFile.u16(stream, first.data.lowerBound)
        switch versionWord {
        case 0x0600: version = 8
        case 0x0500: version = 5
        default: throw .unsupported("BIFF 版本 0x\(String(versionWord, radix: 16)) 不受支持")
        }
        var offset = first.next
        var codePageFromRecord: Int?
        while let record = BIFF.record(in: stream, at: offset) {
            offset = record.next
            let d = record.data.lowerBound
            switch record.type {
            case BIFF.eof:
                codePage = codePageFromRecord
                return
            case BIFF.filePass:
                throw .encrypted
            case BIFF.codePage where record.data.count >= 2:
                codePageFromRecord = Int(CompoundFile.u16(stream, d))
            case BIFF.dateMode where record.data.count >= 2:
                date1904 = CompoundFile.u16(stream, d) == 1
            case BIFF.boundSheet where record.data.count >= 8:
                var sheet = Sheet(offset: Int(CompoundFile.u32(stream, d)), state: stream[d + 4] & 0x03, type: stream[d + 5], name: nil, rawName: [])
                if version == 8 {
                    var reader = ContinuedReader(stream, record: BIFFRecord(type: record.type, data: (d + 6)..<record.data.upperBound))
                    sheet.name = try reader.unicodeString(shortCount: true)
                } else {
                    let count = Int(stream[d + 6])
                    sheet.rawName = Array(stream[(d + 7)..<min(d + 7 + count, record.data.upperBound)])
                }
                sheets.append(sheet)
            case BIFF.sst where version == 8 && record.data.count >= 8:
                var reader = ContinuedReader(stream, record: record)
                offset = reader.next
                _ = try reader.u32()
                let unique = Int(try reader.u32())
                // Each string takes at least three bytes: a crafted count cannot reserve more than the stream holds.
                strings.reserveCapacity(min(unique, stream.count / 3))
                while strings.count < unique && !reader.isAtEnd {
                    strings.append(try reader.richExtendedString())
                }
            case BIFF.format where record.data.count >= 3:
                let id = Int(CompoundFile.u16(stream, d))
                if version == 8 {
                    var reader = ContinuedReader(stream, record: BIFFRecord(type: record.type, data: (d + 2)..<record.data.upperBound))
                    formats[id] = try reader.unicodeString()
                } else {
                    let count = Int(stream[d + 2])
                    formats[id] = CodePage(codePageFromRecord ?? 1252).decode(stream[(d + 3)..<min(d + 3 + count, record.data.upperBound)])
                }
            case BIFF.xf where record.data.count >= 4:
                xfFormats.append(Int(CompoundFile.u16(stream, d + 2)))
            default:
                break
            }
        }
        codePage = codePageFromRecord
    }
}

/// The cells of one sheet substream, collected and put in row and column order.
private struct SheetCells {
    struct Entry {
        var row: Int
        var column: Int
        var value: CellValue
        var style: Int
    }

    private(set) var entries: [Entry] = []
    private(set) var merged: [CellRange] = []
    private(set) var hiddenRows: Set<Int> = []
    private var inOrder = true
    private let stream: [UInt8]
    private let version: Int
    private let strings: [String]
    private let xfKinds: [NumberFormatKind]
    private let dateSystem: DateSystem
    private let text: CodePage
    /// A formula whose text result is in the STRING record that follows it.
    private var pendingString: (row: Int, column: Int, style: Int)?

    init(stream: [UInt8], offset: Int, version: Int, strings: [String], xfKinds: [NumberFormatKind],
         dateSystem: DateSystem, text: CodePage, cellLimit: Int) throws(XLSReadError.Kind) {
        (self.stream, self.version, self.strings, self.xfKinds, self.dateSystem, self.text) = (stream, version, strings, xfKinds, dateSystem, text)
        guard let bof = BIFF.record(in: stream, at: offset), bof.type == BIFF.bof else { throw .corrupt("工作表的起始位置没有 BOF 记录") }
        var position = bof.next
        var depth = 1
        while depth > 0, let record = BIFF.record(in: stream, at: position) {
            position = record.next
            // Charts embedded in a sheet are substreams of their own, BOF to EOF.
            if record.type == BIFF.bof { depth += 1; continue }
            if record.type == BIFF.eof { depth -= 1; continue }
            guard depth == 1 else { continue }
            if entries.count > cellLimit { throw .tooManyCells(CellReference(row: entries.last!.row, column: entries.last!.column).description) }
            try read(record, position: &position)
        }
    }

    private func number(_ value: Double, style: Int) -> CellValue {
        switch style < xfKinds.count ? xfKinds[style] : .number {
        case .date: ExcelDateTime(serial: value, system: dateSystem).map(CellValue.date) ?? .number(value)
        case .duration: .elapsed(days: value)
        default: .number(value)
        }
    }

    /// One record of the sheet; `position` moves past CONTINUE records a string took.
    private mutating func read(_ record: BIFFRecord, position: inout Int) throws(XLSReadError.Kind) {
        let d = record.data.lowerBound, size = record.data.count
        let row = Int(CompoundFile.u16(stream, d)) + 1, column = Int(CompoundFile.u16(stream, d + 2)) + 1
        let style = Int(CompoundFile.u16(stream, d + 4))
        switch record.type {
        case BIFF.labelSST where size >= 10:
            let index = Int(CompoundFile.u32(stream, d + 6))
            guard index < strings.count else { throw .corrupt("\(CellReference(row: row, column: column)) 引用了不存在的共享字符串 \(index)") }
            add(row, column, .text(strings[index]), style)
        case BIFF.label where size >= 8, BIFF.richString where size >= 8:
            add(row, column, .text(try string(at: d + 6, in: record)), style)
        case BIFF.number where size >= 14:
            add(row, column, number(Double(bitPattern: CompoundFile.u64(stream, d + 6)), style: style), style)
        case BIFF.rk where size >= 10:
            add(row, column, number(BIFF.rk(CompoundFile.u32(stream, d + 6)), style: style), style)
        case BIFF.mulRK where size >= 12:
            for i in 0..<((size - 6) / 6) {
                let at = d + 4 + 6 * i
                let cellStyle = Int(CompoundFile.u16(stream, at))
                add(row, column + i, number(BIFF.rk(CompoundFile.u32(stream, at + 2)), style: cellStyle), cellStyle)
            }
        case BIFF.boolErr where size >= 8:
            let value = stream[d + 6]
            add(row, column, stream[d + 7] != 0 ? .error(BIFF.errorText(value)) : .bool(value != 0), style)
        case BIFF.formula where size >= 14:
            pendingString = nil
            guard CompoundFile.u16(stream, d + 12) == 0xFFFF else {
                return add(row, column, number(Double(bitPattern: CompoundFile.u64(stream, d + 6)), style: style), style)
            }
            switch stream[d + 6] {
            case 0: pendingString = (row, column, style)
            case 1: add(row, column, .bool(stream[d + 8] != 0), style)
            case 2: add(row, column, .error(BIFF.errorText(stream[d + 8])), style)
            default: break  // an empty string: nothing to keep
            }
        case BIFF.string:
            guard let cell = pendingString else { return }
            pendingString = nil
            var reader = ContinuedReader(stream, record: record)
            position = reader.next
            add(cell.row, cell.column, .text(version == 8 ? try reader.unicodeString() : try string(at: d, in: record)), cell.style)
        case BIFF.mergedCells where size >= 2:
            for i in 0..<min(Int(CompoundFile.u16(stream, d)), (size - 2) / 8) {
                let at = d + 2 + 8 * i
                let first = CellReference(row: Int(CompoundFile.u16(stream, at)) + 1, column: Int(CompoundFile.u16(stream, at + 4)) + 1)
                let last = CellReference(row: Int(CompoundFile.u16(stream, at + 2)) + 1, column: Int(CompoundFile.u16(stream, at + 6)) + 1)
                if first.row <= last.row && first.column <= last.column { merged.append(CellRange(first: first, last: last)) }
            }
        case BIFF.row where size >= 14:
            if CompoundFile.u16(stream, d + 12) & 0x20 != 0 { hiddenRows.insert(row) }
        default:
            break
        }
    }

    /// A cell's text at `offset`: Unicode in BIFF8, 16-bit count and code-page bytes in BIFF5.
    private func string(at offset: Int, in record: BIFFRecord) throws(XLSReadError.Kind) -> String {
        if version == 8 {
            var reader = ContinuedReader(stream, record: BIFFRecord(type: record.type, data: offset..<record.data.upperBound))
            return try reader.unicodeString()
        }
        let count = Int(CompoundFile.u16(stream, offset))
        return text.decode(stream[min(offset + 2, record.data.upperBound)..<min(offset + 2 + count, record.data.upperBound)])
    }

    private mutating func add(_ row: Int, _ column: Int, _ value: CellValue, _ style: Int) {
        // An empty text is no value, as in an .xlsx sheet.
        if case .text(let text) = value, text.isEmpty { return }
        if let last = entries.last, (last.row, last.column) >= (row, column) { inOrder = false }
        entries.append(Entry(row: row, column: column, value: value, style: style))
    }

    /// Rows in order; a cell written twice keeps its later value, as Excel would show it.
    mutating func rows() -> [Row] {
        if !inOrder {
            // Stable: of two writes to one cell, the later stays later.
            entries = entries.enumerated().sorted { ($0.element.row, $0.element.column, $0.offset) < ($1.element.row, $1.element.column, $1.offset) }.map(\.element)
        }
        var rows: [Row] = []
        var cells: [Cell] = []
        var current = 0
        for entry in entries {
            if entry.row != current {
                if !cells.isEmpty { rows.append(Row(number: current, isHidden: hiddenRows.contains(current), cells: cells)) }
                cells = []
                current = entry.row
            }
            if let last = cells.last, last.column == entry.column { cells.removeLast() }
            cells.append(Cell(column: entry.column, value: entry.value, style: entry.style))
        }
        if !cells.isEmpty { rows.append(Row(number: current, isHidden: hiddenRows.contains(current), cells: cells)) }
        entries = []
        return rows
    }
}
