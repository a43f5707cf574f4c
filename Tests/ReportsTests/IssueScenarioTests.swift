import Foundation
import Ledger
import Reports
import Table
import Testing
import XLSX

/// The round the issue "everything a unit typed reaches the ledger" describes, on a real plan with separate
/// 牵头/协同 columns, a 牵头负责领导 column and no deadline column: returns with progress merged over two task
/// rows, 完成时间, 佐证材料 and a 责任人 column filled, task text pasted from Word, a second version of one
/// file, one unit silent.
@Suite("The clerk's round on a plan without deadlines")
struct IssueScenarioTests {
    static func write(_ path: String, unit: String, rows: [[CellValue?]], headers: [String], merges: [String] = [], savedAt: Date) throws {
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(custom: [(ReturnForm.unitProperty, unit)])))
        let sheet = try writer.addSheet(ReturnForm.sheetName)
        try sheet.append(values: headers.map { .text($0) })
        for range in merges { try sheet.merge(CellRange(range)!) }
        for row in rows { try sheet.append(values: row) }
        try writer.close()
        try FileManager.default.setAttributes([.modificationDate: savedAt], ofItemAtPath: path)
    }

    @Test("no false plan change, a right 汇总 line for every unit, 牵头负责领导 in the 总台账, every typed value in the outputs")
    func round() throws {
        let planPath = RealPlanRoundTests.corpus + "/13-chuzhou-2020/plan.xlsx"
        let plan = try PlanImport.read(path: planPath)
        #expect(plan.errors.isEmpty && plan.issues.contains { $0.code == "no-deadline-column" })
        let dir = NSTemporaryDirectory() + "taizhang-scenario-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let headers = ["任务编号", "具体任务", "进展情况", "完成状态", "完成时间", "佐证材料", "责任人"]
        let day = Date(timeIntervalSince1970: 1_604_000_000)
        // 市发展改革委 leads two tasks: one progress text merged over both rows, the first task's text pasted from Word.
        let ndrc = ReturnForm.tasks(for: "市发展改革委", in: plan).map(\.task)
        #expect(ndrc.count == 2)
        let pasted = String(ndrc[0].task.original.prefix(6)) + "\n" + String(ndrc[0].task.original.dropFirst(6))
        try Self.write(dir + "/市发展改革委-任务反馈表.xlsx", unit: "市发展改革委", rows: [
            [nil, .text(pasted), .text("两项指标均按月调度，前三季度完成序时进度。"), .text("推进中"), .date(ExcelDateTime(year: 2020, month: 10, day: 30)), .text("调度表.pdf"), .text("张三")],
            [nil, .text(ndrc[1].task.original), nil, nil, nil, .text("投资台账.xlsx"), .text("李四")],
        ], headers: headers, merges: ["C2:C3", "D2:D3"], savedAt: day)
        // 市财政局 sends a first version, then a corrected one.
        let finance = try #require(ReturnForm.tasks(for: "市财政局", in: plan).first?.task)
        for (version, text) in [("", "财政收入增长7%。"), ("（修改版）", "财政收入增长8.2%，完成全年目标。")] {
            try Self.write(dir + "/市财政局-任务反馈表\(version).xlsx", unit: "市财政局", rows: [
                [.text(finance.id), .text(finance.task.original), .text(text), .text(version.isEmpty ? "推进中" : "已完成"), nil, nil, nil],
            ], headers: headers, savedAt: version.isEmpty ? day : day.addingTimeInterval(86_400))
        }
        // Cooperating units report on their tasks; the last one stays silent.
        let cooperating = plan.registry.units.map(\.name).filter { name in
            ReturnForm.tasks(for: name, in: plan).allSatisfy { $0.role == .cooperating } && !ReturnForm.tasks(for: name, in: plan).isEmpty
        }
        let silent = try #require(cooperating.last)
        for unit in cooperating.dropLast() {
            let rows = ReturnForm.tasks(for: unit, in: plan).map { item -> [CellValue?] in
                [.text(item.task.id), .text(item.task.task.original), .text("配合做好相关工作。"), nil, nil, nil, nil]
            }
            try Self.write(dir + "/\(unit)-任务反馈表.xlsx", unit: unit, rows: rows, headers: headers, savedAt: day)
        }
        let files = try InputFiles.expand([dir])
        let ledger = try Merge.run(plan: planPath, returns: [dir], options: MergeOptions(asOf: CalendarDate(year: 2020, month: 12, day: 1)!))

        #expect(!ledger.issues.contains { $0.code == "plan-changed" }, "\(ledger.issues.filter { $0.code == "plan-changed" }.map(\.message))")
        #expect(ledger.issues.filter { $0.code == "duplicate-return" }.count == 1)
        #expect(ledger.issues.contains { $0.code == "shared-progress" })
        let summary = LedgerSummary(ledger)
        let lines = Dictionary(uniqueKeysWithValues: summary.lines.map { ($0.unit, $0) })
        #expect(lines["市发展改革委"]?.leadTasks == 2 && lines["市发展改革委"]?.counts[.onTrack] == 2)
        #expect(lines["市财政局"]?.leadTasks == 1 && lines["市财政局"]?.counts[.completed] == 1)
        #expect(summary.total.leadTasks == 3 && summary.total.due == 0)
        // Cooperating units have their line too: their tasks beside, not in the owners' counts.
        #expect(lines["市经信局"]?.cooperatingTasks == 2 && lines["市经信局"]?.leadTasks == 0)
        #expect(lines["滁州经开区管委会"]?.cooperatingTasks == 3)
        #expect(ledger.entries.allSatisfy { !$0.overdue })
        #expect(ledger.entries.contains { $0.missing.contains(silent) })
        let table = LedgerTable(ledger)
        for title in ["牵头负责领导", "牵头单位", "配合单位", "完成时间", "佐证材料", "责任人"] {
            #expect(table.columns.map(\.title).contains(title), "\(title)")
        }
        let first = table.fields(ledger.entries[0], index: 0)
        #expect(first[table.columns.firstIndex { $0.title == "责任人" }!] == "【市发展改革委】张三")
        #expect(first[table.columns.firstIndex { $0.title == "完成时间" }!] == "【市发展改革委】2020-10-30")
        let lost = try LedgerCellCheck.lostCells(ledger, returns: files)
        #expect(lost.isEmpty, "\(lost)")
        #expect(Briefing(ledger).headline.contains("计划未设完成时限"))
    }
}
