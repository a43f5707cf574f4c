/// Reads the deadline cells of a plan for year P into `Deadline` values (domain.md §2.2–2.4).
public struct DeadlineParser: Sendable {
    /// P, the plan's year: year-less dates fall in it.
    public var planYear: Int
    public var policy: Policy
    /// The day the plan was issued, when known: a bare 春节前 means P's festival only if it was still ahead.
    public var issued: CalendarDate?

    public init(planYear: Int, policy: Policy = Policy(), issued: CalendarDate? = nil) {
        self.planYear = planYear
        self.policy = policy
        self.issued = issued
    }

    /// Per-document readings of the genuinely ambiguous forms (§2.4).
    public struct Policy: Sendable, Hashable {
        /// How "X月前" and "X季度前" are read.
        public var before: BeforeReading

        public init(before: BeforeReading = .loose) {
            self.before = before
        }
    }

    /// "12月前": loose is by the end of December (the default), strict is before December starts (30 November).
    public enum BeforeReading: String, Sendable, Hashable, CaseIterable {
        case loose, strict
    }

    /// Spring Festival (正月初一) by year, for 春节前 and the lunar reading of 年前; add a year when its plans arrive.
    static let springFestival: [Int: CalendarDate] = [
        2023: CalendarDate(year: 2023, month: 1, day: 22)!,
        2024: CalendarDate(year: 2024, month: 2, day: 10)!,
        2025: CalendarDate(year: 2025, month: 1, day: 29)!,
        2026: CalendarDate(year: 2026, month: 2, day: 17)!,
    ]

    // MARK: - Entry points

    /// Reads a deadline cell's text; an empty cell is `missing`, text it cannot read is `unparseable`, never a guess.
    public func parse(_ text: String) -> Deadline {
        guard !text.allSatisfy(\.isWhitespace) else { return Deadline(kind: .missing, text: text) }
        let reading = read(DeadlineScanner(text)) ?? Reading(kind: .unparseable(candidates: []))
        return Deadline(kind: reading.kind, flags: reading.flags, alternative: reading.alternative, text: text)
    }

    /// Reads a cell Excel stored as a date (a serial number with a date format): exactly that day.
    public func parse(date: CalendarDate) -> Deadline {
        let reading = withPlanYearFlags(Reading(kind: .date(due: date, precision: .day, start: nil)))
        return Deadline(kind: reading.kind, flags: reading.flags, text: date.description)
    }

    /// Reads a plain number: Excel made 6.3 of "6.30", so June 30 and June 3 are both offered and neither chosen.
    public func parse(number: Double) -> Deadline {
        var deadline: Deadline
        if number.isFinite, number == number.rounded(), abs(number) < 1e9 {
            // 20231231 typed without separators is still a whole date; other whole numbers are not dates.
            deadline = parse(String(Int(number)))
        } else {
            deadline = Deadline(kind: .unparseable(candidates: monthDayCandidates(String(number))), text: String(number))
        }
        deadline.flags.insert(.suspectNumeric)
        return deadline
    }

    /// The deadline cell, or when it is empty a deadline found in other text of the row (task, requirement, units),
    /// flagged `embedded-in-text`: "（国务院各部门分别负责，年内持续推进）".
    public func parse(_ text: String, orFindIn others: [String]) -> Deadline {
        let own = parse(text)
        guard case .missing = own.kind else { return own }
        for other in others {
            if let found = embedded(in: other) {
                return Deadline(kind: found.kind, flags: found.flags.union([.embeddedInText]), alternative: found.alternative, text: other)
            }
        }
        return own
    }

    /// A relative deadline made a date once its anchor (交办日期, the distribution date) is known; others unchanged.
    /// Calendar days count from the anchor, working days skip weekends and holidays; the anchor day is not counted.
    public func resolve(_ deadline: Deadline, anchor: CalendarDate, calendar: WorkingDayCalendar) throws(WorkingDayCalendarError) -> Deadline {
        guard case .relative(let offset, let unit, _) = deadline.kind else { return deadline }
        let due = unit == .workday ? try calendar.adding(workingDays: offset, to: anchor) : anchor.adding(days: offset)
        let reading = withPlanYearFlags(Reading(kind: .date(due: due, precision: .day, start: nil), flags: deadline.flags.subtracting([.needsAnchor])))
        return Deadline(kind: reading.kind, flags: reading.flags, text: deadline.text)
    }

