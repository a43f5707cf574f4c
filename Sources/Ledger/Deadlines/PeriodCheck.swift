/// A recurring task checked period by period (每月, 每季度, 每半年, 每年) over the reporting rounds: whether the unit
/// reported in the current period, and which earlier periods whose due day has passed it left without a report.
/// A round counts for the period its as-of date falls in (round 2023-07 is July's report).
public struct PeriodCheck: Sendable, Hashable {
    public var reportedThisPeriod: Bool
    /// Due days of earlier periods without a report.
    public var missed: [CalendarDate]

    /// 本期已报 or 本期未报, then the periods missed.
    public var text: String {
        (reportedThisPeriod ? "本期已报" : "本期未报")
            + (missed.isEmpty ? "" : "；漏报 \(missed.count) 期（截止 \(missed.map { "\($0.month)月\($0.day)日" }.joined(separator: "、"))）")
    }

    /// The check of a recurrence in `year` on `asOf`, given the as-of dates of the rounds in which the unit reported
    /// the task; nil for weekly work, which rounds are too far apart to check. Periods before `since`, the first
    /// round the ledger recorded, are not counted as missed: nobody was keeping the ledger then.
    public static func check(_ recurrence: Recurrence, year: Int, asOf: CalendarDate, reportedOn: [CalendarDate],
                             since: CalendarDate? = nil) -> PeriodCheck? {
        let months: Int
        switch recurrence.frequency {
        case .monthly: months = 1
        case .quarterly: months = 3
        case .halfyear: months = 6
        case .yearly: months = 12
        case .weekly: return nil
        }
        func period(_ date: CalendarDate) -> Int? { date.year == year ? (date.month - 1) / months : nil }
        let reported = Set(reportedOn.compactMap(period))
        let dues = recurrence.occurrences(in: year)
        let current = period(asOf) ?? (asOf.year > year ? dues.count : -1)
        let first = since.map { period($0) ?? ($0.year > year ? dues.count : 0) } ?? 0
        let missed = dues.enumerated().filter { index, due in
            index >= first && index < current && due < asOf && !reported.contains(index)
        }.map(\.element)
        return PeriodCheck(reportedThisPeriod: reported.contains(current), missed: missed)
    }
}

extension PeriodCheck {
    /// Every recurring task of a ledger checked for each unit expected to report it, by task id and unit: `earlier`
    /// gives the as-of dates of earlier rounds in which each unit reported each task; this round counts for the
    /// units that reported now; `since` is the first round's as-of date.
    public static func checks(_ ledger: LedgerResult, earlier: [String: [String: [CalendarDate]]], since: CalendarDate? = nil) -> [String: [String: PeriodCheck]] {
        var checks: [String: [String: PeriodCheck]] = [:]
        for entry in ledger.entries {
            guard case .recurring(let recurrence) = entry.task.deadline.kind else { continue }
            for unit in entry.reported + entry.missing {
                let dates = (earlier[entry.task.id]?[unit] ?? []) + (entry.reported.contains(unit) ? [ledger.asOf] : [])
                checks[entry.task.id, default: [:]][unit] = check(recurrence, year: ledger.plan.planYear, asOf: ledger.asOf, reportedOn: dates, since: since)
            }
        }
        return checks
    }
}
