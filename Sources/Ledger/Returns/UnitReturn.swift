import Table

/// One file a unit sent back, read: which unit it is from (and how that was found), its rows with the
/// fields the template has, and where each value came from.
public struct UnitReturn: Sendable {
    public enum UnitSource: String, Sendable {
        case option, property, reportingLine, fileName
    }

    public struct Row: Sendable {
        public var number: Int
        /// Values by field, for the columns the vocabulary knows (a merged value on every row it covers).
        public var fields: [HeaderField: GridValue]
        /// The fields typed in this row itself (not filled from a merge above): the cells to account for.
        public var typed: Set<HeaderField>
        /// Non-empty cells of columns the vocabulary does not know (a column the unit added, 本单位角色).
        public var extra: [(column: Int, header: String, value: GridValue)]
    }

    public var file: String
    public var sha256: String
    public var unit: String?
    public var unitSource: UnitSource?
    /// When the file was last saved: the workbook's modified property, else the file's time.
    public var saved: String
    /// The file had no modified property (a CSV), so `saved` is the file system's time, which a copy resets.
    public var savedFromFile: Bool
    public var grid: Grid
    public var columns: [HeaderField: Int]
    public var headers: [Int: String]
    /// The (last) header row.
    public var headerRow: Int
    public var rows: [Row]
    /// What the clerk should know about how the file was read (two ways of naming its unit that disagree).
    public var notes: [ValidationIssue] = []

    /// Non-empty cells of the data block: what the merge must account for.
    public var cellsRead: Int { rows.reduce(0) { $0 + $1.typed.count + $1.extra.count } }

    /// Reads a return from a file of any format the input door reads.
    public static func read(path: String, registry: UnitRegistry, unit: String? = nil,
                            vocabulary: PlanColumns.Vocabulary = returnVocabulary()) throws -> UnitReturn {
        try UnitReturn(SpreadsheetFile.open(path), registry: registry, unit: unit, vocabulary: vocabulary)
    }

    /// A return from an opened file. `unit` (from `--unit FILE=UNIT`) wins; else the 填报单位 property, the 填报单位
    /// line above the header, a unit name in the file name. A return whose unit cannot be found has `unit` nil.
    public init(_ file: SpreadsheetFile, registry: UnitRegistry, unit: String? = nil,
                vocabulary: PlanColumns.Vocabulary = returnVocabulary()) throws {
        let sheet = try PlanSheet.open(file, vocabulary: vocabulary, preferring: ReturnForm.sheetName)
        let found = unit.map { ($0, UnitSource.option) } ?? Self.identify(file: file.facts, preamble: sheet.layout.preamble, registry: registry)
        let saved = file.facts.saved
        self.init(file: file.path, sha256: file.facts.sha256, unit: found?.0, unitSource: found?.1, saved: saved.time,
                  savedFromFile: saved.fromFileSystem, grid: sheet.grid, columns: sheet.columns.fields, headers: sheet.layout.headers,
                  headerRow: sheet.layout.headerRows.upperBound, rows: Self.rows(of: sheet))
        // A 填报单位 property or line that names one unit and a file name another: both said, and which was taken.
        if let (taken, source) = found, source != .fileName, source != .option,
           let named = Self.unit(inFileName: file.facts.name, registry: registry), named != taken {
            let how = source == .property ? "文件属性“填报单位”" : "表内“填报单位”一行"
            notes.append(.init(.warning, "unit-conflict", at: SourceLocation(file: file.path),
                               "\(how)为\(taken)，文件名中却是\(named)；按\(how)认定为\(taken)。如不对，请用 --unit \(file.facts.name)=\(named) 指定。"))
        }
    }

    public init(file: String, sha256: String, unit: String?, unitSource: UnitSource?, saved: String, savedFromFile: Bool, grid: Grid,
                columns: [HeaderField: Int], headers: [Int: String], headerRow: Int, rows: [Row]) {
        self.file = file
        self.sha256 = sha256
        self.unit = unit
        self.unitSource = unitSource
        self.saved = saved
        self.savedFromFile = savedFromFile
        self.grid = grid
        self.columns = columns
        self.headers = headers
        self.headerRow = headerRow
        self.rows = rows
    }

    /// The header words of a return: in a return, 完成时间 is when the unit finished, beside the plan's 完成时限.
    public static func returnVocabulary() -> PlanColumns.Vocabulary {
        PlanColumns.Vocabulary(synonyms: [.completedOn: ["完成时间"], .taskId: ["任务编号"]], readsReturns: true)
    }

    /// The unit a file is from: its 填报单位 property, the 填报单位 line above the header, or a unit name in its file name.
    static func identify(file: FileFacts, preamble: [GridRow], registry: UnitRegistry) -> (String, UnitSource)? {
        if let property = file.customProperties[ReturnForm.unitProperty], case .unit(let canonical) = registry.match(property) {
            return (canonical, .property)
        }
        if let line = preamble.flatMap({ $0.cells.map(\.value.text) }).first(where: { $0.contains("填报单位") }) {
            let name = line.split(whereSeparator: { "：:".contains($0) }).dropFirst().first.map { String($0).trimmingWhitespace } ?? ""
            if case .unit(let canonical) = registry.match(name) { return (canonical, .reportingLine) }
        }
        return unit(inFileName: file.name, registry: registry).map { ($0, .fileName) }
    }

    /// The registry unit whose name or alias the file name holds (the longest one), if any.
    public static func unit(inFileName name: String, registry: UnitRegistry) -> String? {
        let names = registry.units.flatMap { unit in ([unit.name] + unit.aliases).map { ($0, unit.name) } }
        return names.filter { name.contains($0.0) }.max { $0.0.count < $1.0.count }?.1
    }

    /// The data rows by field: typed cells counted where typed, merged values read on every row they cover.
    static func rows(of sheet: PlanSheet) -> [Row] {
        let byColumn = Dictionary(sheet.columns.fields.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        return sheet.layout.data.map { row in
            var values: [HeaderField: GridValue] = [:]
            var extra: [(Int, String, GridValue)] = []
            for cell in row.cells where !cell.filledFromMerge && !cell.value.text.isEmpty {
                if let field = byColumn[cell.column] { values[field] = cell.value } else { extra.append((cell.column, sheet.layout.headers[cell.column] ?? "", cell.value)) }
            }
            // Merged values count once, at their anchor, but every row of the merge still reads them.
            for cell in row.cells where cell.filledFromMerge {
                if let field = byColumn[cell.column], values[field] == nil { values[field] = cell.value }
            }
            let typed = Set(row.cells.filter { !$0.filledFromMerge && !$0.value.text.isEmpty }.compactMap { byColumn[$0.column] })
            return Row(number: row.number, fields: values, typed: typed, extra: extra)
        }
    }
}
