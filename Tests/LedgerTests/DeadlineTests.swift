import Foundation
import Testing
import Ledger

// The cases of domain.md §8.1 (P = 2023, 2023 holiday table, "X月前" loose, anchor day not counted),
// one test per case id, then the rest of the §2.2 catalogue, the policy switch and the working-day calendar.
//
// Flags are compared as exact sets. Where §8.1 lists none for a year-less quarter or half (D06, D07, D30, D31)
// or milestones (D33), the set also holds `year-inferred`: §2.3 rule 2 gives it to every year-less
// month/day/quarter/half expression, and §8.1 does not say otherwise.

private let parser = DeadlineParser(planYear: 2023)

private func day(_ iso: String) -> CalendarDate {
    CalendarDate(iso: iso)!
}

private func date(_ due: String, _ precision: Deadline.Precision, start: String? = nil) -> Deadline.Kind {
    .date(due: day(due), precision: precision, start: start.map(day))
}

private func range(_ start: String, _ due: String) -> Deadline.Kind {
    .range(start: day(start), due: day(due))
}

private func recurring(_ frequency: Recurrence.Frequency, _ rule: Recurrence.Rule) -> Deadline.Kind {
    .recurring(Recurrence(frequency: frequency, rule: rule, until: day("2023-12-31")))
}

/// One expected reading for a parameterized test, shown by its text.
struct Row: Sendable, CustomTestStringConvertible {
    var text: String
    var kind: Deadline.Kind
    var flags: Set<Deadline.Flag>

    init(_ text: String, _ kind: Deadline.Kind, _ flags: Set<Deadline.Flag> = []) {
        self.text = text
        self.kind = kind
        self.flags = flags
    }

    var testDescription: String { text }
}

/// Checks kind, the exact flags and the alternative reading, and that the original text is kept.
private func expect(
    _ text: String, _ kind: Deadline.Kind, _ flags: Set<Deadline.Flag> = [], alternative: String? = nil,
    parser: DeadlineParser = parser, sourceLocation: SourceLocation = #_sourceLocation
) {
    let deadline = parser.parse(text)
    #expect(deadline.kind == kind, "\(text)", sourceLocation: sourceLocation)
    #expect(deadline.flags == flags, "\(text)", sourceLocation: sourceLocation)
    #expect(deadline.alternative == alternative.map(day), "\(text)", sourceLocation: sourceLocation)
    #expect(deadline.text == text, sourceLocation: sourceLocation)
}

/// Everything in this file, so that `swift test --filter DeadlineTests` runs it all.
@Suite("Deadlines") struct DeadlineTests {}

extension DeadlineTests {
    @Suite("Deadline cases of domain.md §8.1")
    struct Cases {
        @Test("D01 2023年11月底前 → DATE(2023-11-30, month)")
        func d01() { expect("2023年11月底前", date("2023-11-30", .month)) }

        @Test("D02 11月底前 → DATE(2023-11-30, month) {year-inferred}")
        func d02() { expect("11月底前", date("2023-11-30", .month), [.yearInferred]) }

        @Test("D03 12月前 → DATE(2023-12-31, month) {year-inferred, ambiguous-before}, strict alternative 2023-11-30")
        func d03() { expect("12月前", date("2023-12-31", .month), [.yearInferred, .ambiguousBefore], alternative: "2023-11-30") }

        @Test("D04 6月30日前 → DATE(2023-06-30, day) {year-inferred}")
        func d04() { expect("6月30日前", date("2023-06-30", .day), [.yearInferred]) }

        @Test("D05 年底前 → DATE(2023-12-31, year)")
        func d05() { expect("年底前", date("2023-12-31", .year)) }

        @Test("D06 上半年 → DATE(2023-06-30, half) start 2023-01-01")
        func d06() { expect("上半年", date("2023-06-30", .half, start: "2023-01-01"), [.yearInferred]) }

        @Test("D07 三季度末 → DATE(2023-09-30, quarter)")
        func d07() { expect("三季度末", date("2023-09-30", .quarter), [.yearInferred]) }

        @Test("D08 每季度 → RECUR(quarterly, at quarter end)")
        func d08() {
            expect("每季度", recurring(.quarterly, .periodEnd))
            guard case .recurring(let recurrence) = parser.parse("每季度").kind else { return }
            #expect(recurrence.occurrences(in: 2023) == ["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"].map(day))
        }

