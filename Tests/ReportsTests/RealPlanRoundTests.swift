import Foundation
import Ledger
import Reports
import Table
import Testing
import XLSX

/// A round over plans of the real-plan corpus: templates split from the plan, returned the ways units edit them
/// (domain.md 5.2: rows reordered, a header renamed, the id column emptied, a 序号 column added and the task
/// text numbered, one unit silent), merged back. No false plan-changed warning; every owning unit has its line.
@Suite("A round on real plans")
struct RealPlanRoundTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        + "/corpus/real-plans"

    /// One unit's template, edited as the unit at `index` would, written to `path`.
    static func editedReturn(template: String, unit: String, index: Int, path: String) throws {
        let file = try SpreadsheetFile.open(template)
        let grid = try file.grid(file.sheets[0])
        let header = try #require(grid.rows.first { $0.text(1) == "任务编号" })
        let templateHeaders = header.cells.map(\.value.text)
        let planCount = try #require(templateHeaders.firstIndex(of: ReturnForm.progressHeaders[0]))
        var rows = grid.rows.filter { $0.number > header.number }
        if index % 2 == 0 { rows.reverse() }
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(custom: [(ReturnForm.unitProperty, unit)])))
        let sheet = try writer.addSheet(ReturnForm.sheetName)
        // The unit at an odd index numbers its rows in a 序号 column and its tasks "(一)…", and deletes the ids.
        let numbered = index % 2 == 1
        let shift = numbered ? 1 : 0
        var headers = (numbered ? ["序号"] : []) + templateHeaders
        if !numbered { headers[planCount] = "工作进展" }
        try sheet.append(values: headers.map { .text($0) })
        for (i, row) in rows.enumerated() {
            var values: [CellValue?] = Array(repeating: nil, count: headers.count)
            if numbered { values[0] = .text(String(i + 1)) }
            for cell in row.cells where !cell.filledFromMerge && cell.column <= planCount {
                values[cell.column - 1 + shift] = .text(cell.value.text)
            }
            if numbered {
                values[shift] = nil
                if let task = values[2 + shift] { values[2 + shift] = .text("(\(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][i % 10]))" + task.text) }
            }
            values[planCount + shift] = .text(numbered ? "正在推进中，已完成方案。" : "已按要求完成。")
            values[planCount + shift + 1] = .text(numbered ? "推进中" : "已完成")
            try sheet.append(values: values)
        }
        try writer.close()
    }

    /// Every plan of the corpus whose tasks go to two units or more (a round needs one unit that answers and one
    /// that stays silent): 24 of 31; the others name one unit (and groups whose members no registry gives), or units
    /// only inside the task text.
    static var plans: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted().filter { id in
            guard let plan = try? PlanImport.read(path: corpus + "/" + id + "/plan.xlsx") else { return false }
            return plan.registry.units.filter { !ReturnForm.tasks(for: $0.name, in: plan).isEmpty }.count >= 2
        }
    }

    @Test("templates split from the plan come back edited; merged with no false plan change and a 汇总 line for every owner",
          arguments: plans)
    func round(id: String) throws {
        let planPath = Self.corpus + "/" + id + "/plan.xlsx"
        // A plan that states no year is read for the year it was saved in (a warning says so), as a clerk would.
        let plan = try PlanImport.read(path: planPath)
        let dir = NSTemporaryDirectory() + "taizhang-round-\(id)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/returns", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let units = plan.registry.units.map(\.name).filter { !ReturnForm.tasks(for: $0, in: plan).isEmpty }
        #expect(units.count >= 2)
        let silent = units.last!
        for (index, unit) in units.enumerated() where unit != silent {
            let template = dir + "/" + ReturnForm.fileName(for: unit)
            try ReturnTemplate.write(unit: unit, plan: plan, to: template)
            try Self.editedReturn(template: template, unit: unit, index: index, path: dir + "/returns/" + ReturnForm.fileName(for: unit))
        }
        let ledger = try Merge.run(plan: planPath, returns: [dir + "/returns"], options: MergeOptions(asOf: CalendarDate(year: plan.planYear, month: 12, day: 1)!))
        #expect(!ledger.issues.contains { $0.code == "plan-changed" }, "\(ledger.issues.filter { $0.code == "plan-changed" }.map(\.message).prefix(3))")
        #expect(!ledger.issues.contains { $0.code == "unmatched-row" || $0.code == "fuzzy-match" })
        for ret in ledger.returns { #expect(ret.cellsRead == ret.cellsMerged + ret.cellsUnchanged + ret.cellsReported) }
        let files = try InputFiles.expand([dir + "/returns"])
        let lost = try LedgerCellCheck.lostCells(ledger, returns: files)
        #expect(lost.isEmpty, "\(lost.prefix(5))")
        let summary = LedgerSummary(ledger)
        let owners = Set(plan.tasks.flatMap(\.units.owners))
        for line in summary.lines where owners.contains(line.unit) {
            #expect(line.leadTasks > 0, "\(line.unit)")
            let reported = line.counts.filter { $0.key != .noReport }.values.reduce(0, +)
            // The silent unit's tasks are 未报送, or 逾期 where their day has passed without a report.
            #expect(line.unit == silent ? line.counts.keys.allSatisfy { $0 == .noReport || $0 == .overdue } : reported > 0, "\(line.unit): \(line.counts)")
        }
        #expect(summary.total.leadTasks == plan.tasks.count)
    }
}
