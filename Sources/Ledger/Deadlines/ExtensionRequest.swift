import Table

/// A unit's request to move a task's deadline: a return row whose status is 申请延期 (or 已延期). The office approves it
/// with `ledger extend`; until then overdue is still judged by the plan's deadline, and the briefing lists the request.
public struct ExtensionRequest: Sendable, Equatable {
    public var task: String
    public var taskText: String
    public var unit: String
    /// The day asked for, when the row names one (申请延期至2023年12月31日, or a date in 完成时间).
    public var requested: CalendarDate?
    /// The unit's own words: progress, problems and remarks of the row.
    public var reason: String
    public var source: SourceLocation
    /// The office has moved this task's deadline (`ledger extend`).
    public var approved = false

    /// Words that come right before the day asked for.
    static let markers = ["申请延期至", "申请延期到", "延期至", "延期到", "延至", "顺延至", "推迟至", "推迟到", "调整至", "调整为"]

    /// The requests of a merged ledger, in plan order, one per task and unit.
    public static func requests(in ledger: LedgerResult) -> [ExtensionRequest] {
        let parser = DeadlineParser(planYear: ledger.plan.planYear)
        var found: [ExtensionRequest] = []
        for entry in ledger.entries {
            for report in entry.progress where report.status == .extended {
                let texts = [report.text, report.problems, report.remarks, report.nextSteps].compactMap { $0 }
                let day = texts.lazy.compactMap { requestedDay(in: $0, parser: parser) }.first
                    ?? report.completedDate.flatMap { day in entry.task.due.map { day > $0 } ?? true ? day : nil }
                found.append(ExtensionRequest(task: entry.task.id, taskText: entry.task.task.text, unit: report.unit, requested: day,
                                              reason: texts.joined(separator: "；"), source: report.source))
            }
        }
        return found
    }

    /// The day after a marker such as 延期至, read as a deadline up to the next punctuation: a whole day or a month's end.
    static func requestedDay(in text: String, parser: DeadlineParser) -> CalendarDate? {
        let text = SimplifiedScript.convert(text)
        for marker in markers {
            guard let range = text.range(of: marker) else { continue }
            let rest = text[range.upperBound...].prefix { !"，。；,;）)、\n ".contains($0) }
            if case .date(let due, _, _) = parser.parse(String(rest)).kind { return due }
        }
        return nil
    }

    /// "第五科申请延期至 2023-12-31（原因）", for the terminal and the briefing.
    public var description: String {
        let day = requested.map { "至 \($0)" } ?? "（未写明延至日期）"
        return "\(unit)申请延期\(day)"
    }
}
