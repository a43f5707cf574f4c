/// What changed in each unit's report since the previous reporting round: the 变化 column of a ledger that
/// remembers. A pure comparison of this round's reports with the previous round's, task by task, unit by unit.
public struct RoundChanges: Sendable {
    /// A unit's report on a task as the previous round recorded it.
    public struct Previous: Sendable, Hashable {
        public var status: Status?
        public var text: String?

        public init(status: Status?, text: String?) {
            self.status = status
            self.text = text
        }
    }

    /// One unit's change on one task.
    public enum Change: Sendable, Hashable {
        /// 新报: nothing from this unit on this task last round.
        case new
        /// 更新: the progress text changed.
        case updated
        /// 未更新: the same text as last round, after normalization (a copied-forward report).
        case unchanged
        /// 状态变化, such as 推进中→已完成.
        case status(from: Status, to: Status)

        /// The words the 变化 column shows.
        public var displayName: String {
            switch self {
            case .new: "新报"
            case .updated: "更新"
            case .unchanged: "未更新"
            case .status(let from, let to): "\(from.displayName)→\(to.displayName)"
            }
        }
    }

    /// The previous round's label, as the column headers say.
    public let previousRound: String
    /// Previous reports by task id and unit.
    public let previous: [String: [String: Previous]]

    public init(previousRound: String, previous: [String: [String: Previous]]) {
        self.previousRound = previousRound
        self.previous = previous
    }

    /// The previous report of a unit on a task, if any.
    public func previous(task: String, unit: String) -> Previous? { previous[task]?[unit] }

    /// How a report compares with the same unit's on the same task last round.
    public func change(task: String, report: ProgressEntry) -> Change {
        guard let before = previous(task: task, unit: report.unit) else { return .new }
        if let from = before.status, let to = report.status, from != to { return .status(from: from, to: to) }
        let now = report.text.map { TextNormalization.normalize($0) } ?? ""
        let then = before.text.map { TextNormalization.normalize($0) } ?? ""
        return now == then ? .unchanged : .updated
    }
}
