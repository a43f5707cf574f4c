import Foundation
import Ledger
import Table

/// The ledger's JSON form: one Codable model, written by `merge --json` and read back by `report`, so that a
/// briefing made from the file equals one made from the merge itself. Field names are a contract other tools read.
public enum LedgerJSON {
    /// The ledger as JSON: UTF-8, a task, unit, issue or return per line, the same bytes for the same ledger.
    public static func encode(_ ledger: LedgerResult) throws -> [UInt8] {
        try JSONStreamEncoder.encode(LedgerDocument(ledger))
    }

    /// A ledger read back from its JSON.
    public static func decode(_ data: Data) throws -> LedgerResult {
        try JSONDecoder().decode(LedgerDocument.self, from: data).ledger()
    }
}

/// `{"asOf", "planYear", "title", "plan", "tasks": [...], "units": [...], "issues": [...], "returns": [...]}`.
struct LedgerDocument: Codable {
    var asOf: CalendarDate
    var planYear: Int
    var title: String?
    var plan: String
    var tasks: [TaskRecord]
    var units: [UnitRecord]
    var issues: [IssueRecord]
    var returns: [ReturnRecord]

    init(_ ledger: LedgerResult) {
        asOf = ledger.asOf
        planYear = ledger.plan.planYear
        title = ledger.plan.title
        plan = Merge.name(ledger.plan.file)
        tasks = ledger.entries.map(TaskRecord.init)
        units = ledger.units.map { UnitRecord(name: $0.name, submitted: $0.submitted, files: $0.files, unreadable: $0.unreadable ? true : nil) }
        issues = ledger.issues.map(IssueRecord.init)
        returns = ledger.returns.map(ReturnRecord.init)
    }

    func ledger() throws -> LedgerResult {
        let registry = try UnitRegistry(units: units.map { Unit($0.name, kind: .section) })
        let planTasks = tasks.map(\.planTask)
        let plan = Plan(file: self.plan, title: title, planYear: planYear, registry: registry, registryInferred: false, tasks: planTasks, issues: [])
        let entries = zip(tasks, planTasks).map { record, task in
            LedgerEntry(task: task, progress: (record.progress ?? []).map(\.entry), status: record.status ?? .noReport,
                        overdue: record.overdue ?? false, reported: record.reported ?? [], missing: record.missing ?? [])
        }
        return LedgerResult(plan: plan, asOf: asOf, entries: entries, returns: returns.map(\.summary),
                            units: units.map { UnitSubmission(name: $0.name, submitted: $0.submitted, files: $0.files, unreadable: $0.unreadable ?? false) },
                            issues: issues.map(\.issue))
    }
}

/// A cell a value came from: the file's name, the sheet (null for CSV) and the cell.
struct SourceRecord: Codable {
    var file: String
    var sheet: String?
    var cell: String?

    init(_ location: SourceLocation) {
        file = Merge.name(location.file)
        sheet = location.sheet
        cell = location.cell?.description
    }

    var location: SourceLocation { SourceLocation(file: file, sheet: sheet, cell: cell.flatMap(CellAddress.init)) }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(sheet, forKey: .sheet)
        try c.encode(cell, forKey: .cell)
    }
}

/// A task of the plan, and in a ledger what the returns said about it.
struct TaskRecord: Codable {
    var id: String
    var section: String
    var category: String?
    var task: String
    var requirement: String?
    var unitsText: String
    var units: [UnitReference]
    var deadline: Deadline
    var source: SourceRecord
    /// The plan's other columns of the row (序号, 责任领导, 备注, …).
    var extras: [PlanExtra]?
    /// The deadline as the office moved it (`ledger extend`): `{"due", "reason", "count"}`.
    var extended: DeadlineExtension?
    // The ledger's fields; absent from the plan's JSON (`validate --format json`).
    var progress: [ProgressRecord]?
    var status: Status?
    var overdue: Bool?
    var reported: [String]?
    var missing: [String]?

    init(_ task: PlanTask) {
        id = task.id
        section = task.section
        category = task.category?.text
        self.task = task.task.text
        requirement = task.requirement?.text
        unitsText = task.unitsText
        units = task.units.references
        deadline = task.deadline
        source = SourceRecord(task.source)
        extras = task.extras.isEmpty ? nil : task.extras
        extended = task.extended
    }

    init(_ entry: LedgerEntry) {
        self.init(entry.task)
        progress = entry.progress.map(ProgressRecord.init)
        status = entry.status
        overdue = entry.overdue
        reported = entry.reported
        missing = entry.missing
    }

    var planTask: PlanTask {
        var task = PlanTask(id: id, section: section, category: category.map(NormalizedText.init), task: NormalizedText(self.task),
                            requirement: requirement.map(NormalizedText.init), units: UnitAssignment(references: units, primary: nil, flags: []),
                            unitsText: unitsText, deadline: deadline, source: source.location)
        task.extras = extras ?? []
        task.extended = extended
        return task
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(section, forKey: .section)
        try c.encode(category, forKey: .category)
        try c.encode(task, forKey: .task)
        try c.encode(requirement, forKey: .requirement)
        try c.encode(unitsText, forKey: .unitsText)
        try c.encode(units, forKey: .units)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(source, forKey: .source)
        try c.encodeIfPresent(extras, forKey: .extras)
        try c.encodeIfPresent(extended, forKey: .extended)
        try c.encodeIfPresent(progress, forKey: .progress)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(overdue, forKey: .overdue)
        try c.encodeIfPresent(reported, forKey: .reported)
        try c.encodeIfPresent(missing, forKey: .missing)
    }
}

