import Foundation
import Testing
@testable import Ledger

/// The seed plan (samples/plan-2023.xlsx) read into the model, row by row.
@Suite("The seed plan validates to the expected tasks")
struct SeedPlanTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/samples"
    static let everyone = ["市政务服务大厅管理中心", "市公共资源交易中心", "办公室", "法规科", "规划科", "政务科", "基础科", "热线科"]
    static let sectionsFirst = ["办公室", "法规科", "规划科", "政务科", "基础科", "热线科", "市政务服务大厅管理中心", "市公共资源交易中心"]

    /// Section, the start of the task text, every unit named (groups expanded, in order), deadline kind and due day.
    static let expected: [(String, String, [String], String, String?)] = [
        ("一、(一)", "深化行政规章、规范性文件集中公开", everyone, "date", "2023-11-30"),
        ("一、(二)", "持续推进基层政务公开标准化规范化", everyone, "ongoing", nil),
        ("一、(二)", "持续推进基层政务公开标准化规范化", ["市政务服务大厅管理中心", "政务科"], "ongoing", nil),
        ("一、(三)", "提升政府信息公开申请办理工作规范化程度", everyone, "ongoing", nil),
        ("一、(四)", "规范发布政府信息公开工作年度报告", ["办公室"], "ongoing", nil),
        ("二、(二)", "加强优化营商环境信息公开", ["办公室", "法规科", "规划科", "政务科"], "ongoing", nil),
        ("二、(二)", "加强优化营商环境信息公开", sectionsFirst, "ongoing", nil),
        ("二、(三)", "围绕扩大有效投资", ["办公室", "政务科", "法规科", "规划科", "基础科"], "ongoing", nil),
        ("二、(四)", "强化保障和改善民生方面信息", ["办公室", "政务科", "法规科", "规划科", "市公共资源交易中心", "市政务服务大厅管理中心"], "ongoing", nil),
        ("三、(一)", "围绕省", ["办公室"], "ongoing", nil),
        ("三、(一)", "围绕省", everyone, "ongoing", nil),
        ("三、(一)", "围绕省", everyone, "ongoing", nil),
        ("三、(二)", "优化政策咨询服务", ["市政务服务大厅管理中心", "政务科", "规划科", "热线科", "基础科"], "ongoing", nil),
        ("三、(三)", "积极回应社会关切", sectionsFirst, "ongoing", nil),
        ("四、(一)", "提升政府网站、政务新媒体运维管理", ["办公室", "政务科", "基础科"], "ongoing", nil),
        ("四、(二)", "加强政府网站重点领域栏目建设", ["办公室", "政务科", "法规科"], "ongoing", nil),
        ("四、(三)", "严格落实政府信息公开保密审查要求", everyone, "ongoing", nil),
        ("五、", "充分发挥统筹协调、监督调度作用", ["办公室"], "ongoing", nil),
        ("五、", "主要负责同志每年至少听取", ["办公室"], "ongoing", nil),
        ("五、", "配齐配强政务公开工作力量", ["办公室"], "ongoing", nil),
        ("五、", "建立本系统", ["办公室"], "date", "2023-12-31"),
    ]

    static func plan(_ file: String) throws -> Plan {
        let registry = try UnitRegistry(contentsOf: URL(fileURLWithPath: samples + "/units.yaml"))
        return try PlanImport.read(path: samples + "/" + file, options: PlanOptions(registry: registry))
    }

    @Test("every row of the seed: section, task, units (groups expanded, all leading), deadline", arguments: 0..<21)
    func row(index: Int) throws {
        let task = try Self.plan("plan-2023.xlsx").tasks[index]
        let (section, text, units, kind, due) = Self.expected[index]
        #expect(task.section == section)
        #expect(task.task.text.hasPrefix(text), "\(task.task.text)")
        #expect(task.units.references.map(\.name) == units)
        #expect(task.units.references.allSatisfy { $0.role == .lead })
        #expect(task.deadline.kind.name == kind)
        #expect(task.deadline.due?.description == due)
    }

    @Test("21 tasks, plan year 2023 from the title; group members remember their group; 12月前 is flagged ambiguous-before")
    func whole() throws {
        let plan = try Self.plan("plan-2023.xlsx")
        #expect(plan.tasks.count == 21)
        #expect(plan.planYear == 2023)
        #expect(plan.tasks[0].units.references.first?.viaGroup == "局属各单位")
        #expect(plan.tasks[20].deadline.flags.contains(.ambiguousBefore))
        #expect(plan.tasks[3].task.original.contains("公 开申请"), "the original text with its stray spaces is kept")
        #expect(Set(plan.tasks.map(\.id)).count == 21)
    }

    @Test("only the seed's real oddity is reported: section 二 starts at (二)")
    func oddities() throws {
        let issues = try Self.plan("plan-2023.xlsx").issues
        #expect(issues.map(\.code) == ["section-gap"])
        #expect(issues.first?.location.description == "plan-2023.xlsx 工作表1!B8")
        #expect(issues.first?.severity == .warning)
    }

    @Test("the CSV forms of the plan validate to the same model as the workbook", arguments: ["plan-2023.csv", "plan-2023-gbk.csv"])
    func csvForms(file: String) throws {
        let workbook = try Self.plan("plan-2023.xlsx"), csv = try Self.plan(file)
        #expect(csv.tasks.map(\.id) == workbook.tasks.map(\.id))
        #expect(csv.tasks.map(\.section) == workbook.tasks.map(\.section))
        #expect(csv.tasks.map(\.units) == workbook.tasks.map(\.units))
        #expect(csv.tasks.map(\.deadline) == workbook.tasks.map(\.deadline))
        #expect(csv.issues.map(\.code) == workbook.issues.map(\.code))
    }

    @Test("without a registry one is inferred: the named units found, the group terms kept as groups and said once each")
    func inferredRegistry() throws {
        let plan = try PlanImport.read(path: Self.samples + "/plan-2023.xlsx")
        #expect(plan.registryInferred)
        #expect(plan.tasks[0].units.references.map(\.name) == ["局属各单位", "机关各科室"])
        #expect(plan.tasks[0].units.references.allSatisfy { $0.kind == .unresolvedGroup })
        #expect(plan.errors.isEmpty)
        let groups = plan.issues.filter { $0.code == "group-members-unknown" }
        #expect(groups.count == 2)
        #expect(groups.first?.message.hasPrefix("“局属各单位”成员未知，请在单位名册中补充") == true)
    }
}
