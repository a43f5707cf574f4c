/// An .xlsx/.xlsm workbook opened for reading: its sheets, date system and producer, with rows streamed on demand.
public final class Workbook {
    /// The name used in messages (the path as the caller gave it).
    public let displayName: String
    public let sheets: [SheetInfo]
    public let dateSystem: DateSystem
    /// `<Application>` and `<AppVersion>` from `docProps/app.xml`, when present.
    public let application: String?
    public let applicationVersion: String?
    /// Custom document properties (`docProps/custom.xml`) by name, such as 填报单位 in a return template.
    public let customProperties: [String: String]
    /// `dcterms:modified` from `docProps/core.xml` (ISO 8601 text), telling two saves of one file apart.
    public let modified: String?
    public let limits: ReadLimits

    let archive: ZipArchive
    private let workbookPart: String
    private let sharedStringsPart: String?
    private let stylesPart: String?
    private var cachedStrings: SharedStrings?
    private var loader: WorkerThread?
    private var cachedStyles: Styles?

    deinit { loader?.join() }

    /// Opens a workbook; throws `XLSXError` with a clear message for anything that is not a readable .xlsx.
    public init(path: String, displayName: String? = nil, limits: ReadLimits = .standard) throws {
        let name = displayName ?? path
        self.displayName = name
        self.limits = limits
        switch try FileSignature.of(path: path, displayName: name) {
        case .compoundFile(let encrypted):
            throw encrypted ? XLSXError.encryptedWorkbook(XLSXLocation(file: name)) : XLSXError.legacyWorkbook(XLSXLocation(file: name))
        case .other:
            throw XLSXError.notAZip(XLSXLocation(file: name))
        case .zip:
            break
        }
        let archive = try ZipArchive(path: path, displayName: name)
        self.archive = archive

        let rootRelationships = try Self.relationships(of: "", in: archive, limits: limits)
        let workbookPart = try Self.findWorkbook(rootRelationships, archive)
        self.workbookPart = workbookPart

        let workbookHandler = WorkbookHandler()
        try Self.parse(workbookPart, in: archive, limits: limits, with: workbookHandler)
        dateSystem = workbookHandler.date1904 ? .system1904 : .system1900

        let relationships = try Self.relationships(of: workbookPart, in: archive, limits: limits)
        var byId: [String: Relationship] = [:]
        for rel in relationships where byId[rel.id] == nil { byId[rel.id] = rel }
        func existing(_ part: String?) -> String? {
            part.flatMap { archive.entry(named: $0)?.name }
        }
        let base = PackagePath.directory(of: workbookPart)
        func sibling(_ file: String) -> String { base.isEmpty ? file : base + "/" + file }
        sharedStringsPart = existing(relationships.first { $0.kind == "sharedStrings" }?.target) ?? existing(sibling("sharedStrings.xml"))
        stylesPart = existing(relationships.first { $0.kind == "styles" }?.target) ?? existing(sibling("styles.xml"))

        sheets = workbookHandler.sheets.enumerated().map { index, entry in
            let rel = entry.relationshipId.flatMap { byId[$0] }
            let kind: SheetKind
            switch rel?.kind.lowercased() {
            case "chartsheet"?: kind = .chartsheet
            case "dialogsheet"?: kind = .dialogsheet
            case "xlmacrosheet"?, "xlintlmacrosheet"?: kind = .macrosheet
            default: kind = .worksheet
            }
            // Only a workbook with no relationships at all falls back to the conventional part names: when the
            // relationships exist, a sheet whose id names none of them has no part (never another sheet's).
            let part = existing(rel?.target) ?? (relationships.isEmpty ? existing(sibling("worksheets/sheet\(index + 1).xml")) : nil)
            return SheetInfo(name: entry.name, kind: kind, visibility: entry.visibility, part: part)
        }

        let appPart = rootRelationships.first { $0.kind == "extended-properties" }?.target ?? "docProps/app.xml"
        if let entry = archive.entry(named: appPart), entry.size < 1 << 20 {
            let handler = TextElementsHandler(names: ["Application", "AppVersion"])
            try? Self.parse(entry.name, in: archive, limits: limits, with: handler)
            application = handler.values["Application"]
            applicationVersion = handler.values["AppVersion"]
        } else {
            application = nil
            applicationVersion = nil
        }

        let corePart = rootRelationships.first { $0.kind == "core-properties" }?.target ?? "docProps/core.xml"
        if let entry = archive.entry(named: corePart), entry.size < 1 << 20 {
            let handler = TextElementsHandler(names: ["modified"])
            try? Self.parse(entry.name, in: archive, limits: limits, with: handler)
            modified = handler.values["modified"]
        } else {
            modified = nil
        }

        let customPart = rootRelationships.first { $0.kind == "custom-properties" }?.target ?? "docProps/custom.xml"
        if let entry = archive.entry(named: customPart), entry.size < 1 << 20 {
            let handler = CustomPropertiesHandler()
            try? Self.parse(entry.name, in: archive, limits: limits, with: handler)
            customProperties = handler.values
        } else {
            customProperties = [:]
        }
    }

