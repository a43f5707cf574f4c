import Table

/// The data rows of a plan read one at a time into tasks, in named steps: inheriting blanks (CSV), section
/// rows, the category, the task text, the units and the deadline, each problem placed at its cell.
struct PlanRows {
    typealias UnitTexts = PlanImport.UnitTexts

    private let sheet: PlanSheet
    private let units: UnitParser
    private let deadlines: DeadlineParser
    private let columns: (category: Int?, task: Int?, requirement: Int?, lead: Int?, coop: Int?, resp: Int?, deadline: Int?)
    private(set) var tasks: [PlanTask] = []
    private(set) var issues: [ValidationIssue] = []
    private var outline = SectionOutline()
    private var ids = TaskID.Sequence()
    /// A CSV has no merged cells: Excel saves them as blanks under the value, so those inherit it.
    private let inherits: Bool
    private var previous: (category: String?, task: String?, units: UnitTexts, deadline: GridValue?)?
    // Plans repeat the same unit cells and deadlines over and over: each distinct text is parsed once, and its
    // issues (which depend only on the text) are placed at each row's cell. A merged category repeats on every
    // row of its block: its heading and normalized text are worked out once.
    private var unitCache: [UnitTexts: (assignment: UnitAssignment, text: String, issues: [ValidationIssue])] = [:]
    private var deadlineCache: [TextKey: (deadline: Deadline, issues: [ValidationIssue])] = [:]
    private var lastCategory: (text: String, number: SectionNumber?, normalized: NormalizedText)?
    /// The last section heading row (一、…) read, the category of the tasks under it that have none of their own.
    private var section: String?
    /// A row that is one text and nothing else, in a table whose tasks have units or deadlines: a section heading not
    /// merged across the table if the next row shows it is one, else a task that lacks them. Read then.
    private var pending: (row: GridRow, number: SectionNumber?, text: String)?
    /// The outline number of the last task whose text began with one (11. in “11.完成…”).
    private var lastTaskNumber: SectionNumber?
    /// Group terms already reported as having unknown members: said once per term, at its first cell.
    private var groupsReported = Set<String>()
    private let nowhere: SourceLocation
    /// The columns a task's own fields come from; every other column's value is kept as an extra.
    private let taskColumns: Set<Int>

    init(sheet: PlanSheet, units: UnitParser, deadlines: DeadlineParser) {
        self.sheet = sheet
        self.units = units
        self.deadlines = deadlines
        let c = sheet.columns
        columns = (c[.category], c[.task], c[.requirement], c[.leadUnit], c[.coopUnit], c[.respUnit], c[.deadline])
        inherits = sheet.grid.sheet == nil
        nowhere = SourceLocation(file: sheet.grid.file)
        taskColumns = Set([c[.category], c[.task], c[.requirement], c[.leadUnit], c[.coopUnit], c[.respUnit], c[.deadline]].compactMap { $0 })
        tasks.reserveCapacity(sheet.layout.data.count)
    }

    /// One data row: a task, a section heading, or a row reported as incomplete.
    mutating func read(_ row: GridRow) {
        if let held = pending {
            pending = nil
            if isHeading(held.number, before: row) {
                if let number = held.number { enter(number, row: held.row, column: nil) }
                section = held.text
            } else {
                readRow(held.row, mayBeHeading: false)
            }
        }
        readRow(row, mayBeHeading: true)
    }

    /// Whether a held row is a heading, by the row after it. A numbered one (一、) heads what follows unless a sibling
    /// or a higher level comes next (二、 after 一、). An unnumbered one (加强基础设施建设) only when the tasks' numbering
    /// goes on across it (11. before, 12. after) or starts again (1.): a task of that list would have had its number.
    private func isHeading(_ number: SectionNumber?, before row: GridRow) -> Bool {
        let next = leadingNumber(of: row)
        if let number { return next.map { $0.level > number.level } ?? true }
        guard let next, let last = lastTaskNumber else { return false }
        return next.level == last.level && (next.value == last.value + 1 || next.value == 1)
    }