    // MARK: - Whole-cell forms

    /// One reading of a text: the kind, its flags, and the other reading when the form is ambiguous.
    struct Reading {
        var kind: Deadline.Kind
        var flags: Set<Deadline.Flag> = []
        var alternative: CalendarDate? = nil
    }

    /// Tries the forms that name a kind by their words first (即时, 每月, 长期推进, 按上级要求, 5日内),
    /// then dates at the start of each clause, then a mangled month-day.
    private func read(_ scanner: DeadlineScanner) -> Reading? {
        let wordForms: [(inout DeadlineScanner) -> Reading?] = [{ relative(&$0) }, { recurring(&$0) }, { ongoing(&$0) }, { external(&$0) }]
        for form in wordForms {
            var s = scanner
            if let reading = form(&s) { return reading }
        }
        if let reading = clauseDates(scanner.characters) { return reading }
        var s = scanner
        return mangled(&s)
    }

    /// 即时, 立即 (offset 0 from the event); N日内, N个工作日内 after an anchor phrase (收到通知后, 会后, 交办后).
    private func relative(_ s: inout DeadlineScanner) -> Reading? {
        // §8.1 lists "即时" without needs-anchor: "at once" is never counted from a date, so it has none to wait for.
        if s.take(anyOf: ["即时", "立即", "随时", "即办", "马上"]) != nil {
            return Reading(kind: .relative(offset: 0, unit: .day, anchor: .event))
        }
        // A 整改时限 of "3天" or "5个工作日" alone means as long as "3天内": counted from an anchor the cell does not name.
        if let (offset, unit) = s.attempt({ t -> (Int, Deadline.OffsetUnit)? in
            guard let found = offset(&t), t.atEnd else { return nil }
            return found
        }) {
            return Reading(kind: .relative(offset: offset, unit: unit, anchor: .unknown), flags: [.needsAnchor])
        }
        // 本月底前, 本月内: the month the notice went out, which the table does not say.
        if s.take(anyOf: ["本月底", "本月末", "本月内", "当月底", "当月"]) != nil {
            _ = s.take(anyOf: ["以前", "之前", "前"])
            return s.atEnd ? Reading(kind: .relative(offset: 0, unit: .day, anchor: .notice), flags: [.needsAnchor]) : nil
        }
        for start in s.position..<s.characters.count {
            let prefix = String(s.characters[s.position..<start])
            // A month or year before the number makes it a date (6月10日内), not an offset.
            if prefix.contains(where: { $0.isASCIIDigit || $0 == "月" || $0 == "年" }) { return nil }
            var t = s
            t.position = start
            if let (offset, unit) = offset(&t), t.take(anyOf: ["以内", "之内", "内"]) != nil {
                return Reading(kind: .relative(offset: offset, unit: unit, anchor: anchor(of: prefix)), flags: [.needsAnchor])
            }
        }
        return nil
    }

    /// "10个工作日", "5日", "7天"; for "1—5日" (急件1—5日内) the longer limit.
    private func offset(_ s: inout DeadlineScanner) -> (Int, Deadline.OffsetUnit)? {
        s.attempt { s in
            guard var n = s.number() else { return nil }
            if s.takeRangeSeparator() {
                guard let upper = s.number() else { return nil }
                n = upper
            }
            _ = s.take("个")
            if s.take("工作日") { return (n.value, .workday) }
            if s.take(anyOf: ["日", "天"]) != nil { return (n.value, .day) }
            return nil
        }
    }

