/// How much memory reading one plan or return may take: its grid's rows, cells and strings.
public struct ReadBudget: Sendable, Equatable {
    public var bytes: Int

    public init(megabytes: Int) { bytes = megabytes << 20 }

    /// Well under what an office PC has free, and above what a plan of 100,000 tasks takes (147 MB for the whole process).
    public static let standard = ReadBudget(megabytes: 200)

    public var megabytes: Int { bytes >> 20 }
}

/// A file whose table would take more memory than the budget allows: far larger than a plan or a return,
/// or made to exhaust memory (one long string in every cell, merges over the whole sheet).
public struct FileTooLarge: Error, Sendable, CustomStringConvertible {
    /// Where reading stopped.
    public var location: SourceLocation
    public var budget: ReadBudget
    /// What was found too large, when known before reading.
    public var detail: String?

    public init(location: SourceLocation, budget: ReadBudget, detail: String? = nil) {
        self.location = location
        self.budget = budget
        self.detail = detail
    }

    public var description: String {
        let found = detail.map { "\($0)，超过读取上限 \(budget.megabytes) MB" } ?? "读到这里表格已需 \(budget.megabytes) MB 以上内存，超过上限"
        return "\(location)：文件过大或异常，\(found)。"
            + "请确认这是要读取的计划表或反馈表；确需读取这样大的表格，可用 --max-memory 调高上限（单位 MB）。"
    }
}

/// Counts the memory a grid takes while it is built, and stops the build at the budget.
struct MemoryMeter {
    let budget: ReadBudget
    let file: String
    let sheet: String?
    private(set) var used = 0

    init(_ budget: ReadBudget, file: String, sheet: String?) {
        self.budget = budget
        self.file = file
        self.sheet = sheet
    }

    /// Adds a row of `cells` cells.
    mutating func row(cells: Int, at number: Int) throws {
        try add(MemoryLayout<GridRow>.stride + 32 + cells * MemoryLayout<GridCell>.stride, at: CellAddress(row: number, column: 1))
    }

    /// Adds a string's own storage (Swift keeps up to 15 UTF-8 bytes inside the value).
    mutating func string(_ text: String, at cell: CellAddress) throws {
        let count = text.utf8.count
        if count > 15 { try add(count + 32, at: cell) }
    }

    /// Adds `bytes`; past the budget, the error names `cell`, where reading stopped.
    mutating func add(_ bytes: Int, at cell: CellAddress) throws {
        used += bytes
        if used > budget.bytes {
            throw FileTooLarge(location: SourceLocation(file: file, sheet: sheet, cell: cell), budget: budget)
        }
    }
}