    /// The sheet with this name, or with this 1-based position when the text is a number that is not a sheet name.
    public func sheet(named name: String) throws -> SheetInfo {
        if let sheet = sheets.first(where: { $0.name == name }) { return sheet }
        if let n = Int(name), n >= 1, n <= sheets.count { return sheets[n - 1] }
        throw XLSXError.sheetNotFound(XLSXLocation(file: displayName), name)
    }

    /// The shared-string table, loading on a second thread from the first call on.
    public func sharedStrings() -> SharedStrings {
        if let cachedStrings { return cachedStrings }
        let table: SharedStrings
        if let part = sharedStringsPart, let entry = archive.entry(named: part) {
            table = SharedStrings(partBytes: Int(min(entry.size, limits.maxPartBytes)), spillBytes: limits.spillSharedStringBytes)
            let (archive, limits, location) = (archive, limits, XLSXLocation(file: displayName, part: entry.name))
            let load: @Sendable () -> Void = {
                let handler = SharedStringsHandler(table: table, limit: limits.maxSharedStringBytes, location: location)
                do {
                    try Self.parse(entry.name, in: archive, limits: limits, with: handler)
                    table.finish(nil)
                } catch let error as XLSXError {
                    table.finish(error)
                } catch {
                    table.finish(.corruptZip(location, "\(error)"))
                }
            }
            loader = WorkerThread(load)
            if loader == nil { load() }
        } else {
            table = SharedStrings()
        }
        cachedStrings = table
        return table
    }

    /// The number formats of the cell styles, read once on first use.
    public func styles() throws -> Styles {
        if let cachedStyles { return cachedStyles }
        var styles = Styles()
        if let part = stylesPart {
            let handler = StylesHandler()
            try Self.parse(part, in: archive, limits: limits, with: handler)
            styles = handler.styles
        }
        styles.finish()
        cachedStyles = styles
        return styles
    }

    /// The inflated size the zip declares for a sheet's part; reading never goes past it.
    public func declaredSize(of sheet: SheetInfo) -> UInt64? {
        sheet.part.flatMap { archive.entry(named: $0) }.map(\.size)
    }

    /// The inflated size the zip declares for the shared-string table, which is held whole while sheets are read.
    public var declaredSharedStringsSize: UInt64? {
        sharedStringsPart.flatMap { archive.entry(named: $0) }.map(\.size)
    }

