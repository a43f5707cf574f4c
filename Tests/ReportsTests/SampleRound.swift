import Foundation
import Ledger

/// The sample half-year round (samples/returns) merged into the seed plan through the library's one merge call.
enum SampleRound {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/samples"
    static let asOf = CalendarDate(year: 2023, month: 12, day: 15)!

    static func options() throws -> PlanOptions {
        PlanOptions(registry: try UnitRegistry(contentsOf: URL(fileURLWithPath: samples + "/units.yaml")))
    }

    static func plan() throws -> Plan {
        try PlanImport.read(path: samples + "/plan-2023.xlsx", options: options())
    }

    /// Every file of samples/returns (not its extra/ folder), merged.
    static func ledger() throws -> LedgerResult {
        try Merge.run(plan: samples + "/plan-2023.xlsx", returns: [samples + "/returns"], options: MergeOptions(asOf: asOf, plan: options()))
    }
}