    private func anchor(of phrase: String) -> Deadline.Anchor {
        if ["通知", "文件", "来函"].contains(where: phrase.contains) { return .notice }
        if phrase.contains("会") { return .meeting }
        if ["交办", "批示", "转办"].contains(where: phrase.contains) { return .assignment }
        if ["发生", "事发"].contains(where: phrase.contains) { return .event }
        return .unknown
    }

    /// 每月, 每月25日前, 每季度, 每季度首月10日前, 每个季度第1个月的20日前, 每半年, 每年, 年度, 每周五前, 按月, 逐月.
    private func recurring(_ s: inout DeadlineScanner) -> Reading? {
        s.attempt { s in
            func every(_ frequency: Recurrence.Frequency, _ rule: Recurrence.Rule) -> Reading {
                let until = CalendarDate(year: planYear, month: 12, day: 31)!
                return Reading(kind: .recurring(Recurrence(frequency: frequency, rule: rule, until: until)))
            }
            if s.take("半年一次") { return every(.halfyear, .periodEnd) }
            if s.take("年度"), s.atEnd { return every(.yearly, .periodEnd) }
            guard s.take(anyOf: ["每个", "每", "按", "逐"]) != nil else { return nil }
            if s.take(anyOf: ["周", "星期"]) != nil {
                if let weekday = s.number(in: 1...7) { return every(.weekly, .weekday(weekday.value)) }
                if s.take(anyOf: ["日", "天"]) != nil { return every(.weekly, .weekday(7)) }
                return every(.weekly, .periodEnd)
            }
            if s.take("月") {
                guard s.take(anyOf: ["底", "末"]) == nil, let day = dayOfMonth(&s) else { return every(.monthly, .periodEnd) }
                // 每月10日前报上月情况: the report on a month is due in the month after it.
                return every(.monthly, s.rest.contains("上月") ? .dayAfterPeriod(day) : .day(day))
            }
            if s.take(anyOf: ["季度", "季"]) != nil {
                if s.take(anyOf: ["底", "末"]) != nil { return every(.quarterly, .periodEnd) }
                if firstMonth(&s) {
                    _ = s.take("的")
                    guard let day = dayOfMonth(&s) else { return nil }
                    return every(.quarterly, .dayAfterPeriod(day))
                }
                if let day = dayOfMonth(&s) { return every(.quarterly, .day(day)) }
                return every(.quarterly, .periodEnd)
            }
            if s.take("半年") { return every(.halfyear, .periodEnd) }
            if s.take(anyOf: ["年度", "年"]) != nil { return every(.yearly, .periodEnd) }
            return nil
        }
    }

    /// 首月, 第1个月, 第一月: the first month of a period.
    private func firstMonth(_ s: inout DeadlineScanner) -> Bool {
        if s.take("首月") { return true }
        return s.attempt { s -> Bool? in
            guard s.take("第"), s.number(in: 1...1) != nil, s.take(anyOf: ["个月", "月"]) != nil else { return nil }
            return true
        } ?? false
    }

    /// "25日", "5号": a day of the month.
    private func dayOfMonth(_ s: inout DeadlineScanner) -> Int? {
        s.attempt { s in
            guard let day = s.number(in: 1...31), s.take(anyOf: ["日", "号"]) != nil else { return nil }
            return day.value
        }
    }

    /// 长期推进, 持续推进, 常态化, 适时…; after 年内 or 全年 the work runs to the end of the year (年内持续推进).
    private func ongoing(_ s: inout DeadlineScanner) -> Reading? {
        s.attempt { s in
            var horizon: CalendarDate? = nil
            if s.take(anyOf: ["今年内", "年内", "全年"]) != nil {
                horizon = CalendarDate(year: planYear, month: 12, day: 31)
            } else if let year = s.attempt({ s -> Int? in
                guard let year = explicitYear(&s), s.take(anyOf: ["全年", "内"]) != nil else { return nil }
                return year
            }) {
                horizon = CalendarDate(year: year, month: 12, day: 31)
            }
            let words = ["长期", "持续", "常态化", "动态调整", "日常", "适时", "经常性", "定期", "常年"]
            guard s.take(anyOf: words) != nil else { return nil }
            return Reading(kind: .ongoing(horizon: horizon))
        }
    }

