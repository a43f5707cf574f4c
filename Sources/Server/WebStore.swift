import Foundation
import GRDB

/// What the web page keeps beside the ledger store, in `web.db` of the served folder: the office password's hash,
/// sessions, each unit's link, every upload (sha256, size, who sent it) and the rounds opened. The ledger's own
/// history stays in `台账.db`, which the command line reads too.
final class WebStore: Sendable {
    /// A pool in WAL mode: pages read while an upload is being recorded, rather than waiting for it.
    private let database: DatabasePool

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        database = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
            CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE session (id TEXT PRIMARY KEY, csrf TEXT NOT NULL, expires REAL NOT NULL);
            CREATE TABLE unit_link (token TEXT PRIMARY KEY, unit TEXT NOT NULL, created REAL NOT NULL, expires REAL, revoked INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE upload (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, unit TEXT, round TEXT, name TEXT NOT NULL, stored TEXT NOT NULL,
                sha256 TEXT NOT NULL, size INTEGER NOT NULL, format TEXT NOT NULL, at REAL NOT NULL, by TEXT NOT NULL,
                status TEXT NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL, problems TEXT NOT NULL);
            CREATE INDEX upload_by_round ON upload(round, unit);
            CREATE TABLE web_round (label TEXT PRIMARY KEY, as_of TEXT NOT NULL, opened REAL NOT NULL, merged REAL);
            """)
        }
        return migrator
    }

    // MARK: Settings

    func setting(_ key: String) throws -> String? {
        try database.read { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    func set(_ key: String, _ value: String?) throws {
        try database.write { db in
            if let value {
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            }
        }
    }

    /// Forgets the office password and ends every session: the next start prints a new setup code.
    func resetPassword() throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM setting WHERE key IN ('password', 'setup-code')")
            try db.execute(sql: "DELETE FROM session")
        }
    }

    // MARK: Sessions

    /// A session by the hash of its cookie; expired ones are gone.
    func session(id: String, now: Date) throws -> String? {
        try database.read {
            try String.fetchOne($0, sql: "SELECT csrf FROM session WHERE id = ? AND expires > ?", arguments: [id, now.timeIntervalSince1970])
        }
    }

    func startSession(id: String, csrf: String, expires: Date) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires < ?", arguments: [Date().timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO session (id, csrf, expires) VALUES (?, ?, ?)", arguments: [id, csrf, expires.timeIntervalSince1970])
        }
    }

    func endSession(id: String) throws {
        try database.write { try $0.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id]) }
    }

    // MARK: Unit links

    struct UnitLink: Sendable {
        var token: String
        var unit: String
        var created: Date
        var expires: Date?
        var revoked: Bool
    }

    /// The link of a token that is neither revoked nor expired.
    func link(token: String, now: Date) throws -> UnitLink? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM unit_link WHERE token = ?", arguments: [token]).map(Self.link).flatMap { link in
                link.revoked || (link.expires.map { $0 <= now } ?? false) ? nil : link
            }
        }
    }

    /// Every unit's links, newest first.
    func links() throws -> [UnitLink] {
        try database.read { try Row.fetchAll($0, sql: "SELECT * FROM unit_link ORDER BY created DESC").map(Self.link) }
    }

    /// A new link for a unit; its earlier links are revoked, so one unit has one working link.
    func newLink(unit: String, token: String, expires: Date?) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE unit_link SET revoked = 1 WHERE unit = ?", arguments: [unit])
            try db.execute(sql: "INSERT INTO unit_link (token, unit, created, expires) VALUES (?, ?, ?, ?)",
                           arguments: [token, unit, Date().timeIntervalSince1970, expires?.timeIntervalSince1970])
        }
    }

    func revokeLinks(unit: String) throws {
        try database.write { try $0.execute(sql: "UPDATE unit_link SET revoked = 1 WHERE unit = ?", arguments: [unit]) }
    }

    private static func link(_ row: Row) -> UnitLink {
        UnitLink(token: row["token"], unit: row["unit"], created: Date(timeIntervalSince1970: row["created"]),
                 expires: (row["expires"] as Double?).map(Date.init(timeIntervalSince1970:)), revoked: row["revoked"])
    }

    // MARK: Uploads

    struct Upload: Sendable {
        enum Kind: String, Sendable { case plan, units, `return` }
        enum Status: String, Sendable {
            /// A plan or a return that was read and taken.
            case accepted
            /// Read, with errors to fix first: kept and listed, not used.
            case rejected
            /// A later upload of the same unit and round took its place.
            case superseded
        }
        var id: Int64 = 0
        var kind: Kind
        var unit: String?
        var round: String?
        /// The file name the browser gave, for display only: never a path on disk.
        var name: String
        /// The generated name under uploads/.
        var stored: String
        var sha256: String
        var size: Int
        var format: String
        var at: Date
        /// `office` or `unit`.
        var by: String
        var status: Status
        var errors: Int
        var warnings: Int
        /// The problems found, one per line: `工作表1!E12：…`.
        var problems: String
    }

    /// Records an upload; an accepted return supersedes the unit's earlier accepted ones in the round.
    func record(_ upload: Upload) throws -> Int64 {
        try database.write { db in
            if upload.kind == .return, upload.status == .accepted {
                try db.execute(sql: "UPDATE upload SET status = 'superseded' WHERE kind = 'return' AND round = ? AND unit = ? AND status = 'accepted'",
                               arguments: [upload.round, upload.unit])
            }
            try db.execute(sql: """
                INSERT INTO upload (kind, unit, round, name, stored, sha256, size, format, at, by, status, errors, warnings, problems)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [upload.kind.rawValue, upload.unit, upload.round, upload.name, upload.stored, upload.sha256, upload.size,
                                 upload.format, upload.at.timeIntervalSince1970, upload.by, upload.status.rawValue, upload.errors,
                                 upload.warnings, upload.problems])
            return db.lastInsertedRowID
        }
    }

    /// Uploads, newest first: all, or of one round, or of one unit in one round.
    func uploads(kind: Upload.Kind? = nil, round: String? = nil, unit: String? = nil) throws -> [Upload] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM upload WHERE (? IS NULL OR kind = ?) AND (? IS NULL OR round = ?) AND (? IS NULL OR unit = ?) ORDER BY id DESC
                """, arguments: [kind?.rawValue, kind?.rawValue, round, round, unit, unit]).map(Self.upload)
        }
    }

    func upload(id: Int64) throws -> Upload? {
        try database.read { try Row.fetchOne($0, sql: "SELECT * FROM upload WHERE id = ?", arguments: [id]).map(Self.upload) }
    }

    private static func upload(_ row: Row) -> Upload {
        Upload(id: row["id"], kind: Upload.Kind(rawValue: row["kind"]) ?? .return, unit: row["unit"], round: row["round"], name: row["name"],
               stored: row["stored"], sha256: row["sha256"], size: row["size"], format: row["format"], at: Date(timeIntervalSince1970: row["at"]),
               by: row["by"], status: Upload.Status(rawValue: row["status"]) ?? .rejected, errors: row["errors"], warnings: row["warnings"],
               problems: row["problems"])
    }

    // MARK: Rounds

    struct Round: Sendable {
        var label: String
        var asOf: String
        var opened: Date
        var merged: Date?
    }

    func rounds() throws -> [Round] {
        try database.read { try Row.fetchAll($0, sql: "SELECT * FROM web_round ORDER BY as_of DESC, label DESC").map(Self.round) }
    }

    func round(_ label: String) throws -> Round? {
        try database.read { try Row.fetchOne($0, sql: "SELECT * FROM web_round WHERE label = ?", arguments: [label]).map(Self.round) }
    }

    func openRound(label: String, asOf: String) throws {
        try database.write { db in
            try db.execute(sql: "INSERT INTO web_round (label, as_of, opened) VALUES (?, ?, ?) ON CONFLICT(label) DO UPDATE SET as_of = excluded.as_of",
                           arguments: [label, asOf, Date().timeIntervalSince1970])
        }
    }

    func markMerged(_ label: String) throws {
        try database.write { try $0.execute(sql: "UPDATE web_round SET merged = ? WHERE label = ?", arguments: [Date().timeIntervalSince1970, label]) }
    }

    private static func round(_ row: Row) -> Round {
        Round(label: row["label"], asOf: row["as_of"], opened: Date(timeIntervalSince1970: row["opened"]),
              merged: (row["merged"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