        @Test("D09 每月25日前 → RECUR(monthly, day=25) until 2023-12-31")
        func d09() {
            expect("每月25日前", recurring(.monthly, .day(25)))
            guard case .recurring(let recurrence) = parser.parse("每月25日前").kind else { return }
            #expect(recurrence.until == day("2023-12-31"))
            #expect(recurrence.occurrences(in: 2023).map(\.description) == (1...12).map { String(format: "2023-%02d-25", $0) })
        }

        @Test("D10 长期推进 → ONGOING")
        func d10() { expect("长期推进", .ongoing(horizon: nil)) }

        @Test("D11 持续推进 → ONGOING")
        func d11() { expect("持续推进", .ongoing(horizon: nil)) }

        @Test("D12 长期坚持 → ONGOING")
        func d12() { expect("长期坚持", .ongoing(horizon: nil)) }

        @Test("D13 2023年内 → DATE(2023-12-31, year)")
        func d13() { expect("2023年内", date("2023-12-31", .year)) }

        @Test("D14 即时 → RELATIVE(0 day, anchor=event)")
        func d14() { expect("即时", .relative(offset: 0, unit: .day, anchor: .event)) }

        @Test("D15 常态化 → ONGOING")
        func d15() { expect("常态化", .ongoing(horizon: nil)) }

        @Test("D16 10个工作日内 → RELATIVE(10 workday, anchor=unknown) {needs-anchor}")
        func d16() { expect("10个工作日内", .relative(offset: 10, unit: .workday, anchor: .unknown), [.needsAnchor]) }

        @Test("D17 10个工作日内 from 2023-09-25 → DATE(2023-10-13, day), over the National Day block and its make-up days")
        func d17() throws {
            let resolved = try parser.resolve(parser.parse("10个工作日内"), anchor: day("2023-09-25"), calendar: .bundled())
            #expect(resolved.kind == date("2023-10-13", .day))
            #expect(resolved.flags.isEmpty)
            #expect(resolved.text == "10个工作日内")
        }

        @Test("D18 按上级要求 → EXTERNAL")
        func d18() { expect("按上级要求", .external) }

        @Test("D19 2023年12月31日 → DATE(2023-12-31, day)")
        func d19() { expect("2023年12月31日", date("2023-12-31", .day)) }

        @Test("D20 2023年6月-12月 → RANGE(2023-06-01..2023-12-31)")
        func d20() { expect("2023年6月-12月", range("2023-06-01", "2023-12-31")) }

        @Test("D21 6-12月 → RANGE(2023-06-01..2023-12-31) {year-inferred}")
        func d21() { expect("6-12月", range("2023-06-01", "2023-12-31"), [.yearInferred]) }

        @Test("D22 2023年6月至12月 → RANGE(2023-06-01..2023-12-31)")
        func d22() { expect("2023年6月至12月", range("2023-06-01", "2023-12-31")) }

        @Test("D23 2023.6.30 → DATE(2023-06-30, day)")
        func d23() { expect("2023.6.30", date("2023-06-30", .day)) }

        @Test("D24 11.30前 as text → DATE(2023-11-30, day) {year-inferred}")
        func d24() { expect("11.30前", date("2023-11-30", .day), [.yearInferred]) }

        @Test("D25 date cell 45260 → DATE(2023-11-30, day)")
        func d25() {
            // The XLSX reader turns a serial with a date format into a date; serials from 61 on count from 1899-12-30.
            let cell = day("1899-12-30").adding(days: 45260)
            let deadline = parser.parse(date: cell)
            #expect(deadline.kind == date("2023-11-30", .day))
            #expect(deadline.flags.isEmpty)
        }

        @Test("D26 number 6.3 in General format → UNPARSEABLE {suspect-numeric}, candidates 2023-06-30 and 2023-06-03")
        func d26() {
            let deadline = parser.parse(number: 6.3)
            #expect(deadline.kind == .unparseable(candidates: [day("2023-06-30"), day("2023-06-03")]))
            #expect(deadline.flags == [.suspectNumeric])
        }