    /// Streams the rows of a worksheet; chart and dialog sheets yield no rows.
    public func rows(of sheet: SheetInfo) throws -> SheetReader {
        let location = XLSXLocation(file: displayName, part: sheet.part, sheet: sheet.name)
        guard sheet.kind == .worksheet || sheet.kind == .macrosheet else { return SheetReader(empty: location) }
        guard let part = sheet.part, let entry = archive.entry(named: part) else {
            throw XLSXError.missingPart(XLSXLocation(file: displayName, part: sheet.part ?? "(\(sheet.name))"))
        }
        let handler = SheetHandler(strings: sharedStrings(), styles: try styles(), dateSystem: dateSystem, location: location)
        return SheetReader(stream: try archive.open(entry, limits: limits), handler: handler, location: location)
    }

    /// Reads a whole worksheet into a sparse grid (for small sheets, tests and out-of-order files);
    /// `progress` hears the number of rows read every 1,024 rows.
    public func read(_ sheet: SheetInfo, progress: (Int) -> Void = { _ in }) throws -> SheetContent {
        let reader = try rows(of: sheet)
        var rows: [Row] = []
        var inOrder = true
        while let row = try reader.next() {
            if rows.count & 1023 == 1023 { progress(rows.count + 1) }
            if let last = rows.last, row.number <= last.number { inOrder = false }
            rows.append(row)
        }
        if !inOrder { rows = Self.merged(rows) }
        var content = SheetContent(info: sheet, rows: rows, mergedRanges: reader.mergedRanges, declaredDimension: reader.declaredDimension)
        content.columns = reader.columns
        content.uncachedFormulas = reader.uncachedFormulas
        return content
    }

    /// Rows written out of order or twice, sorted, each number once: a row written twice is merged, later cells winning.
    private static func merged(_ rows: [Row]) -> [Row] {
        var byNumber: [Int: Row] = [:]
        for row in rows {
            if var existing = byNumber[row.number] {
                var byColumn = Dictionary(existing.cells.map { ($0.column, $0) }, uniquingKeysWith: { $1 })
                for cell in row.cells { byColumn[cell.column] = cell }
                existing.cells = byColumn.values.sorted { $0.column < $1.column }
                existing.isHidden = existing.isHidden || row.isHidden
                byNumber[row.number] = existing
            } else {
                byNumber[row.number] = row
            }
        }
        return byNumber.keys.sorted().map { byNumber[$0]! }
    }

    // MARK: - Package plumbing

    static func parse(_ part: String, in archive: ZipArchive, limits: ReadLimits, with handler: XMLEventHandler) throws {
        guard let entry = archive.entry(named: part) else {
            throw XLSXError.missingPart(XLSXLocation(file: archive.displayName, part: part))
        }
        let location = XLSXLocation(file: archive.displayName, part: entry.name)
        let parser = XMLPushParser(handler: handler, location: location)
        try parser.parse(try archive.open(entry, limits: limits))
    }

    private static func relationships(of part: String, in archive: ZipArchive, limits: ReadLimits) throws -> [Relationship] {
        let relsPart = part.isEmpty ? "_rels/.rels" : PackagePath.relationships(of: part)
        guard archive.entry(named: relsPart) != nil else { return [] }
        let handler = RelationshipsHandler(sourcePart: part)
        try parse(relsPart, in: archive, limits: limits, with: handler)
        return handler.relationships
    }

    private static func findWorkbook(_ rootRelationships: [Relationship], _ archive: ZipArchive) throws -> String {
        if let target = rootRelationships.first(where: { $0.kind == "officeDocument" && !$0.external })?.target,
           let entry = archive.entry(named: target) {
            return entry.name
        }
        if let entry = archive.entry(named: "xl/workbook.xml") { return entry.name }
        // Some writers put the workbook elsewhere without saying so in the root relationships.
        if let entry = archive.entries.first(where: { $0.name.lowercased().hasSuffix("workbook.xml") }) { return entry.name }
        if archive.entry(named: "content.xml") != nil, archive.entry(named: "mimetype") != nil {
            throw XLSXError.openDocument(XLSXLocation(file: archive.displayName))
        }
        // A Word or PowerPoint file is a zip too: say what it is, not that a part is missing.
        if let kind = ["word/": "Word 文档（.docx）", "ppt/": "PowerPoint 演示文稿（.pptx）"].first(where: { prefix, _ in
            archive.entries.contains { $0.name.hasPrefix(prefix) }
        })?.value {
            throw XLSXError.otherOfficeDocument(XLSXLocation(file: archive.displayName), kind: kind)
        }
        throw XLSXError.missingPart(XLSXLocation(file: archive.displayName, part: "xl/workbook.xml"))
    }
}

