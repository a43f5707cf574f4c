import Foundation
import GRDB
import Ledger

/// One plan's ledger over reporting rounds, in one SQLite file: the plan (each version by its bytes), the
/// unit registry, each round's files and every unit's progress per task with its source cell. Every write is
/// one transaction, so a failed or killed merge leaves the store as it was; the store is never needed to
/// read a workbook.
public final class LedgerStore {
    public let path: String
    private let database: DatabaseQueue

    /// Opens (creating when `create`) the store and brings its schema up to date.
    public init(path: String, create: Bool = false) throws {
        guard create || FileManager.default.fileExists(atPath: path) else { throw LedgerStoreError.notFound(path) }
        self.path = path
        var configuration = Configuration()
        // A second merge into the same store waits for the first to finish rather than failing at once.
        configuration.busyMode = .timeout(30)
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch let error as DatabaseError {
            throw LedgerStoreError.unreadable(path, "\(error.message ?? error.description)")
        }
    }

    /// The schema, one migration per version from the first; a store written by a later version is refused.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
            CREATE TABLE plan_version (id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, title TEXT,
                year INTEGER NOT NULL, recorded_at TEXT NOT NULL);
            CREATE TABLE unit (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
            CREATE TABLE task (plan_version INTEGER NOT NULL REFERENCES plan_version(id), id TEXT NOT NULL, position INTEGER NOT NULL,
                section TEXT NOT NULL, category TEXT, task TEXT NOT NULL, requirement TEXT, units_text TEXT NOT NULL,
                deadline TEXT NOT NULL, due TEXT, source TEXT NOT NULL, PRIMARY KEY (plan_version, id));
            CREATE TABLE round (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, as_of TEXT NOT NULL,
                plan_version INTEGER NOT NULL REFERENCES plan_version(id), files_digest TEXT NOT NULL, recorded_at TEXT NOT NULL);
            CREATE TABLE round_file (round INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE, file TEXT NOT NULL,
                sha256 TEXT NOT NULL, unit TEXT, saved TEXT NOT NULL, saved_from_file INTEGER NOT NULL, unreadable TEXT,
                PRIMARY KEY (round, file));
            CREATE TABLE progress (round INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE, task TEXT NOT NULL,
                unit TEXT NOT NULL, status TEXT, text TEXT, percent REAL, completed_on TEXT, evidence TEXT, remarks TEXT,
                source_file TEXT NOT NULL, source_sheet TEXT, source_cell TEXT);
            CREATE INDEX progress_by_task ON progress(task, round);
            """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
            CREATE TABLE deadline_extension (id INTEGER PRIMARY KEY, task TEXT NOT NULL, due TEXT NOT NULL, reason TEXT NOT NULL,
                approved_at TEXT NOT NULL);
            """)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
            CREATE TABLE task_alias (plan_version INTEGER NOT NULL REFERENCES plan_version(id), id TEXT NOT NULL, previous_id TEXT NOT NULL,
                PRIMARY KEY (plan_version, id));
            """)
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
            CREATE TABLE round_task (round INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE, task TEXT NOT NULL, status TEXT NOT NULL,
                overdue INTEGER NOT NULL, PRIMARY KEY (round, task));
            """)
        }
        migrator.registerMigration("v5") { db in
            try db.execute(sql: """
            CREATE TABLE round_ledger (round INTEGER PRIMARY KEY REFERENCES round(id) ON DELETE CASCADE, size INTEGER NOT NULL, data BLOB NOT NULL);
            CREATE TABLE deadline_request (round INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE, task TEXT NOT NULL, unit TEXT NOT NULL,
                due TEXT, reason TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (round, task, unit));
            """)
        }
        return migrator
    }

    /// Records an office-approved new deadline for a task of the plan; the plan's own deadline is kept.
    public func extend(task: String, to due: CalendarDate, reason: String) throws -> DeadlineExtension {
        try database.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM task WHERE id = ?)", arguments: [task]) == true else {
                throw LedgerStoreError.unknownTask(task)
            }
            try db.execute(sql: "INSERT INTO deadline_extension (task, due, reason, approved_at) VALUES (?, ?, ?, ?)",
                           arguments: [task, due.description, reason, Self.now()])
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deadline_extension WHERE task = ?", arguments: [task]) ?? 1
            return DeadlineExtension(due: due, reason: reason, count: count)
        }
    }

    /// The latest extension of each task moved, with how many times it was moved.
    public func extensions() throws -> [String: DeadlineExtension] {
        try database.read { db in
            var latest: [String: DeadlineExtension] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT task, due, reason FROM deadline_extension ORDER BY id") {
                guard let due = CalendarDate(iso: row["due"]) else { continue }
                let task: String = row["task"]
                latest[task] = DeadlineExtension(due: due, reason: row["reason"], count: (latest[task]?.count ?? 0) + 1)
            }
            return latest
        }
    }

    /// Records a plan version (known by its bytes' sha256) with its tasks and registry; the same bytes again change
    /// nothing. Returns how it differs from the version before when it is new, else nil.
    @discardableResult
    public func record(plan: Plan, sha256: String) throws -> PlanChange? {
        try database.write { db in
            let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM plan_version WHERE sha256 = ?)", arguments: [sha256]) == true
            let version = try Self.planVersion(plan, sha256: sha256, in: db)
            guard !known, let previous = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM plan_version WHERE id < ?", arguments: [version]) else { return nil }
            return try Self.planChange(from: previous, to: version, in: db)
        }
    }

    private static func planVersion(_ plan: Plan, sha256: String, in db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM plan_version WHERE sha256 = ?", arguments: [sha256]) { return id }
        try db.execute(sql: "INSERT INTO plan_version (file, sha256, title, year, recorded_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [plan.file, sha256, plan.title, plan.planYear, Self.now()])
        let id = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: """
            INSERT INTO task (plan_version, id, position, section, category, task, requirement, units_text, deadline, due, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, task) in plan.tasks.enumerated() {
            try insert.execute(arguments: [id, task.id, position, task.section, task.category?.original, task.task.original, task.requirement?.original,
                                           task.unitsText, task.deadline.text, task.deadline.due?.description, task.source.description])
        }
        for (position, unit) in plan.registry.units.enumerated() {
            try db.execute(sql: "INSERT INTO unit (name, position) VALUES (?, ?) ON CONFLICT(name) DO NOTHING", arguments: [unit.name, position])
        }
        try matchPrevious(version: id, in: db)
        return id
    }

    /// How a plan version differs from the one before it: tasks matched by id, else by the same task text or the same
    /// requirement (a reworded task keeps its history under its new id).
    public struct PlanChange: Sendable, Equatable {
        public var added: [String] = []
        public var removed: [String] = []
        /// New id → the previous id it continues.
        public var reworded: [String: String] = [:]

        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && reworded.isEmpty }
    }

    private static func matchPrevious(version: Int64, in db: Database) throws {
        guard let previous = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM plan_version WHERE id < ?", arguments: [version]) else { return }
        let change = try planChange(from: previous, to: version, in: db)
        for (id, previousID) in change.reworded {
            try db.execute(sql: "INSERT INTO task_alias (plan_version, id, previous_id) VALUES (?, ?, ?)", arguments: [version, id, previousID])
        }
    }

    static func planChange(from previous: Int64, to version: Int64, in db: Database) throws -> PlanChange {
        func tasks(_ v: Int64) throws -> [(id: String, task: String, requirement: String)] {
            try Row.fetchAll(db, sql: "SELECT id, task, requirement FROM task WHERE plan_version = ? ORDER BY position", arguments: [v]).map {
                ($0["id"], TextNormalization.normalize($0["task"]), ($0["requirement"] as String?).map { TextNormalization.normalize($0) } ?? "")
            }
        }
        let old = try tasks(previous), new = try tasks(version)
        let oldIDs = Set(old.map(\.id)), newIDs = Set(new.map(\.id))
        var unmatched = old.filter { !newIDs.contains($0.id) }
        var change = PlanChange()
        for task in new where !oldIDs.contains(task.id) {
            let match = unmatched.firstIndex { $0.task == task.task } ?? unmatched.firstIndex { !task.requirement.isEmpty && $0.requirement == task.requirement }
            if let match {
                change.reworded[task.id] = unmatched.remove(at: match).id
            } else {
                change.added.append(task.id)
            }
        }
        change.removed = unmatched.map(\.id)
        return change
    }

    /// A task's ids through rewordings, newest first.
    private static func lineage(of task: String, in db: Database) throws -> [String] {
        var ids = [task]
        while ids.count < 100, let previous = try String.fetchOne(db, sql: "SELECT previous_id FROM task_alias WHERE id = ? ORDER BY plan_version DESC LIMIT 1",
                                                                 arguments: [ids.last!]), !ids.contains(previous) {
            ids.append(previous)
        }
        return ids
    }

    /// What recording a round did.
    public enum Outcome: String, Sendable {
        /// A new round.
        case recorded
        /// The round was there with other files: replaced by this merge.
        case replaced
        /// The round was there with these very files: nothing changed.
        case unchanged
    }

    /// Records a merge as the round `label` in one transaction: its files and every unit's progress with its source.
    /// `snapshot` is the round's ledger as `LedgerSnapshot` encodes it, for a briefing written from the store.
    public func record(round label: String, result: LedgerResult, planSHA256: String, snapshot: (data: [UInt8], size: Int)? = nil) throws -> Outcome {
        // The deadlines moved count too: the same files merged after `ledger extend` give another ledger.
        let moved = result.entries.compactMap { entry in entry.task.extended.map { "\(entry.task.id)=\($0.due)#\($0.count)" } }
        let digest = (result.returns.map(\.sha256).sorted() + moved.sorted()).joined(separator: ",")
        return try database.write { db in
            let plan = try Self.planVersion(result.plan, sha256: planSHA256, in: db)
            var outcome = Outcome.recorded
            if let existing = try Row.fetchOne(db, sql: "SELECT id, files_digest, plan_version FROM round WHERE label = ?", arguments: [label]) {
                if existing["files_digest"] == digest && existing["plan_version"] == plan {
                    // A round recorded before the store kept ledgers gains its ledger; nothing else changes.
                    if let snapshot {
                        try db.execute(sql: "INSERT OR IGNORE INTO round_ledger (round, size, data) VALUES (?, ?, ?)",
                                       arguments: [existing["id"] as Int64, snapshot.size, Data(snapshot.data)])
                    }
                    return .unchanged
                }
                try db.execute(sql: "DELETE FROM round WHERE id = ?", arguments: [existing["id"] as Int64])
                outcome = .replaced
            }
            try db.execute(sql: "INSERT INTO round (label, as_of, plan_version, files_digest, recorded_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [label, result.asOf.description, plan, digest, Self.now()])
            let round = db.lastInsertedRowID
            // Statements compiled once: a round of 200 units × 1,000 tasks is 200,000 rows.
            let file = try db.cachedStatement(sql: """
                INSERT INTO round_file (round, file, sha256, unit, saved, saved_from_file, unreadable) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(round, file) DO NOTHING
                """)
            for summary in result.returns {
                try file.execute(arguments: [round, summary.file, summary.sha256, summary.unit, summary.saved, summary.savedFromFile, summary.unreadable])
            }
            let progress = try db.cachedStatement(sql: """
                INSERT INTO progress (round, task, unit, status, text, percent, completed_on, evidence, remarks, source_file, source_sheet, source_cell)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let task = try db.cachedStatement(sql: "INSERT INTO round_task (round, task, status, overdue) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            for entry in result.entries { try task.execute(arguments: [round, entry.task.id, entry.status.rawValue, entry.overdue]) }
            for entry in result.entries {
                for report in entry.progress {
                    try progress.execute(arguments: [round, entry.task.id, report.unit, report.status?.rawValue, report.text, report.percent,
                                                     report.completedOn, report.evidence, report.remarks, report.source.file, report.source.sheet,
                                                     report.source.cell?.description])
                }
            }
            for request in ExtensionRequest.requests(in: result) {
                try db.execute(sql: "INSERT OR REPLACE INTO deadline_request (round, task, unit, due, reason, source) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [round, request.task, request.unit, request.requested?.description, request.reason, request.source.description])
            }
            if let snapshot {
                try db.execute(sql: "INSERT INTO round_ledger (round, size, data) VALUES (?, ?, ?)", arguments: [round, snapshot.size, Data(snapshot.data)])
            }
            return outcome
        }
    }

    /// The reports of the latest round before `asOf` other than `label`, for this round's 变化; nil when there is none.
    public func previousRound(before asOf: String, excluding label: String) throws -> RoundChanges? {
        try database.read { db in
            guard let round = try Row.fetchOne(db, sql: """
                SELECT id, label FROM round WHERE label != ? AND as_of <= ? ORDER BY as_of DESC, recorded_at DESC LIMIT 1
                """, arguments: [label, asOf]) else { return nil }
            let label: String = round["label"]
            var previous: [String: [String: RoundChanges.Previous]] = [:]
            // A task reworded since keeps its previous reports under its new id.
            var continued: [String: String] = [:]
            for alias in try Row.fetchAll(db, sql: "SELECT id, previous_id FROM task_alias ORDER BY plan_version") {
                continued[alias["previous_id"]] = alias["id"]
            }
            for row in try Row.fetchAll(db, sql: "SELECT task, unit, status, text FROM progress WHERE round = ?", arguments: [round["id"] as Int64]) {
                let status = (row["status"] as String?).flatMap(Status.init(rawValue:))
                var task: String = row["task"]
                var steps = 0
                while let next = continued[task], steps < 100 { task = next; steps += 1 }
                previous[task, default: [:]][row["unit"]] = RoundChanges.Previous(status: status, text: row["text"])
            }
            return RoundChanges(previousRound: label, previous: previous)
        }
    }

    /// One unit's report on one task in one round, as the history lists it.
    public struct HistoryRow: Sendable, Equatable {
        public init(round: String, asOf: String, task: String, taskText: String, unit: String, status: Status?, text: String?, source: String) {
            (self.round, self.asOf, self.task, self.taskText, self.unit, self.status, self.text, self.source) =
                (round, asOf, task, taskText, unit, status, text, source)
        }

        /// This round's reports, before they are recorded.
        public static func rows(of ledger: LedgerResult, round: String) -> [HistoryRow] {
            ledger.entries.flatMap { entry in
                entry.progress.map { report in
                    HistoryRow(round: round, asOf: ledger.asOf.description, task: entry.task.id, taskText: entry.task.task.original,
                               unit: report.unit, status: report.status, text: report.text, source: report.source.description)
                }
            }
        }

        public var round: String
        public var asOf: String
        public var task: String
        public var taskText: String
        public var unit: String
        public var status: Status?
        public var text: String?
        /// `file sheet!cell` of the report.
        public var source: String
    }

    /// Every report of every round (of one task when `task` is given), by round, then by the plan's task order and unit.
    public func history(task: String? = nil) throws -> [HistoryRow] {
        try database.read { db in
            let ids = try task.map { try Self.lineage(of: $0, in: db) }
            return try Row.fetchAll(db, sql: """
            SELECT r.label, r.as_of, p.task, t.task AS task_text, t.position, p.unit, p.status, p.text, p.source_file, p.source_sheet, p.source_cell
            FROM progress p JOIN round r ON p.round = r.id LEFT JOIN task t ON t.plan_version = r.plan_version AND t.id = p.task
            WHERE ? IS NULL OR p.task IN (SELECT value FROM json_each(?))
            ORDER BY r.as_of, r.label, t.position, p.unit
            """, arguments: [task, ids.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" }]).map { row in
                let sheet: String? = row["source_sheet"], cell: String? = row["source_cell"]
                let place = [sheet, cell].compactMap { $0 }.joined(separator: "!")
                return HistoryRow(round: row["label"], asOf: row["as_of"], task: row["task"], taskText: row["task_text"] ?? "",
                                  unit: row["unit"], status: (row["status"] as String?).flatMap(Status.init(rawValue:)), text: row["text"],
                                  source: [row["source_file"] as String, place].filter { !$0.isEmpty }.joined(separator: " "))
            }
        }
    }

    /// One recorded round, as `ledger rounds` lists it.
    public struct RoundSummary: Sendable, Equatable {
        public var label: String
        public var asOf: String
        public var files: Int
        public var unitsReported: Int
        public var reports: Int
        public var recordedAt: String
    }

    /// The rounds in the order of their as-of dates.
    public func rounds() throws -> [RoundSummary] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
            SELECT r.label, r.as_of, r.recorded_at,
                (SELECT COUNT(*) FROM round_file f WHERE f.round = r.id) AS files,
                (SELECT COUNT(DISTINCT unit) FROM progress p WHERE p.round = r.id) AS units,
                (SELECT COUNT(*) FROM progress p WHERE p.round = r.id) AS reports
            FROM round r ORDER BY r.as_of, r.label
            """).map { row in
                RoundSummary(label: row["label"], asOf: row["as_of"], files: row["files"], unitsReported: row["units"],
                             reports: row["reports"], recordedAt: row["recorded_at"])
            }
        }
    }

    /// Each earlier round's status of every task, for the 历次进展 sheet: rounds other than `label` in as-of order,
    /// statuses by task id (a task reworded since under its new id) and round label.
    public func statusHistory(excluding label: String) throws -> (rounds: [String], statuses: [String: [String: (status: Status, overdue: Bool)]]) {
        try database.read { db in
            let rounds = try String.fetchAll(db, sql: "SELECT label FROM round WHERE label != ? ORDER BY as_of, label", arguments: [label])
            var continued: [String: String] = [:]
            for alias in try Row.fetchAll(db, sql: "SELECT id, previous_id FROM task_alias ORDER BY plan_version") { continued[alias["previous_id"]] = alias["id"] }
            var statuses: [String: [String: (status: Status, overdue: Bool)]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT r.label, t.task, t.status, t.overdue FROM round_task t JOIN round r ON t.round = r.id WHERE r.label != ?",
                                        arguments: [label]) {
                guard let status = Status(rawValue: row["status"]) else { continue }
                var task: String = row["task"]
                var steps = 0
                while let next = continued[task], steps < 100 { task = next; steps += 1 }
                statuses[task, default: [:]][row["label"]] = (status, row["overdue"])
            }
            return (rounds, statuses)
        }
    }

    /// For the given tasks, the as-of dates of the rounds (other than `label`) in which each unit reported each.
    public func reportDates(tasks: [String], excluding label: String) throws -> [String: [String: [CalendarDate]]] {
        guard !tasks.isEmpty else { return [:] }
        return try database.read { db in
            var dates: [String: [String: [CalendarDate]]] = [:]
            let list = "[" + tasks.map { "\"\($0)\"" }.joined(separator: ",") + "]"
            // One row per task and unit, its rounds' dates joined: a row per report would be rounds × units × tasks.
            for row in try Row.fetchAll(db, sql: """
                SELECT p.task, p.unit, group_concat(DISTINCT r.as_of) AS dates FROM progress p JOIN round r ON p.round = r.id
                WHERE r.label != ? AND p.task IN (SELECT value FROM json_each(?)) GROUP BY p.task, p.unit
                """, arguments: [label, list]) {
                let days = (row["dates"] as String).split(separator: ",").compactMap { CalendarDate(iso: String($0)) }
                dates[row["task"], default: [:]][row["unit"]] = days
            }
            return dates
        }
    }

    /// A round's ledger as merged (`LedgerSnapshot`'s bytes), with the round's label and as-of date.
    public struct Snapshot: Sendable {
        public var round: String
        public var asOf: String
        public var size: Int
        public var data: [UInt8]
    }

    /// The ledger of round `label`, or of the latest round when nil; nil when there is no such round, or it was
    /// recorded before the store kept ledgers.
    public func snapshot(round label: String?) throws -> Snapshot? {
        try database.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT r.label, r.as_of, l.size, l.data FROM round r LEFT JOIN round_ledger l ON l.round = r.id
                WHERE ? IS NULL OR r.label = ? ORDER BY r.as_of DESC, r.recorded_at DESC LIMIT 1
                """, arguments: [label, label])
            guard let row else { return nil }
            guard let data = row["data"] as Data? else { throw LedgerStoreError.noLedger(row["label"]) }
            return Snapshot(round: row["label"], asOf: row["as_of"], size: row["size"], data: [UInt8](data))
        }
    }

    /// The label of the round `previousRound(before:excluding:)` compares with, if any.
    public func previousLabel(before asOf: String, excluding label: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT label FROM round WHERE label != ? AND as_of <= ? ORDER BY as_of DESC, recorded_at DESC LIMIT 1",
                                arguments: [label, asOf])
        }
    }

    /// The trend's points of the rounds before round `label` (as-of order): tasks, completed and overdue, by task.
    public func points(before asOf: String, excluding label: String) throws -> [RoundHistory.Point] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.label, r.as_of, COUNT(t.task) AS tasks, COALESCE(SUM(t.status = ?), 0) AS completed, COALESCE(SUM(t.overdue), 0) AS overdue
                FROM round r LEFT JOIN round_task t ON t.round = r.id
                WHERE r.label != ? AND r.as_of <= ? GROUP BY r.id ORDER BY r.as_of, r.recorded_at
                """, arguments: [Status.completed.rawValue, label, asOf]).compactMap { row in
                CalendarDate(iso: row["as_of"]).map { RoundHistory.Point(round: row["label"], asOf: $0, tasks: row["tasks"], completed: row["completed"], overdue: row["overdue"]) }
            }
        }
    }

    /// The latest request of a unit to move the task's deadline, from the rounds recorded: the day asked for and why.
    public func latestRequest(task: String) throws -> (unit: String, due: CalendarDate?, reason: String, round: String)? {
        try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT q.unit, q.due, q.reason, r.label FROM deadline_request q JOIN round r ON q.round = r.id WHERE q.task = ?
                ORDER BY r.as_of DESC, r.recorded_at DESC, q.due DESC LIMIT 1
                """, arguments: [task]).map { row in
                (row["unit"], (row["due"] as String?).flatMap(CalendarDate.init(iso:)), row["reason"], row["label"])
            }
        }
    }

    /// The as-of date of the first round recorded other than `label`, if any.
    public func firstAsOf(excluding label: String) throws -> CalendarDate? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT MIN(as_of) FROM round WHERE label != ?", arguments: [label]).flatMap(CalendarDate.init(iso:))
        }
    }

    /// The number of rows of each table, for checks that a store is as it was.
    public func counts() throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for table in ["plan_version", "unit", "task", "round", "round_file", "progress", "round_task", "round_ledger", "deadline_request"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    private static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}

/// Why a store could not be used, in Chinese first.
public enum LedgerStoreError: Error, Sendable, CustomStringConvertible {
    case notFound(String)
    case unreadable(String, String)
    case unknownTask(String)
    case noLedger(String)

    public var description: String {
        switch self {
        case .notFound(let path): "\(path)：台账数据库不存在，请先用 taizhang ledger init 计划表 -o \(path) 建立。"
        case .unreadable(let path, let detail): "\(path)：不是可用的台账数据库（\(detail)），请确认文件，或重新建立。"
        case .unknownTask(let task): "台账数据库中没有任务 \(task)，请按总台账的“任务编号”列填写。"
        case .noLedger(let round): "台账数据库中第 \(round) 轮是旧版本记录的，没有保存台账，请用同样的文件重新运行 taizhang merge … --into 记录该轮。"
        }
    }
}