/// What one unit reported on one task.
struct ProgressRecord: Codable {
    var unit: String
    var status: Status?
    var text: String?
    var percent: Double?
    var completedOn: String?
    var completedDate: CalendarDate?
    var evidence: String?
    var remarks: String?
    var person: String?
    var contact: String?
    var problems: String?
    var nextSteps: String?
    /// Columns the unit added, under its headers.
    var extras: [ReturnExtra]?
    var source: SourceRecord

    init(_ entry: ProgressEntry) {
        (unit, status, text, percent) = (entry.unit, entry.status, entry.text, entry.percent)
        (completedOn, evidence, remarks, source) = (entry.completedOn, entry.evidence, entry.remarks, SourceRecord(entry.source))
        (person, contact, problems, nextSteps) = (entry.person, entry.contact, entry.problems, entry.nextSteps)
        completedDate = entry.completedDate
        extras = entry.extras.isEmpty ? nil : entry.extras
    }

    var entry: ProgressEntry {
        var entry = ProgressEntry(unit: unit, status: status, text: text, percent: percent, completedOn: completedOn, evidence: evidence,
                                  remarks: remarks, person: person, contact: contact, problems: problems, nextSteps: nextSteps,
                                  extras: extras ?? [], source: source.location)
        entry.completedDate = completedDate
        return entry
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unit, forKey: .unit)
        try c.encode(status, forKey: .status)
        try c.encode(text, forKey: .text)
        // What units add beside the text is left out when they left it empty: a ledger holds hundreds of thousands.
        try c.encodeIfPresent(percent, forKey: .percent)
        try c.encodeIfPresent(completedOn, forKey: .completedOn)
        try c.encodeIfPresent(completedDate, forKey: .completedDate)
        try c.encodeIfPresent(evidence, forKey: .evidence)
        try c.encodeIfPresent(remarks, forKey: .remarks)
        try c.encodeIfPresent(person, forKey: .person)
        try c.encodeIfPresent(contact, forKey: .contact)
        try c.encodeIfPresent(problems, forKey: .problems)
        try c.encodeIfPresent(nextSteps, forKey: .nextSteps)
        try c.encodeIfPresent(extras, forKey: .extras)
        try c.encode(source, forKey: .source)
    }
}

/// A registry unit in the round.
struct UnitRecord: Codable {
    var name: String
    var submitted: Bool
    var files: [String]
    /// True when the unit's files could not be read (absent from ledgers written before this was recorded).
    var unreadable: Bool?
}

/// `{"severity", "code", "file", "sheet", "cell", "message"}`.
struct IssueRecord: Codable {
    var severity: String
    var code: String
    var file: String
    var sheet: String?
    var cell: String?
    var message: String

    init(_ issue: ValidationIssue) {
        (severity, code, message) = (issue.severity.rawValue, issue.code, issue.message)
        (file, sheet, cell) = (Merge.name(issue.location.file), issue.location.sheet, issue.location.cell?.description)
    }

    var issue: ValidationIssue {
        ValidationIssue(ValidationIssue.Severity(rawValue: severity) ?? .warning, code,
                        at: SourceLocation(file: file, sheet: sheet, cell: cell.flatMap(CellAddress.init)), message)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(code, forKey: .code)
        try c.encode(file, forKey: .file)
        try c.encode(sheet, forKey: .sheet)
        try c.encode(cell, forKey: .cell)
        try c.encode(message, forKey: .message)
    }
}

/// A return file and how its cells were accounted for.
struct ReturnRecord: Codable {
    var file: String
    var unit: String?
    var sha256: String
    var saved: String
    /// `workbook` when the time is the workbook's own, `file` when it is the file system's (a CSV).
    var savedFrom: String
    var rowsRead, rowsMatched, cellsRead, cellsMerged, cellsUnchanged, cellsReported: Int
    var superseded: Bool
    /// Why the file was not read, when it was not.
    var unreadable: String?

    init(_ ret: ReturnSummary) {
        (file, unit, sha256, saved, savedFrom) = (Merge.name(ret.file), ret.unit, ret.sha256, ret.saved, ret.savedFromFile ? "file" : "workbook")
        (rowsRead, rowsMatched, cellsRead) = (ret.rowsRead, ret.rowsMatched, ret.cellsRead)
        (cellsMerged, cellsUnchanged, cellsReported, superseded) = (ret.cellsMerged, ret.cellsUnchanged, ret.cellsReported, ret.superseded)
        unreadable = ret.unreadable
    }

    var summary: ReturnSummary {
        ReturnSummary(file: file, unit: unit, sha256: sha256, rowsRead: rowsRead, rowsMatched: rowsMatched, cellsRead: cellsRead,
                      cellsMerged: cellsMerged, cellsUnchanged: cellsUnchanged, cellsReported: cellsReported, superseded: superseded,
                      saved: saved, savedFromFile: savedFrom == "file", unreadable: unreadable)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(unit, forKey: .unit)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(saved, forKey: .saved)
        try c.encode(savedFrom, forKey: .savedFrom)
        for (key, value) in [(CodingKeys.rowsRead, rowsRead), (.rowsMatched, rowsMatched), (.cellsRead, cellsRead), (.cellsMerged, cellsMerged),
                             (.cellsUnchanged, cellsUnchanged), (.cellsReported, cellsReported)] {
            try c.encode(value, forKey: key)
        }
        try c.encode(superseded, forKey: .superseded)
        try c.encodeIfPresent(unreadable, forKey: .unreadable)
    }
}
