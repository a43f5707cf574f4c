import Foundation

/// The leadership briefing of a merged ledger:
/// the headline sentence, the per-unit table, charts, and the overdue, due-soon and reporting lists.
public struct Briefing: Sendable {
    /// A unit's line of the table, as in the ledger's 汇总.
    public typealias UnitLine = LedgerSummary.Line

    public struct ListedTask: Sendable, Equatable {
        public var id: String
        public var task: String
        public var leads: String
        public var due: CalendarDate
        /// Days past the due day (overdue list) or left until it (due-soon list).
        public var days: Int
        public var latestProgress: String
    }

    /// A task listed for its status (滞后, 未启动), with its deadline as the plan writes it.
    public struct FlaggedTask: Sendable, Equatable {
        public var id: String
        public var task: String
        public var leads: String
        public var deadline: String
        public var latestProgress: String
    }

    public var asOf: CalendarDate
    public var planYear: Int
    public var taskCount: Int
    public var totals: [LedgerSummary.Bucket: Int]
    public var lines: [UnitLine]
    public var total: UnitLine
    public var overdue: [ListedTask]
    public var dueSoon: [ListedTask]
    /// Tasks units report as lagging, and as not started (domain.md §6), not already overdue, in plan order.
    public var lagging: [FlaggedTask]
    public var notStarted: [FlaggedTask]
    /// One unit's reporting: its files, when the one merged was saved, and whether that was on time.
    public struct Reporting: Sendable, Equatable {
        public enum State: String, Sendable {
            case onTime = "按时报送", late = "迟报", submitted = "已报送", missing = "未报送", unreadable = "未报送（文件无法读取）"
        }
        public var unit: String
        public var files: [String]
        /// Beijing time of the first file saved, `2023-07-05 09:15`; nil when not submitted or the file gave no time.
        public var saved: String?
        public var state: State
        /// Later files of the unit (a correction), with their save times: the ledger uses the latest.
        public var corrections: [String] = []
        public var submitted: Bool { state != .missing && state != .unreadable }
    }
    public var reporting: [Reporting]
    /// False for a plan with no deadline at all (no 完成时限 column): no 逾期 or 到期 figure is shown.
    public var setsDeadlines: Bool
    /// Written from the ledger store: the rounds' completion rates, changes since the last round, extension requests.
    public var rounds: RoundHistory?

    /// "截至X月X日，N项任务中已完成a项（x%），推进中b项，滞后c项，逾期d项，未启动e项，未报送f项，其中长期推进的g项按报送的
    /// 进展计；m个单位已报送，k个单位未报送。" Its counts are the 总台账's statuses (the 汇总's 合计 line).
    public var headline: String {
        let completed = totals[.completed] ?? 0
        let share = taskCount == 0 ? 0 : Double(completed) / Double(taskCount) * 100
        let percent = String(format: "%.1f%%", share)
        let submitted = reporting.filter(\.submitted).count
        // A plan that sets no deadlines has nothing overdue: say so rather than print a zero that means nothing.
        let overdue = setsDeadlines ? "逾期\(totals[.overdue] ?? 0)项，" : ""
        let note = setsDeadlines ? "" : "（计划未设完成时限，不计逾期和到期）"
        let ongoing = total.ongoingTasks > 0 ? "，其中长期推进的\(total.ongoingTasks)项" : ""
        return "截至\(asOf.month)月\(asOf.day)日，\(taskCount)项任务中已完成\(completed)项（\(percent)），推进中\(totals[.onTrack] ?? 0)项，"
            + "滞后\(totals[.lagging] ?? 0)项，\(overdue)未启动\(totals[.notStarted] ?? 0)项，未报送\(totals[.noReport] ?? 0)项\(note)\(ongoing)按报送的进展计；"
            + "\(submitted)个单位已报送，\(reporting.count - submitted)个单位未报送。"
    }

