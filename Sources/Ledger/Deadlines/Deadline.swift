/// A deadline cell read into one tagged value (domain.md §2.1), with its flags and the original text.
public struct Deadline: Sendable, Hashable {
    /// What the cell says, as one of the kinds of §2.1.
    public var kind: Kind
    /// Doubts and inferences a reviewer should see; empty when the text was plain.
    public var flags: Set<Flag>
    /// The other reading of an ambiguous form: the strict (or loose) end for "12月前", Spring Festival for "年前".
    public var alternative: CalendarDate?
    /// The cell text exactly as read, kept so that nothing a unit wrote is lost.
    public var text: String

    public init(kind: Kind, flags: Set<Flag> = [], alternative: CalendarDate? = nil, text: String) {
        self.kind = kind
        self.flags = flags
        self.alternative = alternative
        self.text = text
    }

    /// The inclusive last day, for the kinds that have one (date, range, milestones).
    public var due: CalendarDate? { kind.due }

    /// The same deadline with the cell's own text (a traditional-script cell is parsed in simplified script).
    func written(_ original: String) -> Deadline {
        var deadline = self
        deadline.text = original
        return deadline
    }

    /// The tagged value; `name` gives the kind's string in the ledger's JSON.
    public enum Kind: Sendable, Hashable {
        /// A single point; period forms (11月, 一季度, 上半年) resolve to the period's last day.
        case date(due: CalendarDate, precision: Precision, start: CalendarDate?)
        /// "6月-12月": from the first day of the first period to the last day of the second.
        case range(start: CalendarDate, due: CalendarDate)
        /// Several nodes in one cell, in date order; the deadline's due is the last node's.
        case milestones([Milestone])
        /// Periodic work such as reporting: 每月25日前, 每季度.
        case recurring(Recurrence)
        /// 长期推进 and the like: never overdue by date; `horizon` when the text bounds it (年内持续推进).
        case ongoing(horizon: CalendarDate?)
        /// "10个工作日内", "会后7日内", "即时" (offset 0): a date only once the anchor is known.
        case relative(offset: Int, unit: OffsetUnit, anchor: Anchor)
        /// 按上级要求: the date is set elsewhere.
        case external
        /// Not understood; `candidates` are the readings a person should choose from (possibly none).
        case unparseable(candidates: [CalendarDate])
        /// An empty cell.
        case missing

        /// The inclusive last day, for the kinds that have one (date, range, milestones).
        public var due: CalendarDate? {
            switch self {
            case .date(let due, _, _), .range(_, let due): return due
            case .milestones(let nodes): return nodes.last?.due
            case .recurring, .ongoing, .relative, .external, .unparseable, .missing: return nil
            }
        }

        /// The kind's name in the ledger's JSON: `date`, `range`, `milestones`, ….
        public var name: String {
            switch self {
            case .date: return "date"
            case .range: return "range"
            case .milestones: return "milestones"
            case .recurring: return "recurring"
            case .ongoing: return "ongoing"
            case .relative: return "relative"
            case .external: return "external"
            case .unparseable: return "unparseable"
            case .missing: return "missing"
            }
        }
    }

    /// How finely a `date` deadline was given.
    public enum Precision: String, Sendable, Hashable, CaseIterable, Codable {
        case day, xun, month, quarter, half, year
    }

    /// One node of a milestones deadline: "6月底前制定方案" is (2023-06-30, "制定方案").
    public struct Milestone: Sendable, Hashable, Codable {
        public var due: CalendarDate
        public var text: String

        public init(due: CalendarDate, text: String) {
            self.due = due
            self.text = text
        }
    }

    /// The unit of a relative deadline's offset.
    public enum OffsetUnit: String, Sendable, Hashable, CaseIterable, Codable {
        case day, workday
    }

    /// What a relative deadline counts from.
    public enum Anchor: String, Sendable, Hashable, CaseIterable, Codable {
        case event, notice, meeting, assignment, unknown
    }

