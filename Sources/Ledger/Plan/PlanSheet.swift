import Table

/// A plan file opened as a table: its grid, where the header and data are, and which column holds what.
public struct PlanSheet: Sendable {
    public var grid: Grid
    public var layout: TableLayout
    public var columns: PlanColumns
    /// When the file was last saved (its own property, ISO 8601), when it says.
    public var saved: String?

    /// Opens a plan of any format the input door reads: the first sheet (visible ones first) that holds a plan table.
    public static func open(path: String, synonyms: [HeaderField: [String]] = [:], budget: ReadBudget = .standard,
                            progress: (Int) -> Void = { _ in }) throws -> PlanSheet {
        try open(SpreadsheetFile.open(path, budget: budget), vocabulary: PlanColumns.Vocabulary(synonyms: synonyms), progress: progress)
    }

    /// The plan table of an opened file, with the given header vocabulary.
    public static func open(_ file: SpreadsheetFile, vocabulary: PlanColumns.Vocabulary, preferring sheet: String? = nil,
                            progress: (Int) -> Void = { _ in }) throws -> PlanSheet {
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

    public var description: String {
        switch self {
        case .noTable(let file):
            let name = file.split(separator: "/").last.map(String.init) ?? file
            return "\(name)：找不到计划表的表头（如“具体任务”“牵头单位”“完成时限”），请确认这是任务分工表，或检查表头是否在前 15 行内。"
        }
    }
}
