import Foundation
import Testing
import XLSX
@testable import Ledger

/// A numbered section row written alone in its first cell, not merged across the table: a heading when the rows that
/// follow are under it, a task that lacks its units when a sibling follows or nothing does.
@Suite("Section rows not merged")
struct SectionRowTests {
    static func plan(_ rows: [String], header: String = "工作任务,牵头单位,完成时限") throws -> Plan {
        let path = NSTemporaryDirectory() + "taizhang-sections-\(UUID().uuidString)-2023.csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ([header] + rows).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try PlanImport.read(path: path)
    }

    @Test("一、 alone, then 1. 2. with units: a heading, the category of both, no task of its own")
    func headingOverNumberedTasks() throws {
        let plan = try Self.plan(["一、优化营商环境,,", "1.精简审批手续。,区发改局,6月底前", "2.压缩办理时限。,区政务服务局,年底前",
                                  "二、强化民生保障,,", "1.稳定就业。,区人社局,年底前"])
        #expect(plan.tasks.map(\.task.text) == ["精简审批手续。", "压缩办理时限。", "稳定就业。"])
        #expect(plan.tasks.map { $0.category?.text } == ["一、优化营商环境", "一、优化营商环境", "二、强化民生保障"])
        #expect(!plan.issues.contains { $0.code == "missing-unit" })
    }

    @Test("a heading over tasks without numbers, and (一) under 一、")
    func headingOverUnnumberedTasks() throws {
        let plan = try Self.plan(["一、创新驱动,,", "(一)科技投入,,", "研发经费投入增长10%。,区科技局,年底前", "高新技术企业新增5家。,区科技局,年底前"])
        #expect(plan.tasks.count == 2)
        #expect(plan.tasks.allSatisfy { $0.category?.text == "(一)科技投入" })
    }

    @Test("一、 alone followed by 二、 with units: a task whose units are missing, said as an error")
    func siblingFollows() throws {
        let plan = try Self.plan(["一、深化政务公开。,,", "二、优化咨询服务。,区政务服务局,年底前"])
        #expect(plan.tasks.map(\.task.text) == ["深化政务公开。", "优化咨询服务。"])
        #expect(plan.issues.contains { $0.code == "missing-unit" && $0.location.cell?.row == 2 })
    }

    @Test("a numbered row alone at the end is a task, its missing units said")
    func lastRow() throws {
        let plan = try Self.plan(["1.精简审批手续。,区发改局,6月底前", "2.压缩办理时限。,,"])
        #expect(plan.tasks.count == 2)
        #expect(plan.issues.contains { $0.code == "missing-unit" && $0.location.cell?.row == 3 })
    }

    @Test("an unnumbered row alone between 11. and 12. (or before a new 1.): a heading; between unnumbered tasks: a task")
    func unnumberedHeading() throws {
        let plan = try Self.plan(["1.稳定粮食生产。,区农业农村局,年底前", "2.完成节能减排目标。,区发改局,年底前", "加强基础设施建设,,",
                                  "3.启动南外环建设。,区交通局,年底前", "推进城市更新,,", "1.改造老旧小区10个。,区住建局,年底前"])
        #expect(plan.tasks.map(\.task.text) == ["稳定粮食生产。", "完成节能减排目标。", "启动南外环建设。", "改造老旧小区10个。"])
        #expect(plan.tasks.map { $0.category?.text } == [nil, nil, "加强基础设施建设", "推进城市更新"])
        let unnumbered = try Self.plan(["稳定粮食生产。,区农业农村局,年底前", "加强基础设施建设,,", "启动南外环建设。,区交通局,年底前"])
        #expect(unnumbered.tasks.count == 3)
        #expect(unnumbered.issues.contains { $0.code == "missing-unit" && $0.location.cell?.row == 3 })
        let skipped = try Self.plan(["1.稳定粮食生产。,区农业农村局,年底前", "加强基础设施建设,,", "3.启动南外环建设。,区交通局,年底前"])
        #expect(skipped.tasks.count == 3, "11. then 13.: the row between may be task 12 without its number")
    }

    @Test("a requirement alone under a task (a workbook: no CSV blanks inherited) is never a heading, even before the next number")
    func requirementAlone() throws {
        let path = NSTemporaryDirectory() + "taizhang-sections-\(UUID().uuidString)-2023.xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try WorkbookWriter(path: path)
        let sheet = try writer.addSheet("Sheet1")
        for row in [["具体任务", "具体要求", "牵头单位", "完成时限"], ["(一)加大政策解读力度。", "落实解读制度。", "市政府办", "年底前"],
                    ["", "开展跟踪评估。", "", ""], ["(二)优化政策咨询服务。", "建设咨询平台。", "市政务服务局", "年底前"]] {
            try sheet.append(row.enumerated().filter { !$0.element.isEmpty }.map { Cell(column: $0.offset + 1, value: .text($0.element)) })
        }
        try writer.close()
        let plan = try PlanImport.read(path: path)
        #expect(plan.tasks.count == 3)
        #expect(plan.issues.contains { $0.code == "missing-unit" && $0.location.cell?.row == 3 })
    }

    @Test("a table with no unit or deadline column: every numbered row is a task")
    func textOnlyTable() throws {
        let plan = try Self.plan(["一、深化政务公开。", "1.集中公开规范性文件。"], header: "工作任务,备注")
        #expect(plan.tasks.count == 2)
    }
}