        @Test("D27 二〇二三年十月底前 → DATE(2023-10-31, month)")
        func d27() { expect("二〇二三年十月底前", date("2023-10-31", .month)) }

        @Test("D28 ２０２３年９月３０日前 (full-width) → DATE(2023-09-30, day)")
        func d28() { expect("２０２３年９月３０日前", date("2023-09-30", .day)) }

        @Test("D29 10月中旬 → DATE(2023-10-20, xun) {year-inferred}")
        func d29() { expect("10月中旬", date("2023-10-20", .xun), [.yearInferred]) }

        @Test("D30 一季度 → DATE(2023-03-31, quarter)")
        func d30() { expect("一季度", date("2023-03-31", .quarter), [.yearInferred]) }

        @Test("D31 下半年 → DATE(2023-12-31, half) start 2023-07-01")
        func d31() { expect("下半年", date("2023-12-31", .half, start: "2023-07-01"), [.yearInferred]) }

        @Test("D32 9月 → DATE(2023-09-30, month) {year-inferred}")
        func d32() { expect("9月", date("2023-09-30", .month), [.yearInferred]) }

        @Test("D33 6月底前制定方案，12月底前全面完成 → MILESTONES[2023-06-30, 2023-12-31] due=2023-12-31")
        func d33() {
            let text = "6月底前制定方案，12月底前全面完成"
            expect(text, .milestones([.init(due: day("2023-06-30"), text: "制定方案"), .init(due: day("2023-12-31"), text: "全面完成")]), [.yearInferred])
            #expect(parser.parse(text).due == day("2023-12-31"))
        }

        @Test("D34 年内持续推进 → ONGOING(horizon 2023-12-31)")
        func d34() { expect("年内持续推进", .ongoing(horizon: day("2023-12-31"))) }

        @Test("clauses each with its date inside (…工程11月底前具备通车条件；…12月底前建设完成) → MILESTONES, the whole clause kept")
        func innerDates() {
            let text = "三亚路一期工程11月底前具备通车条件;大连路西延工程12月底前取得阶段性成效并长期坚持;污水处理厂二期工程12月底前建设完成。"
            guard case .milestones(let nodes) = parser.parse(text).kind else { Issue.record("\(parser.parse(text).kind)"); return }
            #expect(nodes.map(\.due) == ["2023-11-30", "2023-12-31", "2023-12-31"].map(day))
            #expect(nodes.first?.text == "三亚路一期工程11月底前具备通车条件")
            expect("主体工程10月底前完工", date("2023-10-31", .month), [.yearInferred])
            guard case .unparseable = parser.parse("一期工程完工;二期工程12月底前完成").kind else { Issue.record("a clause without a date made milestones"); return }
        }

        @Test("定期, 常年 → ONGOING", arguments: ["定期", "常年", "定期开展"])
        func periodicWords(text: String) { expect(text, .ongoing(horizon: nil)) }

        @Test("D35 每季度首月10日前 → RECUR(quarterly, day 10 of the month after each quarter)")
        func d35() {
            expect("每季度首月10日前", recurring(.quarterly, .dayAfterPeriod(10)))
            guard case .recurring(let recurrence) = parser.parse("每季度首月10日前").kind else { return }
            #expect(recurrence.occurrences(in: 2023) == ["2023-04-10", "2023-07-10", "2023-10-10", "2024-01-10"].map(day))
        }

        @Test("D36 每月 → RECUR(monthly, at month end)")
        func d36() { expect("每月", recurring(.monthly, .periodEnd)) }

        @Test("D37 每年 → RECUR(yearly, 12-31)")
        func d37() {
            expect("每年", recurring(.yearly, .periodEnd))
            guard case .recurring(let recurrence) = parser.parse("每年").kind else { return }
            #expect(recurrence.occurrences(in: 2023) == [day("2023-12-31")])
        }

        @Test("D38 2024年春节前 → DATE(2024-02-09, day) {after-plan-year, holiday-based}")
        func d38() { expect("2024年春节前", date("2024-02-09", .day), [.afterPlanYear, .holidayBased]) }

        @Test("D39 年前 → DATE(2023-12-31, year) {ambiguous-lunar-new-year}, alternative 2024-02-09")
        func d39() { expect("年前", date("2023-12-31", .year), [.ambiguousLunarNewYear], alternative: "2024-02-09") }

