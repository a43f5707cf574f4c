import Foundation
import Testing
import Ledger
import Reports
import XLSX

@Suite("Return templates (split)")
struct ReturnTemplateTests {
    func plan() throws -> Plan { try SampleRound.plan() }

    @Test("a unit's tasks: lead, cooperating or responsible, groups expanded, in plan order")
    func tasks() throws {
        let plan = try plan()
        #expect(ReturnForm.tasks(for: "法规科", in: plan).count == 12)
        #expect(ReturnForm.tasks(for: "办公室", in: plan).count == 19)
        #expect(ReturnForm.tasks(for: "热线科", in: plan).count == 9)
        #expect(ReturnForm.tasks(for: "不存在的科", in: plan).isEmpty)
    }

    @Test("the template: ids, plan columns locked, progress columns open, the unit in the properties and the 填报 line")
    func template() throws {
        let plan = try plan()
        let path = NSTemporaryDirectory() + "taizhang-template-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ReturnTemplate.write(unit: "法规科", plan: plan, to: path)
        let workbook = try Workbook(path: path)
        #expect(workbook.customProperties[ReturnForm.unitProperty] == "法规科")
        #expect(workbook.sheets.map(\.name) == [ReturnForm.sheetName])
        let content = try workbook.read(workbook.sheets[0])
        #expect(content.rows[1][1] == .text("填报单位：法规科"))
        #expect(content.rows[2].cells.map(\.value.text) == ReturnForm.planHeaders(for: plan) + ReturnForm.progressHeaders)
        #expect(ReturnForm.planHeaders(for: plan).contains("牵头单位"))
        let ids = content.rows.dropFirst(3).compactMap { $0[1]?.text }
        #expect(ids == ReturnForm.tasks(for: "法规科", in: plan).map(\.task.id))
        #expect(content.rows[3][6] == .text("牵头"))
        #expect(content.rows[3].cells.count == 7, "progress cells are styled blanks, not empty strings")
        #expect(content.mergedRanges.contains(CellRange("B4:B6")!))
    }

    @Test("a template written filled in (the page's form) reads back as typed: text, a status word, a day as a date cell")
    func filled() throws {
        let plan = try plan()
        let path = NSTemporaryDirectory() + "taizhang-filled-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ids = ReturnForm.tasks(for: "法规科", in: plan).map(\.task.id)
        let typed = ["进展情况": "已完成目录修订。\n第二行", "完成状态": "已完成", "完成时间": "2023-06-30", "佐证材料": "目录.xlsx", "备注": "无"]
        try ReturnTemplate.write(unit: "法规科", plan: plan, to: path, filled: [ids[1]: typed, ids[2]: ["完成时间": "6月底"], "不在计划里": ["备注": "x"]])
        let read = try UnitReturn.read(path: path, registry: plan.registry)
        #expect(read.unit == "法规科" && read.rows.count == ids.count)
        let row = try #require(read.rows.first { $0.fields[.taskId]?.text == ids[1] })
        #expect(row.fields[.progress] == .text("已完成目录修订。\n第二行") && row.fields[.status] == .text("已完成"))
        #expect(row.fields[.completedOn]?.text == "2023-06-30" && row.fields[.evidence] == .text("目录.xlsx") && row.fields[.remarks] == .text("无"))
        guard case .date = row.fields[.completedOn] else { Issue.record("完成时间 is not a date cell"); return }
        #expect(read.rows.first { $0.fields[.taskId]?.text == ids[2] }?.fields[.completedOn] == .text("6月底"), "a day not in ISO form is kept as typed")
        #expect(read.rows.filter { $0.typed.contains(.progress) }.count == 1)
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

    @Test("a template sent back with nothing filled in is a warning: its tasks show 未报送 although a file came")
    func unfilledTemplate() throws {
        let plan = try SampleRound.plan()
        let path = NSTemporaryDirectory() + "taizhang-unfilled-\(UUID().uuidString)-" + ReturnForm.fileName(for: "法规科")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ReturnTemplate.write(unit: "法规科", plan: plan, to: path)
        let ledger = Merge.run(plan: plan, returns: [try UnitReturn.read(path: path, registry: plan.registry)], asOf: SampleRound.asOf)
        #expect(ledger.returns.allSatisfy { $0.cellsRead == $0.cellsMerged + $0.cellsUnchanged + $0.cellsReported })
        let issue = try #require(ledger.issues.first { $0.code == "no-progress" })
        #expect(issue.location.file == path && issue.severity == .warning)
        #expect(issue.message.hasPrefix("法规科的反馈表没有填写"))
        // A return with progress gives no such warning.
        #expect(!(try SampleRound.ledger()).issues.contains { $0.code == "no-progress" })
    }
}
