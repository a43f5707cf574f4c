import Foundation
import Table
import Testing
@testable import Ledger

/// Each way real plans broke the reader (issue “read the plans other offices really write”), pinned on the
/// corpus plan that shows it or on the smallest text that does.
@Suite("Plans as other offices write them")
struct RealPlanShapesTests {
    static func plan(_ id: String, year: Int? = nil) throws -> Plan {
        try PlanImport.read(path: RealPlanCorpusTests.root + "/" + id + "/plan.xlsx", options: PlanOptions(year: year))
    }

    @Test("a header merged over a category and an unlabelled 序号 column: the first task kept, its text not the row number")
    func headerOverTwoColumns() throws {
        let plan = try Self.plan("01-chizhou-xfj", year: 2023)
        #expect(plan.tasks.count == 8)
        #expect(plan.tasks[0].source.cell?.row == 3)
        #expect(plan.tasks[0].task.text.hasPrefix("对行政规范性文件进行全面清理"))
        #expect(plan.tasks[0].category?.text == "强化行政规范性文件集中规范公开")
        #expect(plan.tasks.allSatisfy { Int($0.task.text) == nil })
    }

    @Test("header words outside the first vocabulary name their columns", arguments: [
        ("具体内容", HeaderField.task), ("工作内容", .task), ("任务", .task), ("2022年预期目标", .requirement), ("主要内容", .task),
        ("目标", .requirement), ("工作措施", .requirement), ("责任科室", .respUnit), ("负责科室", .respUnit), ("责任领导", .leader),
        ("时间节点", .deadline), ("时间进度", .deadline), ("重點任務", .task), ("負責科室", .respUnit),
        ("配合处室", .coopUnit), ("协办部室", .coopUnit), ("主办股室", .leadUnit), ("落实机构", .respUnit), ("内容", .task),
        ("主要工作", .task), ("建设内容", .task), ("具体举措", .requirement),
    ])
    func vocabulary(header: String, field: HeaderField) {
        #expect(HeaderVocabulary.match(header)?.field == field)
    }

    @Test("a traditional-script table is read, its names kept as written")
    func traditional() throws {
        let plan = try Self.plan("04-redwood-zwgk-trad", year: 2023)
        #expect(plan.tasks.count == 5)
        #expect(plan.tasks[0].category?.text == "政策解讀")
        #expect(plan.tasks.flatMap(\.units.references).contains { $0.name.contains("室") || $0.name.contains("組") || $0.name.contains("處") })
    }

    @Test("an open list keeps the unit it names and marks the list open: 区发改委等相关区直部门")
    func openList() {
        let result = UnitParser(registry: .empty).parse("区发改委等相关区直部门")
        #expect(result.references.map(\.name) == ["区发改委", "相关区直部门"])
        #expect(result.references.map(\.kind) == [.unknown, .unresolvedGroup])
        #expect(result.has(.openList))
    }

    @Test("a plan without a deadline column: no error per row, one 提示 for the plan, deadlines in the text still read")
    func noDeadlineColumn() throws {
        let plan = try Self.plan("06-guandu-2016", year: 2016)
        #expect(plan.errors.isEmpty)
        #expect(plan.issues.filter { $0.code == "no-deadline-column" }.count == 1)
        #expect(plan.issues.first { $0.code == "no-deadline-column" }?.severity == .info)
        #expect(!plan.issues.contains { $0.code == "missing-deadline" })
        let embedded = try #require(plan.tasks.first { $0.deadline.kind.due != nil })
        #expect(embedded.deadline.due?.description == "2016-05-31" && embedded.deadline.flags.contains(.embeddedInText))
        #expect(embedded.deadline.text == "5月底前")
    }

    @Test("headers that name no task (重点工作 | 责任领导 | 责任单位): the column of sentences is the task")
    func taskByContent() throws {
        let plan = try Self.plan("12-huoshan-kfq-2025")
        #expect(plan.tasks.count == 3)
        #expect(plan.tasks[0].task.text.hasPrefix("坚持服务跟着项目走"))
        #expect(plan.tasks[0].units.references.map(\.name) == ["招商工作部", "安商工作部"])
    }

