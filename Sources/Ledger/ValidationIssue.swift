import Table

/// A problem found in a plan or a return, with where it is and what to do. Codes are a contract other tools read.
public struct ValidationIssue: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case error
        case warning
        /// Something the clerk should know that needs no change (a plan that sets no deadlines).
        case info

        /// How the level is shown: 错误, 警告, 提示.
        public var displayName: String {
            switch self {
            case .error: "错误"
            case .warning: "警告"
            case .info: "提示"
            }
        }

        public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    public var severity: Severity
    /// A stable code such as `unknown-unit` or `bad-deadline`.
    public var code: String
    public var location: SourceLocation
    /// What is wrong and what to do, in Chinese.
    public var message: String

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
    }

    /// `计划表.xlsx 工作表1!E12: message`, as `validate` prints it.
    public var line: String { "\(location): \(message)" }
}

extension ValidationIssue {
    /// The formula cells of `grid` saved without a result, as one warning at the first of them; nil when there are none.
    static func unsavedFormulas(in grid: Grid) -> ValidationIssue? {
        let formulas = grid.unsavedFormulas
        guard let first = formulas.cells.first else { return nil }
        let shown = formulas.cells.prefix(5).map(\.description).joined(separator: "、")
        return ValidationIssue(.warning, "formula-without-value", at: grid.location(row: first.row, column: first.column),
                               "有 \(formulas.count) 个单元格是公式，但文件里没有保存计算结果（\(shown)\(formulas.count > 5 ? " 等" : "")），读出为空。"
                               + "生成这个文件的程序不计算公式；请用 Excel 或 WPS 打开、保存后再处理。")
    }

    /// Merged ranges reaching far past the table, as one note at the first of them; nil when there are none.
    static func ignoredMerges(in grid: Grid) -> ValidationIssue? {
        guard let first = grid.ignoredMerges.first else { return nil }
        let shown = grid.ignoredMerges.prefix(5).map(\.description).joined(separator: "、")
        return ValidationIssue(.info, "merge-past-table", at: grid.location(row: first.first.row, column: first.first.column),
                               "合并区域 \(shown)\(grid.ignoredMerges.count > 5 ? " 等 \(grid.ignoredMerges.count) 个" : "") 远超表格实际范围（或与其他合并区域重叠），"
                               + "只在有内容的行列内按合并处理，其余部分没有内容，未读取。")
    }
}
