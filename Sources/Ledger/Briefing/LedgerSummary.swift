/// The 汇总 of the ledger: per unit in registry order, its lead tasks by category, and the 到期完成率.
public struct LedgerSummary: Sendable {
    /// The buckets a task falls into, one each, in the order the sheet shows them.
    /// 长期推进 is a kind of deadline, not a status: such a task counts by what its units reported, and the
    /// line tells how many of its tasks are ongoing on its own (`ongoingTasks`).
    public enum Bucket: String, CaseIterable, Sendable {
        case completed = "已完成", onTrack = "推进中", lagging = "滞后", overdue = "逾期", notStarted = "未启动", noReport = "未报送"
    }

    public struct Line: Sendable, Equatable {
        public var unit: String
        /// Tasks the unit owns (leads, or is responsible for where no lead is named): the ones its counts are about.
        public var leadTasks: Int
        /// Tasks it cooperates on, owned by others: shown beside, not counted in the buckets.
        public var cooperatingTasks = 0
        /// Of its tasks, those whose deadline is 长期推进 and the like (counted in the buckets by status too).
        public var ongoingTasks = 0
        public var counts: [Bucket: Int]
        /// Tasks due by the as-of date, and of those the completed ones (ongoing tasks are not due).
        public var due: Int
        public var completedDue: Int
        /// The ids of its tasks in the 逾期 bucket, for what changed since the last round.
        public var overdueTasks: Set<String> = []

        /// 到期完成率, nil when nothing is due yet.
        public var rate: Double? { due == 0 ? nil : Double(completedDue) / Double(due) }
    }

    public var lines: [Line]
    public var total: Line

    /// The bucket rule on its own: completed first, then overdue, then no report, lagging, not started, on track.
    public static func bucket(status: Status, due: CalendarDate?, asOf: CalendarDate) -> Bucket {
        if status == .completed { return .completed }
        if let due, due < asOf { return .overdue }
        if status == .noReport { return .noReport }
        switch status {
        case .lagging: return .lagging
        case .notStarted: return .notStarted
        default: return .onTrack
        }
    }

    /// The 汇总 as of the ledger's own date, or as of `asOf` (a briefing may look at another day).
    public init(_ ledger: LedgerResult, asOf: CalendarDate? = nil) {
        let entries = ledger.entries
        let asOf = asOf ?? ledger.asOf
        // The 合计 line takes each task's combined status; a unit's line what that unit itself reported, so that a
        // unit that sent nothing shows 未报送 even when a co-lead reported the task done. A report without a
        // recognisable status still counts as reported, as in the combined status.
        let own = OwnReports(entries.map { $0.progress.map { ($0.unit, $0.status ?? .onTrack) } })
        func line(_ unit: String?, _ indices: [Int]) -> Line {
            let reports = unit.map(own.statuses(of:))
            var counts: [Bucket: Int] = [:]
            var due = 0, completedDue = 0, ongoing = 0
            var overdueTasks = Set<String>()
            for index in indices {
                let deadline = entries[index].task.deadline, dueDate = entries[index].task.due
                let isDue = dueDate.map { $0 <= asOf } ?? false
                let status = reports.map { $0[index] ?? .noReport } ?? entries[index].status
                let bucket = Self.bucket(status: status, due: dueDate, asOf: asOf)
                counts[bucket, default: 0] += 1
                if case .ongoing = deadline.kind { ongoing += 1 }
                if isDue { due += 1 }
                if bucket == .completed && isDue { completedDue += 1 }
                if bucket == .overdue { overdueTasks.insert(entries[index].task.id) }
            }
            var line = Line(unit: unit ?? "合计", leadTasks: indices.count, counts: counts, due: due, completedDue: completedDue)
            line.ongoingTasks = ongoing
            line.overdueTasks = overdueTasks
            return line
        }
        var byLead: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for owner in Set(entry.task.units.owners) { byLead[owner, default: []].append(index) }
        }
        var cooperating: [String: Int] = [:]
        for entry in entries {
            let owners = Set(entry.task.units.owners)
            for unit in Set(entry.task.units.units(.cooperating)) where !owners.contains(unit) { cooperating[unit, default: 0] += 1 }
        }
        lines = ledger.units.map { unit in
            var found = line(unit.name, byLead[unit.name] ?? [])
            found.cooperatingTasks = cooperating[unit.name] ?? 0
            return found
        }
        total = line(nil, Array(entries.indices))
    }

    /// How the rate is computed, printed under the table.
    public static let rateDefinition = "各状态按各单位报送的情况计，长期推进的任务也按报送的状态计，“其中长期推进”另列。到期完成率 = 截至统计日已到期任务中已完成的任务数 ÷ 截至统计日已到期的任务数；长期推进、周期性和按上级要求的任务不计入分母，另按“本期是否报送”跟踪，没有到期任务时写“本期无到期任务”。各单位行按本单位报送的情况计，一项任务有多个牵头单位时在各单位分别计数；合计行按任务计。"
}

/// Each unit's own status on each task, by task index: the first report of that unit on that task.
///
/// Found once for all units; looking it up in every task's reports for every unit line compared
/// units × tasks × reports names, 40 million for 200 units sharing 1,000 tasks.
struct OwnReports {
    private var byUnit: [TextKey: [Int: Status]] = [:]

    /// `reports[i]`: the (unit, status) pairs reported on task `i`, in ledger order.
    init(_ reports: [[(unit: String, status: Status)]]) {
        for (index, task) in reports.enumerated() {
            for report in task where byUnit[TextKey(report.unit)]?[index] == nil {
                byUnit[TextKey(report.unit), default: [:]][index] = report.status
            }
        }
    }

    /// The unit's status by task index; a task missing from it has no report from the unit.
    func statuses(of unit: String) -> [Int: Status] { byUnit[TextKey(unit)] ?? [:] }
}
