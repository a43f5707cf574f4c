import Foundation
import Ledger
import Reports
import Table
import Testing
import XLSX

/// Everything a unit typed, and every column of the plan, reaches the ledger (issue "everything a unit typed").
@Suite("Every column reaches the ledger")
struct EveryColumnTests {
    @Test("完成时间, 佐证材料, 责任人 and 备注 units typed are columns of the 总台账 and the CSV, and fields of the JSON")
    func unitFields() throws {
        let ledger = try SampleRound.ledger()
        let table = LedgerTable(ledger)
        let titles = table.columns.map(\.title)
        for title in ["完成时间", "佐证材料", "责任人", "备注"] { #expect(titles.contains(title), "\(title)") }
        let reports = ledger.entries.flatMap(\.progress)
        let withPerson = try #require(reports.first { $0.person != nil })
        let entry = try #require(ledger.entries.firstIndex { $0.progress.contains(withPerson) })
        let row = table.fields(ledger.entries[entry], index: entry)
        #expect(row[titles.firstIndex(of: "责任人")!].contains("【\(withPerson.unit)】\(withPerson.person!)"))
        let reread = try LedgerJSON.decode(Data(try LedgerJSON.encode(ledger)))
        #expect(reread.entries.flatMap(\.progress).map(\.person) == reports.map(\.person))
        #expect(reread.entries.flatMap(\.progress).map(\.completedOn) == reports.map(\.completedOn))
    }

    @Test("the plan's 责任领导 and other columns are carried in the plan's order; 牵头 and 配合 are columns of their own")
    func planColumns() throws {
        let plan = RealPlanRoundTests.corpus + "/13-chuzhou-2020/plan.xlsx"
        let ledger = try Merge.run(plan: plan, returns: [], options: MergeOptions(asOf: CalendarDate(year: 2020, month: 12, day: 1)!))
        let table = LedgerTable(ledger)
        let titles = table.columns.map(\.title)
        #expect(titles.contains("牵头负责领导"))
        let lead = try #require(titles.firstIndex(of: "牵头单位")), coop = try #require(titles.firstIndex(of: "配合单位"))
        let first = table.fields(ledger.entries[0], index: 0)
        #expect(first[lead] == "市发展改革委")
        #expect(first[coop].hasPrefix("市经信局、市商务局"))
        #expect(!first[lead].contains("市经信局"))
        #expect(first[titles.firstIndex(of: "牵头负责领导")!] == "金力。")
    }

    @Test("a progress text and status merged over three task rows serve all three, and the clerk is told the range")
    func mergedProgress() throws {
        let plan = try SampleRound.plan()
        let dir = NSTemporaryDirectory() + "taizhang-merged-progress-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tasks = ReturnForm.tasks(for: "法规科", in: plan).prefix(3)
        let path = dir + "/" + ReturnForm.fileName(for: "法规科")
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(custom: [(ReturnForm.unitProperty, "法规科")])))
        let sheet = try writer.addSheet(ReturnForm.sheetName)
        try sheet.append(values: ["任务编号", "具体任务", "进展情况", "完成状态"].map { .text($0) })
        try sheet.merge(CellRange("C2:C4")!)
        try sheet.merge(CellRange("D2:D4")!)
        for (i, (task, _)) in tasks.enumerated() {
            try sheet.append(values: [.text(task.id), .text(task.task.original), i == 0 ? .text("三项工作一并推进，已完成方案制定。") : nil, i == 0 ? .text("推进中") : nil])
        }
        try writer.close()
        let ledger = Merge.run(plan: plan, returns: [try UnitReturn.read(path: path, registry: plan.registry)], asOf: SampleRound.asOf)
        for (task, _) in tasks {
            let entry = try #require(ledger.entries.first { $0.task.id == task.id })
            #expect(entry.progress.first { $0.unit == "法规科" }?.text == "三项工作一并推进，已完成方案制定。", "\(task.id)")
            #expect(!entry.missing.contains("法规科"))
        }
        let notes = ledger.issues.filter { $0.code == "shared-progress" }
        #expect(notes.count == 2)
        #expect(notes.first?.message.contains("C2:C4") == true && notes.first?.severity == .info)
        let ret = try #require(ledger.returns.first)
        #expect(ret.cellsRead == ret.cellsMerged + ret.cellsUnchanged + ret.cellsReported)
        #expect(try LedgerCellCheck.lostCells(ledger, returns: [path]) == [])
    }

    @Test("plan text pasted back from Word (a line break, a space between two Chinese characters, NBSP) is no change; a real edit warns and marks it")
    func pastedText() throws {
        let plan = try SampleRound.plan()
        let dir = NSTemporaryDirectory() + "taizhang-pasted-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tasks = Array(ReturnForm.tasks(for: "法规科", in: plan).prefix(4).map(\.task))
        func pasted(_ text: String, _ i: Int) -> String {
            let chars = Array(text)
            switch i {
            case 0: return String(chars[..<4]) + "\n" + String(chars[4...])
            case 1: return String(chars[..<3]) + " " + String(chars[3...])
            case 2: return String(chars[..<2]) + "\u{00A0}" + String(chars[2...]) + "\u{3000}"
            default: return text.replacingOccurrences(of: "公开", with: "发布")
            }
        }
        let path = dir + "/" + ReturnForm.fileName(for: "法规科")
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(custom: [(ReturnForm.unitProperty, "法规科")])))
        let sheet = try writer.addSheet(ReturnForm.sheetName)
        // The unit adds a column of its own (工作亮点): kept under its header.
        try sheet.append(values: ["具体任务", "具体要求", "进展情况", "工作亮点"].map { .text($0) })
        for (i, task) in tasks.enumerated() {
            try sheet.append(values: [.text(pasted(task.task.original, i)), task.requirement.map { .text($0.original) }, .text("推进中"), .text("亮点\(i + 1)")])
        }
        try writer.close()
        let ledger = Merge.run(plan: plan, returns: [try UnitReturn.read(path: path, registry: plan.registry)], asOf: SampleRound.asOf)
        let changed = ledger.issues.filter { $0.code == "plan-changed" }
        #expect(changed.count == 1, "\(changed.map(\.message))")
        #expect(changed.first?.location.cell?.row == 5)
        #expect(changed.first?.message.contains("【发布】") == true && changed.first?.message.contains("【公开】") == true)
        #expect(LedgerTable(ledger).columns.map(\.title).contains("工作亮点"))
        #expect(ledger.issues.first { $0.code == "added-column" }?.severity == .info)
        #expect(try LedgerCellCheck.lostCells(ledger, returns: [path]) == [])
    }

    @Test("every cell of the sample round's returns is in the written ledger or listed in 问题 at its cell, row or file")
    func sampleRoundLosesNothing() throws {
        let ledger = try SampleRound.ledger()
        #expect(try LedgerCellCheck.lostCells(ledger, returns: try InputFiles.expand([SampleRound.samples + "/returns"])) == [])
    }

    @Test("a plan with no deadline column: the briefing says 计划未设完成时限 and shows no 逾期 figure")
    func planWithoutDeadlines() throws {
        let plan = RealPlanRoundTests.corpus + "/11-liandu-2023/plan.xlsx"
        let ledger = try Merge.run(plan: plan, returns: [], options: MergeOptions(asOf: CalendarDate(year: 2023, month: 12, day: 31)!))
        let briefing = Briefing(ledger)
        #expect(!briefing.setsDeadlines)
        #expect(briefing.headline.contains("计划未设完成时限"))
        #expect(!briefing.headline.contains("逾期0项"))
        #expect(ledger.entries.allSatisfy { !$0.overdue })
    }

    @Test("the messy returns of samples/returns/extra, each merged alone: every cell in the written ledger or listed in 问题",
          arguments: ["基础科-任务反馈表（改计划内容）.xlsx", "市公共资源交易中心-任务反馈表（含他单位任务）.xlsx", "法规科-任务反馈表（文本日期）.xlsx",
                      "规划科-任务反馈表（新建工作簿）.xlsx"])
    func extraReturns(file: String) throws {
        let path = SampleRound.samples + "/returns/extra/" + file
        let ledger = try Merge.run(plan: SampleRound.samples + "/plan-2023.xlsx", returns: [path],
                                   options: MergeOptions(asOf: SampleRound.asOf, plan: SampleRound.options()))
        let lost = try LedgerCellCheck.lostCells(ledger, returns: [path])
        #expect(lost.isEmpty, "\(lost)")
    }

    @Test("完成时间 typed as text is read as a day where it names one, its text kept")
    func completedDates() throws {
        let path = SampleRound.samples + "/returns/extra/法规科-任务反馈表（文本日期）.xlsx"
        let ledger = try Merge.run(plan: SampleRound.samples + "/plan-2023.xlsx", returns: [path],
                                   options: MergeOptions(asOf: SampleRound.asOf, plan: SampleRound.options()))
        let reports = ledger.entries.flatMap(\.progress).filter { $0.completedOn != nil }
        #expect(!reports.isEmpty)
        let june = try #require(reports.first { $0.completedOn == "6月30日" })
        #expect(june.completedDate?.description == "2023-06-30")
        let reread = try LedgerJSON.decode(Data(try LedgerJSON.encode(ledger)))
        #expect(reread.entries.flatMap(\.progress).compactMap(\.completedDate) == ledger.entries.flatMap(\.progress).compactMap(\.completedDate))
    }
}
