import Foundation
import Testing
@testable import Ledger

@Suite("Plan settings file")
struct PlanConfigTests {
    @Test("an office's own header words, the year and the strict 12月前 reading come from taizhang.yaml")
    func settings() throws {
        let dir = NSTemporaryDirectory() + "taizhang-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "具体任务,谁来干,啥时候\n任务甲,法规科,12月前\n".write(toFile: dir + "/计划.csv", atomically: true, encoding: .utf8)
        try """
        year: 2023
        deadlines:
          before: strict
        synonyms:
          leadUnit: [谁来干]
          deadline: [啥时候]
        """.write(toFile: dir + "/taizhang.yaml", atomically: true, encoding: .utf8)
        let config = try PlanConfig(contentsOf: dir + "/taizhang.yaml")
        let plan = try PlanImport.read(path: dir + "/计划.csv", options: config.options(year: nil, registry: nil))
        #expect(plan.planYear == 2023)
        #expect(plan.tasks.first?.units.references.map(\.name) == ["法规科"])
        #expect(plan.tasks.first?.deadline.due?.description == "2023-11-30")
        #expect(try PlanImport.read(path: dir + "/计划.csv", options: config.options(year: 2024, registry: nil)).planYear == 2024)
    }

    @Test("mistakes in the file are named", arguments: ["synonyms:\n  unknownField: [x]\n", "deadlines:\n  before: sometimes\n", "year: [1, 2]\n"])
    func invalid(yaml: String) {
        #expect(throws: PlanConfigError.self) { _ = try PlanConfig(yaml: yaml) }
    }
}

@Suite("Plan settings in Chinese")
struct PlanConfigChineseTests {
    @Test("the settings file's keys may be written as a clerk writes them")
    func chineseKeys() throws {
        let config = try PlanConfig(yaml: "年度: 2024\n完成时限:\n  月前: strict\n首位为牵头: false\n表头同义词:\n  任务: [工作事项]\n  牵头单位: [主抓单位]\n")
        #expect(config.year == 2024)
        #expect(config.deadlinePolicy == DeadlineParser.Policy(before: .strict))
        #expect(!config.firstListedIsLead)
        #expect(config.synonyms[.task] == ["工作事项"] && config.synonyms[.leadUnit] == ["主抓单位"])
        #expect(throws: PlanConfigError.self) { _ = try PlanConfig(yaml: "表头同义词:\n  不知道: [x]\n") }
    }
}
