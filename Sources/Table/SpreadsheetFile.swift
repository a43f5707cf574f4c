import CSV
import DOCX
import Foundation
import HTML
import XLS
import XLSX

/// The input door: a plan or return file of any supported format, recognised by its bytes, with its facts
/// and its sheets as grids. Formats added later (.xls, .docx, .html) plug in here and nowhere else.
public final class SpreadsheetFile {
    /// What a file is, decided by its first bytes (a CSV by its extension, since text has no signature).
    public enum Format: String, Sendable {
        case xlsx, csv
        /// Excel 97–2003 (.xls) or WPS (.et) in the BIFF8 layout, or Excel 5/95.
        case xls
        /// A Word document's tables, each a sheet named 表1, 表2, ….
        case docx
        /// A saved web page's (or Word/WPS .htm's) tables, named as a Word document's.
        case html
    }

    /// One sheet or table of the file, in file order.
    public struct Sheet: Sendable, Equatable {
        public var name: String?
        public var isVisible: Bool
        /// False for chart and dialog sheets, which hold no cells to read.
        public var holdsCells: Bool
    }

    public let path: String
    public let format: Format
    public let facts: FileFacts
    public let sheets: [Sheet]
    /// The most memory one sheet's grid may take.
    public let budget: ReadBudget
    /// The .xlsx/.xlsm workbook, for callers that stream its sheets; nil for the other formats.
    public let workbook: Workbook?
    /// The .xls/.et workbook, for callers that keep its number formats.
    public let legacy: XLSWorkbook?
    /// A document's tables (Word, web page), for the sheets 表1, 表2, ….
    private let tables: [DocumentTable]?

    /// Opens a file; throws the reader's error (with the file named and what to do) for anything unreadable.
    public static func open(_ path: String, budget: ReadBudget = .standard) throws -> SpreadsheetFile {
        let signature = try FileSignature.of(path: path, displayName: path)
        let lower = path.lowercased()
        let textExtension = [".csv", ".txt", ".tsv"].contains { lower.hasSuffix($0) }
        if signature == .other && textExtension {
            return SpreadsheetFile(path: path, csv: (), budget: budget)
        }
        if signature == .compoundFile(encrypted: false) {
            // The whole file is held while it is read, and its workbook stream once more.
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size > budget.bytes / 2 { throw FileTooLarge(location: SourceLocation(file: path), budget: budget) }
            return SpreadsheetFile(path: path, legacy: try XLSWorkbook(path: path), budget: budget)
        }
        if signature == .zip, let document = try WordDocument.ifWord(path: path) {
            let facts = FileFacts(path: path, modified: document.modified, producer: document.application, customProperties: document.customProperties)
            return SpreadsheetFile(path: path, format: .docx, facts: facts, budget: budget,
                                   tables: document.tables.map { DocumentTable(title: $0.title, rows: $0.rows, mergedRanges: $0.mergedRanges) })
        }
        let named = lower.hasSuffix(".htm") || lower.hasSuffix(".html")
        if signature == .other, try named || WebPage.looksLikeHTML(Self.head(path)) {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            // libxml2 builds the whole page as a tree, a few times the size of its bytes.
            if size > budget.bytes / 4 { throw FileTooLarge(location: SourceLocation(file: path), budget: budget) }
            let page = try WebPage(path: path)
            return SpreadsheetFile(path: path, format: .html, facts: FileFacts(path: path, modified: nil, producer: nil, customProperties: [:]),
                                   budget: budget, tables: page.tables.map { DocumentTable(title: $0.title, rows: $0.rows, mergedRanges: $0.mergedRanges) })
        }
        return try SpreadsheetFile(path: path, workbook: Workbook(path: path), budget: budget)
    }

    private init(path: String, format: Format, facts: FileFacts, budget: ReadBudget, tables: [DocumentTable]) {
        self.path = path
        self.budget = budget
        self.format = format
        workbook = nil
        legacy = nil
        self.tables = tables
        sheets = tables.indices.map { Sheet(name: "表\($0 + 1)", isVisible: true, holdsCells: true) }
        self.facts = facts
    }

