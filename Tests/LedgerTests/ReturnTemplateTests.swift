import Foundation
import Testing
import XLSX
@testable import Ledger

@Suite("Return templates (split)")
struct ReturnTemplateTests {
    static let samples = SeedPlanTests.samples

    func plan() throws -> Plan {
        try PlanImport.read(path: Self.samples + "/plan-2023.xlsx",
                            options: PlanOptions(registry: UnitRegistry(contentsOf: URL(fileURLWithPath: Self.samples + "/units.yaml"))))
    }

    @Test("a unit's tasks: lead, cooperating or responsible, groups expanded, in plan order")
    func tasks() throws {
        let plan = try plan()
        #expect(ReturnTemplate.tasks(for: "法规科", in: plan).count == 12)
        #expect(ReturnTemplate.tasks(for: "办公室", in: plan).count == 19)
        #expect(ReturnTemplate.tasks(for: "热线科", in: plan).count == 9)
        #expect(ReturnTemplate.tasks(for: "不存在的科", in: plan).isEmpty)
    }

    @Test("the template: ids, plan columns locked, progress columns open, the unit in the properties and the 填报 line")
    func template() throws {
        let plan = try plan()
        let path = NSTemporaryDirectory() + "taizhang-template-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ReturnTemplate.write(unit: "法规科", plan: plan, to: path)
        let workbook = try Workbook(path: path)
        #expect(workbook.customProperties[ReturnTemplate.unitProperty] == "法规科")
        #expect(workbook.sheets.map(\.name) == [ReturnTemplate.sheetName])
        let content = try workbook.read(workbook.sheets[0])
        #expect(content.rows[1][1] == .text("填报单位：法规科"))
        #expect(content.rows[2].cells.map(\.value.text) == ReturnTemplate.planHeaders + ReturnTemplate.progressHeaders)
        let ids = content.rows.dropFirst(3).compactMap { $0[1]?.text }
        #expect(ids == ReturnTemplate.tasks(for: "法规科", in: plan).map(\.task.id))
        #expect(content.rows[3][6] == .text("牵头"))
        #expect(content.rows[3].cells.count == 7, "progress cells are styled blanks, not empty strings")
        #expect(content.mergedRanges.contains(CellRange("B4:B6")!))
    }

    @Test("splitting twice gives identical files")
    func deterministic() throws {
        let plan = try plan()
        let a = NSTemporaryDirectory() + "taizhang-a-\(UUID().uuidString).xlsx", b = a.replacingOccurrences(of: "-a-", with: "-b-")
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        try ReturnTemplate.write(unit: "政务科", plan: plan, to: a)
        try ReturnTemplate.write(unit: "政务科", plan: plan, to: b)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    }
}
