import Foundation
import TestSupport
import Testing
@testable import Ledger

/// The sample returns (samples/returns, made by scripts/make_returns.py) merged into the seed plan:
/// each messy case gives its issues, and every return's cells add up.
@Suite("Merging returns")
struct MergeTests {
    static let samples = SeedPlanTests.samples
    static let asOf = CalendarDate(year: 2023, month: 12, day: 15)!

    static func plan() throws -> Plan {
        try PlanImport.read(path: samples + "/plan-2023.xlsx",
                            options: PlanOptions(registry: UnitRegistry(contentsOf: URL(fileURLWithPath: samples + "/units.yaml"))))
    }

    static func merge(_ files: [String], units: [String: String] = [:]) throws -> LedgerResult {
        let plan = try plan()
        let returns = try files.map { try UnitReturn.read(path: samples + "/returns/" + $0, registry: plan.registry, unit: units[$0]) }
        return Merge.run(plan: plan, returns: returns, asOf: asOf)
    }

    static let round = ["办公室-任务反馈表（新增任务）.xlsx", "基础科-任务反馈表（改表头）.xlsx", "市公共资源交易中心-任务反馈表（LibreOffice另存）.xlsx",
                        "政务科-任务反馈表.xlsx", "政务科-任务反馈表（更正）.xlsx", "法规科-任务反馈表.xlsx", "热线科-任务反馈表.csv", "规划科-任务反馈表（重排）.xlsx"]

    func codes(_ ledger: LedgerResult) -> [String] { ledger.issues.map(\.code).filter { $0 != "section-gap" } }

    func accounted(_ ledger: LedgerResult) {
        for ret in ledger.returns {
            #expect(ret.cellsRead == ret.cellsMerged + ret.cellsUnchanged + ret.cellsReported, "\(ret.file)")
            #expect(ret.cellsRead > 0, "\(ret.file)")
        }
    }

    @Test("a whole round: every unit identified, 政务科's correction wins, appended tasks reported, nothing lost")
    func wholeRound() throws {
        let ledger = try Self.merge(Self.round)
        accounted(ledger)
        #expect(ledger.returns.map(\.unit).allSatisfy { $0 != nil })
        #expect(ledger.units.filter { !$0.submitted }.map(\.name) == ["市政务服务大厅管理中心"])
        #expect(Set(codes(ledger)) == ["duplicate-return", "unmatched-row"])
        #expect(ledger.returns.first { $0.file.hasSuffix("政务科-任务反馈表.xlsx") }?.superseded == true)
        #expect(ledger.returns.first { $0.file.hasSuffix("（新增任务）.xlsx") }?.cellsReported ?? 0 > 0)
        #expect(ledger.entries.count == 21)
        // The CSV in GB18030, the renamed headers and the LibreOffice save all merged.
        for suffix in ["热线科-任务反馈表.csv", "（改表头）.xlsx", "（LibreOffice另存）.xlsx", "（重排）.xlsx"] {
            #expect(ledger.returns.first { $0.file.hasSuffix(suffix) }?.cellsMerged ?? 0 > 0, "\(suffix)")
        }
        let first = try #require(ledger.entries.first)
        #expect(first.progress.contains { $0.unit == "法规科" && $0.text != nil })
        #expect(first.progress.first?.source.sheet == ReturnForm.sheetName)
    }

    @Test("dates typed as text are kept as typed and merged")
    func textDates() throws {
        let ledger = try Self.merge(["extra/法规科-任务反馈表（文本日期）.xlsx"])
        accounted(ledger)
        #expect(codes(ledger).isEmpty)
        #expect(ledger.entries.flatMap(\.progress).contains { $0.completedOn == "6月30日" || $0.completedOn == "2023.5.21" })
    }

    @Test("plan text a unit changed is reported at its cell, and the plan wins")
    func planChanged() throws {
        let ledger = try Self.merge(["extra/基础科-任务反馈表（改计划内容）.xlsx"])
        accounted(ledger)
        let changed = ledger.issues.filter { $0.code == "plan-changed" }
        #expect(changed.count == 3)
        #expect(changed.allSatisfy { $0.location.cell != nil })
        #expect(ledger.entries.allSatisfy { $0.task.deadline.text != "12月底前" || $0.task.deadline.due?.month == 12 })
    }

    @Test("progress on another unit's task is reported, not merged")
    func notOwnTask() throws {
        let ledger = try Self.merge(["extra/市公共资源交易中心-任务反馈表（含他单位任务）.xlsx"])
        accounted(ledger)
        #expect(codes(ledger).contains("not-own-task"))
        let task = try #require(ledger.entries.first { $0.task.id == "RWCZ73GSDA" })
        #expect(!task.progress.contains { $0.unit == "市公共资源交易中心" })
    }

