import Foundation
import Ledger
import Reports
import Store
import Table
import Testing
import TestSupport

/// The briefing written from the ledger store: each round's ledger kept as merged, the trend and the changes.
@Suite("Briefing from the ledger store")
struct StoreBriefingTests {
    static func merge(_ returns: [String], asOf: String) throws -> LedgerResult {
        try Merge.run(plan: SampleRound.samples + "/plan-2023.xlsx", returns: returns,
                      options: MergeOptions(asOf: CalendarDate(iso: asOf)!, plan: SampleRound.options()))
    }

    @Test("a round's ledger comes back from its compressed snapshot as merged, deadline extensions too; a damaged one is refused")
    func snapshot() throws {
        var ledger = try SampleRound.ledger()
        ledger.entries[0].task.extended = DeadlineExtension(due: CalendarDate(iso: "2023-12-31")!, reason: "经局长办公会同意", count: 2)
        let (data, size) = try LedgerSnapshot.encode(ledger)
        #expect(size == (try LedgerJSON.encode(ledger)).count)
        #expect(data.count * 4 < size, "\(data.count) of \(size)")
        let back = try LedgerSnapshot.decode(data, size: size)
        #expect(back.entries[0].task.extended == ledger.entries[0].task.extended)
        #expect(Briefing(back).text == Briefing(ledger).text)
        #expect(try LedgerJSON.encode(back) == LedgerJSON.encode(ledger))
        var damaged = data
        damaged[damaged.count / 2] ^= 0xFF
        #expect(throws: LedgerSnapshot.SnapshotError.self) { _ = try LedgerSnapshot.decode(damaged, size: size) }
        #expect(throws: LedgerSnapshot.SnapshotError.self) { _ = try LedgerSnapshot.decode(data, size: size - 1) }
    }

    @Test("two rounds: the trend counts each round by task as its headline does, and each unit's change is against its own last round")
    func twoRounds() throws {
        let store = try LedgerStore(path: Fixture.directory() + "/台账.db", create: true)
        let returns = SampleRound.samples + "/returns/"
        let july = try Self.merge([returns + "法规科-任务反馈表.xlsx", returns + "政务科-任务反馈表.xlsx"], asOf: "2023-07-10")
        let august = try Self.merge([returns], asOf: "2023-08-10")
        for (label, ledger) in [("2023-07", july), ("2023-08", august)] {
            #expect(try store.record(round: label, result: ledger, planSHA256: "plan", snapshot: try LedgerSnapshot.encode(ledger)) == .recorded)
        }
        let briefing = try StoreBriefing.briefing(store, round: nil)
        let rounds = try #require(briefing.rounds)
        #expect(rounds.points.map(\.round) == ["2023-07", "2023-08"])
        for (point, ledger) in zip(rounds.points, [july, august]) {
            #expect(point.completed == Briefing(ledger).totals[.completed] ?? 0 && point.tasks == 21)
            #expect(point.overdue == ledger.entries.filter(\.overdue).count)
        }
        #expect(rounds.previousRound == "2023-07")
        let before = LedgerSummary(july), now = LedgerSummary(august)
        for change in rounds.unitChanges {
            let then = before.lines.first { $0.unit == change.unit }!, line = now.lines.first { $0.unit == change.unit }!
            #expect(change.completedDelta == (line.counts[.completed] ?? 0) - (then.counts[.completed] ?? 0), "\(change.unit)")
        }
        // 法规科 sent the same file both times: every report of it unchanged; 办公室 reported for the first time.
        let office = try #require(rounds.unitChanges.first { $0.unit == "办公室" }), law = try #require(rounds.unitChanges.first { $0.unit == "法规科" })
        #expect(law.unchanged == august.entries.flatMap(\.progress).filter { $0.unit == "法规科" }.count && law.new == 0)
        #expect(office.new > 0 && office.unchanged == 0)
        #expect(office.summary.contains("新报 \(office.new)"))

        // The first round on its own has no previous round to compare with; an unknown round is refused.
        let first = try #require(try StoreBriefing.briefing(store, round: "2023-07").rounds)
        #expect(first.points.map(\.round) == ["2023-07"] && first.previousRound == nil && first.unitChanges.isEmpty)
        #expect(throws: StoreBriefing.StoreBriefingError.self) { _ = try StoreBriefing.briefing(store, round: "2023-09") }
    }
}
