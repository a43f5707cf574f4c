import Table

/// Reads one return against the plan: which task each row is about and what is said about its cells. The part of a
/// merge that needs no other return and no as-of day, so that a return arriving alone (through the web page) is checked
/// without building a ledger of every task.
public struct ReturnChecker: Sendable {
    let plan: Plan
    private let matcher: RowMatcher
    /// The ids of the tasks naming each unit: a group can name hundreds, too many to search for every row.
    private let tasksOfUnit: [TextKey: Set<String>]

    public init(plan: Plan) {
        self.plan = plan
        matcher = RowMatcher(plan: plan)
        var tasksOfUnit: [TextKey: Set<String>] = [:]
        for task in plan.tasks {
            for reference in task.units.references { tasksOfUnit[TextKey(reference.name), default: []].insert(task.id) }
        }
        self.tasksOfUnit = tasksOfUnit
    }

    /// What a merge would say about this return, as its issues: the same a ledger lists at the file.
    public func issues(of ret: UnitReturn) -> [ValidationIssue] { account(ret).issues }

    /// The return read against the plan: its rows matched, its cells accounted for, its progress by task.
    func account(_ ret: UnitReturn) -> ReturnAccount {
        var account = ReturnAccount(ret, planYear: plan.planYear)
        account.issues += ret.notes
        guard let unit = ret.unit else { return account }
        if let formulas = ValidationIssue.unsavedFormulas(in: ret.grid) { account.issues.append(formulas) }
        if let merges = ValidationIssue.ignoredMerges(in: ret.grid) { account.issues.append(merges) }
        let ownTasks = tasksOfUnit[TextKey(unit)] ?? []
        for row in ret.rows {
            guard let (task, fuzzy) = matcher.match(id: row.text(.taskId), task: row.text(.task), requirement: row.text(.requirement)) else {
                account.unmatched(row)
                continue
            }
            if fuzzy {
                account.issues.append(.init(.warning, "fuzzy-match", at: account.location(row, .task),
                                            "这一行与计划任务 \(task.id)“\(Merge.prefix(task.task.text))”相近，按近似匹配合并，请核对。"))
            }
            account.summary.rowsMatched += 1
            let own = ownTasks.contains(task.id)
            if !own { account.foreignTask(row, task: task) }
            account.planCells(row, task: task)
            let extras = account.extraCells(row, task: task, own: own)
            account.progressCells(row, task: task, own: own, extras: extras)
        }
        account.finish()
        return account
    }
}