    /// The briefing of a ledger; `asOf` overrides the ledger's own date, `dueSoonDays` sets the 临期 window and
    /// `reportBy`, the last day for returns, tells on-time from late ones.
    public init(_ ledger: LedgerResult, asOf override: CalendarDate? = nil, dueSoonDays: Int = 15, reportBy: CalendarDate? = nil,
                rounds: RoundHistory? = nil) {
        self.rounds = rounds
        let asOf = override ?? ledger.asOf
        self.asOf = asOf
        planYear = ledger.plan.planYear
        taskCount = ledger.entries.count
        // The one per-unit rule of the ledger's 汇总, as of this briefing's day.
        let summary = LedgerSummary(ledger, asOf: asOf)
        lines = summary.lines
        total = summary.total
        totals = total.counts
        (overdue, dueSoon) = Self.lists(ledger.entries, asOf: asOf, dueSoonDays: dueSoonDays)
        func flagged(_ bucket: LedgerSummary.Bucket) -> [FlaggedTask] {
            ledger.entries.filter { LedgerSummary.bucket(status: $0.status, due: $0.task.due, asOf: asOf) == bucket }.map { entry in
                FlaggedTask(id: entry.task.id, task: entry.task.task.text, leads: entry.task.units.owners.joined(separator: "、"),
                            deadline: entry.task.deadline.text, latestProgress: entry.progress.first?.text ?? "（未报送）")
            }
        }
        lagging = flagged(.lagging)
        notStarted = flagged(.notStarted)
        reporting = Self.reporting(ledger, reportBy: reportBy)
        setsDeadlines = ledger.entries.contains { if case .missing = $0.task.deadline.kind { false } else { true } }
    }

    /// The overdue tasks, most days past first, and those due within `dueSoonDays`, soonest first. Derived from the
    /// due date rather than the ledger's flag, so that another as-of day moves them too.
    static func lists(_ entries: [LedgerEntry], asOf: CalendarDate, dueSoonDays: Int) -> (overdue: [ListedTask], dueSoon: [ListedTask]) {
        func listed(_ entry: LedgerEntry, due: CalendarDate, days: Int) -> ListedTask {
            ListedTask(id: entry.task.id, task: entry.task.task.text, leads: entry.task.units.owners.joined(separator: "、"),
                       due: due, days: days, latestProgress: entry.progress.first?.text ?? "（未报送）")
        }
        var overdue: [ListedTask] = [], dueSoon: [ListedTask] = []
        for entry in entries where entry.status != .completed {
            guard let due = entry.task.due else { continue }
            if due < asOf {
                overdue.append(listed(entry, due: due, days: due.days(to: asOf)))
            } else if asOf.days(to: due) <= dueSoonDays {
                dueSoon.append(listed(entry, due: due, days: asOf.days(to: due)))
            }
        }
        return (overdue.sorted { ($0.days, $0.id) > ($1.days, $1.id) }, dueSoon.sorted { ($0.days, $0.id) < ($1.days, $1.id) })
    }

    /// Each registry unit's reporting: the save time of the file merged (the later of two) and whether it was on time.
    static func reporting(_ ledger: LedgerResult, reportBy: CalendarDate?) -> [Reporting] {
        // Each unit's files with a saved time of their own, first saved first: the first is the one judged on time.
        var sent: [String: [(date: CalendarDate, text: String, file: String)]] = [:]
        var csvOnly = Set<String>()
        for ret in ledger.returns where ret.unreadable == nil {
            guard let unit = ret.unit else { continue }
            // A CSV's time is the file system's, which a copy resets: it means nothing, and is not shown.
            guard !ret.savedFromFile, let time = beijingTime(ret.saved) else {
                csvOnly.insert(unit)
                continue
            }
            sent[unit, default: []].append((time.date, time.text, Merge.name(ret.file)))
        }
        return ledger.units.map { unit in
            let files = (sent[unit.name] ?? []).sorted { $0.text < $1.text }
            let first = unit.submitted ? files.first : nil
            let state: Reporting.State
            if !unit.submitted {
                state = unit.unreadable ? .unreadable : .missing
            } else if let reportBy, let first {
                state = first.date <= reportBy ? .onTime : .late
            } else {
                state = .submitted
            }
            let saved = first?.text ?? (unit.submitted && csvOnly.contains(unit.name) ? "—（CSV 无保存时间）" : nil)
            let corrections = unit.submitted ? files.dropFirst().map { "\($0.file)（\($0.text)）" } : []
            return Reporting(unit: unit.name, files: unit.files, saved: saved, state: state, corrections: corrections)
        }
    }