    /// 按上级要求, 按省市统一部署, 根据上级安排, 按文件要求, 按要求, 按照省厅统一部署.
    private func external(_ s: inout DeadlineScanner) -> Reading? {
        guard s.take(anyOf: ["按照", "按", "根据", "依据", "遵照"]) != nil else { return nil }
        let words = ["上级", "部署", "安排", "要求", "通知"]
        return words.contains(where: s.rest.contains) ? Reading(kind: .external) : nil
    }

    /// "1215日前": a month and day that lost their 月 (12月15日). Offered as candidates, never resolved.
    private func mangled(_ s: inout DeadlineScanner) -> Reading? {
        guard let first = s.current, first.isASCIIDigit, let n = s.number(), (3...4).contains(n.digits),
              s.take(anyOf: ["日", "号"]) != nil else { return nil }
        let digits = String(repeating: "0", count: n.digits - String(n.value).count) + String(n.value)
        let candidates = (1...2).compactMap { monthDigits -> CalendarDate? in
            let dayDigits = digits.count - monthDigits
            guard (1...2).contains(dayDigits), let month = Int(digits.prefix(monthDigits)), let day = Int(digits.suffix(dayDigits)) else { return nil }
            return CalendarDate(year: planYear, month: month, day: day)
        }
        return candidates.isEmpty ? nil : Reading(kind: .unparseable(candidates: candidates), flags: [.suspectMangled])
    }

    /// "6.3" as Excel shows 6.30: June 30 (the zero Excel dropped) and June 3; "6.15" is only June 15.
    private func monthDayCandidates(_ decimal: String) -> [CalendarDate] {
        let parts = decimal.split(separator: ".")
        guard parts.count == 2, let month = Int(parts[0]), (1...12).contains(month), (1...2).contains(parts[1].count),
              let fraction = Int(parts[1]) else { return [] }
        let days = parts[1].count == 1 ? [fraction * 10, fraction] : [fraction]
        return days.compactMap { CalendarDate(year: planYear, month: month, day: $0) }
    }

    // MARK: - Dates in clauses

    /// Dates at the start of clauses: one gives a date or range ("12月底前完成"), several give milestones
    /// ("6月底前制定方案，12月底前全面完成", "3月：完成调研；6月：出台办法"). A clause without a date belongs to the one before.
    private func clauseDates(_ characters: [Character]) -> Reading? {
        var nodes: [(reading: Reading, text: String)] = []
        let clauses = Self.clauses(characters, separators: [",", ";", "。"])
        for clause in clauses {
            var s = DeadlineScanner(characters: clause)
            if let reading = leadingDate(&s) {
                _ = s.take(":")
                nodes.append((reading, s.rest))
            } else if nodes.isEmpty {
                return innerDates(clauses)
            } else {
                nodes[nodes.count - 1].text += (nodes[nodes.count - 1].text.isEmpty ? "" : "，") + String(clause)
            }
        }
        return milestones(nodes)
    }

    /// Clauses that each name what is done by a date inside them (三亚路一期工程11月底前具备通车条件；污水处理厂
    /// 二期工程12月底前建设完成): one node per clause, its whole text kept. Nil unless every clause has a date.
    private func innerDates(_ clauses: [ArraySlice<Character>]) -> Reading? {
        var nodes: [(reading: Reading, text: String)] = []
        for clause in clauses {
            var found: Reading?
            var s = DeadlineScanner(characters: clause)
            // A date starts after words, not inside a number or a range it belongs to (13月, 6月-3月).
            for position in 1..<max(clause.count, 1) where found == nil {
                let before = s.characters[position - 1]
                guard !before.isNumber, !ChineseNumeral.isDigit(before.unicodeScalars.first!), !"-~—–至到/.年月日".contains(before) else { continue }
                s.position = position
                found = leadingDate(&s)
            }
            guard let found else { return nil }
            nodes.append((found, String(clause)))
        }
        return milestones(nodes)
    }