        @Test("D40 5个工作日内 from 2023-04-26 → DATE(2023-05-06, day), a Saturday make-up workday")
        func d40() throws {
            let resolved = try parser.resolve(parser.parse("5个工作日内"), anchor: day("2023-04-26"), calendar: .bundled())
            #expect(resolved.kind == date("2023-05-06", .day))
            #expect(resolved.flags.isEmpty)
        }

        @Test("D41 3个工作日内 from 2023-06-20 → DATE(2023-06-26, day), over 06-22…06-24, counting Sunday 06-25")
        func d41() throws {
            let resolved = try parser.resolve(parser.parse("3个工作日内"), anchor: day("2023-06-20"), calendar: .bundled())
            #expect(resolved.kind == date("2023-06-26", .day))
            #expect(resolved.flags.isEmpty)
        }

        @Test("D42 2022年12月底前 → DATE(2022-12-31, month) {before-plan-year}")
        func d42() { expect("2022年12月底前", date("2022-12-31", .month), [.beforePlanYear]) }

        @Test("D43 1215日前 → UNPARSEABLE {suspect-mangled}, candidate 2023-12-15")
        func d43() { expect("1215日前", .unparseable(candidates: [day("2023-12-15")]), [.suspectMangled]) }

        @Test("D44 empty cell → MISSING", arguments: ["", "  ", "\n"])
        func d44(text: String) { expect(text, .missing) }

        @Test("D45 按照省厅统一部署 → EXTERNAL")
        func d45() { expect("按照省厅统一部署", .external) }

        @Test("D46 立即 → RELATIVE(0 day, anchor=event)")
        func d46() { expect("立即", .relative(offset: 0, unit: .day, anchor: .event)) }

        @Test("D47 收到通知后5日内 → RELATIVE(5 day, anchor=notice) {needs-anchor}")
        func d47() { expect("收到通知后5日内", .relative(offset: 5, unit: .day, anchor: .notice), [.needsAnchor]) }

        @Test("D48 2023-2025年 → RANGE(2023-01-01..2025-12-31) {multi-year}")
        func d48() { expect("2023-2025年", range("2023-01-01", "2025-12-31"), [.multiYear]) }

        @Test("D49 2023年6月 → DATE(2023-06-30, month)")
        func d49() { expect("2023年6月", date("2023-06-30", .month)) }

        @Test("D50 （国务院各部门分别负责，年内持续推进） in the unit column, deadline empty → ONGOING(horizon 2023-12-31) {embedded-in-text}")
        func d50() {
            let units = "（国务院各部门分别负责，年内持续推进）"
            let deadline = parser.parse("", orFindIn: ["推进政务公开", units])
            #expect(deadline.kind == .ongoing(horizon: day("2023-12-31")))
            #expect(deadline.flags == [.embeddedInText])
            #expect(deadline.text == units)
        }
    }

    @Suite("Deadline pattern catalogue of domain.md §2.2")
    struct Catalogue {
        @Test("full dates in every separator form", arguments: [
            "2023年12月31日", "2023年12月31日前", "2023-12-31", "2023/12/31", "2023.12.31", "20231231", "2023年12月31号", "２０２３－１２－３１",
        ])
        func fullDates(text: String) { expect(text, date("2023-12-31", .day)) }

        @Test("month and day take the plan year", arguments: ["6月30日前", "6月30号前", "6.30前", "6/30前", "六月三十日前"])
        func monthDay(text: String) { expect(text, date("2023-06-30", .day), [.yearInferred]) }

        @Test("year and month mean the month's last day", arguments: ["2023年11月底前", "2023年11月", "2023年11月份", "2023年11月末", "2023.11"])
        func yearMonth(text: String) { expect(text, date("2023-11-30", .month)) }

        @Test("a month alone means its last day in the plan year", arguments: ["11月底前", "11月底", "11月末", "11月份", "11月", "十一月底"])
        func monthOnly(text: String) { expect(text, date("2023-11-30", .month), [.yearInferred]) }

        @Test("旬 and 月中", arguments: [("10月上旬", "2023-10-10"), ("10月中旬", "2023-10-20"), ("10月下旬", "2023-10-31"), ("10月中", "2023-10-15")])
        func xun(text: String, due: String) { expect(text, date(due, .xun), [.yearInferred]) }

