import Table

/// What one unit reported on one task: every column of its return, each in its own field.
public struct ProgressEntry: Sendable, Hashable {
    public var unit: String
    /// The status the unit chose, or inferred from its progress text.
    public var status: Status?
    public var text: String?
    public var percent: Double?
    /// When the unit says the task was done (完成时间), as written.
    public var completedOn: String?
    /// That day, where the text names one (2023-06-30, 6月30日, 2023.6.30).
    public var completedDate: CalendarDate?
    public var evidence: String?
    public var remarks: String?
    /// 责任人 and 联系方式 the unit wrote on the row.
    public var person: String?
    public var contact: String?
    /// 存在问题 and 下步打算.
    public var problems: String?
    public var nextSteps: String?
    /// Columns the unit added to its return, by their header, in column order.
    public var extras: [ReturnExtra] = []
    /// The progress cell (or the row's first cell when progress is empty).
    public var source: SourceLocation

    public init(unit: String, status: Status?, text: String?, percent: Double? = nil, completedOn: String? = nil,
                evidence: String? = nil, remarks: String? = nil, person: String? = nil, contact: String? = nil,
                problems: String? = nil, nextSteps: String? = nil, extras: [ReturnExtra] = [], source: SourceLocation) {
        self.unit = unit
        self.status = status
        self.text = text
        self.percent = percent
        self.completedOn = completedOn
        completedDate = nil
        self.evidence = evidence
        self.remarks = remarks
        self.person = person
        self.contact = contact
        self.problems = problems
        self.nextSteps = nextSteps
        self.extras = extras
        self.source = source
    }
}

/// A value in a column a unit added to its return, under the header the unit gave it.
public struct ReturnExtra: Sendable, Hashable, Codable {
    public var header: String
    public var text: String

    public init(header: String, text: String) {
        self.header = header
        self.text = text
    }
}

/// A plan task with everything the returns said about it.
public struct LedgerEntry: Sendable {
    public var task: PlanTask
    /// Lead units first, then the others, each in registry order.
    public var progress: [ProgressEntry]
    public var status: Status
    public var overdue: Bool
    /// Units the task names that sent a return covering it, and those that did not.
    public var reported: [String]
    public var missing: [String]

    public init(task: PlanTask, progress: [ProgressEntry], status: Status, overdue: Bool, reported: [String], missing: [String]) {
        self.task = task
        self.progress = progress
        self.status = status
        self.overdue = overdue
        self.reported = reported
        self.missing = missing
    }
}

/// Per return: where it came from and how its cells were accounted for (read = merged + unchanged + reported).
public struct ReturnSummary: Sendable, Hashable {
    public var file: String
    public var unit: String?
    public var sha256: String
    public var rowsRead: Int
    public var rowsMatched: Int
    public var cellsRead: Int
    public var cellsMerged: Int
    public var cellsUnchanged: Int
    public var cellsReported: Int
    /// A later file from the same unit replaced this one.
    public var superseded: Bool
    /// When the file was last saved (ISO 8601): the workbook's modified property, else the file's time.
    public var saved: String
    public var savedFromFile: Bool
    /// Why the file was not read (a broken or foreign file), when it was not; its cells are then unknown.
    public var unreadable: String?

    public init(file: String, unit: String?, sha256: String, rowsRead: Int, rowsMatched: Int = 0, cellsRead: Int, cellsMerged: Int = 0,
                cellsUnchanged: Int = 0, cellsReported: Int = 0, superseded: Bool = false, saved: String, savedFromFile: Bool,
                unreadable: String? = nil) {
        self.unreadable = unreadable
        self.file = file
        self.unit = unit
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.rowsMatched = rowsMatched
        self.cellsRead = cellsRead
        self.cellsMerged = cellsMerged
        self.cellsUnchanged = cellsUnchanged
        self.cellsReported = cellsReported
        self.superseded = superseded
        self.saved = saved
        self.savedFromFile = savedFromFile
    }
}

/// One registry unit in a round: whether it returned, and which files.
public struct UnitSubmission: Sendable, Hashable {
    public var name: String
    public var submitted: Bool
    public var files: [String]
    /// It sent files, but none could be read: 未报送（文件无法读取）.
    public var unreadable: Bool

    public init(name: String, submitted: Bool, files: [String], unreadable: Bool = false) {
        self.name = name
        self.submitted = submitted
        self.files = files
        self.unreadable = unreadable
    }
}

/// The merged ledger: every plan task, what each unit reported, and every problem found.
public struct LedgerResult: Sendable {
    public var plan: Plan
    public var asOf: CalendarDate
    public var entries: [LedgerEntry]
    public var returns: [ReturnSummary]
    /// Every registry unit, in registry order.
    public var units: [UnitSubmission]
    public var issues: [ValidationIssue]

    public init(plan: Plan, asOf: CalendarDate, entries: [LedgerEntry], returns: [ReturnSummary], units: [UnitSubmission], issues: [ValidationIssue]) {
        self.plan = plan
        self.asOf = asOf
        self.entries = entries
        self.returns = returns
        self.units = units
        self.issues = issues
    }
}
