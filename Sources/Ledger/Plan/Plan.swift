import Table

/// One task row of a plan: where it sits in the outline, what it asks, who does it and by when.
public struct PlanTask: Sendable, Hashable {
    /// Stable across runs and row moves: derived from the task's own text (see `TaskID`).
    public var id: String
    /// The outline markers of the rows above and of the row itself, such as `一、(一)`.
    public var section: String
    public var category: NormalizedText?
    public var task: NormalizedText
    public var requirement: NormalizedText?
    public var units: UnitAssignment
    /// The unit cells as the plan writes them (lead, cooperating, responsible columns joined by line breaks).
    public var unitsText: String
    public var deadline: Deadline
    /// The row in the plan file.
    public var source: SourceLocation
    /// The row's values in the plan's other columns (序号, 责任领导, 备注, unknown headers), in column order.
    public var extras: [PlanExtra] = []
    /// A deadline the office moved; `deadline` stays as the plan writes it.
    public var extended: DeadlineExtension?

    /// The day the task is due: the moved deadline when there is one, else the plan's.
    public var due: CalendarDate? { extended?.due ?? deadline.due }

    public init(id: String, section: String, category: NormalizedText?, task: NormalizedText, requirement: NormalizedText?,
                units: UnitAssignment, unitsText: String, deadline: Deadline, source: SourceLocation) {
        self.id = id
        self.section = section
        self.category = category
        self.task = task
        self.requirement = requirement
        self.units = units
        self.unitsText = unitsText
        self.deadline = deadline
        self.source = source
    }
}

/// A plan read and checked: its year, its tasks in plan order, the units it names, and what is wrong with it.
public struct Plan: Sendable {
    public var file: String
    /// The title row above the table, when the plan has one.
    public var title: String?
    public var planYear: Int
    public var registry: UnitRegistry
    /// True when the registry was inferred from the plan because none was given.
    public var registryInferred: Bool
    public var tasks: [PlanTask]
    public var issues: [ValidationIssue]

    public init(file: String, title: String?, planYear: Int, registry: UnitRegistry, registryInferred: Bool, tasks: [PlanTask], issues: [ValidationIssue]) {
        self.file = file
        self.title = title
        self.planYear = planYear
        self.registry = registry
        self.registryInferred = registryInferred
        self.tasks = tasks
        self.issues = issues
    }

    public var errors: [ValidationIssue] { issues.filter { $0.severity == .error } }
}

/// A plan cell outside a task's own fields, kept with its header so that nothing the plan says is lost.
public struct PlanExtra: Sendable, Hashable, Codable {
    public var column: Int
    /// The column's header as written ("" when the column has none).
    public var header: String
    public var text: String

    public init(column: Int, header: String, text: String) {
        self.column = column
        self.header = header
        self.text = text
    }
}