    /// After the last row: a held row with nothing under it is a task.
    mutating func finish() {
        if let held = pending {
            pending = nil
            readRow(held.row, mayBeHeading: false)
        }
    }

    /// The outline number a row starts with: of its task text, else its category or requirement, else its one text.
    private func leadingNumber(of row: GridRow) -> SectionNumber? {
        for column in [columns.task, columns.category, columns.requirement].compactMap({ $0 }) {
            if let text = row.text(column)?.trimmingWhitespace, !text.isEmpty { return SectionNumber.parse(text)?.number }
        }
        return row.cells.first { !$0.filledFromMerge && !$0.value.text.trimmingWhitespace.isEmpty }.flatMap { SectionNumber.parse($0.value.text)?.number }
    }

    private mutating func readRow(_ row: GridRow, mayBeHeading: Bool) {
        func text(_ column: Int?) -> String? {
            guard let column, let text = row.text(column)?.trimmingWhitespace, !text.isEmpty else { return nil }
            return text
        }
        // A row of one text merged across the table is a section heading, whatever columns it fills.
        if let heading = Self.spanningText(row) {
            if let number = SectionNumber.parse(heading)?.number { enter(number, row: row, column: nil) }
            section = heading
            return
        }
        var category = text(columns.category) ?? section
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
        if mayBeHeading, let held = heldHeading(row, task: task, requirement: requirement, units: unitTexts, deadline: deadlineValue) {
            pending = held
            return
        }
        if inherits { previous = (category, task, unitTexts, deadlineValue) }

        // A section row: only an outline heading, no task of its own.
        if task == nil && requirement == nil {
            if unitTexts.isEmpty && deadlineValue == nil {
                if let heading = category ?? row.cells.first?.value.text, let number = SectionNumber.parse(heading)?.number {
                    enter(number, row: row, column: nil)
                }
                // Anything else typed in it (a number, a leader, a note) has no task to go with: said, never dropped.
                let typed = Set(row.cells.filter { !$0.filledFromMerge }.map { $0.value.text.trimmingWhitespace }.filter { !$0.isEmpty })
                if typed.count > 1 || (typed.count == 1 && category == nil && row.cells.contains { !$0.filledFromMerge && $0.column != columns.category }) {
                    issues.append(.init(.warning, "row-without-task", at: location(row, nil),
                                        "这一行（\(typed.sorted().joined(separator: "、").prefix(40))）没有任务内容，未作为任务读取；请核对是否漏填了任务或应删除此行。"))
                }
                return
            }
            issues.append(.init(.error, "missing-task", at: location(row, columns.task), "这一行有单位或时限，但没有任务内容，请补充“具体任务”或删除此行。"))
            return
        }
        let categoryText = category.map { self.category($0, row: row) }
        // The outline marker goes to `section`; the task text is what follows it.
        var taskBody = task ?? requirement!
        if let task, let heading = SectionNumber.parse(task) {
            enter(heading.number, row: row, column: columns.task)
            lastTaskNumber = heading.number
            taskBody = heading.rest
        }
        let taskText = NormalizedText(taskBody)
        let requirementText = task == nil ? nil : requirement.map(NormalizedText.init)
        let (assignment, unitsText) = self.units(unitTexts, row: row)
        let deadline = self.deadline(deadlineValue, row: row, texts: [taskBody, requirement].compactMap { $0 })
        var planTask = PlanTask(id: ids.next(category: categoryText?.text, task: taskText.text, requirement: requirementText?.text),
                                section: outline.path, category: categoryText, task: taskText, requirement: requirementText,
                                units: assignment, unitsText: unitsText, deadline: deadline, source: location(row, columns.task ?? 1))
        planTask.extras = extras(of: row)
        tasks.append(planTask)
    }

