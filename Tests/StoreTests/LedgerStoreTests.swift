import Foundation
import Ledger
@testable import Store
import Table
import TestSupport
import Testing

/// The store is a real SQLite file, read back here through the store and, for its layout, through SQLite itself.
@Suite("Ledger store")
struct LedgerStoreTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let samples = repository + "/samples"

    static func merge(_ returns: [String], asOf: String = "2023-07-10") throws -> LedgerResult {
        var plan = PlanOptions(year: nil, registry: try UnitRegistry(contentsOf: URL(fileURLWithPath: samples + "/units.yaml")))
        plan.budget = .standard
        return try Merge.run(plan: samples + "/plan-2023.xlsx", returns: returns, options: MergeOptions(asOf: CalendarDate(iso: asOf)!, plan: plan))
    }

    @Test("a round is recorded once: its files, and every unit's progress with its source cell; the same files again change nothing, other files replace it")
    func rounds() throws {
        let path = Fixture.directory() + "/台账.db"
        let store = try LedgerStore(path: path, create: true)
        let ledger = try Self.merge([Self.samples + "/returns"])
        let sha = SHA256.file(Self.samples + "/plan-2023.xlsx") ?? ""
        try store.record(plan: ledger.plan, sha256: sha)
        #expect(try store.counts()["task"] == 21)
        #expect(try store.record(round: "2023-07", result: ledger, planSHA256: sha) == .recorded)
        let counts = try store.counts()
        let reports = ledger.entries.reduce(0) { $0 + $1.progress.count }
        #expect(counts["progress"] == reports && reports > 0)
        #expect(counts["round_file"] == ledger.returns.count)
        #expect(try store.record(round: "2023-07", result: ledger, planSHA256: sha) == .unchanged)
        #expect(try store.counts() == counts)

        // Reopened from the file: the schema is there and up to date, the rows too.
        let reopened = try LedgerStore(path: path)
        #expect(try reopened.rounds().map(\.label) == ["2023-07"])
        #expect(try reopened.rounds().first?.reports == reports)

        // One file fewer: the round is replaced, not duplicated.
        let fewer = try Self.merge([Self.samples + "/returns/法规科-任务反馈表.xlsx", Self.samples + "/returns/政务科-任务反馈表.xlsx"])
        #expect(try reopened.record(round: "2023-07", result: fewer, planSHA256: sha) == .replaced)
        #expect(try reopened.counts()["round"] == 1)
        #expect(try reopened.counts()["round_file"] == 2)
        #expect(try reopened.record(round: "2023-08", result: try Self.merge([Self.samples + "/returns"], asOf: "2023-08-10"), planSHA256: sha) == .recorded)
        #expect(try reopened.rounds().map(\.label) == ["2023-07", "2023-08"])
        #expect(try reopened.counts()["plan_version"] == 1)
    }

    @Test("a file that is not a store is refused naming it; a missing one is told how to make")
    func refusals() throws {
        let dir = Fixture.directory()
        #expect(throws: LedgerStoreError.self) { try LedgerStore(path: dir + "/无.db") }
        try Data("not a database at all, just text that is long enough".utf8).write(to: URL(fileURLWithPath: dir + "/坏.db"))
        let error = #expect(throws: LedgerStoreError.self) { try LedgerStore(path: dir + "/坏.db") }
        #expect(error?.description.contains("坏.db") == true)
    }
}