    /// One node is its date; several are milestones in date order, the last the row's due date.
    private func milestones(_ nodes: [(reading: Reading, text: String)]) -> Reading? {
        guard nodes.count > 1 else { return nodes.first.map { withPlanYearFlags($0.reading) } }
        let milestones = nodes.compactMap { node in node.reading.kind.due.map { Deadline.Milestone(due: $0, text: node.text) } }
        let flags = nodes.reduce(into: Set<Deadline.Flag>()) { $0.formUnion($1.reading.flags) }
        // Nodes in date order, so that the last one is the row's due date.
        let ordered = milestones.enumerated().sorted { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }.map(\.element)
        return withPlanYearFlags(Reading(kind: .milestones(ordered), flags: flags))
    }

    /// A date or range at the scanner, possibly after 力争, 确保, 截至…, unless the words after it make it
    /// a start (2023年6月起) rather than a deadline.
    private func leadingDate(_ s: inout DeadlineScanner) -> Reading? {
        s.attempt { s in
            _ = s.take(anyOf: ["力争", "争取", "确保", "计划", "截至", "截止", "于", "在"])
            guard let reading = span(&s, in: YearContext(year: planYear, inferred: true)) else { return nil }
            return ["起", "开始", "以后", "之后", "后"].contains(where: s.lookingAt) ? nil : reading
        }
    }

    /// A deadline inside running text: a short ongoing clause (年内持续推进) or a date opening a clause
    /// ("2022年10月底前编制并公布…", "力争年底前完成").
    private func embedded(in text: String) -> Reading? {
        let scanner = DeadlineScanner(text)
        for clause in Self.clauses(scanner.characters, separators: [",", ";", "。", "(", ")", "、"]) {
            var s = DeadlineScanner(characters: clause)
            // Only a short clause: a sentence that merely opens with 长期 or 日常 is not a deadline.
            if clause.count <= 8, let reading = ongoing(&s) { return reading }
            s.position = 0
            if let reading = leadingDate(&s) { return withPlanYearFlags(reading) }
        }
        return nil
    }

    private static func clauses(_ characters: [Character], separators: Set<Character>) -> [ArraySlice<Character>] {
        characters.split(whereSeparator: separators.contains)
    }

    // MARK: - Periods and ranges

    /// The year a date expression falls in, and whether it was taken from the plan rather than written.
    struct YearContext {
        var year: Int
        var inferred: Bool
    }

    /// A date expression read as the period it names: "11月" is 11-01…11-30, "6月30日" is one day.
    struct Period {
        var first: CalendarDate
        var last: CalendarDate
        var precision: Deadline.Precision
        var flags: Set<Deadline.Flag> = []
        var alternative: CalendarDate? = nil
        /// Keep `first` as the deadline's start: 上半年 runs from 01-01, a plain 11月 is just a due date.
        var keepsStart = false
    }

    /// A period, or two joined by a range separator: 6月-12月, 6-12月, 2023年6月至12月, 2023.6-2023.12, 2023-2025年.
    private func span(_ s: inout DeadlineScanner, in context: YearContext) -> Reading? {
        s.attempt { s in
            if let left = period(&s, in: context) {
                let afterLeft = s.position
                let rightContext = YearContext(year: left.first.year, inferred: left.flags.contains(.yearInferred))
                if s.takeRangeSeparator(), let right = period(&s, in: rightContext) {
                    // A range that runs backwards (6月-3月) is a typing mistake to show, not a date to guess.
                    return left.first <= right.last ? range(left, right) : nil
                }
                s.position = afterLeft
                return Reading(kind: .date(due: left.last, precision: left.precision, start: left.keepsStart ? left.first : nil),
                               flags: left.flags, alternative: left.alternative)
            }
            // 6-12月, 2023-2025年: the bare number before the separator takes the unit of the period after it.
            guard let n = s.number(), s.takeRangeSeparator(), let right = period(&s, in: context),
                  let left = leftHalf(n, unitOf: right) else { return nil }
            return range(left, right)
        }
    }