    /// The row as a possible section heading: its one typed cell the task's text, no units, no deadline, in
    /// a table that has unit or deadline columns (where a task without them would be incomplete). An unnumbered one only
    /// in a table whose tasks are numbered, the only way to tell it from a task.
    private func heldHeading(_ row: GridRow, task: String?, requirement: String?, units: UnitTexts, deadline: GridValue?)
        -> (row: GridRow, number: SectionNumber?, text: String)? {
        // In the task column, or the requirement column of a table without one: text alone in a 具体要求 cell under a
        // task is that task's continuation, not a heading.
        guard units.isEmpty, deadline == nil, (task == nil) != (requirement == nil), let text = columns.task == nil ? requirement : task,
              columns.lead != nil || columns.coop != nil || columns.resp != nil || columns.deadline != nil,
              row.cells.filter({ !$0.filledFromMerge && !$0.value.text.trimmingWhitespace.isEmpty }).count == 1 else { return nil }
        let number = SectionNumber.parse(text)?.number
        guard number != nil || lastTaskNumber != nil else { return nil }
        return (row, number, text)
    }

    /// A deadline written inside the task or requirement (“…5月底前完成”, “到2020年…”) when the row has none of
    /// its own (domain.md 2.2), flagged `embedded-in-text`; the first one found.
    static func embeddedDeadline(in texts: [String], parser: DeadlineParser) -> Deadline? {
        for text in texts {
            let simplified = SimplifiedScript.convert(text)
            for match in simplified.matches(of: embeddedDate) {
                var found = parser.parse(String(match.output.1))
                guard found.kind.due != nil else { continue }
                found.flags.insert(.embeddedInText)
                return found.written(String(match.output.0))
            }
            if let match = simplified.firstMatch(of: targetYear) {
                var found = parser.parse(String(match.output.1) + "年底前")
                guard found.kind.due != nil else { continue }
                found.flags.insert(.embeddedInText)
                return found.written(String(match.output.0))
            }
            // "在国卫复审暗访以前…": a deadline the text sets, even one no calendar can date; shown, never guessed.
            if let match = simplified.firstMatch(of: beforeEvent) {
                var found = parser.parse(String(match.output.1))
                if case .missing = found.kind { continue }
                found.flags.insert(.embeddedInText)
                return found.written(String(match.output.1))
            }
        }
        return nil
    }

    nonisolated(unsafe) private static let embeddedDate = /((?:(?:19|20)\d\d年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末|上旬|中旬|下旬)?(?:前|以前))/
    nonisolated(unsafe) private static let targetYear = /(?:到|至)((?:19|20)\d\d)年/
    nonisolated(unsafe) private static let beforeEvent = /在([^,，。;；、]{2,14}?(?:以前|之前))/

    /// The text of a row that holds one typed cell merged across other columns, else nil.
    private static func spanningText(_ row: GridRow) -> String? {
        // Called for every row: most have several typed cells and leave at the second, without copying any.
        var typed: GridCell?
        for cell in row.cells where !cell.filledFromMerge {
            guard typed == nil else { return nil }
            typed = cell
        }
        guard let typed, row.cells.count >= 2, row.cells.allSatisfy({ $0.value == typed.value }) else { return nil }
        let text = typed.value.text.trimmingWhitespace
        return text.isEmpty ? nil : text
    }

    private func location(_ row: GridRow, _ column: Int?) -> SourceLocation {
        sheet.grid.location(row: row.number, column: column ?? (row.cells.first?.column ?? 1))
    }

    /// The row's values in the plan's other columns (序号, 责任领导, 备注, headers the vocabulary does not know), in column order.
    private func extras(of row: GridRow) -> [PlanExtra] {
        row.cells.compactMap { cell in
            guard !taskColumns.contains(cell.column) else { return nil }
            let text = cell.value.text.trimmingWhitespace
            return text.isEmpty ? nil : PlanExtra(column: cell.column, header: sheet.layout.headers[cell.column] ?? "", text: cell.value.text)
        }
    }