    /// An ISO 8601 time (`2023-07-05T01:15:00Z`, with an offset, or local without one) as Beijing time: returns
    /// come from offices in China, and a file saved at 01:15Z was saved at 09:15 on their calendar.
    static func beijingTime(_ iso: String) -> (date: CalendarDate, text: String)? {
        let chars = Array(iso.utf8)
        guard chars.count >= 16, let date = CalendarDate(iso: String(iso.prefix(10))),
              let hour = Int(String(decoding: chars[11..<13], as: UTF8.self)), let minute = Int(String(decoding: chars[14..<16], as: UTF8.self)) else { return nil }
        // Minutes to add to reach UTC+8; none when the time carries no zone (already local).
        let offset: Int
        if iso.hasSuffix("Z") {
            offset = 8 * 60
        } else if let sign = iso.dropFirst(19).firstIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = iso[sign...].filter(\.isNumber)
            guard zone.count == 4, let hh = Int(zone.prefix(2)), let mm = Int(zone.suffix(2)) else { return nil }
            offset = 8 * 60 - (iso[sign] == "+" ? 1 : -1) * (hh * 60 + mm)
        } else {
            offset = 0
        }
        let total = hour * 60 + minute + offset
        let day = date.adding(days: Int((Double(total) / 1440).rounded(.down)))
        let inDay = ((total % 1440) + 1440) % 1440
        let text = day.description + " " + String(format: "%02d:%02d", inDay / 60, inDay % 60)
        return (day, text)
    }

    /// The headline and lists as plain text, ready to paste into a 通报.
    public var text: String {
        var lines = [headline, ""]
        lines.append("一、逾期事项（\(overdue.count)项）")
        lines += overdue.isEmpty ? ["无。"] : overdue.enumerated().map { "\($0 + 1). \($1.task)（\($1.leads)，时限\($1.due)，已逾期\($1.days)天）" }
        lines.append("")
        lines.append("二、临期提醒（\(dueSoon.count)项）")
        lines += dueSoon.isEmpty ? ["无。"] : dueSoon.enumerated().map { "\($0 + 1). \($1.task)（\($1.leads)，时限\($1.due)，还剩\($1.days)天）" }
        lines.append("")
        for (title, tasks) in [("三、滞后事项", lagging), ("四、未启动事项", notStarted)] {
            lines.append("\(title)（\(tasks.count)项）")
            lines += tasks.isEmpty ? ["无。"] : tasks.enumerated().map { "\($0 + 1). \($1.task)（\($1.leads)，时限\($1.deadline)）" }
            lines.append("")
        }
        lines.append("五、报送情况")
        let judged = reporting.contains { $0.state == .onTime || $0.state == .late }
        for state in judged ? [Reporting.State.onTime, .late, .submitted, .missing, .unreadable] : [.submitted, .missing, .unreadable] {
            let units = reporting.filter { $0.state == state }.map(\.unit)
            if (judged && state == .submitted || state == .unreadable) && units.isEmpty { continue }
            let label = judged && state == .submitted ? "已报送（文件无保存时间，未判断是否按时）" : state.rawValue
            lines.append("\(label)：" + (units.isEmpty ? "无" : units.joined(separator: "、")) + "。")
        }
        for unit in reporting where !unit.corrections.isEmpty {
            lines.append("\(unit.unit)另报送更正：\(unit.corrections.joined(separator: "、"))，台账按最新一份合并，是否按时按第一份判断。")
        }
        if let rounds { lines += Self.roundLines(rounds) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 六 to 八 of the text, from the ledger store: the rate round by round, per-unit changes, extension requests.
    static func roundLines(_ rounds: RoundHistory) -> [String] {
        var lines = ["", "六、完成率变化"]
        lines += rounds.points.map { "\($0.round)（截至\($0.asOf)）：已完成\($0.completed)/\($0.tasks)项，" + String(format: "%.1f%%", $0.rate * 100) + "，逾期\($0.overdue)项。" }
        lines += ["", "七、各单位较上期变化"]
        if let previous = rounds.previousRound {
            lines.append("与\(previous)相比：")
            lines += rounds.unitChanges.map { "\($0.unit)：\($0.summary)。" }
        } else {
            lines.append("本轮是第一轮，无上期可比。")
        }
        lines += ["", "八、申请延期（\(rounds.requests.count)项）"]
        lines += rounds.requests.isEmpty ? ["无。"] : rounds.requests.enumerated().map { i, request in
            "\(i + 1). \(request.taskText)：\(request.description)" + (request.approved ? "（已批准）" : "（待批准）") + "。"
        }
        return lines
    }
}
