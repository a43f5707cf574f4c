import Foundation
import Testing
@testable import Ledger

/// A return checked alone as it arrives (the web page) says what a merge says about it at that file.
@Suite("Checking one return")
struct ReturnCheckerTests {
    @Test("for each sample return, the checker's issues are the merge's issues at that file, in order")
    func sameAsMerge() throws {
        let plan = try MergeTests.plan()
        let checker = ReturnChecker(plan: plan)
        let extra = MergeTests.samples + "/returns/extra/"
        let files = MergeTests.round.map { MergeTests.samples + "/returns/" + $0 }
            + (try FileManager.default.contentsOfDirectory(atPath: extra)).filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".csv") }.sorted().map { extra + $0 }
        var checkedIssues = 0
        for path in files {
            guard let ret = try? UnitReturn.read(path: path, registry: plan.registry), ret.unit != nil else { continue }
            let merged = Merge.run(plan: plan, returns: [ret], asOf: MergeTests.asOf).issues.filter { $0.location.file == path }
            let checked = checker.issues(of: ret)
            #expect(checked.map(\.code) == merged.map(\.code) && checked.map(\.message) == merged.map(\.message), "\(path)")
            checkedIssues += checked.count
        }
        #expect(checkedIssues >= 5, "the samples give issues to compare (\(checkedIssues))")
    }
}
