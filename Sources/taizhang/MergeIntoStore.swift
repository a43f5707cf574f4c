import Foundation
import Ledger
import Reports
import Store
import Table

/// `merge --into`: the round recorded in the ledger store, after the ledger's files are written.
extension MergeCommand {
    /// With a store, the deadlines the office moved (`ledger extend`) count for overdue.
    func withExtensions(_ options: MergeOptions) throws -> MergeOptions {
        guard let into else { return options }
        var options = options
        options.extensions = try LedgerStore(path: into).extensions()
        return options
    }

    /// This round's label: `--round`, else the as-of month.
    func roundLabel(_ ledger: LedgerResult) -> String { round ?? String(ledger.asOf.description.prefix(7)) }

    /// The round before this one in the store, for 上期进展 and 变化.
    func previousRound(_ ledger: LedgerResult, in path: String) throws -> RoundChanges? {
        let store = try LedgerStore(path: path)
        // The plan version first: a task reworded since the last round is matched now, so its 上期进展 follows it.
        if let change = try store.record(plan: ledger.plan, sha256: SHA256.file(plan) ?? ""), !change.isEmpty, !global.quiet {
            let reworded = change.reworded.sorted { $0.key < $1.key }.map { "\($0.value)→\($0.key)" }.joined(separator: "、")
            print("计划表与上一版不同：新增 \(change.added.count) 项，删除 \(change.removed.count) 项，改写 \(change.reworded.count) 项"
                  + (reworded.isEmpty ? "。" : "（改写的任务按文字对应，历次进展接续到新编号：\(reworded)）。"))
        }
        return try store.previousRound(before: ledger.asOf.description, excluding: roundLabel(ledger))
    }

    /// The 历次进展: each earlier round's status of every task, then this round's.
    func history(_ ledger: LedgerResult, in path: String) throws -> LedgerWorkbook.History {
        let label = roundLabel(ledger)
        return LedgerWorkbook.History(round: label, earlier: try LedgerStore(path: path).statusHistory(excluding: label))
    }

    /// Each recurring task checked period by period against the store's earlier rounds.
    func periodChecks(_ ledger: LedgerResult, in path: String) throws -> [String: [String: PeriodCheck]] {
        let recurring = ledger.entries.filter { if case .recurring = $0.task.deadline.kind { true } else { false } }.map(\.task.id)
        return PeriodCheck.checks(ledger, earlier: try LedgerStore(path: path).reportDates(tasks: recurring, excluding: roundLabel(ledger)))
    }

    func recordRound(_ ledger: LedgerResult, into path: String) throws {
        let store = try LedgerStore(path: path)
        let label = roundLabel(ledger)
        let outcome = try store.record(round: label, result: ledger, planSHA256: SHA256.file(plan) ?? "")
        guard !global.quiet else { return }
        switch outcome {
        case .recorded: print("已记入台账数据库 \(path)：第 \(label) 轮。")
        case .replaced: print("已更新台账数据库 \(path) 中的第 \(label) 轮（反馈文件有变化）。")
        case .unchanged: print("台账数据库 \(path) 中的第 \(label) 轮已是这些文件，未作改动。")
        }
    }
}
