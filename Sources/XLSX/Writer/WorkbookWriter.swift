#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an .xlsx by streaming: sheets take rows one at a time, parts are deflated in parallel as they
/// grow and spooled to disk, and `close()` stores them with libzip in a temporary file beside the target
/// that is renamed into place. Until then the target is untouched; on any failure it stays so.
public final class WorkbookWriter {
    public let path: String
    public var properties: DocumentProperties
    private let options: WriterOptions
    private let pool: CompressionPool
    private let temporaryDirectory: String
    private let styles = StyleRegistry()
    private let sharedStrings: SharedStringsWriter?
    private var sheets: [SheetWriter] = []
    /// Which day a date serial counts from: 1900 as Excel for Windows writes, or 1904 to copy an old Mac workbook
    /// with its serial numbers unchanged. Set it before the first sheet is added.
    public var dateSystem: DateSystem = .system1900
    private var closed = false

    /// Prepares to write `path`; the folder must exist and be writable.
    public init(path: String, options: WriterOptions = WriterOptions()) throws {
        self.path = path
        self.options = options
        properties = options.properties
        let folder = Self.folder(of: path)
        guard access(folder, W_OK) == 0 else { throw XLSXWriteError.io(path: path, detail: String(cString: strerror(errno))) }
        temporaryDirectory = options.temporaryDirectory ?? getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        pool = CompressionPool(level: options.compressionLevel, workers: options.compressionThreads)
        if options.sharedStrings {
            do {
                sharedStrings = SharedStringsWriter(body: try DeflatePipeline(pool: pool, temporaryDirectory: temporaryDirectory))
            } catch {
                pool.shutdown()
                throw error
            }
        } else {
            sharedStrings = nil
        }
    }

    deinit {
        pool.shutdown()
    }

    /// Registers a cell format and returns the style to use in cells.
    public func style(_ format: CellFormat) -> StyleID {
        styles.style(for: format)
    }

    /// Adds a sheet; its name must be one Excel accepts and not used yet (letter case ignored).
    public func addSheet(_ name: String) throws -> SheetWriter {
        guard !closed else { throw XLSXWriteError.closed }
        try Self.validate(sheetName: name)
        if sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) { throw XLSXWriteError.duplicateSheetName(name) }
        let sheet = SheetWriter(name: name, position: sheets.count + 1, styles: styles, sharedStrings: sharedStrings,
                                body: try DeflatePipeline(pool: pool, temporaryDirectory: temporaryDirectory), level: options.compressionLevel,
                                dateSystem: dateSystem)
        sheets.append(sheet)
        return sheet
    }

    /// Assembles the package and moves it into place.
    public func close() throws {
        guard !closed else { throw XLSXWriteError.closed }
        // Excel needs at least one sheet.
        if sheets.isEmpty { _ = try addSheet("Sheet1") }
        closed = true
        defer { pool.shutdown() }
        let level = options.compressionLevel
        var parts: [StoredPart] = []
        let custom = !properties.custom.isEmpty
        // Number drawings (one per sheet with charts) and charts across the workbook.
        var drawingParts: [StoredPart] = []
        var chartCount = 0, drawingCount = 0
        for sheet in sheets where !sheet.charts.isEmpty {
            drawingCount += 1
            let number = drawingCount
            sheet.drawingNumber = number
            let charts = (chartCount + 1)..<(chartCount + 1 + sheet.charts.count)
            drawingParts.append(StoredPart(name: "xl/drawings/drawing\(number).xml", xml: DrawingPart.xml(anchors: sheet.charts.map(\.anchor)), level: level))
            drawingParts.append(StoredPart(name: "xl/drawings/_rels/drawing\(number).xml.rels", xml: DrawingPart.relationships(charts: charts), level: level))
            for (chart, index) in zip(sheet.charts.map(\.chart), charts) {
                drawingParts.append(StoredPart(name: "xl/charts/chart\(index).xml", xml: ChartPart.xml(chart), level: level))
            }
            chartCount += sheet.charts.count
        }
        parts.append(StoredPart(name: "[Content_Types].xml", xml: PackageParts.contentTypes(
            sheets: sheets.count, sharedStrings: sharedStrings != nil, custom: custom,
            drawings: sheets.filter { !$0.charts.isEmpty }.count, charts: chartCount), level: level))
        parts.append(StoredPart(name: "_rels/.rels", xml: PackageParts.rootRelationships(custom: custom), level: level))
        parts.append(StoredPart(name: "docProps/app.xml", xml: PackageParts.app(sheets), level: level))
        parts.append(StoredPart(name: "docProps/core.xml", xml: PackageParts.core(properties), level: level))
        if custom { parts.append(StoredPart(name: "docProps/custom.xml", xml: PackageParts.custom(properties.custom), level: level)) }
        parts.append(StoredPart(name: "xl/workbook.xml", xml: PackageParts.workbook(sheets, dateSystem: dateSystem), level: level))
        parts.append(StoredPart(name: "xl/_rels/workbook.xml.rels", xml: PackageParts.workbookRelationships(sheets: sheets.count, sharedStrings: sharedStrings != nil), level: level))
        for (i, sheet) in sheets.enumerated() {
            parts.append(try sheet.finish(selected: i == 0))
            if let rels = sheet.relationshipsXML() {
                parts.append(StoredPart(name: "xl/worksheets/_rels/sheet\(sheet.position).xml.rels", xml: rels, level: level))
            }
        }
        parts += drawingParts
        if let sharedStrings { parts.append(try sharedStrings.finish(level: level)) }
        // Styles last: writing sheets may still register date formats.
        parts.insert(StoredPart(name: "xl/styles.xml", xml: styles.xml(), level: level), at: parts.firstIndex { $0.name.hasPrefix("xl/worksheets/") } ?? parts.count)

        var template = Array((Self.folder(of: path) + "/.taizhang-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw XLSXWriteError.io(path: path, detail: String(cString: strerror(errno))) }
        _ = Glibc.close(fd)
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            try ZipWriter.write(parts, to: temporary)
            // mkstemp makes owner-only files; a workbook is an ordinary document.
            let mask = umask(0)
            umask(mask)
            chmod(temporary, 0o666 & ~mask)
            guard rename(temporary, path) == 0 else { throw XLSXWriteError.io(path: path, detail: String(cString: strerror(errno))) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Excel's rules for sheet names.
    /// Refuses a sheet name Excel would not open: empty, over 31 characters, with [ ] : * ? / \, quoted, or History.
    public static func validate(sheetName name: String) throws {
        if name.isEmpty { throw XLSXWriteError.invalidSheetName(name, reason: "不能为空") }
        if name.utf16.count > 31 { throw XLSXWriteError.invalidSheetName(name, reason: "超过 31 个字符") }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw XLSXWriteError.invalidSheetName(name, reason: "不能含有字符 \(bad)（[ ] : * ? / \\ 均不可用）")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { throw XLSXWriteError.invalidSheetName(name, reason: "不能以单引号开头或结尾") }
        if name.lowercased() == "history" { throw XLSXWriteError.invalidSheetName(name, reason: "History 是 Excel 的保留名称") }
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
