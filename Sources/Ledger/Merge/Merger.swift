import Table

/// Merges returns one at a time, so only one return's grid is in memory; which of two returns from one
/// unit wins is settled at `finish()`, when all have been seen.
public struct Merger {
    private let checker: ReturnChecker
    private var plan: Plan { checker.plan }
    private let asOf: CalendarDate
    private var files: [ReturnAccount] = []
    /// Files not read, in the order met: their summary and what the clerk is told.
    private var skipped: [(summary: ReturnSummary, issue: ValidationIssue)] = []

    public init(plan: Plan, asOf: CalendarDate) {
        checker = ReturnChecker(plan: plan)
        self.asOf = asOf
    }

    /// Reads one return into the ledger-to-be.
    public mutating func add(_ ret: UnitReturn) {
        files.append(checker.account(ret))
    }

    /// A file that was not read: one that could not be (`reason`, an error), or one that is not a return (a note).
    public mutating func skip(file: String, unit: String?, reason: String, isError: Bool, code: String? = nil) {
        let summary = ReturnSummary(file: file, unit: unit, sha256: "", rowsRead: 0, cellsRead: 0, saved: "", savedFromFile: true,
                                    unreadable: reason)
        let message = isError ? "无法读取，未合并：\(reason)" + (unit.map { "\($0)按未报送计（文件无法读取），请该单位重新发送或另存为 .xlsx 后再合并。" } ?? "请另存为 .xlsx 后再合并。")
            : reason
        skipped.append((summary, ValidationIssue(isError ? .error : .info, code ?? (isError ? "unreadable-return" : "not-a-return"), at: SourceLocation(file: file), message)))
    }

    /// The ledger: the later of two returns from one unit wins (by saved time, then file name), the other is listed.
    public func finish() -> LedgerResult {
        var (winners, issues) = pickWinners()
        var summaries: [ReturnSummary] = []
        var progress: [String: [ProgressEntry]] = [:]
        for (index, file) in files.enumerated() {
            var summary = file.summary
            if let unit = file.unit, winners[unit] != index {
                summary.superseded = true
                summary.cellsMerged = 0
                summary.cellsUnchanged = 0
                summary.cellsReported = summary.cellsRead
            } else {
                issues += file.issues
                for (id, entry) in file.progress { progress[id, default: []].append(entry) }
            }
            summaries.append(summary)
        }
        let units = plan.registry.units.map { unit in
            let unreadable = skipped.filter { $0.summary.unit == unit.name && $0.issue.severity == .error }.map { Merge.name($0.summary.file) }
            return UnitSubmission(name: unit.name, submitted: winners[unit.name] != nil,
                                  files: files.filter { $0.unit == unit.name }.map { Merge.name($0.file) } + unreadable,
                                  unreadable: winners[unit.name] == nil && !unreadable.isEmpty)
        }
        return LedgerResult(plan: plan, asOf: asOf, entries: entries(progress), returns: summaries + skipped.map(\.summary), units: units,
                            issues: plan.issues + skipped.map(\.issue) + issues)
    }

    /// The file merged for each unit (the latest saved), and a warning for each one it replaced.
    private func pickWinners() -> ([String: Int], [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        var winners: [String: Int] = [:]
        let byTime = files.indices.sorted { (files[$0].summary.saved, files[$0].file) < (files[$1].summary.saved, files[$1].file) }
        for index in byTime {
            guard let unit = files[index].unit else { continue }
            if let earlier = winners[unit] {
                var (old, new) = (Merge.name(files[earlier].file), Merge.name(files[index].file))
                // Two files of one name from two folders: the folders tell them apart.
                if old == new { (old, new) = (Self.withFolder(files[earlier].file), Self.withFolder(files[index].file)) }
                issues.append(.init(.warning, "duplicate-return", at: SourceLocation(file: files[earlier].file),
                                    "\(unit) 报送了两份文件：\(old) 与 \(new)。以较晚保存的 \(new) 为准，前一份未合并。"))
            }
            winners[unit] = index
        }
        return (winners, issues)
    }

    /// "folder/name", for telling apart two files of one name.
    static func withFolder(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.suffix(2).joined(separator: "/")
    }

    /// Every plan task with its reports, lead units first then registry order, its combined status and who is missing.
    private func entries(_ progress: [String: [ProgressEntry]]) -> [LedgerEntry] {
        let order = Dictionary(plan.registry.units.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        return plan.tasks.map { task in
            let leads = Set(task.units.owners)
            let reports = (progress[task.id] ?? []).sorted { a, b in
                (leads.contains(a.unit) ? 0 : 1, order[a.unit] ?? .max) < (leads.contains(b.unit) ? 0 : 1, order[b.unit] ?? .max)
            }
            let named = task.units.references.filter { $0.kind == .unit }.map(\.name)
            let reportedUnits = Set(reports.map(\.unit))
            let status = Merge.combinedStatus(reports, leads: leads)
            let overdue = status != .completed && (task.due.map { $0 < asOf } ?? false)
            return LedgerEntry(task: task, progress: reports, status: status, overdue: overdue, reported: named.filter(reportedUnits.contains),
                               missing: named.filter { !reportedUnits.contains($0) })
        }
    }
}
