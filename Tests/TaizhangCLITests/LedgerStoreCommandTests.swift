import Foundation
import Testing

/// `ledger init`, `merge --into` and `ledger rounds` at the command line, with a real SQLite file.
@Suite("Ledger store through the command line")
struct LedgerStoreCommandTests {
    static let samples = CLI.repository + "/samples"

    @Test("init, a round recorded, the same round again unchanged, rounds listed; two merges into one store at once never duplicate a row")
    func round() throws {
        let dir = NSTemporaryDirectory() + "store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = dir + "/台账.db"
        let initialized = try CLI.run(["ledger", "init", Self.samples + "/plan-2023.xlsx", "--units", Self.samples + "/units.yaml", "-o", store])
        #expect(initialized.status == 0 && initialized.stdout.contains("21 项任务"), "\(initialized.stderr)")
        let merge = ["merge", Self.samples + "/plan-2023.xlsx", Self.samples + "/returns", "--units", Self.samples + "/units.yaml",
                     "--as-of", "2023-07-10", "-o", dir + "/总台账.xlsx", "--into", store]
        let first = try CLI.run(merge)
        #expect(first.stdout.contains("已记入台账数据库") && first.stdout.contains("2023-07"), "\(first.stdout)\(first.stderr)")
        let again = try CLI.run(merge)
        #expect(again.stdout.contains("未作改动"), "\(again.stdout)")

        // Two at once, into a second round: SQLite's lock makes one wait for the other.
        let both = try CLI.run(["--shell", "\"$0\" \"$@\" --round 2023-08 -o \"$1.a.xlsx\" -q & \"$0\" \"$@\" --round 2023-08 -o \"$1.b.xlsx\" -q & wait"] + merge)
        #expect(both.status == 0, "\(both.stderr)")
        let rounds = try CLI.run(["ledger", "rounds", store])
        let lines = rounds.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(rounds.stdout)")
        // Each round holds the sample round's 86 reports once.
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t")[4] == "86" }, "\(rounds.stdout)")

        let missing = try CLI.run(["ledger", "rounds", dir + "/无.db"])
        #expect(missing.status == 2 && missing.stderr.contains("ledger init"))
    }
}