    @Test("a heading row merged across the table is the category of the tasks under it, never a task")
    func sectionRows() throws {
        let plan = try Self.plan("07-qiaocheng-2025")
        #expect(plan.tasks.count == 5)
        #expect(plan.tasks.allSatisfy { $0.category?.text.hasPrefix("一、") == true })
        #expect(plan.tasks[0].section == "一、")
    }
}

extension RealPlanShapesTests {
    @Test("a level or a suffix written once for a list belongs to every name in it; a place keeps its own name")
    func sharedAffixes() {
        let parser = UnitParser(registry: .empty)
        #expect(parser.parse("市发展改革委、工业和信息化委、农业局等").references.map(\.name) == ["市发展改革委", "市工业和信息化委", "市农业局"])
        #expect(parser.parse("城乡一体化示范区、高新区党工委和管委会").references.map(\.name) == ["城乡一体化示范区党工委和管委会", "高新区党工委和管委会"])
        #expect(parser.parse("区发改局、莲都邮政管理局").references.map(\.name) == ["区发改局", "莲都邮政管理局"])
        #expect(parser.parse("市政务服务大厅管理中心、规划科").references.map(\.name) == ["市政务服务大厅管理中心", "规划科"])
    }
}

extension RealPlanShapesTests {
    @Test("a return row whose task cell is empty matches on its requirement; numbering before the task is no obstacle")
    func matchOnRequirement() throws {
        // A plan whose task is its 具体要求 column (工作任务 is the category).
        let chizhou = try Self.plan("01-chizhou-xfj", year: 2023)
        let matcher = RowMatcher(plan: chizhou)
        let first = chizhou.tasks[0]
        #expect(matcher.match(id: nil, task: nil, requirement: first.task.original)?.task.id == first.id)
        // A plan with both: a unit that unmerged the task cell leaves it empty beside the requirement.
        let seed = try PlanImport.read(path: SeedPlanTests.samples + "/plan-2023.xlsx")
        let withRequirement = try #require(seed.tasks.first { $0.requirement != nil })
        #expect(matcher.match(id: nil, task: nil, requirement: "无关的文字") == nil)
        #expect(RowMatcher(plan: seed).match(id: nil, task: nil, requirement: withRequirement.requirement!.original)?.task.id == withRequirement.id)
        #expect(RowMatcher(plan: seed).match(id: nil, task: "(一)" + withRequirement.task.original, requirement: withRequirement.requirement!.original)?.fuzzy == false)
    }
}

extension RealPlanShapesTests {
    @Test("names a page ran together are cut where a name cannot run on; groups that own what follows stay whole")
    func runTogether() {
        let parser = UnitParser(registry: .empty)
        #expect(parser.parse("晋陵公司轨道公司").references.map(\.name) == ["晋陵公司", "轨道公司"])
        #expect(parser.parse("五星街道南大街街道荷花池街道").references.map(\.name) == ["五星街道", "南大街街道", "荷花池街道"])
        #expect(parser.parse("各街道办事处").references.map(\.name) == ["各街道办事处"])
        #expect(parser.parse("市政府各有关部门").references.map(\.name) == ["市政府各有关部门"])
        #expect(parser.parse("人民大垸、荒湖管理区").references.map(\.name) == ["人民大垸管理区", "荒湖管理区"])
        #expect(parser.parse("市税务局、市人行、滁州经开区管委会").references.map(\.name) == ["市税务局", "市人行", "滁州经开区管委会"])
    }

    @Test("a 整改时限 of 3天 is relative, counted from an anchor the cell does not name")
    func bareOffset() {
        let deadline = DeadlineParser(planYear: 2023).parse("3天")
        #expect(deadline.kind == .relative(offset: 3, unit: .day, anchor: .unknown))
        #expect(deadline.flags.contains(.needsAnchor))
    }
}
