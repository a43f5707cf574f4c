import Table

/// Choices for reading a plan.
public struct PlanOptions: Sendable {
    /// The plan year; when nil it is read from the title row or the file name.
    public var year: Int?
    /// The unit registry; when nil one is inferred from the plan itself.
    public var registry: UnitRegistry?
    public var deadlinePolicy = DeadlineParser.Policy()
    /// In a plain list of units, the first listed leads (domain.md 3.2; default on).
    public var firstListedIsLead = true
    /// Header words an office adds to the built-in vocabulary.
    public var synonyms: [HeaderField: [String]] = [:]
    /// The most memory reading the plan's sheet may take (a merge gives each return the same).
    public var budget = ReadBudget.standard
    /// The 1-based table or sheet of the file that holds the plan, where a page or document has several; nil to find it.
    public var table: Int?

    public init(year: Int? = nil, registry: UnitRegistry? = nil) {
        self.year = year
        self.registry = registry
    }
}

/// The plan year could not be found anywhere.
public struct PlanYearNotFound: Error, Sendable, CustomStringConvertible {
    public let file: String
    public var description: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return "\(name)：无法确定计划年度（标题和文件名中都没有“20XX年”），请用 --year 指定，例如 --year 2023。"
    }
}

/// Where reading a plan is, for a progress display.
public enum PlanProgress: Sendable {
    /// Rows of the file read so far.
    case read(rows: Int)
    /// Data rows checked so far, of all.
    case checked(rows: Int, of: Int)
}

/// Reads a plan table into tasks: sections, normalized texts, unit references and deadlines, with every
/// problem reported as a validation issue at its cell.
public enum PlanImport {
    /// Opens the plan file through the input door and reads it.
    public static func read(path: String, options: PlanOptions = PlanOptions(), progress: (PlanProgress) -> Void = { _ in }) throws -> Plan {
        let sheet = try PlanSheet.open(path: path, synonyms: options.synonyms, budget: options.budget, table: options.table) { progress(.read(rows: $0)) }
        let total = sheet.layout.data.count
        return try read(sheet, options: options) { progress(.checked(rows: $0, of: total)) }
    }

    /// The plan in `sheet`; `progress` hears the data rows checked so far every 1,024 rows.
    public static func read(_ sheet: PlanSheet, options: PlanOptions = PlanOptions(), progress: (Int) -> Void = { _ in }) throws -> Plan {
        let file = sheet.grid.file
        guard let (year, source) = options.year.map({ ($0, PlanYear.Source.option) }) ?? PlanYear.find(title: sheet.title, fileName: file, saved: sheet.saved) else {
            throw PlanYearNotFound(file: file)
        }
        let registry = options.registry ?? UnitRegistry.inferred(fromUnitCells: sheet.unitCells)
        var rows = PlanRows(sheet: sheet, units: UnitParser(registry: registry, firstListedIsLead: options.firstListedIsLead),
                            deadlines: DeadlineParser(planYear: year, policy: options.deadlinePolicy))
        for (index, row) in sheet.layout.data.enumerated() {
            if index & 1023 == 1023 { progress(index + 1) }
            rows.read(row)
        }
        rows.finish()
        var issues = rows.issues
        if let formulas = ValidationIssue.unsavedFormulas(in: sheet.grid) { issues.append(formulas) }
        if let merges = ValidationIssue.ignoredMerges(in: sheet.grid) { issues.append(merges) }
        if sheet.columns[.deadline] == nil {
            issues.append(.init(.info, "no-deadline-column", at: SourceLocation(file: file, sheet: sheet.grid.sheet),
                                "计划表没有完成时限列：任务按“计划未设完成时限”处理，不计逾期和到期；任务内容中写明的时限（如“6月底前”）照常读取。"))
        }
        if source == .saved {
            issues.append(.init(.warning, "plan-year-assumed", at: SourceLocation(file: file, sheet: sheet.grid.sheet),
                                "标题和文件名中都没有计划年度，按文件保存时间取 \(year) 年计算完成时限；如不对，请用 --year 指定，例如 --year \(year - 1)。"))
        }
        issues.sort { ($0.severity, $0.location.cell?.row ?? 0, $0.location.cell?.column ?? 0) < ($1.severity, $1.location.cell?.row ?? 0, $1.location.cell?.column ?? 0) }
        return Plan(file: file, title: sheet.title, planYear: year, registry: registry, registryInferred: options.registry == nil,
                    tasks: rows.tasks, issues: issues)
    }

    /// The three unit cells of a row, as read; as a cache key, compared by their bytes (see `TextKey`).
    struct UnitTexts: Hashable {
        var lead: String?
        var coop: String?
        var resp: String?

        var isEmpty: Bool { lead == nil && coop == nil && resp == nil }

        func hash(into hasher: inout Hasher) {
            hasher.combine(lead.map(TextKey.init))
            hasher.combine(coop.map(TextKey.init))
            hasher.combine(resp.map(TextKey.init))
        }

        static func == (a: UnitTexts, b: UnitTexts) -> Bool {
            a.lead.map(TextKey.init) == b.lead.map(TextKey.init) && a.coop.map(TextKey.init) == b.coop.map(TextKey.init)
                && a.resp.map(TextKey.init) == b.resp.map(TextKey.init)
        }
    }

    static func unitIssues(_ assignment: UnitAssignment, at location: SourceLocation) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for reference in assignment.references {
            switch reference.kind {
            case .unknown:
                let hint = reference.suggestion.map { "是否为“\($0)”？" } ?? ""
                issues.append(.init(.error, "unknown-unit", at: location,
                                    "单位“\(reference.name)”不在单位名册中。\(hint)请改正计划表，或在单位名册（units.yaml）中补充该单位或别名。"))
            case .unresolvedGroup:
                issues.append(.init(.warning, groupMembersUnknown, at: location,
                                    "“\(reference.name)”成员未知，请在单位名册中补充（units.yaml 的 groups，列出它包括哪些单位）；"
                                    + "补充之前，含此分组的任务按分组计，不分发给具体单位。"))
            default:
                break
            }
        }
        if assignment.has(.duplicate) {
            issues.append(.init(.warning, "duplicate-unit", at: location, "同一单位在单元格中出现了两次，请删去重复的。"))
        }
        return issues
    }

    /// The code of the warning given once per group term whose members no registry names.
    static let groupMembersUnknown = "group-members-unknown"

    static func deadlineIssues(_ deadline: Deadline, at location: SourceLocation) -> [ValidationIssue] {
        switch deadline.kind {
        case .missing:
            return [.init(.error, "missing-deadline", at: location, "没有填写完成时限，请补充（如“12月底前”“长期推进”）。")]
        case .unparseable:
            let reason = deadline.flags.contains(.suspectNumeric)
                ? "单元格被 Excel 存成了数字（\(deadline.text)），无法判断是哪一天，请改为文本（如“6月30日前”）。"
                : "无法识别完成时限“\(deadline.text)”，请改为日期（如“2023年12月31日前”“11月底前”）或“长期推进”等写法。"
            return [.init(.error, "bad-deadline", at: location, reason)]
        default:
            return []
        }
    }
}

