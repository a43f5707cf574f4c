/// A deadline the office moved (`ledger extend`): the plan's own deadline stays as written, overdue is judged
/// against this one, and the ledger says so.
public struct DeadlineExtension: Sendable, Hashable, Codable {
    /// The adjusted deadline.
    public var due: CalendarDate
    /// Why, as the office approved it.
    public var reason: String
    /// How many times the deadline has been moved.
    public var count: Int

    public init(due: CalendarDate, reason: String, count: Int) {
        self.due = due
        self.reason = reason
        self.count = count
    }

    /// What the 完成时限 column adds after the plan's deadline.
    public var note: String { "（已延期至 \(due)，第 \(count) 次：\(reason)）" }
}