/// A whole worksheet read into memory: its rows in order (sparse), merged ranges and declared dimension.
public struct SheetContent: Sendable {
    public var info: SheetInfo
    public var rows: [Row]
    public var mergedRanges: [CellRange]
    public var declaredDimension: String?
    public var columns: [ColumnInfo] = []
    /// Formula cells without a saved result: they are not among `rows`.
    public var uncachedFormulas = UncachedFormulas()

    public init(info: SheetInfo, rows: [Row], mergedRanges: [CellRange], declaredDimension: String? = nil) {
        self.info = info
        self.rows = rows
        self.mergedRanges = mergedRanges
        self.declaredDimension = declaredDimension
    }

    /// The range that actually holds values, ignoring styled empty cells and the declared dimension.
    public var usedRange: CellRange? {
        guard let firstRow = rows.first, let lastRow = rows.last else { return nil }
        let minColumn = rows.compactMap { $0.cells.first?.column }.min() ?? 1
        let maxColumn = rows.compactMap { $0.cells.last?.column }.max() ?? 1
        return CellRange(first: CellReference(row: firstRow.number, column: minColumn),
                         last: CellReference(row: lastRow.number, column: maxColumn))
    }
}

/// Reads `workbook.xml`: sheet names, visibility and relationship ids, and the 1904 flag.
final class WorkbookHandler: XMLEventHandler {
    struct Entry {
        let name: String
        let visibility: SheetVisibility
        let relationshipId: String?
    }

    private(set) var sheets: [Entry] = []
    private(set) var date1904 = false

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("sheet") {
            let visibility: SheetVisibility
            switch attributes.string("state") {
            case "hidden"?: visibility = .hidden
            case "veryHidden"?: visibility = .veryHidden
            default: visibility = .visible
            }
            sheets.append(Entry(name: attributes.string("name") ?? "Sheet\(sheets.count + 1)", visibility: visibility,
                                relationshipId: attributes.namespacedValue("id")))
        } else if name.is("workbookPr") {
            date1904 = attributes.flag("date1904")
        }
    }
}

/// Collects the text of a few named elements (for `docProps/app.xml`).
final class TextElementsHandler: XMLEventHandler {
    private let names: Set<String>
    private var current: String?
    private var text: [UInt8] = []
    private(set) var values: [String: String] = [:]

    init(names: Set<String>) { self.names = names }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        let s = name.string
        if names.contains(s) {
            current = s
            text.removeAll()
        }
    }

    override func endElement(_ name: XMLName) {
        if let current, name.string == current {
            values[current] = String(decoding: text, as: UTF8.self)
            self.current = nil
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if current != nil { text.append(contentsOf: bytes) }
    }
}

/// Reads `docProps/custom.xml`: each `<property name="…">` and the text of its value element.
final class CustomPropertiesHandler: XMLEventHandler {
    private var name: String?
    private var depth = 0
    private var text: [UInt8] = []
    private(set) var values: [String: String] = [:]

    override func startElement(_ element: XMLName, _ attributes: XMLAttributes) {
        if element.is("property") {
            name = attributes.string("name")
            text.removeAll()
            depth = 0
        } else if name != nil {
            depth += 1
        }
    }

    override func endElement(_ element: XMLName) {
        if element.is("property"), let name {
            values[name] = String(decoding: text, as: UTF8.self)
            self.name = nil
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if name != nil && depth > 0 { text.append(contentsOf: bytes) }
    }
}