        @Test("quarters end on their last day", arguments: [
            ("一季度", "2023-03-31"), ("第一季度", "2023-03-31"), ("一季度末", "2023-03-31"), ("1季度", "2023-03-31"), ("Q1", "2023-03-31"),
            ("三季度末", "2023-09-30"), ("第四季度", "2023-12-31"),
        ])
        func quarters(text: String, due: String) { expect(text, date(due, .quarter), [.yearInferred]) }

        @Test("前三季度 runs from January to the end of September")
        func firstThreeQuarters() { expect("前三季度", date("2023-09-30", .quarter, start: "2023-01-01"), [.yearInferred]) }

        @Test("年中 is 30 June")
        func midYear() { expect("年中", date("2023-06-30", .half)) }

        @Test("year forms mean 31 December of the plan year", arguments: [
            "年底前", "年底", "年末", "年内", "全年", "2023年内", "2023年底", "今年底", "2023年", "本年度", "年度内", "力争年底前完成",
        ])
        func yearForms(text: String) { expect(text, date("2023-12-31", .year)) }

        @Test("12月底前 is the same day, read as a month")
        func endOfDecember() { expect("12月底前", date("2023-12-31", .month), [.yearInferred]) }

        @Test("next and last year", arguments: [
            Row("明年", date("2024-12-31", .year), [.afterPlanYear]),
            Row("次年一季度", date("2024-03-31", .quarter), [.afterPlanYear]),
            Row("2024年一季度", date("2024-03-31", .quarter), [.afterPlanYear]),
            Row("去年底", date("2022-12-31", .year), [.beforePlanYear]),
            Row("24年6月底前", date("2024-06-30", .month), [.afterPlanYear]),
            Row("23年底", date("2023-12-31", .year)),
        ])
        func otherYears(row: Row) { expect(row.text, row.kind, row.flags) }

        @Test("Chinese numerals", arguments: [
            Row("十二月底", date("2023-12-31", .month), [.yearInferred]),
            Row("三月份", date("2023-03-31", .month), [.yearInferred]),
            Row("二O二三年十二月三十一日", date("2023-12-31", .day)),
            Row("第二季度", date("2023-06-30", .quarter), [.yearInferred]),
        ])
        func chineseNumerals(row: Row) { expect(row.text, row.kind, row.flags) }

        @Test("month ranges with every separator", arguments: ["6月-9月", "6月－9月", "6月—9月", "6月——9月", "6月–9月", "6月~9月", "6月～9月", "6月至9月", "6月到9月", "6～9月", "6-9月"])
        func monthRanges(text: String) { expect(text, range("2023-06-01", "2023-09-30"), [.yearInferred]) }

        @Test("ranges with years", arguments: [
            Row("2023.6-2023.12", range("2023-06-01", "2023-12-31")),
            Row("2023年—2025年", range("2023-01-01", "2025-12-31"), [.multiYear]),
            Row("2023年11月-2024年2月", range("2023-11-01", "2024-02-29"), [.multiYear]),
        ])
        func yearRanges(row: Row) { expect(row.text, row.kind, row.flags) }

        @Test("milestones with a colon after each date, one per clause or line", arguments: ["3月：完成调研；6月：出台办法", "3月:完成调研\n6月:出台办法"])
        func milestonesWithColons(text: String) {
            expect(text, .milestones([.init(due: day("2023-03-31"), text: "完成调研"), .init(due: day("2023-06-30"), text: "出台办法")]), [.yearInferred])
        }

        @Test("a single date followed by words is still a date; a start date is not a deadline")
        func dateWithWords() {
            expect("2022年10月底前编制并公布", date("2022-10-31", .month), [.beforePlanYear])
            expect("12月底前完成，并持续推进", date("2023-12-31", .month), [.yearInferred])
            expect("2023年6月起", .unparseable(candidates: []))
        }