    /// Enters an outline number; its location is made only when a gap or repeat is reported.
    private mutating func enter(_ number: SectionNumber, row: GridRow, column: Int?) {
        let (file, name) = (sheet.grid.file, sheet.grid.sheet)
        let cell = CellAddress(row: row.number, column: column ?? (row.cells.first?.column ?? 1))
        outline.enter(number, at: SourceLocation(file: file, sheet: name, cell: cell), issues: &issues)
    }

    /// The category of a task row, entering its outline number.
    private mutating func category(_ category: String, row: GridRow) -> NormalizedText {
        if lastCategory.map({ TextKey($0.text) != TextKey(category) }) ?? true {
            lastCategory = (category, SectionNumber.parse(category)?.number, NormalizedText(category))
        }
        if let number = lastCategory!.number { enter(number, row: row, column: columns.category) }
        return lastCategory!.normalized
    }

    /// The units of a task row, parsed once per distinct cell text, with their issues at the row's unit cell.
    private mutating func units(_ unitTexts: UnitTexts, row: GridRow) -> (UnitAssignment, String) {
        guard !unitTexts.isEmpty else {
            issues.append(.init(.error, "missing-unit", at: location(row, columns.lead), "没有填写牵头或责任单位，请补充。"))
            return (UnitAssignment(references: [], primary: nil, flags: []), "")
        }
        let parsed: (assignment: UnitAssignment, text: String, issues: [ValidationIssue])
        if let known = unitCache[unitTexts] {
            parsed = known
        } else {
            let assignment: UnitAssignment
            if columns.lead == nil && columns.coop == nil, let only = unitTexts.resp {
                // A lone 责任单位 column holds every unit; roles come from the text (first listed leads).
                assignment = units.parse(only)
            } else {
                assignment = units.parse(lead: unitTexts.lead ?? "", cooperating: unitTexts.coop ?? "", responsible: unitTexts.resp ?? "")
            }
            let text = [unitTexts.lead, unitTexts.coop, unitTexts.resp].compactMap { $0 }.joined(separator: "\n")
            parsed = (assignment, text, PlanImport.unitIssues(assignment, at: nowhere))
            unitCache[unitTexts] = parsed
        }
        for var problem in parsed.issues {
            if problem.code == PlanImport.groupMembersUnknown, !groupsReported.insert(problem.message).inserted { continue }
            problem.location = location(row, columns.lead ?? columns.resp)
            issues.append(problem)
        }
        return (parsed.assignment, parsed.text)
    }

    /// The deadline of a task row: a date cell as its day, a number as Excel may have mangled it, text parsed once per text.
    private mutating func deadline(_ value: GridValue?, row: GridRow, texts: [String]) -> Deadline {
        let deadline: Deadline
        let problems: [ValidationIssue]
        switch value {
        case .date(let date)?:
            deadline = CalendarDate(year: date.year, month: date.month, day: date.day).map(deadlines.parse(date:)) ?? deadlines.parse(date.description)
            problems = PlanImport.deadlineIssues(deadline, at: nowhere)
        case .number(let n)?:
            deadline = deadlines.parse(number: n)
            problems = PlanImport.deadlineIssues(deadline, at: nowhere)
        case let value?:
            let text = value.text
            if let known = deadlineCache[TextKey(text)] {
                (deadline, problems) = known
            } else {
                deadline = deadlines.parse(SimplifiedScript.convert(text)).written(text)
                problems = PlanImport.deadlineIssues(deadline, at: nowhere)
                deadlineCache[TextKey(text)] = (deadline, problems)
            }
        case nil:
            // A plan that sets no deadline column is said once (PlanImport); a deadline its text states is taken.
            deadline = Self.embeddedDeadline(in: texts, parser: deadlines) ?? deadlines.parse("")
            problems = columns.deadline == nil || deadline.kind.due != nil ? [] : PlanImport.deadlineIssues(deadline, at: nowhere)
        }
        for var problem in problems {
            problem.location = location(row, columns.deadline)
            issues.append(problem)
        }
        return deadline
    }
}
