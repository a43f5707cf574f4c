import Table
import XLSX

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

/// Reads a plan table into tasks: sections, normalized texts, unit references and deadlines, with every
/// problem reported as a validation issue at its cell.
public enum PlanImport {
    public static func read(path: String, options: PlanOptions = PlanOptions()) throws -> Plan {
        try read(PlanSheet.open(path: path, synonyms: options.synonyms), options: options)
    }

    /// The plan in `sheet`; `progress` hears the data rows checked so far every 1,024 rows.
    public static func read(_ sheet: PlanSheet, options: PlanOptions = PlanOptions(), progress: (Int) -> Void = { _ in }) throws -> Plan {
        let file = sheet.grid.file
        guard let year = options.year ?? PlanYear.find(title: sheet.title, fileName: file)?.year else {
            throw PlanYearNotFound(file: file)
        }
        let registry = options.registry ?? UnitRegistry.inferred(fromUnitCells: sheet.unitCells)
        let units = UnitParser(registry: registry, firstListedIsLead: options.firstListedIsLead)
        let deadlines = DeadlineParser(planYear: year, policy: options.deadlinePolicy)
        let c = sheet.columns
        let columns = (category: c[.category], task: c[.task], requirement: c[.requirement],
                       lead: c[.leadUnit], coop: c[.coopUnit], resp: c[.respUnit], deadline: c[.deadline])
        let unitColumn = columns.lead ?? columns.resp
        var issues: [ValidationIssue] = []
        var outline = SectionOutline()
        var tasks: [PlanTask] = []
        tasks.reserveCapacity(sheet.layout.data.count)
        var ids = TaskID.Sequence()
        // A CSV has no merged cells: Excel saves them as blanks under the value, so those inherit it.
        let inherits = sheet.grid.sheet == nil
        var previous: (category: String?, task: String?, units: UnitTexts, deadline: CellValue?)?
        // Plans repeat the same unit cells and deadlines over and over: parse each distinct text once. A merged
        // category repeats on every row of its block: its heading and normalized text are worked out once.
        // A cell's issues depend only on its text: they are worked out once and placed at each row's cell.
        var unitCache: [UnitTexts: (assignment: UnitAssignment, text: String, issues: [ValidationIssue])] = [:]
        var deadlineCache: [TextKey: (deadline: Deadline, issues: [ValidationIssue])] = [:]
        let nowhere = SourceLocation(file: file)
        var lastCategory: (text: String, number: SectionNumber?, normalized: NormalizedText)?

        for (index, row) in sheet.layout.data.enumerated() {
            if index & 1023 == 1023 { progress(index + 1) }
            func text(_ column: Int?) -> String? {
                guard let column, let text = row.text(column)?.trimmingWhitespace, !text.isEmpty else { return nil }
                return text
            }
            func location(_ column: Int?) -> SourceLocation {
                sheet.grid.location(row: row.number, column: column ?? (row.cells.first?.column ?? 1))
            }
            var category = text(columns.category)
            var task = text(columns.task)
            let requirement = text(columns.requirement)
            var unitTexts = UnitTexts(lead: text(columns.lead), coop: text(columns.coop), resp: text(columns.resp))
            var deadlineValue = columns.deadline.flatMap { row[$0]?.value }
            if inherits, let previous, requirement != nil {
                if category == nil { category = previous.category }
                if task == nil && category == previous.category { task = previous.task }
                if unitTexts.isEmpty { unitTexts = previous.units }
                if deadlineValue == nil { deadlineValue = previous.deadline }
            }
            if inherits { previous = (category, task, unitTexts, deadlineValue) }

            // A section row: only an outline heading, no task of its own.
            if task == nil && requirement == nil {
                if unitTexts.isEmpty && deadlineValue == nil {
                    if let heading = category ?? row.cells.first?.value.text, let number = SectionNumber.parse(heading)?.number {
                        outline.enter(number, at: location(nil), issues: &issues)
                    }
                    continue
                }
                issues.append(.init(.error, "missing-task", at: location(columns.task), "这一行有单位或时限，但没有任务内容，请补充“具体任务”或删除此行。"))
                continue
            }
            var categoryText: NormalizedText?
            if let category {
                if lastCategory.map({ TextKey($0.text) != TextKey(category) }) ?? true {
                    lastCategory = (category, SectionNumber.parse(category)?.number, NormalizedText(category))
                }
                if let number = lastCategory!.number { outline.enter(number, at: location(columns.category), issues: &issues) }
                categoryText = lastCategory!.normalized
            }
            // The outline marker goes to `section`; the task text is what follows it.
            var taskBody = task ?? requirement!
            if let task, let heading = SectionNumber.parse(task) {
                outline.enter(heading.number, at: location(columns.task), issues: &issues)
                taskBody = heading.rest
            }
            let taskText = NormalizedText(taskBody)
            let requirementText = task == nil ? nil : requirement.map(NormalizedText.init)

            let assignment: UnitAssignment
            let unitsText: String
            var unitProblems: [ValidationIssue] = []
            if unitTexts.isEmpty {
                assignment = UnitAssignment(references: [], primary: nil, flags: [])
                unitsText = ""
                issues.append(.init(.error, "missing-unit", at: location(columns.lead), "没有填写牵头或责任单位，请补充。"))
            } else if let known = unitCache[unitTexts] {
                (assignment, unitsText, unitProblems) = known
            } else {
                if columns.lead == nil && columns.coop == nil, let only = unitTexts.resp {
                    // A lone 责任单位 column holds every unit; roles come from the text (first listed leads).
                    assignment = units.parse(only)
                } else {
                    assignment = units.parse(lead: unitTexts.lead ?? "", cooperating: unitTexts.coop ?? "", responsible: unitTexts.resp ?? "")
                }
                unitsText = [unitTexts.lead, unitTexts.coop, unitTexts.resp].compactMap { $0 }.joined(separator: "\n")
                unitProblems = unitIssues(assignment, at: nowhere)
                unitCache[unitTexts] = (assignment, unitsText, unitProblems)
            }
            for var problem in unitProblems {
                problem.location = location(unitColumn)
                issues.append(problem)
            }

            let deadline: Deadline
            var deadlineProblems: [ValidationIssue]
            switch deadlineValue {
            case .date(let date)?:
                deadline = CalendarDate(year: date.year, month: date.month, day: date.day).map(deadlines.parse(date:)) ?? deadlines.parse(date.description)
                deadlineProblems = deadlineIssues(deadline, at: nowhere)
            case .number(let n)?:
                deadline = deadlines.parse(number: n)
                deadlineProblems = deadlineIssues(deadline, at: nowhere)
            case let value?:
                let text = value.text
                if let known = deadlineCache[TextKey(text)] {
                    (deadline, deadlineProblems) = known
                } else {
                    deadline = deadlines.parse(text)
                    deadlineProblems = deadlineIssues(deadline, at: nowhere)
                    deadlineCache[TextKey(text)] = (deadline, deadlineProblems)
                }
            case nil:
                deadline = deadlines.parse("")
                deadlineProblems = deadlineIssues(deadline, at: nowhere)
            }
            for var problem in deadlineProblems {
                problem.location = location(columns.deadline)
                issues.append(problem)
            }
            tasks.append(PlanTask(id: ids.next(category: categoryText?.text, task: taskText.text, requirement: requirementText?.text),
                                  section: outline.path, category: categoryText, task: taskText, requirement: requirementText,
                                  units: assignment, unitsText: unitsText, deadline: deadline, source: location(columns.task ?? 1)))
        }

        if let formulas = ValidationIssue.uncachedFormulas(in: sheet.grid) { issues.append(formulas) }
        return Plan(file: file, title: sheet.title, planYear: year, registry: registry, registryInferred: options.registry == nil,
                    tasks: tasks, issues: issues.sorted { ($0.severity, $0.location.cell?.row ?? 0, $0.location.cell?.column ?? 0) < ($1.severity, $1.location.cell?.row ?? 0, $1.location.cell?.column ?? 0) })
    }

