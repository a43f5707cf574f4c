/// What a briefing written from the ledger store adds: the completion rate round by round, each unit's change
/// since the last round (完成 +2，新增逾期 1，未更新 3) and the deadline extensions units asked for.
public struct RoundHistory: Sendable {
    /// One round's figures for the trend line, counted by task as the headline counts.
    public struct Point: Sendable, Equatable {
        public var round: String
        public var asOf: CalendarDate
        public var tasks: Int
        public var completed: Int
        public var overdue: Int

        public init(round: String, asOf: CalendarDate, tasks: Int, completed: Int, overdue: Int) {
            (self.round, self.asOf, self.tasks, self.completed, self.overdue) = (round, asOf, tasks, completed, overdue)
        }

        /// 完成率: completed tasks over all tasks.
        public var rate: Double { tasks == 0 ? 0 : Double(completed) / Double(tasks) }
    }

    /// One unit's change since the previous round, over the tasks it leads.
    public struct UnitChange: Sendable, Equatable {
        public var unit: String
        public var completed: Int
        /// Completed now less completed then (negative when a task went back).
        public var completedDelta: Int
        /// Tasks overdue now that were not overdue in the previous round.
        public var newOverdue: Int
        /// Reports with the same text as last round, after normalization (copied forward).
        public var unchanged: Int
        /// Reports on tasks the unit had not reported on last round.
        public var new: Int
        /// The unit sent a return this round.
        public var submitted: Bool

        /// "完成 +2，新增逾期 1，未更新 3，新报 4", "本期未报送", or "无变化".
        public var summary: String {
            var parts: [String] = submitted ? [] : ["本期未报送"]
            if completedDelta != 0 { parts.append("完成 " + (completedDelta > 0 ? "+" : "") + String(completedDelta)) }
            if newOverdue > 0 { parts.append("新增逾期 \(newOverdue)") }
            if unchanged > 0 { parts.append("未更新 \(unchanged)") }
            if new > 0 { parts.append("新报 \(new)") }
            return parts.isEmpty ? "无变化" : parts.joined(separator: "，")
        }
    }

    /// Every recorded round up to and including the briefing's, in as-of order.
    public var points: [Point]
    /// The round before the briefing's, when there is one.
    public var previousRound: String?
    public var unitChanges: [UnitChange]
    public var requests: [ExtensionRequest]

    /// The history of the ledger `now` given the rounds recorded before it: their points, and the previous round's
    /// per-unit summary and reports (nil for a first round). The point of `now` is counted from `now` itself.
    public init(_ now: LedgerResult, round: String, earlier: [Point], previous: (summary: LedgerSummary, reports: RoundChanges)?,
                extended: Set<String> = []) {
        let completed = now.entries.filter { $0.status == .completed }.count
        let overdue = now.entries.filter(\.overdue).count
        points = earlier + [Point(round: round, asOf: now.asOf, tasks: now.entries.count, completed: completed, overdue: overdue)]
        previousRound = previous?.reports.previousRound
        requests = ExtensionRequest.requests(in: now).map { request in
            var request = request
            request.approved = extended.contains(request.task)
            return request
        }
        guard let previous else {
            unitChanges = []
            return
        }
        let summary = LedgerSummary(now)
        let before = Dictionary(previous.summary.lines.map { ($0.unit, $0) }, uniquingKeysWith: { first, _ in first })
        let submitted = Set(now.units.filter(\.submitted).map(\.name))
        var unchanged: [String: Int] = [:], new: [String: Int] = [:]
        for entry in now.entries {
            for report in entry.progress {
                switch previous.reports.change(task: entry.task.id, report: report) {
                case .unchanged: unchanged[report.unit, default: 0] += 1
                case .new: new[report.unit, default: 0] += 1
                case .updated, .status: break
                }
            }
        }
        unitChanges = summary.lines.map { line in
            let then = before[line.unit]
            return UnitChange(unit: line.unit, completed: line.counts[.completed] ?? 0,
                              completedDelta: (line.counts[.completed] ?? 0) - (then?.counts[.completed] ?? 0),
                              newOverdue: line.overdueTasks.subtracting(then?.overdueTasks ?? []).count,
                              unchanged: unchanged[line.unit] ?? 0, new: new[line.unit] ?? 0, submitted: submitted.contains(line.unit))
        }
    }
}
