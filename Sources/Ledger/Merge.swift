import Table
import XLSX

/// What one unit reported on one task.
public struct ProgressEntry: Sendable {
    public var unit: String
    /// The status the unit chose, or inferred from its progress text.
    public var status: Status?
    public var text: String?
    public var percent: Double?
    public var completedOn: String?
    public var evidence: String?
    public var remarks: String?
    /// The progress cell (or the row's first cell when progress is empty).
    public var source: SourceLocation
}

/// A plan task with everything the returns said about it.
public struct LedgerEntry: Sendable {
    public var task: PlanTask
    /// Lead units first, then the others, each in registry order.
    public var progress: [ProgressEntry]
    public var status: Status
    public var overdue: Bool
    /// Units the task names that sent a return covering it, and those that did not.
    public var reported: [String]
    public var missing: [String]
}

/// Per return: where it came from and how its cells were accounted for (read = merged + unchanged + reported).
public struct ReturnSummary: Sendable {
    public var file: String
    public var unit: String?
    public var sha256: String
    public var rowsRead: Int
    public var rowsMatched: Int
    public var cellsRead: Int
    public var cellsMerged: Int
    public var cellsUnchanged: Int
    public var cellsReported: Int
    /// A later file from the same unit replaced this one.
    public var superseded: Bool
    /// When the file was last saved (ISO 8601): the workbook's modified property, else the file's time.
    public var saved: String
    public var savedFromFile: Bool
}

/// The merged ledger: every plan task, what each unit reported, and every problem found.
public struct LedgerResult: Sendable {
    public var plan: Plan
    public var asOf: CalendarDate
    public var entries: [LedgerEntry]
    public var returns: [ReturnSummary]
    /// Every registry unit, in order: whether it returned, and which files.
    public var units: [(name: String, submitted: Bool, files: [String])]
    public var issues: [ValidationIssue]
}

/// Merges unit returns into the plan: rows matched by task id, else by text (exact, then a unique fuzzy
/// match, reported); conflicts reported, never silently resolved; every cell accounted for.
public enum Merge {
    /// Fields a unit fills in; everything else in a return is plan text, compared with the plan.
    static let progressFields: Set<HeaderField> = [.progress, .status, .completedOn, .evidence, .remarks, .percent, .problems, .nextSteps, .person, .contact]

    public static func run(plan: Plan, returns: [UnitReturn], asOf: CalendarDate) -> LedgerResult {
        var merger = Merger(plan: plan, asOf: asOf)
        for ret in returns { merger.add(ret) }
        return merger.finish()
    }

    /// The lead units' status when they reported; otherwise the most worrying one reported; noReport when none.
    static func combinedStatus(_ reports: [ProgressEntry], leads: Set<String>) -> Status {
        let statuses = reports.filter { leads.contains($0.unit) }.compactMap(\.status)
        let candidates = statuses.isEmpty ? reports.compactMap(\.status) : statuses
        let severity: [Status] = [.overdue, .lagging, .notStarted, .suspended, .pending, .extended, .partial, .onTrack, .ahead, .completed]
        return severity.first(where: candidates.contains) ?? (reports.isEmpty ? .noReport : .onTrack)
    }

    static func planValue(_ field: HeaderField, of task: PlanTask) -> String? {
        switch field {
        case .taskId: task.id
        case .category: task.category?.original
        case .task: task.task.original
        case .requirement: task.requirement?.original ?? (task.requirement == nil ? task.task.original : nil)
        case .leadUnit, .respUnit, .coopUnit: task.unitsText
        case .deadline: task.deadline.text
        default: nil
        }
    }

    static func key(_ task: String, _ requirement: String?) -> String { task + "\u{1F}" + (requirement ?? "") }

