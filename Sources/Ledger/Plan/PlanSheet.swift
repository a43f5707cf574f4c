import Table

/// A plan file opened as a table: its grid, where the header and data are, and which column holds what.
public struct PlanSheet: Sendable {
    public var grid: Grid
    public var layout: TableLayout
    public var columns: PlanColumns
    /// When the file was last saved (its own property, ISO 8601), when it says.
    public var saved: String?

    /// Opens a plan of any format the input door reads: the first sheet (visible ones first) that holds a plan table.
    /// With `table`, only that 1-based table or sheet is taken, where a page or document has several.
    public static func open(path: String, synonyms: [HeaderField: [String]] = [:], budget: ReadBudget = .standard, table: Int? = nil,
                            progress: (Int) -> Void = { _ in }) throws -> PlanSheet {
        let file = try SpreadsheetFile.open(path, budget: budget)
        let vocabulary = PlanColumns.Vocabulary(synonyms: synonyms)
        guard let table else { return try open(file, vocabulary: vocabulary, progress: progress) }
        guard table >= 1, table <= file.sheets.count else { throw PlanSheetError.noSuchTable(file: path, table: table, count: file.sheets.count) }
        guard var found = PlanSheet(grid: try file.grid(file.sheets[table - 1], progress: progress), vocabulary: vocabulary) else {
            throw PlanSheetError.noTable(file: path)
        }
        found.saved = file.facts.modified
        return found
    }

    /// The plan table of an opened file, with the given header vocabulary.
    public static func open(_ file: SpreadsheetFile, vocabulary: PlanColumns.Vocabulary, preferring sheet: String? = nil,
                            progress: (Int) -> Void = { _ in }) throws -> PlanSheet {
        if file.sheets.isEmpty && (file.format == .docx || file.format == .html) {
            throw PlanSheetError.noTables(file: file.path, kind: file.format == .docx ? "Word 文档" : "网页")
        }
        let found = try file.firstGrid(preferring: sheet, progress: progress) { PlanSheet(grid: $0, vocabulary: vocabulary) }
        guard var found else { throw PlanSheetError.noTable(file: file.path) }
        found.saved = file.facts.modified
        return found
    }

    /// A grid as a plan table; nil when no row looks like a plan header.
    public init?(grid: Grid, synonyms: [HeaderField: [String]] = [:]) {
        self.init(grid: grid, vocabulary: PlanColumns.Vocabulary(synonyms: synonyms))
    }

    /// With a vocabulary shared between many files (merge reads hundreds with one header).
    public init?(grid: Grid, vocabulary: PlanColumns.Vocabulary) {
        guard let layout = TableLayout.locate(grid, isHeader: { vocabulary.match($0) != nil }, isFooter: PlanColumns.isFooter) else { return nil }
        self.grid = grid
        self.layout = layout
        columns = PlanColumns(layout: layout, mergedRanges: grid.mergedRanges, vocabulary: vocabulary)
    }

    /// The text of every unit cell (lead, cooperating and responsible columns) in row order.
    public var unitCells: [String] {
        let unitColumns = [HeaderField.leadUnit, .respUnit, .coopUnit].compactMap { columns[$0] }
        return layout.data.flatMap { row in unitColumns.compactMap { row.text($0) } }
    }

    /// The title above the header (the longest text of the rows above it), where the plan year usually is.
    public var title: String? {
        layout.preamble.flatMap { $0.cells.map(\.value.text) }.max { $0.count < $1.count } ?? grid.title
    }
}

/// Files that hold no plan table.
public enum PlanSheetError: Error, Sendable, CustomStringConvertible {
    case noTable(file: String)
    case noSuchTable(file: String, table: Int, count: Int)
    /// A document or page without any table.
    case noTables(file: String, kind: String)

    public var description: String {
        switch self {
        case .noTables(let file, let kind):
            let name = file.split(separator: "/").last.map(String.init) ?? file
            return "\(name)：这份\(kind)中没有表格；计划须是表格（任务、单位、时限各占一列），如写在正文中，请先整理成表格再试。"
        case .noSuchTable(let file, let table, let count):
            let name = file.split(separator: "/").last.map(String.init) ?? file
            return "\(name)：没有第 \(table) 个表格（共 \(count) 个），请用 taizhang inspect 查看后指定 --table。"
        case .noTable(let file):
            let name = file.split(separator: "/").last.map(String.init) ?? file
            return "\(name)：找不到计划表的表头（如“具体任务”“牵头单位”“完成时限”），请确认这是任务分工表，或检查表头是否在前 15 行内。"
        }
    }
}