    private func range(_ left: Period, _ right: Period) -> Reading {
        Reading(kind: .range(start: left.first, due: right.last), flags: left.flags.union(right.flags))
    }

    private func leftHalf(_ n: DeadlineScanner.Number, unitOf right: Period) -> Period? {
        switch right.precision {
        case .month:
            let year = right.first.year
            guard n.value <= right.first.month, let first = CalendarDate(year: year, month: n.value, day: 1) else { return nil }
            return Period(first: first, last: CalendarDate.endOf(month: n.value, year: year)!, precision: .month,
                          flags: right.flags.intersection([.yearInferred]))
        case .year:
            guard n.digits == 4 || n.digits == 2 else { return nil }
            let year = n.digits == 2 ? 2000 + n.value : n.value
            guard year <= right.first.year else { return nil }
            return Period(first: CalendarDate(year: year, month: 1, day: 1)!, last: CalendarDate(year: year, month: 12, day: 31)!, precision: .year)
        case .day, .xun, .quarter, .half:
            return nil
        }
    }

    /// One date expression: numeric (2023.6.30, 6/30), or an optional year then a month, day, 旬, quarter, half,
    /// holiday or a word for the year's end.
    private func period(_ s: inout DeadlineScanner, in context: YearContext) -> Period? {
        s.attempt { s in
            if let period = numericDate(&s, in: context) { return period }
            if let year = explicitYear(&s) {
                let context = YearContext(year: year, inferred: false)
                return periodInYear(&s, in: context, explicit: true) ?? yearPeriod(&s, year: year, explicit: true)
            }
            return periodInYear(&s, in: context, explicit: false) ?? yearPeriod(&s, year: context.year, explicit: false)
        }
    }

    private func periodInYear(_ s: inout DeadlineScanner, in context: YearContext, explicit: Bool) -> Period? {
        month(&s, in: context) ?? quarter(&s, in: context) ?? half(&s, in: context) ?? holiday(&s, in: context, explicit: explicit)
    }

    /// "2023年", "23年", 今年/本年, 明年/次年, 去年, with the 年 consumed.
    private func explicitYear(_ s: inout DeadlineScanner) -> Int? {
        if let word = s.take(anyOf: ["今年", "本年", "明年", "次年", "去年"]) {
            return planYear + (word == "明年" || word == "次年" ? 1 : word == "去年" ? -1 : 0)
        }
        return s.attempt { s in
            guard let n = s.number(), n.digits == 4 || n.digits == 2, s.take("年") else { return nil }
            guard n.digits == 2 else { return n.value }
            // 23年 is 2023, but a two-digit number far from P is a duration: 10年内 is "within ten years".
            return abs(2000 + n.value - planYear) <= 5 ? 2000 + n.value : nil
        }
    }

    /// 2023-12-31, 2023/12/31, 2023.12.31, 20231231, 2023.6 (a month), and the year-less 6.30 and 6/30.
    private func numericDate(_ s: inout DeadlineScanner, in context: YearContext) -> Period? {
        s.attempt { s in
            guard s.current?.isASCIIDigit == true, let a = s.number() else { return nil }
            if a.digits == 8 {
                guard let day = CalendarDate(year: a.value / 10000, month: a.value / 100 % 100, day: a.value % 100) else { return nil }
                return finish(&s, Period(first: day, last: day, precision: .day), open: false)
            }
            guard let separator = s.take(anyOf: [".", "/", "-"]), let b = s.number() else { return nil }
            if s.take(separator) {
                guard a.digits == 4, let c = s.number(), let day = CalendarDate(year: a.value, month: b.value, day: c.value) else { return nil }
                return finish(&s, Period(first: day, last: day, precision: .day), open: false)
            }
            if a.digits == 4 {
                guard b.digits <= 2, let first = CalendarDate(year: a.value, month: b.value, day: 1) else { return nil }
                return finish(&s, Period(first: first, last: CalendarDate.endOf(month: b.value, year: a.value)!, precision: .month), open: true)
            }
            // 6-30 is left to the range reading: with a dash, "6-12月" means June to December.
            guard separator != "-", let day = CalendarDate(year: context.year, month: a.value, day: b.value) else { return nil }
            return finish(&s, Period(first: day, last: day, precision: .day, flags: inferred(context)), open: false)
        }
    }