    @Test("a new workbook named after its unit is identified by its file name")
    func unitFromFileName() throws {
        let ledger = try Self.merge(["extra/规划科-任务反馈表（新建工作簿）.xlsx"])
        accounted(ledger)
        #expect(ledger.returns.first?.unit == "规划科")
        #expect(ledger.returns.first?.cellsMerged ?? 0 > 0)
    }

    @Test("a return with no unit anywhere is an error naming the file; --unit identifies it")
    func unidentified() throws {
        let dir = NSTemporaryDirectory() + "taizhang-unknown-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let copy = dir + "/新建表格.xlsx"
        try FileManager.default.copyItem(atPath: Self.samples + "/returns/extra/规划科-任务反馈表（新建工作簿）.xlsx", toPath: copy)
        let plan = try Self.plan()
        let ledger = Merge.run(plan: plan, returns: [try UnitReturn.read(path: copy, registry: plan.registry)], asOf: Self.asOf)
        accounted(ledger)
        #expect(ledger.issues.contains { $0.code == "unidentified-return" && $0.severity == .error && $0.location.file == copy })
        #expect(ledger.returns.first?.cellsReported == ledger.returns.first?.cellsRead)
        let named = Merge.run(plan: plan, returns: [try UnitReturn.read(path: copy, registry: plan.registry, unit: "规划科")], asOf: Self.asOf)
        #expect(named.returns.first?.cellsMerged ?? 0 > 0)
    }

    @Test("a progress cell holding a formula without a saved result is reported, not taken as empty")
    func uncachedFormula() throws {
        let plan = try Self.plan()
        let task = plan.tasks[0].task.original
        let xml = Fixture.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>具体任务</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>进展情况</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>完成状态</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>\(task)</t></is></c>"
            + "<c r=\"B2\" t=\"str\"><f>CONCATENATE(\"已完成\",\"80%\")</f></c><c r=\"C2\" t=\"inlineStr\"><is><t>推进中</t></is></c></row>")
        let path = try Fixture.write(Fixture.package(sheets: [("反馈表", xml)]), name: "办公室-任务反馈表.xlsx")
        let ledger = Merge.run(plan: plan, returns: [try UnitReturn.read(path: path, registry: plan.registry, unit: "办公室")], asOf: Self.asOf)
        accounted(ledger)
        let issue = try #require(ledger.issues.first { $0.code == "formula-without-value" })
        #expect(issue.location.cell?.description == "B2")
        #expect(issue.message.contains("1 个单元格是公式"))
    }

    @Test("a CSV return has no saved property: its time is the file's, in ISO 8601 UTC as Foundation writes it")
    func fileTime() throws {
        let plan = try Self.plan()
        let path = Self.samples + "/returns/热线科-任务反馈表.csv"
        let ret = try UnitReturn.read(path: path, registry: plan.registry)
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        #expect(ret.savedFromFile)
        #expect(ret.saved == ISO8601DateFormatter().string(from: modified))
    }

    @Test("status and overdue: a dated task past due and not completed is overdue; ongoing tasks never are")
    func overdue() throws {
        let ledger = try Self.merge(Self.round)
        for entry in ledger.entries {
            if case .ongoing = entry.task.deadline.kind { #expect(!entry.overdue) }
            if entry.status == .completed { #expect(!entry.overdue) }
        }
        let summary = LedgerSummary(ledger)
        #expect(summary.total.leadTasks == 21)
        #expect(summary.total.counts.values.reduce(0, +) == 21)
    }

    @Test("汇总 lines count what each lead unit itself reported: the unit that sent nothing is 未报送 or 逾期, the deleted row too")
    func unitLines() throws {
        let summary = LedgerSummary(try Self.merge(Self.round))
        let lines = Dictionary(uniqueKeysWithValues: summary.lines.map { ($0.unit, $0) })
        let hall = try #require(lines["市政务服务大厅管理中心"])
        // On the as-of date 2023-12-15 one of its 11 tasks is past due: 逾期 outranks 未报送.
        #expect(hall.leadTasks == 11)
        #expect(hall.counts[.noReport] == 10)
        #expect(hall.counts[.overdue] == 1)
        // 规划科 deleted the row of RWSF5JRT50 from its return.
        #expect(lines["规划科"]?.counts[.noReport] == 1)
        #expect(lines["法规科"]?.counts[.completed] == 5)
        for line in summary.lines { #expect(line.counts.values.reduce(0, +) == line.leadTasks, "\(line.unit)") }
        // The 合计 line stays by task: a task some lead reported is not 未报送.
        #expect(summary.total.counts[.noReport, default: 0] == 0)
    }
}