    /// The three unit cells of a row, as read; as a cache key, compared by their bytes (see `TextKey`).
    private struct UnitTexts: Hashable {
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
                issues.append(.init(.warning, "needs-manual", at: location,
                                    "“\(reference.name)”无法确定具体是哪些单位，请在计划表中写明单位名称。"))
            default:
                break
            }
        }
        if assignment.has(.duplicate) {
            issues.append(.init(.warning, "duplicate-unit", at: location, "同一单位在单元格中出现了两次，请删去重复的。"))
        }
        return issues
    }

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

/// The outline position while rows are read, checking that numbering runs 1, 2, 3 at each level.
struct SectionOutline {
    /// The current number at each level (index 0 is level 1).
    private var current: [SectionNumber?] = Array(repeating: nil, count: 5)
    /// The markers of the current position, outermost first, such as `一、(一)`.
    private(set) var path = ""

    mutating func enter(_ number: SectionNumber, at location: @autoclosure () -> SourceLocation, issues: inout [ValidationIssue]) {
        let level = number.level - 1
        let previous = current[level]
        // A merged heading repeats on every row of its block: the same number again is no news.
        if let previous, previous.value == number.value { return }
        let expected = (previous?.value ?? 0) + 1
        if number.value > expected {
            let missing = (expected..<number.value).map { SectionOutline.marker(level: number.level, value: $0) }.joined(separator: "、")
            issues.append(.init(.warning, "section-gap", at: location(), "编号从 \(number.marker) 开始，缺少 \(missing)；请核对是否漏了条目或编号有误。"))
        } else if number.value < expected {
            issues.append(.init(.warning, "section-duplicate", at: location(), "编号 \(number.marker) 与前面的编号重复或倒序，请核对。"))
        }
        current[level] = number
        for deeper in (level + 1)..<current.count { current[deeper] = nil }
        path = current.compactMap { $0?.marker }.joined()
    }

    static func marker(level: Int, value: Int) -> String {
        let chinese = ChineseNumeral.name(value)
        switch level {
        case 1: return chinese + "、"
        case 2: return "(" + chinese + ")"
        case 3: return "\(value)."
        case 4: return "(\(value))"
        default: return String(Character(Unicode.Scalar(0x2460 + UInt32(value - 1))!))
        }
    }
}