    /// 11月, 11月份, 11月底, 11月末, 6月30日, 6月30号, 10月上旬/中旬/下旬, 10月中.
    private func month(_ s: inout DeadlineScanner, in context: YearContext) -> Period? {
        s.attempt { s in
            guard let m = s.number(in: 1...12), s.take("月") else { return nil }
            let year = context.year, end = CalendarDate.endOf(month: m.value, year: year)!
            func day(_ first: Int, _ last: Int, _ precision: Deadline.Precision) -> Period? {
                guard let firstDay = CalendarDate(year: year, month: m.value, day: first),
                      let lastDay = CalendarDate(year: year, month: m.value, day: last) else { return nil }
                return Period(first: firstDay, last: lastDay, precision: precision, flags: inferred(context))
            }
            if let d = dayOfMonth(&s) {
                return day(d, d, .day).map { finish(&s, $0, open: false) }
            }
            if let xun = s.take(anyOf: ["上旬", "中旬", "下旬", "月中", "中"]) {
                let period: Period? = switch xun {
                case "上旬": day(1, 10, .xun)
                case "中旬": day(11, 20, .xun)
                case "下旬": day(21, end.day, .xun)
                default: day(15, 15, .xun)
                }
                return period.map { finish(&s, $0, open: false) }
            }
            let closed = s.take(anyOf: ["底", "末"]) != nil
            if !closed { _ = s.take("份") }
            return finish(&s, day(1, end.day, .month)!, open: !closed)
        }
    }

    /// 一季度, 第一季度, 1季度, Q1, 三季度末, 三季末, and 前三季度 (January to September).
    private func quarter(_ s: inout DeadlineScanner, in context: YearContext) -> Period? {
        s.attempt { s in
            let cumulative = s.take("前")
            let q: Int
            if !cumulative, s.take(anyOf: ["Q", "q"]) != nil {
                guard let n = s.number(in: 1...4) else { return nil }
                q = n.value
            } else {
                _ = s.take("第")
                guard let n = s.number(in: 1...4), s.take(anyOf: ["季度", "季"]) != nil else { return nil }
                q = n.value
            }
            let year = context.year
            var period = Period(first: CalendarDate(year: year, month: cumulative ? 1 : q * 3 - 2, day: 1)!,
                                last: CalendarDate.endOf(month: q * 3, year: year)!, precision: .quarter, flags: inferred(context))
            period.keepsStart = cumulative
            let closed = s.take(anyOf: ["末", "底"]) != nil
            return finish(&s, period, open: !closed && !cumulative)
        }
    }

    /// 上半年 (01-01…06-30) and 下半年 (07-01…12-31), whose start is kept.
    private func half(_ s: inout DeadlineScanner, in context: YearContext) -> Period? {
        guard let word = s.take(anyOf: ["上半年", "下半年"]) else { return nil }
        let firstMonth = word == "上半年" ? 1 : 7
        var period = Period(first: CalendarDate(year: context.year, month: firstMonth, day: 1)!,
                            last: CalendarDate.endOf(month: firstMonth + 5, year: context.year)!, precision: .half, flags: inferred(context))
        let closed = s.take(anyOf: ["末", "底"]) != nil
        period.keepsStart = !closed
        return finish(&s, period, open: !closed)
    }