    /// The reasons to look twice at a deadline; raw values are the exact flag names of §2.1.
    public enum Flag: String, Sendable, Hashable, CaseIterable, Codable {
        case yearInferred = "year-inferred"
        case ambiguousBefore = "ambiguous-before"
        case ambiguousLunarNewYear = "ambiguous-lunar-new-year"
        case beforePlanYear = "before-plan-year"
        case afterPlanYear = "after-plan-year"
        case multiYear = "multi-year"
        case holidayBased = "holiday-based"
        case needsAnchor = "needs-anchor"
        case suspectNumeric = "suspect-numeric"
        case suspectMangled = "suspect-mangled"
        case embeddedInText = "embedded-in-text"
    }
}

/// The schedule of a recurring deadline: how often, on which day of each period, and until when.
public struct Recurrence: Sendable, Hashable {
    public var frequency: Frequency
    public var rule: Rule
    /// The last day a period may start on; nil means the end of the plan year.
    public var until: CalendarDate?

    public init(frequency: Frequency, rule: Rule, until: CalendarDate? = nil) {
        self.frequency = frequency
        self.rule = rule
        self.until = until
    }

    public enum Frequency: String, Sendable, Hashable, CaseIterable, Codable {
        case weekly, monthly, quarterly, halfyear, yearly
    }

    /// Which day of a period its occurrence falls on.
    public enum Rule: Sendable, Hashable {
        /// The period's last day (每月, 每季度末); Sunday for a week.
        case periodEnd
        /// Day N of the period's last month (每月25日前; 每季度15日前 is the 15th of March, June, …).
        case day(Int)
        /// Day N of the first month after the period, reporting on the period just ended (每季度首月10日前).
        case dayAfterPeriod(Int)
        /// ISO weekday N of the week, 1 = Monday (每周五前).
        case weekday(Int)
    }

    /// The due date of each period that starts in `year` (and not after `until`), in order.
    public func occurrences(in year: Int) -> [CalendarDate] {
        let periods = self.periods(in: year).filter { period in until.map { period.start <= $0 } ?? true }
        return periods.compactMap { period in
            switch rule {
            case .periodEnd:
                return period.end
            case .day(let n):
                return CalendarDate(year: period.end.year, month: period.end.month, day: min(n, CalendarDate.daysIn(month: period.end.month, year: period.end.year)))
            case .dayAfterPeriod(let n):
                let next = period.end.adding(days: 1)
                return CalendarDate(year: next.year, month: next.month, day: min(n, CalendarDate.daysIn(month: next.month, year: next.year)))
            case .weekday(let n):
                return period.start.adding(days: (n - 1) % 7)
            }
        }
    }

    private func periods(in year: Int) -> [(start: CalendarDate, end: CalendarDate)] {
        func months(_ count: Int) -> [(start: CalendarDate, end: CalendarDate)] {
            stride(from: 1, through: 12, by: count).map { first in
                (CalendarDate(year: year, month: first, day: 1)!, CalendarDate.endOf(month: first + count - 1, year: year)!)
            }
        }
        switch frequency {
        case .monthly: return months(1)
        case .quarterly: return months(3)
        case .halfyear: return months(6)
        case .yearly: return months(12)
        case .weekly:
            // Weeks run Monday to Sunday; a week belongs to the year its Monday is in.
            let january1 = CalendarDate(year: year, month: 1, day: 1)!
            var monday = january1.adding(days: (8 - january1.weekday) % 7)
            var weeks: [(start: CalendarDate, end: CalendarDate)] = []
            while monday.year == year {
                weeks.append((monday, monday.adding(days: 6)))
                monday = monday.adding(days: 7)
            }
            return weeks
        }
    }
}

extension Deadline: Codable {
    private enum Key: String, CodingKey {
        case kind, text, flags, alternative, due, start, precision, milestones, frequency, rule, day, until, horizon, offset, unit, anchor, candidates
    }

