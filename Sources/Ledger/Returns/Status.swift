/// Where a task stands in a reporting period: the canonical statuses of domain.md §4.1.
///
/// The raw values are a JSON contract; never rename them. The ledger always prints `displayName`,
/// because handouts are printed in black and white; `defaultColour` is only a hint.
public enum Status: String, CaseIterable, Codable, Sendable {
    case completed, partial, onTrack, ahead, lagging, notStarted, overdue, extended, suspended, pending, noReport

    /// The Chinese name users read. `partial` is shown as 部分完成, not 基本完成: it also covers 部分完成,
    /// 阶段性完成 and 初步完成, and a leader must never read a unit's "部分完成" as the rosier "基本完成".
    /// The unit's own words stay in the evidence and the progress text.
    public var displayName: String {
        switch self {
        case .completed: "已完成"
        case .partial: "部分完成"
        case .onTrack: "推进中"
        case .ahead: "超序时"
        case .lagging: "滞后"
        case .notStarted: "未启动"
        case .overdue: "逾期"
        case .extended: "已延期"
        case .suspended: "暂缓"
        case .pending: "待确认"
        case .noReport: "未报送"
        }
    }

    /// Every status but noReport, most worrying first: a task's combined status is the most worrying one its
    /// units reported, and of two status words in one progress text the more worrying one wins.
    public static let severity: [Status] = [.overdue, .lagging, .notStarted, .suspended, .pending, .extended, .partial, .onTrack, .ahead, .completed]

    /// The proposed default of §4.4 (configurable; a hint, never the only signal): green for done or on plan,
    /// yellow for lagging, red for overdue, grey where the status alone gives no verdict and someone must look
    /// (partial and not-started work, an extension, a suspension, a pending decision, a missing report).
    /// Deadline checks may raise a grey status to yellow (due soon) or red (past due).
    public var defaultColour: StatusColour {
        switch self {
        case .completed, .onTrack, .ahead: .green
        case .lagging: .yellow
        case .overdue: .red
        case .partial, .notStarted, .extended, .suspended, .pending, .noReport: .grey
        }
    }
}

/// The colour a status is shown in by default. Meanings differ between offices (§4.4), so it is only a hint.
public enum StatusColour: String, CaseIterable, Codable, Sendable {
    case green, yellow, red, grey
}
