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

    @Test("a new plan version is matched task by task: by id, else by the same task text (reworded), else added or removed")
    func planChange() throws {
        let dir = Fixture.directory(), modified = dir + "/plan.xlsx"
        // Row 3: the requirement gets a sentence more (same task text: reworded). Row 6: task and requirement both new.
        _ = try Openpyxl.output(of: """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
            ws['C3'] = ws['C3'].value + '按季度通报进展。'
            ws['B6'] = '(四)编制政务公开工作年度计划。'
            ws['C6'] = '明确年度重点任务和责任分工。'
            wb.save(sys.argv[2])
            """, [Self.samples + "/plan-2023.xlsx", modified])
        let options = PlanOptions(year: 2023, registry: try UnitRegistry(contentsOf: URL(fileURLWithPath: Self.samples + "/units.yaml")))
        let before = try PlanImport.read(path: Self.samples + "/plan-2023.xlsx", options: options)
        let after = try PlanImport.read(path: modified, options: options)
        let store = try LedgerStore(path: dir + "/台账.db", create: true)
        #expect(try store.record(plan: before, sha256: "v1") == nil)
        let change = try #require(try store.record(plan: after, sha256: "v2"))
        #expect(change.reworded == [after.tasks[0].id: before.tasks[0].id])
        let newTask = try #require(after.tasks.first { $0.task.original.contains("年度计划") })
        let oldTask = try #require(before.tasks.first { $0.source.cell?.row == 6 })
        #expect(change.added == [newTask.id])
        #expect(change.removed == [oldTask.id])
        // The same bytes again: nothing new.
        #expect(try store.record(plan: after, sha256: "v2") == nil)
    }
}