    /// The one plan task whose text is close enough (character-bigram similarity ≥ 0.8, and clearly ahead of the next).
    static func bestFuzzyMatch(_ task: String, _ requirement: String?, in tasks: [PlanTask]) -> PlanTask? {
        let target = bigrams(task + (requirement ?? ""))
        guard !target.isEmpty else { return nil }
        let scored = tasks.map { ($0, similarity(target, bigrams($0.task.text + ($0.requirement?.text ?? "")))) }.sorted { $0.1 > $1.1 }
        guard let best = scored.first, best.1 >= 0.8, scored.count < 2 || best.1 - scored[1].1 >= 0.05 else { return nil }
        return best.0
    }

    static func bigrams(_ text: String) -> [String: Int] {
        let chars = Array(text.filter { !$0.isWhitespace })
        var counts: [String: Int] = [:]
        for i in 0..<max(chars.count - 1, 0) { counts[String(chars[i...(i + 1)]), default: 0] += 1 }
        return counts
    }

    static func similarity(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let shared = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        return total == 0 ? 0 : 2 * Double(shared) / Double(total)
    }

    /// Equal once normalized. Compared by bytes: normalization already made equal texts byte-equal, and
    /// `String`'s canonical comparison of Chinese text is slow enough to show over 200,000 rows.
    static func sameText(_ a: String, _ b: String) -> Bool {
        TextKey(TextNormalization.normalize(a)) == TextKey(TextNormalization.normalize(b))
    }

    static func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
    static func prefix(_ text: String) -> String { text.count > 20 ? String(text.prefix(20)) + "…" : text }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// Merges returns one at a time, so only one return's grid is in memory; which of two returns from one
/// unit wins is settled at `finish()`, when all have been seen.
public struct Merger {
    private let plan: Plan
    private let asOf: CalendarDate
    private let byId: [String: PlanTask]
    private let byText: [String: PlanTask]
    /// The ids of the tasks naming each unit: a group can name hundreds, too many to search for every row.
    private let tasksOfUnit: [TextKey: Set<String>]
    private var files: [(unit: String?, saved: String, file: String, summary: ReturnSummary, issues: [ValidationIssue], progress: [(String, ProgressEntry)])] = []