        @Test("recurring forms", arguments: [
            ("按月", recurring(.monthly, .periodEnd)), ("逐月", recurring(.monthly, .periodEnd)), ("每月底", recurring(.monthly, .periodEnd)),
            ("每月5日前", recurring(.monthly, .day(5))), ("每月10日前报上月情况", recurring(.monthly, .dayAfterPeriod(10))),
            ("每季度末", recurring(.quarterly, .periodEnd)), ("按季度", recurring(.quarterly, .periodEnd)),
            ("每个季度第1个月的20日前", recurring(.quarterly, .dayAfterPeriod(20))),
            ("每半年", recurring(.halfyear, .periodEnd)), ("半年一次", recurring(.halfyear, .periodEnd)),
            ("年度", recurring(.yearly, .periodEnd)), ("每周", recurring(.weekly, .periodEnd)), ("每周五前", recurring(.weekly, .weekday(5))),
        ])
        func recurringForms(text: String, kind: Deadline.Kind) { expect(text, kind) }

        @Test("weekly occurrences fall on the named weekday of each week of the year")
        func weeklyOccurrences() {
            guard case .recurring(let recurrence) = parser.parse("每周五前").kind else { Issue.record("not recurring"); return }
            let fridays = recurrence.occurrences(in: 2023)
            #expect(fridays.count == 52)
            #expect(fridays.first == day("2023-01-06"))
            #expect(fridays.allSatisfy { $0.weekday == 5 })
        }

        @Test("ongoing words", arguments: ["长期推进", "持续推进", "长期坚持", "长期", "持续", "常态化", "常态化推进", "持续开展", "长期开展", "动态调整", "日常", "适时"])
        func ongoingWords(text: String) { expect(text, .ongoing(horizon: nil)) }

        @Test("ongoing to the end of the year", arguments: ["全年持续", "年内持续推进", "2023年内持续推进"])
        func ongoingWithHorizon(text: String) { expect(text, .ongoing(horizon: day("2023-12-31"))) }

        @Test("relative forms", arguments: [
            ("会后7日内", Deadline.Kind.relative(offset: 7, unit: .day, anchor: .meeting)),
            ("交办后15日内", .relative(offset: 15, unit: .day, anchor: .assignment)),
            ("30日内办结", .relative(offset: 30, unit: .day, anchor: .unknown)),
            ("急件1—5日内", .relative(offset: 5, unit: .day, anchor: .unknown)),
            ("收到通知后三个工作日内", .relative(offset: 3, unit: .workday, anchor: .notice)),
        ])
        func relativeForms(text: String, kind: Deadline.Kind) { expect(text, kind, [.needsAnchor]) }

        @Test("immediate forms need no anchor date", arguments: ["即时", "立即", "随时", "即办"])
        func immediate(text: String) { expect(text, .relative(offset: 0, unit: .day, anchor: .event)) }

        @Test("calendar-day offsets count from the anchor")
        func calendarDays() throws {
            let resolved = try parser.resolve(parser.parse("会后7日内"), anchor: day("2023-12-28"), calendar: .bundled())
            #expect(resolved.kind == date("2024-01-04", .day))
            #expect(resolved.flags == [.afterPlanYear])
        }

        @Test("external forms", arguments: ["按上级要求", "按上级时间要求", "按省市统一部署", "根据上级安排", "按文件要求", "按要求", "按照省厅统一部署"])
        func externalForms(text: String) { expect(text, .external) }

        @Test("holidays: the day before, flagged holiday-based")
        func holidays() {
            expect("国庆前", date("2023-09-30", .day), [.holidayBased, .yearInferred])
            expect("元旦前", date("2023-12-31", .day), [.holidayBased, .yearInferred])
            // 2023's festival (01-22) had passed when 2023 plans were issued: next year's.
            expect("春节前", date("2024-02-09", .day), [.holidayBased, .yearInferred, .afterPlanYear])
            let early = DeadlineParser(planYear: 2023, issued: day("2023-01-10"))
            expect("春节前", date("2023-01-21", .day), [.holidayBased, .yearInferred], parser: early)
        }

        @Test("text that is no deadline stays unparseable with the text kept", arguments: ["待定", "视情况而定", "6月31日", "13月", "—", "6月-3月", "10年内"])
        func unparseable(text: String) { expect(text, .unparseable(candidates: [])) }