    /// Writes `{"kind": "date", "due": "2023-12-31", "precision": "month", "flags": […], "text": "12月前"}` and the like.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind.name, forKey: .kind)
        switch kind {
        case .date(let due, let precision, let start):
            try c.encode(due, forKey: .due)
            try c.encode(precision, forKey: .precision)
            try c.encodeIfPresent(start, forKey: .start)
        case .range(let start, let due):
            try c.encode(start, forKey: .start)
            try c.encode(due, forKey: .due)
        case .milestones(let nodes):
            try c.encodeIfPresent(due, forKey: .due)
            try c.encode(nodes, forKey: .milestones)
        case .recurring(let recurrence):
            try c.encode(recurrence.frequency, forKey: .frequency)
            switch recurrence.rule {
            case .periodEnd: try c.encode("period-end", forKey: .rule)
            case .day(let n): try c.encode("day", forKey: .rule); try c.encode(n, forKey: .day)
            case .dayAfterPeriod(let n): try c.encode("day-after-period", forKey: .rule); try c.encode(n, forKey: .day)
            case .weekday(let n): try c.encode("weekday", forKey: .rule); try c.encode(n, forKey: .day)
            }
            try c.encodeIfPresent(recurrence.until, forKey: .until)
        case .ongoing(let horizon):
            try c.encodeIfPresent(horizon, forKey: .horizon)
        case .relative(let offset, let unit, let anchor):
            try c.encode(offset, forKey: .offset)
            try c.encode(unit, forKey: .unit)
            try c.encode(anchor, forKey: .anchor)
        case .unparseable(let candidates):
            try c.encode(candidates, forKey: .candidates)
        case .external, .missing:
            break
        }
        // Kinds without a due day say so, as the JSON contract always has the field.
        if kind.due == nil { try c.encodeNil(forKey: .due) }
        // Flags in the order of §2.1, so that the same deadline always writes the same bytes.
        try c.encode(Flag.allCases.filter(flags.contains).map(\.rawValue), forKey: .flags)
        try c.encodeIfPresent(alternative, forKey: .alternative)
        try c.encode(text, forKey: .text)
    }

    /// Reads what `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let name = try c.decode(String.self, forKey: .kind)
        let kind: Kind
        switch name {
        case "date":
            kind = .date(due: try c.decode(CalendarDate.self, forKey: .due), precision: try c.decode(Precision.self, forKey: .precision),
                         start: try c.decodeIfPresent(CalendarDate.self, forKey: .start))
        case "range": kind = .range(start: try c.decode(CalendarDate.self, forKey: .start), due: try c.decode(CalendarDate.self, forKey: .due))
        case "milestones": kind = .milestones(try c.decode([Milestone].self, forKey: .milestones))
        case "recurring":
            let day = try c.decodeIfPresent(Int.self, forKey: .day) ?? 0
            let rule: Recurrence.Rule
            switch try c.decode(String.self, forKey: .rule) {
            case "day": rule = .day(day)
            case "day-after-period": rule = .dayAfterPeriod(day)
            case "weekday": rule = .weekday(day)
            default: rule = .periodEnd
            }
            kind = .recurring(Recurrence(frequency: try c.decode(Recurrence.Frequency.self, forKey: .frequency), rule: rule,
                                         until: try c.decodeIfPresent(CalendarDate.self, forKey: .until)))
        case "ongoing": kind = .ongoing(horizon: try c.decodeIfPresent(CalendarDate.self, forKey: .horizon))
        case "relative":
            kind = .relative(offset: try c.decode(Int.self, forKey: .offset), unit: try c.decode(OffsetUnit.self, forKey: .unit),
                             anchor: try c.decode(Anchor.self, forKey: .anchor))
        case "external": kind = .external
        case "unparseable": kind = .unparseable(candidates: try c.decodeIfPresent([CalendarDate].self, forKey: .candidates) ?? [])
        case "missing": kind = .missing
        default: throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown deadline kind \(name)")
        }
        let flags = try c.decodeIfPresent([String].self, forKey: .flags) ?? []
        self.init(kind: kind, flags: Set(flags.compactMap(Flag.init(rawValue:))), alternative: try c.decodeIfPresent(CalendarDate.self, forKey: .alternative),
                  text: try c.decode(String.self, forKey: .text))
    }
}
