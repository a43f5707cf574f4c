import Ledger
import Testing

@Suite("Recurring deadlines checked period by period")
struct PeriodCheckTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test("每月25日前: April reported; February, whose 25th has passed, missed; January and March reported")
    func monthly() throws {
        let check = try #require(PeriodCheck.check(Recurrence(frequency: .monthly, rule: .day(25)), year: 2023, asOf: Self.date("2023-04-10"),
                                                   reportedOn: ["2023-01-20", "2023-03-15", "2023-04-10"].map(Self.date)))
        #expect(check.reportedThisPeriod)
        #expect(check.missed == [Self.date("2023-02-25")])
        #expect(check.text == "本期已报；漏报 1 期（截止 2月25日）")
    }

    @Test("每季度末: the third quarter not yet reported, the second missed; a report of another year does not count")
    func quarterly() throws {
        let check = try #require(PeriodCheck.check(Recurrence(frequency: .quarterly, rule: .periodEnd), year: 2023, asOf: Self.date("2023-07-10"),
                                                   reportedOn: ["2023-02-01", "2022-05-01"].map(Self.date)))
        #expect(!check.reportedThisPeriod)
        #expect(check.missed == [Self.date("2023-06-30")])
        #expect(check.text == "本期未报；漏报 1 期（截止 6月30日）")
    }

    @Test("a period whose due day is still ahead is not missed; weekly work is not checked by rounds")
    func notYetDue() {
        // 每季度首月10日前: the second quarter's report is due on 7月10日, after this as-of.
        let check = PeriodCheck.check(Recurrence(frequency: .quarterly, rule: .dayAfterPeriod(10)), year: 2023, asOf: Self.date("2023-07-05"),
                                      reportedOn: [Self.date("2023-03-20")])
        #expect(check?.missed == [])
        #expect(PeriodCheck.check(Recurrence(frequency: .weekly, rule: .weekday(5)), year: 2023, asOf: Self.date("2023-07-05"), reportedOn: []) == nil)
    }

    @Test("periods before the first recorded round are not missed: nobody kept the ledger then")
    func sinceFirstRound() throws {
        let monthly = Recurrence(frequency: .monthly, rule: .day(25))
        let reported = ["2023-07-10", "2023-08-10", "2023-12-15"].map(Self.date)
        let check = try #require(PeriodCheck.check(monthly, year: 2023, asOf: Self.date("2023-12-15"), reportedOn: reported, since: Self.date("2023-07-10")))
        #expect(check.missed == ["2023-09-25", "2023-10-25", "2023-11-25"].map(Self.date))
        let whole = try #require(PeriodCheck.check(monthly, year: 2023, asOf: Self.date("2023-12-15"), reportedOn: reported))
        #expect(whole.missed.count == 9)
        // A first round in an earlier year: every period of the plan's year counts.
        #expect(PeriodCheck.check(monthly, year: 2023, asOf: Self.date("2023-03-01"), reportedOn: [], since: Self.date("2022-11-01"))?.missed.count == 2)
    }
}