        @Test("arbitrary text never traps, and its text is kept")
        func arbitraryText() {
            // A fixed pseudo-random sequence (a 64-bit LCG), so that a failure repeats.
            var state: UInt64 = 2023
            func next(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(state >> 33) % bound
            }
            let pieces = ["0", "1", "2", "9", "12", "2023", "年", "月", "日", "底", "前", "-", ".", "/", "至", "季度", "第", "一", "十", "〇", "O",
                          "上半年", "旬", "中", "每", "个", "工作日", "内", "后", "春节", "Q", "，", "：", "末", "份", "号", "今", "明", "长期", "按", "要求"]
            for _ in 0..<5000 {
                let text = (0..<next(10)).map { _ in pieces[next(pieces.count)] }.joined()
                #expect(parser.parse(text).text == text)
            }
        }

        @Test("numbers Excel made of typed dates", arguments: [
            (6.3, [day("2023-06-30"), day("2023-06-03")]), (11.3, [day("2023-11-30"), day("2023-11-03")]),
            (12.31, [day("2023-12-31")]), (6.05, [day("2023-06-05")]), (45.6, []),
        ])
        func suspectNumbers(number: Double, candidates: [CalendarDate]) {
            let deadline = parser.parse(number: number)
            #expect(deadline.kind == .unparseable(candidates: candidates))
            #expect(deadline.flags == [.suspectNumeric])
        }

        @Test("a whole number of eight digits is still a date, flagged")
        func compactNumber() {
            let deadline = parser.parse(number: 20231231)
            #expect(deadline.kind == date("2023-12-31", .day))
            #expect(deadline.flags == [.suspectNumeric])
        }

        @Test("kind names are the strings of §2.1", arguments: [
            (date("2023-12-31", .day), "date"), (range("2023-01-01", "2023-12-31"), "range"), (.milestones([]), "milestones"),
            (recurring(.monthly, .periodEnd), "recurring"), (.ongoing(horizon: nil), "ongoing"),
            (.relative(offset: 0, unit: .day, anchor: .event), "relative"), (.external, "external"),
            (.unparseable(candidates: []), "unparseable"), (.missing, "missing"),
        ])
        func kindNames(kind: Deadline.Kind, name: String) { #expect(kind.name == name) }

        @Test("flag names are the strings of §2.1")
        func flagNames() {
            #expect(Deadline.Flag.allCases.map(\.rawValue) == [
                "year-inferred", "ambiguous-before", "ambiguous-lunar-new-year", "before-plan-year", "after-plan-year", "multi-year",
                "holiday-based", "needs-anchor", "suspect-numeric", "suspect-mangled", "embedded-in-text",
            ])
        }