    /// The first bytes of a file, to tell a page saved without an .htm name.
    private static func head(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8](try handle.read(upToCount: 1024) ?? Data())
    }

    private init(path: String, csv: (), budget: ReadBudget) {
        self.path = path
        self.budget = budget
        format = .csv
        workbook = nil
        legacy = nil
        tables = nil
        sheets = [Sheet(name: nil, isVisible: true, holdsCells: true)]
        facts = FileFacts(path: path, modified: nil, producer: nil, customProperties: [:])
    }

    private init(path: String, workbook: Workbook, budget: ReadBudget) {
        self.path = path
        self.budget = budget
        format = .xlsx
        self.workbook = workbook
        legacy = nil
        tables = nil
        sheets = workbook.sheets.map { Sheet(name: $0.name, isVisible: $0.visibility == .visible, holdsCells: $0.kind == .worksheet) }
        let producer = [workbook.application, workbook.applicationVersion].compactMap { $0 }.joined(separator: " ")
        facts = FileFacts(path: path, modified: workbook.modified, producer: producer.isEmpty ? nil : producer,
                          customProperties: workbook.customProperties)
    }

    private init(path: String, legacy: XLSWorkbook, budget: ReadBudget) {
        self.path = path
        self.budget = budget
        format = .xls
        workbook = nil
        self.legacy = legacy
        tables = nil
        sheets = legacy.sheets.map { Sheet(name: $0.name, isVisible: $0.visibility == .visible, holdsCells: $0.kind != .chartsheet) }
        let properties = legacy.properties
        facts = FileFacts(path: path, modified: properties.lastSaved.map { $0.description + "Z" }, producer: properties.application,
                          customProperties: properties.custom)
    }

    /// The grid of one sheet, merged ranges filled; `progress` hears the rows read so far.
    public func grid(_ sheet: Sheet, progress: (Int) -> Void = { _ in }) throws -> Grid {
        if let tables, let index = sheets.firstIndex(of: sheet) {
            return try Grid(file: path, table: tables[index], name: sheet.name ?? "表\(index + 1)", budget: budget)
        }
        if let legacy {
            guard let info = legacy.sheets.first(where: { $0.name == sheet.name }) else { throw XLSReadError(file: path, sheet: sheet.name, .corrupt("没有这个工作表")) }
            return try Grid(legacy: legacy, sheet: info, budget: budget)
        }
        guard let workbook else {
            // A CSV document is read whole, so its size counts against the budget before reading.
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size > budget.bytes / 2 { throw FileTooLarge(location: SourceLocation(file: path), budget: budget) }
            var grid = try Grid(csv: try CSVDocument.read(path: path), budget: budget)
            grid.file = path
            return grid
        }
        guard let info = workbook.sheets.first(where: { $0.name == sheet.name }) else { throw XLSXError.missingPart(XLSXLocation(file: path)) }
        return try Grid(workbook: workbook, sheet: info, budget: budget, progress: progress)
    }

    /// Every sheet or table as read whole, in file order, for the formats that are read whole (.xls/.et, .docx);
    /// nil for .xlsx and CSV, which stream.
    public func wholeSheets() throws -> [SheetContent]? {
        if let legacy { return try legacy.sheets.map { try legacy.read($0) } }
        if let tables {
            return tables.enumerated().map { index, table in
                SheetContent(info: SheetInfo(name: "表\(index + 1)", kind: .worksheet, visibility: .visible, part: nil),
                             rows: table.rows, mergedRanges: table.mergedRanges)
            }
        }
        return nil
    }

    /// The first sheet that `accept` takes, trying the sheet named `preferred` first, then the visible sheets,
    /// then the hidden ones, in file order; nil when none is taken.
    public func firstGrid<T>(preferring preferred: String? = nil, progress: (Int) -> Void = { _ in },
                             _ accept: (Grid) throws -> T?) throws -> T? {
        let readable = sheets.filter(\.holdsCells)
        let named = readable.filter { preferred != nil && $0.name == preferred }
        for sheet in named + readable.filter(\.isVisible) + readable.filter({ !$0.isVisible }) {
            if let taken = try accept(try grid(sheet, progress: progress)) { return taken }
        }
        return nil
    }
}

/// What a file says about itself beyond its cells: who made it, when it was saved, and its exact bytes.
public struct FileFacts: Sendable {
    public var path: String
    /// The workbook's own modified time (ISO 8601); nil for formats that keep none (CSV).
    public var modified: String?
    /// The application that wrote the file (`Microsoft Excel 16.0300`, `WPS Office`), when it says.
    public var producer: String?
    /// Custom document properties by name, such as 填报单位 in a return template.
    public var customProperties: [String: String]

    /// The file's name without its folders.
    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// SHA-256 of the file's bytes, as 64 lowercase hex digits ("" when it cannot be read again).
    public var sha256: String { SHA256.file(path) ?? "" }

    /// When the file was last saved: the workbook's modified property, else the file system's time, which a copy resets.
    public var saved: (time: String, fromFileSystem: Bool) {
        if let modified { return (modified, false) }
        return (Self.fileTime(path), true)
    }

    /// The file system's modified time as `2023-07-03T08:15:00Z`.
    static func fileTime(_ path: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let date = attributes?[.modificationDate] as? Date else { return "" }
        // Formatted by hand: an ISO8601DateFormatter per file cost more than hashing the file.
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let (year, month, day) = ExcelDateTime.civilFromDays(days)
        let time = ExcelDateTime(year: year, month: month, day: day, millisecondOfDay: (seconds - days * 86_400) * 1000, isTimeOnly: true)
        return ExcelDateTime(year: year, month: month, day: day).description + "T" + time.description + "Z"
    }
}
