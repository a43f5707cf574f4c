import CSV
import Ledger

/// The 总台账 as rows of text, shared by the workbook's 总台账 sheet and the CSV: the plan's columns (its
/// category, task, requirement, units by role, its other columns in its own order, the deadline), what units
/// reported (progress and status, then each further field some unit filled, then the columns units added),
/// and who reported.
public struct LedgerTable {
    /// How a column shows: its header, its width in the workbook, whether it is centred.
    public struct Column: Sendable {
        public var title: String
        public var width: Double
        public var centered: Bool
        let value: @Sendable (LedgerEntry, Int) -> String
    }

    public let columns: [Column]

    /// The columns this ledger needs: a plan or unit column appears when some task or report fills it. With the
    /// previous round's `changes` (a ledger store), 本期进展 and 上期进展 stand side by side, then 变化.
    public init(_ ledger: LedgerResult, changes: RoundChanges? = nil, periods: [String: [String: PeriodCheck]] = [:]) {
        let entries = ledger.entries
        let tasks = entries.map(\.task)
        var columns: [Column] = [
            Column(title: "序号", width: 6, centered: true) { String($1 + 1) },
            Column(title: "任务编号", width: 13, centered: true) { entry, _ in entry.task.id },
            Column(title: HeaderField.category.displayName, width: 18, centered: false) { entry, _ in entry.task.category?.text ?? "" },
            Column(title: "具体任务", width: 30, centered: false) { entry, _ in entry.task.task.text },
        ]
        if tasks.contains(where: { $0.requirement != nil }) {
            columns.append(Column(title: "具体要求", width: 40, centered: false) { entry, _ in entry.task.requirement?.text ?? "" })
        }
        for (role, title) in [(UnitRole.lead, "牵头单位"), (.cooperating, "配合单位"), (.responsible, "责任单位")]
        where tasks.contains(where: { $0.units.references.contains { $0.role == role } }) {
            columns.append(Column(title: title, width: 18, centered: false) { entry, _ in entry.task.units.written(role) })
        }
        for header in Self.planExtraHeaders(tasks) {
            columns.append(Column(title: header.title, width: 12, centered: false) { entry, _ in
                entry.task.extras.filter { $0.column == header.column }.map(\.text).joined(separator: "\n")
            })
        }
        columns.append(Column(title: "完成时限", width: 12, centered: true) { entry, _ in entry.task.deadline.text + (entry.task.extended?.note ?? "") })
        columns.append(Column(title: changes == nil ? "进展情况" : "本期进展", width: 50, centered: false) { entry, _ in
            Self.byUnit(entry) { $0.text ?? $0.status?.displayName }
        })
        if let changes {
            columns.append(Column(title: "上期进展（\(changes.previousRound)）", width: 40, centered: false) { entry, _ in
                let units = Set(entry.progress.map(\.unit)).union(changes.previous[entry.task.id]?.keys.map { $0 } ?? [])
                return units.sorted().compactMap { unit in
                    changes.previous(task: entry.task.id, unit: unit).flatMap { $0.text ?? $0.status?.displayName }.map { "【\(unit)】\($0)" }
                }.joined(separator: "\n")
            })
            columns.append(Column(title: "变化", width: 14, centered: false) { entry, _ in
                Self.byUnit(entry) { changes.change(task: entry.task.id, report: $0).displayName }
            })
        }
        columns.append(Column(title: "完成状态", width: 10, centered: true) { entry, _ in entry.status.displayName })
        if !periods.isEmpty {
            columns.append(Column(title: "周期报送", width: 24, centered: false) { entry, _ in
                (periods[entry.task.id] ?? [:]).sorted { $0.key < $1.key }.map { "【\($0.key)】\($0.value.text)" }.joined(separator: "\n")
            })
        }
        columns += Self.reportColumns(entries)
        columns += [
            Column(title: "是否逾期", width: 8, centered: true) { entry, _ in entry.overdue ? "是" : "否" },
            Column(title: "报送单位", width: 20, centered: false) { entry, _ in entry.reported.joined(separator: "、") },
            Column(title: "未报送单位", width: 20, centered: false) { entry, _ in entry.missing.joined(separator: "、") },
        ]
        self.columns = columns
    }

    /// The column of the status cell, which the workbook colours.
    public var statusColumn: Int { columns.firstIndex { $0.title == "完成状态" }! }
    /// The column of the category, which the workbook merges over the tasks of one category.
    public var categoryColumn: Int { 2 }

    /// The 总台账 row of an entry, as text.
    public func fields(_ entry: LedgerEntry, index: Int) -> [String] { columns.map { $0.value(entry, index) } }

    /// 总台账 as flat CSV, one row per task, the category repeated.
    public func writeCSV(_ ledger: LedgerResult, to writer: CSVWriter) throws {
        try writer.write(row: columns.map(\.title))
        for (i, entry) in ledger.entries.enumerated() { try writer.write(row: fields(entry, index: i)) }
        try writer.flush()
    }

    /// "【unit】value" per line, for each unit that gave a value.
    static func byUnit(_ entry: LedgerEntry, _ value: (ProgressEntry) -> String?) -> String {
        entry.progress.compactMap { report in value(report).map { "【\(report.unit)】\($0)" } }.joined(separator: "\n")
    }

    /// The plan's other columns (序号, 责任领导, unknown headers) in the plan's column order.
    static func planExtraHeaders(_ tasks: [PlanTask]) -> [(column: Int, title: String)] {
        var seen: [Int: String] = [:]
        for task in tasks { for extra in task.extras where seen[extra.column] == nil { seen[extra.column] = extra.header } }
        return seen.sorted { $0.key < $1.key }.map { ($0.key, $0.value.isEmpty ? "（无表头）" : $0.value) }
    }

    /// A column for each further field some unit filled, then one per header of the columns units added.
    static func reportColumns(_ entries: [LedgerEntry]) -> [Column] {
        let fields: [(String, Double, @Sendable (ProgressEntry) -> String?)] = [
            ("完成时间", 12, { $0.completedOn }), ("佐证材料", 20, { $0.evidence }), ("责任人", 10, { $0.person }),
            ("联系方式", 14, { $0.contact }), ("存在问题", 24, { $0.problems }), ("下步打算", 24, { $0.nextSteps }),
            ("备注", 16, { $0.remarks }),
        ]
        let reports = entries.flatMap(\.progress)
        var columns = fields.filter { field in reports.contains { field.2($0) != nil } }.map { title, width, value in
            Column(title: title, width: width, centered: false) { entry, _ in byUnit(entry, value) }
        }
        var headers: [String] = []
        for report in reports { for extra in report.extras where !headers.contains(extra.header) { headers.append(extra.header) } }
        columns += headers.map { header in
            Column(title: header, width: 16, centered: false) { entry, _ in
                byUnit(entry) { report in report.extras.first { $0.header == header }?.text }
            }
        }
        return columns
    }
}