        @Test("JSON keeps the kind, the dates as ISO text, the flags in §2.1 order and the original text")
        func json() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(parser.parse("12月前"))
            #expect(String(decoding: data, as: UTF8.self)
                == #"{"alternative":"2023-11-30","due":"2023-12-31","flags":["year-inferred","ambiguous-before"],"kind":"date","precision":"month","text":"12月前"}"#)
        }
    }

    @Suite("The X月前 policy of domain.md §2.4")
    struct Policy {
        private let strict = DeadlineParser(planYear: 2023, policy: .init(before: .strict))

        @Test("loose (the default) reads 12月前 as the end of December, strict as the end of November")
        func switchesMonth() {
            expect("12月前", date("2023-12-31", .month), [.yearInferred, .ambiguousBefore], alternative: "2023-11-30")
            expect("12月前", date("2023-11-30", .month), [.yearInferred, .ambiguousBefore], alternative: "2023-12-31", parser: strict)
        }

        @Test("X季度前 follows the same policy")
        func switchesQuarter() {
            expect("三季度前", date("2023-09-30", .quarter), [.yearInferred, .ambiguousBefore], alternative: "2023-06-30")
            expect("三季度前", date("2023-06-30", .quarter), [.yearInferred, .ambiguousBefore], alternative: "2023-09-30", parser: strict)
        }

        @Test("strict 1月前 falls in the year before the plan")
        func strictJanuary() {
            expect("1月前", date("2022-12-31", .month), [.yearInferred, .ambiguousBefore, .beforePlanYear], alternative: "2023-01-31", parser: strict)
        }

        @Test("forms that name the end of a period are not ambiguous under either policy", arguments: ["11月底前", "11月30日前", "11.30前"])
        func notAmbiguous(text: String) {
            #expect(parser.parse(text).due == day("2023-11-30"))
            #expect(strict.parse(text).due == day("2023-11-30"))
            #expect(!strict.parse(text).flags.contains(.ambiguousBefore))
        }
    }

    @Suite("Working days of domain.md §2.5")
    struct WorkingDays {
        @Test("the bundled 2023 table: holidays off, make-up weekend days on, other weekends off")
        func bundledTable() throws {
            let calendar = try WorkingDayCalendar.bundled()
            #expect(calendar.years == [2023])
            for holiday in ["2023-01-02", "2023-01-23", "2023-04-05", "2023-05-03", "2023-06-23", "2023-10-02"] {
                #expect(try !calendar.isWorkingDay(day(holiday)), "\(holiday)")
            }
            for workday in ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08", "2023-09-28"] {
                #expect(try calendar.isWorkingDay(day(workday)), "\(workday)")
            }
            #expect(try !calendar.isWorkingDay(day("2023-03-04")))
        }

        @Test("the anchor day is not counted; zero working days is the anchor")
        func anchorNotCounted() throws {
            let calendar = try WorkingDayCalendar.bundled()
            #expect(try calendar.adding(workingDays: 1, to: day("2023-03-03")) == day("2023-03-06"))
            #expect(try calendar.adding(workingDays: 0, to: day("2023-03-04")) == day("2023-03-04"))
        }

        @Test("counting into a year without a table fails loudly")
        func crossesIntoUnknownYear() throws {
            let calendar = try WorkingDayCalendar.bundled()
            #expect(throws: WorkingDayCalendarError.noTable(year: 2024, reached: day("2024-01-01"))) {
                try calendar.adding(workingDays: 5, to: day("2023-12-28"))
            }
            let error = WorkingDayCalendarError.noTable(year: 2024, reached: day("2024-01-01"))
            #expect(error.description.contains("workdays-2024.json"))
        }

        @Test("an office can add a year's table from a file; a broken file names itself")
        func tablesFromFiles() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-workdays-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let good = directory.appendingPathComponent("workdays-2024.json")
            try Data(#"{"year": 2024, "holidays": [{"from": "2024-01-01", "to": "2024-01-01"}], "workdays": []}"#.utf8).write(to: good)
            let calendar = try WorkingDayCalendar(contentsOf: [good])
            #expect(calendar.years == [2024])
            #expect(try calendar.adding(workingDays: 1, to: day("2024-01-01")) == day("2024-01-02"))

            let broken = directory.appendingPathComponent("workdays-2025.json")
            try Data(#"{"year": 2025, "holidays": [{"from": "2025-01-01", "to": "2025-13-01"}], "workdays": []}"#.utf8).write(to: broken)
            #expect {
                try WorkingDayCalendar(contentsOf: [broken])
            } throws: { error in
                guard case WorkingDayCalendarError.invalidTable(let file, _) = error else { return false }
                return file == "workdays-2025.json"
            }
        }
    }

    @Suite("Calendar dates")
    struct CalendarDates {
        @Test("only real days exist", arguments: [(2023, 2, 29), (2023, 4, 31), (2023, 13, 1), (2023, 0, 1), (2023, 1, 0)])
        func invalid(year: Int, month: Int, day: Int) { #expect(CalendarDate(year: year, month: month, day: day) == nil) }

        @Test("ISO text round-trips and arithmetic crosses months, years and leap days")
        func arithmetic() {
            #expect(day("2024-02-28").adding(days: 1).description == "2024-02-29")
            #expect(day("2023-12-31").adding(days: 1) == day("2024-01-01"))
            #expect(day("2023-03-01").adding(days: -1) == day("2023-02-28"))
            #expect(day("2023-01-01").days(to: day("2024-01-01")) == 365)
            #expect(day("2023-06-30") < day("2023-07-01"))
            #expect(CalendarDate(iso: "2023-6-30") == nil)
        }

        @Test("ISO weekdays: Monday is 1, Sunday is 7")
        func weekdays() {
            #expect(day("2023-09-25").weekday == 1)
            #expect(day("2023-10-08").weekday == 7)
            #expect(day("1970-01-01").weekday == 4)
            #expect(day("1969-12-31").weekday == 3)
        }
    }
}