    public init(plan: Plan, asOf: CalendarDate) {
        self.plan = plan
        self.asOf = asOf
        byId = Dictionary(plan.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        byText = Dictionary(plan.tasks.map { (Merge.key($0.task.text, $0.requirement?.text), $0) }, uniquingKeysWith: { a, _ in a })
        var tasksOfUnit: [TextKey: Set<String>] = [:]
        for task in plan.tasks {
            for reference in task.units.references { tasksOfUnit[TextKey(reference.name), default: []].insert(task.id) }
        }
        self.tasksOfUnit = tasksOfUnit
    }

    /// Reads one return into the ledger-to-be.
    public mutating func add(_ ret: UnitReturn) {
        var issues: [ValidationIssue] = []
        var progress: [(String, ProgressEntry)] = []
        var summary = ReturnSummary(file: ret.file, unit: ret.unit, sha256: ret.sha256, rowsRead: ret.rows.count, rowsMatched: 0,
                                    cellsRead: ret.cellsRead, cellsMerged: 0, cellsUnchanged: 0, cellsReported: 0, superseded: false,
                                    saved: ret.saved, savedFromFile: ret.savedFromFile)
        guard let unit = ret.unit else {
            issues.append(.init(.error, "unidentified-return", at: SourceLocation(file: ret.file),
                                "无法识别填报单位（文件属性、“填报单位”行和文件名中都没有单位名称），未合并。请用 --unit \(Merge.name(ret.file))=单位名称 指定。"))
            summary.cellsReported = summary.cellsRead
            files.append((nil, ret.saved, ret.file, summary, issues, []))
            return
        }
        if let formulas = ValidationIssue.uncachedFormulas(in: ret.grid) { issues.append(formulas) }
        let ownTasks = tasksOfUnit[TextKey(unit)] ?? []
        var addedColumns: [Int: (header: String, count: Int)] = [:]
        var statusCache: [String: StatusInference] = [:]
        for row in ret.rows {
            func location(_ field: HeaderField?) -> SourceLocation {
                ret.grid.location(row: row.number, column: field.flatMap { ret.columns[$0] } ?? 1)
            }
            func text(_ field: HeaderField) -> String? { row.fields[field].map(\.text).flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 } }

            // Match the row to a task.
            var task: PlanTask?
            if let id = text(.taskId)?.trimmingWhitespace { task = byId[id] }
            if task == nil, let taskText = text(.task) {
                let normalized = TextNormalization.normalize(SectionNumber.parse(taskText)?.rest ?? taskText)
                let requirement = text(.requirement).map { TextNormalization.normalize($0) }
                task = byText[Merge.key(normalized, requirement)]
                if task == nil, let fuzzy = Merge.bestFuzzyMatch(normalized, requirement, in: plan.tasks) {
                    task = fuzzy
                    issues.append(.init(.warning, "fuzzy-match", at: location(.task),
                                        "这一行与计划任务 \(fuzzy.id)“\(Merge.prefix(fuzzy.task.text))”相近，按近似匹配合并，请核对。"))
                }
            }
            let cells = row.typed.count + row.extra.count
            guard let task else {
                if cells > 0 {
                    issues.append(.init(.warning, "unmatched-row", at: location(.task),
                                        "这一行（\(Merge.prefix(text(.task) ?? text(.progress) ?? ""))）与计划中的任务都对不上，未合并，请核对是否为新增任务。"))
                }
                summary.cellsReported += cells
                continue
            }
            summary.rowsMatched += 1
            let own = ownTasks.contains(task.id)
            if !own && row.typed.contains(where: Merge.progressFields.contains) {
                issues.append(.init(.warning, "not-own-task", at: location(.progress),
                                    "\(unit) 填报了不属于本单位的任务 \(task.id)“\(Merge.prefix(task.task.text))”，未合并，请核对。"))
            }

            // Plan columns: equal to the plan, or reported (the plan wins).
            for field in row.typed where !Merge.progressFields.contains(field) {
                if Merge.planValue(field, of: task).map({ Merge.sameText($0, row.fields[field]!.text) }) ?? false {
                    summary.cellsUnchanged += 1
                } else {
                    summary.cellsReported += 1
                    issues.append(.init(.warning, "plan-changed", at: location(field),
                                        "计划内容被修改为“\(Merge.prefix(row.fields[field]!.text))”（计划为“\(Merge.prefix(Merge.planValue(field, of: task) ?? ""))”），以计划为准，未合并。"))
                }
            }
            for (column, header, value) in row.extra {
                let roleName = task.units.references.first { $0.name == unit }.map { $0.role == .lead ? "牵头" : $0.role == .cooperating ? "配合" : "负责" }
                if header.trimmingWhitespace == "本单位角色" {
                    if value.text == roleName {
                        summary.cellsUnchanged += 1
                    } else {
                        summary.cellsReported += 1
                        issues.append(.init(.warning, "plan-changed", at: ret.grid.location(row: row.number, column: column),
                                            "本单位角色被改为“\(value.text)”（计划为“\(roleName ?? "无")”），以计划为准，未合并。"))
                    }
                } else {
                    summary.cellsReported += 1
                    addedColumns[column, default: (header, 0)].count += 1
                }
            }

            // Progress: merged when the task is the unit's own.
            let progressCells = row.typed.filter(Merge.progressFields.contains)
            guard own else {
                summary.cellsReported += progressCells.count
                continue
            }
            guard !progressCells.isEmpty else { continue }
            summary.cellsMerged += progressCells.count
            let statusText = text(.status), progressText = text(.progress)
            // Units repeat their words; infer once per distinct pair.
            let cacheKey = (statusText ?? "") + "\u{1F}" + (progressText ?? "")
            let inferred = statusCache[cacheKey] ?? StatusInference(statusCell: statusText, progress: progressText)
            statusCache[cacheKey] = inferred
            if let ignored = inferred.ignoredStatusCell {
                issues.append(.init(.warning, "bad-status", at: location(.status),
                                    "完成状态“\(ignored)”不是可识别的状态词，已按进展情况判断。可选：\(ReturnTemplate.statusChoices.map(\.displayName).joined(separator: "、"))。"))
            }
            progress.append((task.id, ProgressEntry(
                unit: unit, status: inferred.status, text: progressText, percent: inferred.percent,
                completedOn: text(.completedOn), evidence: text(.evidence),
                remarks: [text(.remarks), text(.problems), text(.nextSteps)].compactMap { $0 }.joined(separator: "\n").nilIfEmpty,
                source: location(progressText != nil ? .progress : nil))))
        }
        for (column, added) in addedColumns.sorted(by: { $0.key < $1.key }) {
            let name = added.header.isEmpty ? "\(CellReference.columnName(column)) 列（无表头）" : "“\(added.header)”列"
            issues.append(.init(.warning, "added-column", at: ret.grid.location(row: ret.headerRow, column: column),
                                "单位新增了\(name)（\(added.count) 个单元格），不在台账中，未合并；如需保留请写入“进展情况”或“备注”。"))
        }
        // A file that names its unit but fills in nothing for it: its tasks will show 未报送 although a file came.
        if progress.isEmpty && summary.rowsMatched > 0 {
            issues.append(.init(.warning, "no-progress", at: SourceLocation(file: ret.file, sheet: ret.grid.sheet),
                                "\(unit)的反馈表没有填写本单位任何任务的进展（进展情况、完成状态等均为空），其任务按未报送计；请确认是否发错了文件或未保存。"))
        }
        files.append((unit, ret.saved, ret.file, summary, issues, progress))
    }

