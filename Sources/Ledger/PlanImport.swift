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
        var issues: [ValidationIssue] = []
        var outline = SectionOutline()
        var rows: [(category: NormalizedText?, task: NormalizedText, requirement: NormalizedText?, section: String,
                    units: UnitAssignment, unitsText: String, deadline: Deadline, row: Int)] = []
        let c = sheet.columns
        // A CSV has no merged cells: Excel saves them as blanks under the value, so those inherit it.
        let inherits = sheet.grid.sheet == nil
        var previous: (category: String?, task: String?, units: [String?], deadline: CellValue?)?
        // Plans repeat the same unit cells and deadlines over and over: parse each distinct text once.
        var unitCache: [[String?]: UnitAssignment] = [:]
        var deadlineCache: [String: Deadline] = [:]

        for (index, row) in sheet.layout.data.enumerated() {
            if index & 1023 == 1023 { progress(index + 1) }
            func text(_ field: HeaderField) -> String? { c[field].flatMap { row.text($0) }.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 } }
            func location(_ field: HeaderField?) -> SourceLocation {
                sheet.grid.location(row: row.number, column: field.flatMap { c[$0] } ?? (row.cells.first?.column ?? 1))
            }
            var category = text(.category)
            var task = text(.task)
            let requirement = text(.requirement)
            var unitTexts = [text(.leadUnit), text(.coopUnit), text(.respUnit)]
            var deadlineValue = c[.deadline].flatMap { row[$0]?.value }
            if inherits, let previous, requirement != nil {
                if category == nil { category = previous.category }
                if task == nil && category == previous.category { task = previous.task }
                if unitTexts.allSatisfy({ $0 == nil }) { unitTexts = previous.units }
                if deadlineValue == nil { deadlineValue = previous.deadline }
            }
            previous = (category, task, unitTexts, deadlineValue)

            // A section row: only an outline heading, no task of its own.
            if task == nil && requirement == nil {
                if unitTexts.allSatisfy({ $0 == nil }) && deadlineValue == nil {
                    if let heading = category ?? row.cells.first?.value.text { outline.enter(heading, at: location(nil), issues: &issues) }
                    continue
                }
                issues.append(.init(.error, "missing-task", at: location(.task), "这一行有单位或时限，但没有任务内容，请补充“具体任务”或删除此行。"))
                continue
            }
            if let category { outline.enter(category, at: location(.category), issues: &issues) }
            if let task { outline.enter(task, at: location(.task), issues: &issues) }
            // The outline marker goes to `section`; the task text is what follows it.
            let taskText = NormalizedText(task.map { outline.parse($0)?.rest ?? $0 } ?? requirement!)
            let requirementText = task == nil ? nil : requirement.map(NormalizedText.init)

            let assignment: UnitAssignment
            if unitTexts.allSatisfy({ $0 == nil }) {
                assignment = UnitAssignment(references: [], primary: nil, flags: [])
                issues.append(.init(.error, "missing-unit", at: location(.leadUnit), "没有填写牵头或责任单位，请补充。"))
            } else if let known = unitCache[unitTexts] {
                assignment = known
            } else if c[.leadUnit] == nil && c[.coopUnit] == nil, let only = unitTexts[2] {
                // A lone 责任单位 column holds every unit; roles come from the text (first listed leads).
                assignment = units.parse(only)
                unitCache[unitTexts] = assignment
            } else {
                assignment = units.parse(lead: unitTexts[0] ?? "", cooperating: unitTexts[1] ?? "", responsible: unitTexts[2] ?? "")
                unitCache[unitTexts] = assignment
            }
            issues += unitIssues(assignment, at: location(c[.leadUnit] != nil ? .leadUnit : .respUnit))

            let deadline: Deadline
            switch deadlineValue {
            case .date(let date)?:
                deadline = CalendarDate(year: date.year, month: date.month, day: date.day).map(deadlines.parse(date:)) ?? deadlines.parse(date.description)
            case .number(let n)?:
                deadline = deadlines.parse(number: n)
            case let value?:
                let text = value.text
                if let known = deadlineCache[text] {
                    deadline = known
                } else {
                    deadline = deadlines.parse(text)
                    deadlineCache[text] = deadline
                }
            case nil:
                deadline = deadlines.parse("")
            }
            issues += deadlineIssues(deadline, at: location(.deadline))
            rows.append((category.map(NormalizedText.init), taskText, requirementText, outline.path, assignment,
                         unitTexts.compactMap { $0 }.joined(separator: "\n"), deadline, row.number))
        }

        let ids = TaskID.derive(rows.map { ($0.category?.text, $0.task.text, $0.requirement?.text) })
        let tasks = zip(ids, rows).map { id, row in
            PlanTask(id: id, section: row.section, category: row.category, task: row.task, requirement: row.requirement,
                     units: row.units, unitsText: row.unitsText, deadline: row.deadline, source: sheet.grid.location(row: row.row, column: c[.task] ?? 1))
        }
        return Plan(file: file, title: sheet.title, planYear: year, registry: registry, registryInferred: options.registry == nil,
                    tasks: tasks, issues: issues.sorted { ($0.severity, $0.location.cell?.row ?? 0, $0.location.cell?.column ?? 0) < ($1.severity, $1.location.cell?.row ?? 0, $1.location.cell?.column ?? 0) })
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
    private var current: [Int: SectionNumber] = [:]

    func parse(_ text: String) -> (number: SectionNumber, rest: String)? { SectionNumber.parse(text) }

    /// The markers of the current position, outermost first, such as `一、(一)`.
    var path: String { current.keys.sorted().compactMap { current[$0]?.marker }.joined() }

    mutating func enter(_ heading: String, at location: SourceLocation, issues: inout [ValidationIssue]) {
        guard let number = parse(heading)?.number else { return }
        let previous = current[number.level]
        // A merged heading repeats on every row of its block: the same number again is no news.
        if let previous, previous.value == number.value { return }
        let expected = (previous?.value ?? 0) + 1
        if number.value > expected {
            let missing = (expected..<number.value).map { SectionOutline.marker(level: number.level, value: $0) }.joined(separator: "、")
            issues.append(.init(.warning, "section-gap", at: location, "编号从 \(number.marker) 开始，缺少 \(missing)；请核对是否漏了条目或编号有误。"))
        } else if number.value < expected {
            issues.append(.init(.warning, "section-duplicate", at: location, "编号 \(number.marker) 与前面的编号重复或倒序，请核对。"))
        }
        current[number.level] = number
        for level in current.keys where level > number.level { current[level] = nil }
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
