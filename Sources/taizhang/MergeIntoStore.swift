import Foundation
import Ledger
import Reports
import Store
import Table

/// `merge --into`: the ledger store, opened once for the round: the deadlines the office moved before the merge,
/// the earlier rounds for the ledger's columns, and the round recorded before the outputs are put in place.
struct StoreRound {
    let path: String
    let label: String
    private let store: LedgerStore
    private let planSHA256: String
    private let snapshot = PendingSnapshot()

    /// The label is `--round`, else the as-of month.
    init(path: String, round: String?, asOf: CalendarDate, plan: String) throws {
        self.path = path
        label = round ?? String(asOf.description.prefix(7))
        store = try LedgerStore(path: path)
        planSHA256 = SHA256.file(plan) ?? ""
    }

    /// The merge's options with the deadlines moved by `ledger extend`, which count for overdue.
    func extending(_ options: MergeOptions) throws -> MergeOptions {
        var options = options
        options.extensions = try store.extensions()
        return options
    }

    /// What the ledger shows of the earlier rounds: 上期进展 and 变化, 历次进展, 周期报送.
    struct Views {
        var changes: RoundChanges?
        var history: LedgerWorkbook.History
        var periods: [String: [String: PeriodCheck]]
    }

    /// The earlier rounds as the ledger shows them; the plan version is recorded first, so that a task reworded since
    /// the last round is matched now and its 上期进展 follows it, and how the plan changed is told unless `quiet`.
    func views(_ ledger: LedgerResult, quiet: Bool) throws -> Views {
        // The round's ledger for the store is encoded on the other core while the views are read and the workbook written.
        snapshot.start(ledger)
        if let change = try store.record(plan: ledger.plan, sha256: planSHA256), !change.isEmpty, !quiet {
            let reworded = change.reworded.sorted { $0.key < $1.key }.map { "\($0.value)→\($0.key)" }.joined(separator: "、")
            print("计划表与上一版不同：新增 \(change.added.count) 项，删除 \(change.removed.count) 项，改写 \(change.reworded.count) 项"
                  + (reworded.isEmpty ? "。" : "（改写的任务按文字对应，历次进展接续到新编号：\(reworded)）。"))
        }
        let recurring = ledger.entries.filter { if case .recurring = $0.task.deadline.kind { true } else { false } }.map(\.task.id)
        return Views(changes: try store.previousRound(before: ledger.asOf.description, excluding: label),
                     history: LedgerWorkbook.History(round: label, earlier: try store.statusHistory(excluding: label)),
                     periods: PeriodCheck.checks(ledger, earlier: try store.reportDates(tasks: recurring, excluding: label),
                                                 since: min(try store.firstAsOf(excluding: label) ?? ledger.asOf, ledger.asOf)))
    }

    /// Records the round in one transaction, with the ledger itself for `report 台账.db`.
    func record(_ ledger: LedgerResult) throws -> LedgerStore.Outcome {
        try store.record(round: label, result: ledger, planSHA256: planSHA256, snapshot: try snapshot.value(ledger))
    }

    /// What recording did, for the terminal, and the deadline extensions units asked for with the command approving each.
    func message(_ outcome: LedgerStore.Outcome, _ ledger: LedgerResult) -> String {
        let done = switch outcome {
        case .recorded: "已记入台账数据库 \(path)：第 \(label) 轮。"
        case .replaced: "已更新台账数据库 \(path) 中的第 \(label) 轮（反馈文件有变化）。"
        case .unchanged: "台账数据库 \(path) 中的第 \(label) 轮已是这些文件，未作改动。"
        }
        let requests = ExtensionRequest.requests(in: ledger).map { request in
            let entry = ledger.entries.first { $0.task.id == request.task }
            let approval = entry?.task.extended.map { "已批准延至 \($0.due)（第 \($0.count) 次）" }
                ?? "批准：taizhang ledger extend \(path) \(request.task) --approve"
            return "  \(request.task)：\(request.description)（\(request.source)）。\(approval)"
        }
        return ([done] + (requests.isEmpty ? [] : ["申请延期 \(requests.count) 项，经批准后才按新时限判断逾期："] + requests)).joined(separator: "\n")
    }
}

/// The round's ledger as the store keeps it, encoded on a thread of its own (2.1 s of JSON and zlib for 200 units
/// × 1,000 tasks, half the cost of recording a round) while the merge goes on writing its workbook.
final class PendingSnapshot: @unchecked Sendable {
    private var result: Result<(data: [UInt8], size: Int), any Error>?
    private var started = false
    private let done = DispatchSemaphore(value: 0)

    func start(_ ledger: LedgerResult) {
        guard !started else { return }
        started = true
        Thread.detachNewThread { [self] in
            result = Result { try LedgerSnapshot.encode(ledger) }
            done.signal()
        }
    }

    /// The encoded ledger, waiting for the thread when it was started, else encoded now.
    func value(_ ledger: LedgerResult) throws -> (data: [UInt8], size: Int) {
        guard started else { return try LedgerSnapshot.encode(ledger) }
        done.wait()
        return try result!.get()
    }
}