    /// The ledger: the later of two returns from one unit wins (by saved time, then file name), the other is listed.
    public func finish() -> LedgerResult {
        var issues: [ValidationIssue] = []
        var winners: [String: Int] = [:]
        for index in files.indices.sorted(by: { (files[$0].saved, files[$0].file) < (files[$1].saved, files[$1].file) }) {
            guard let unit = files[index].unit else { continue }
            if let earlier = winners[unit] {
                issues.append(.init(.warning, "duplicate-return", at: SourceLocation(file: files[earlier].file),
                                    "\(unit) 报送了两份文件：\(Merge.name(files[earlier].file)) 与 \(Merge.name(files[index].file))。以较晚保存的 \(Merge.name(files[index].file)) 为准，前一份未合并。"))
            }
            winners[unit] = index
        }
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

        let order = Dictionary(plan.registry.units.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let submitted = Set(winners.keys)
        let entries = plan.tasks.map { task -> LedgerEntry in
            let leads = Set(task.units.units(.lead))
            let reports = (progress[task.id] ?? []).sorted { a, b in
                (leads.contains(a.unit) ? 0 : 1, order[a.unit] ?? .max) < (leads.contains(b.unit) ? 0 : 1, order[b.unit] ?? .max)
            }
            let named = task.units.references.filter { $0.kind == .unit }.map(\.name)
            let reportedUnits = Set(reports.map(\.unit))
            let reported = named.filter(reportedUnits.contains)
            let status = Merge.combinedStatus(reports, leads: leads)
            let overdue = status != .completed && (task.deadline.due.map { $0 < asOf } ?? false)
            return LedgerEntry(task: task, progress: reports, status: status, overdue: overdue, reported: reported,
                               missing: named.filter { !reportedUnits.contains($0) })
        }
        let units = plan.registry.units.map { unit in
            (unit.name, submitted.contains(unit.name), files.filter { $0.unit == unit.name }.map { Merge.name($0.file) })
        }
        return LedgerResult(plan: plan, asOf: asOf, entries: entries, returns: summaries, units: units, issues: plan.issues + issues)
    }
}