    /// 春节前, 国庆前, 元旦前 (§2.4): the day before the holiday, flagged `holiday-based`.
    private func holiday(_ s: inout DeadlineScanner, in context: YearContext, explicit: Bool) -> Period? {
        s.attempt { s in
            guard let name = s.take(anyOf: ["春节", "国庆节", "国庆", "元旦"]), s.take(anyOf: ["以前", "之前", "前"]) != nil else { return nil }
            let due: CalendarDate?
            switch name {
            case "春节":
                // A plan is usually issued after its own year's festival (2023-01-22 had passed), so a bare 春节 is next year's.
                var year = context.year
                if !explicit, let festival = Self.springFestival[year], issued.map({ $0 >= festival }) ?? true { year += 1 }
                due = Self.springFestival[year]?.adding(days: -1)
            case "元旦":
                // 2024年元旦前 is 2023-12-31; a bare 元旦前 is the coming New Year's Day, the end of the plan year.
                due = CalendarDate(year: explicit ? context.year - 1 : context.year, month: 12, day: 31)
            default:
                due = CalendarDate(year: context.year, month: 9, day: 30)
            }
            guard let due else { return nil }
            return Period(first: due, last: due, precision: .day, flags: inferred(context).union([.holidayBased]))
        }
    }

    /// 年底, 年末, 年内, 年度内, 全年, 年中, 年前 without a year; 底, 末, 内, 全年, 度, 中 or nothing after one (2023年底, 2023年).
    private func yearPeriod(_ s: inout DeadlineScanner, year: Int, explicit: Bool) -> Period? {
        s.attempt { s in
            let prefix = explicit ? "" : "年"
            let whole = Period(first: CalendarDate(year: year, month: 1, day: 1)!, last: CalendarDate(year: year, month: 12, day: 31)!, precision: .year)
            if !explicit, s.take("年前") {
                // §2.4: the calendar year's end, with the day before Spring Festival as the other reading.
                var period = whole
                period.flags.insert(.ambiguousLunarNewYear)
                period.alternative = Self.springFestival[year + 1]?.adding(days: -1)
                return period
            }
            if s.take(prefix + "中") {
                return finish(&s, Period(first: whole.first, last: CalendarDate(year: year, month: 6, day: 30)!, precision: .half), open: false)
            }
            let words = [prefix + "底", prefix + "末", prefix + "内", "全年"] + (explicit ? ["度"] : ["年度内"])
            if s.take(anyOf: words) != nil { return finish(&s, whole, open: false) }
            return explicit ? finish(&s, whole, open: true) : nil
        }
    }

    /// Reads what may follow a period (前, 以前, 之前, 内, 为止); "前" right after a whole period is the X月前 case of §2.4.
    private func finish(_ s: inout DeadlineScanner, _ period: Period, open: Bool) -> Period {
        guard s.take(anyOf: ["以前", "之前", "前"]) != nil else {
            _ = s.take(anyOf: ["为止", "止", "以内", "之内", "内"])
            return period
        }
        guard open else { return period }
        var period = period
        let endOfPrevious = period.first.adding(days: -1)
        period.flags.insert(.ambiguousBefore)
        switch policy.before {
        case .loose:
            period.alternative = endOfPrevious
        case .strict:
            period.alternative = period.last
            period.last = endOfPrevious
            period.keepsStart = false
        }
        return period
    }

    private func inferred(_ context: YearContext) -> Set<Deadline.Flag> {
        context.inferred ? [.yearInferred] : []
    }

    /// §2.3: an explicit year before P is a carry-over, after P a later task; a span over several years is multi-year.
    private func withPlanYearFlags(_ reading: Reading) -> Reading {
        let first: CalendarDate, last: CalendarDate
        switch reading.kind {
        case .date(let due, _, let start): (first, last) = (start ?? due, due)
        case .range(let start, let due): (first, last) = (start, due)
        case .milestones(let nodes):
            guard let firstNode = nodes.first, let lastNode = nodes.last else { return reading }
            (first, last) = (firstNode.due, lastNode.due)
        case .recurring, .ongoing, .relative, .external, .unparseable, .missing:
            return reading
        }
        var reading = reading
        if last.year < planYear { reading.flags.insert(.beforePlanYear) }
        if first.year > planYear { reading.flags.insert(.afterPlanYear) }
        if first.year != last.year { reading.flags.insert(.multiYear) }
        return reading
    }
}
