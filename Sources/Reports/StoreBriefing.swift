import Ledger
import Store

/// The briefing of a round written from the ledger store: the round's ledger as merged, the rounds before it for the
/// completion-rate trend, and the previous round for each unit's changes.
public enum StoreBriefing {
    /// The briefing of round `label` (the latest when nil); options as for a briefing from the ledger's JSON.
    public static func briefing(_ store: LedgerStore, round label: String?, asOf: CalendarDate? = nil, dueSoonDays: Int = 15,
                                reportBy: CalendarDate? = nil) throws -> Briefing {
        guard let snapshot = try store.snapshot(round: label) else {
            throw StoreBriefingError.noRound(store.path, label)
        }
        let earlier = try store.points(before: snapshot.asOf, excluding: snapshot.round)
        // The previous round's per-unit figures come from its own ledger, decoded and dropped before this round's is.
        var previous: (summary: LedgerSummary, reports: RoundChanges)?
        if let before = try store.previousLabel(before: snapshot.asOf, excluding: snapshot.round),
           let old = try store.snapshot(round: before),
           let reports = try store.previousRound(before: snapshot.asOf, excluding: snapshot.round) {
            previous = (LedgerSummary(try LedgerSnapshot.decode(old.data, size: old.size)), reports)
        }
        let ledger = try LedgerSnapshot.decode(snapshot.data, size: snapshot.size)
        let rounds = RoundHistory(ledger, round: snapshot.round, earlier: earlier, previous: previous,
                                  extended: Set(try store.extensions().keys))
        return Briefing(ledger, asOf: asOf, dueSoonDays: dueSoonDays, reportBy: reportBy, rounds: rounds)
    }

    public enum StoreBriefingError: Error, CustomStringConvertible {
        case noRound(String, String?)

        public var description: String {
            switch self {
            case .noRound(let path, nil): "\(path) 中还没有记录任何一轮，请先运行 taizhang merge … --into \(path)。"
            case .noRound(let path, let label?): "\(path) 中没有第 \(label) 轮，可用 taizhang ledger rounds \(path) 查看已记录的轮次。"
            }
        }
    }
}
