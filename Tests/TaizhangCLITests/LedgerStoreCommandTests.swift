import CSV
import Foundation
import Testing
import TestSupport

/// `ledger init`, `merge --into` and `ledger rounds` at the command line, with a real SQLite file.
@Suite("Ledger store through the command line")
struct LedgerStoreCommandTests {
    static let samples = CLI.repository + "/samples"

    @Test("init, a round recorded, the same round again unchanged, rounds listed; two merges into one store at once never duplicate a row")
    func round() throws {
        let dir = NSTemporaryDirectory() + "store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = dir + "/台账.db"
        let initialized = try CLI.run(["ledger", "init", Self.samples + "/plan-2023.xlsx", "--units", Self.samples + "/units.yaml", "-o", store])
        #expect(initialized.status == 0 && initialized.stdout.contains("21 项任务"), "\(initialized.stderr)")
        let merge = ["merge", Self.samples + "/plan-2023.xlsx", Self.samples + "/returns", "--units", Self.samples + "/units.yaml",
                     "--as-of", "2023-07-10", "-o", dir + "/总台账.xlsx", "--into", store]
        let first = try CLI.run(merge)
        #expect(first.stdout.contains("已记入台账数据库") && first.stdout.contains("2023-07"), "\(first.stdout)\(first.stderr)")
        let again = try CLI.run(merge)
        #expect(again.stdout.contains("未作改动"), "\(again.stdout)")

        // Two at once, into a second round: SQLite's lock makes one wait for the other.
        let both = try CLI.run(["--shell", "\"$0\" \"$@\" --round 2023-08 -o '\(dir)/a.xlsx' -q & \"$0\" \"$@\" --round 2023-08 -o '\(dir)/b.xlsx' -q & wait"] + merge)
        #expect(both.status == 0, "\(both.stderr)")
        let rounds = try CLI.run(["ledger", "rounds", store])
        let lines = rounds.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(rounds.stdout)")
        // Each round holds the sample round's 86 reports once.
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t")[4] == "86" }, "\(rounds.stdout)")

        let missing = try CLI.run(["ledger", "rounds", dir + "/无.db"])
        #expect(missing.status == 2 && missing.stderr.contains("ledger init"))
    }

    @Test("a merge killed at 20 moments (SIGKILL) always leaves a store that opens and holds either the rounds before or the round after")
    func killed() throws {
        let dir = NSTemporaryDirectory() + "store-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let before = dir + "/before.db"
        #expect(try CLI.run(["ledger", "init", Self.samples + "/plan-2023.xlsx", "--units", Self.samples + "/units.yaml", "-o", before]).status == 0)
        func merge(into store: String, round: String) -> [String] {
            ["merge", Self.samples + "/plan-2023.xlsx", Self.samples + "/returns", "--units", Self.samples + "/units.yaml",
             "--as-of", "2023-07-10", "-o", dir + "/总台账-\(UUID().uuidString).xlsx", "--into", store, "--round", round, "-q"]
        }
        #expect(try CLI.run(merge(into: before, round: "2023-07")).status == 0)
        // The rounds as listed, without the time each was recorded.
        func rounds(_ store: String) throws -> [String] {
            let listed = try CLI.run(["ledger", "rounds", store])
            #expect(listed.status == 0, "\(listed.stderr)")
            return listed.stdout.split(separator: "\n").map { $0.split(separator: "\t").prefix(5).joined(separator: "\t") }
        }
        let after = dir + "/after.db"
        try FileManager.default.copyItem(atPath: before, toPath: after)
        let started = Date()
        #expect(try CLI.run(merge(into: after, round: "2023-08")).status == 0)
        let duration = Date().timeIntervalSince(started)
        let states = [try rounds(before), try rounds(after)]
        #expect(states[0] != states[1])
        var outcomes: [Int] = []
        for moment in 0..<20 {
            let store = dir + "/killed-\(moment).db"
            try FileManager.default.copyItem(atPath: before, toPath: store)
            // Spread over the merge's run; the last well after it would have ended.
            CLI.kill(merge(into: store, round: "2023-08"), after: moment == 19 ? duration * 3 : duration * Double(moment + 1) / 20)
            let state = try rounds(store)
            #expect(states.contains(state), "killed at \(moment + 1)/20: \(state)")
            outcomes.append(states.firstIndex(of: state) ?? -1)
        }
        // Some kills came before the round was recorded, and the last ones after.
        #expect(outcomes.contains(0) && outcomes.last == 1, "\(outcomes)")
    }

    @Test("a second round shows 本期进展 beside 上期进展 and what changed: 新报, 未更新 (the same text as last time), 更新, 推进中→已完成")
    func changes() throws {
        let dir = NSTemporaryDirectory() + "store-changes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = dir + "/台账.db", returns = Self.samples + "/returns/"
        #expect(try CLI.run(["ledger", "init", Self.samples + "/plan-2023.xlsx", "--units", Self.samples + "/units.yaml", "-o", store]).status == 0)
        let common = ["--units", Self.samples + "/units.yaml", "--into", store, "-q"]
        // July: three units; August: all, 政务科's corrected return among them.
        let july = try CLI.run(["merge", Self.samples + "/plan-2023.xlsx", returns + "法规科-任务反馈表.xlsx", returns + "政务科-任务反馈表.xlsx",
                                returns + "规划科-任务反馈表（重排）.xlsx", "--as-of", "2023-07-10", "-o", dir + "/7.xlsx", "--csv", dir + "/7.csv"] + common)
        #expect(july.status <= 1, "\(july.stderr)")
        #expect(!(try String(contentsOfFile: dir + "/7.csv", encoding: .utf8)).contains("上期进展"))
        let august = try CLI.run(["merge", Self.samples + "/plan-2023.xlsx", returns, "--as-of", "2023-08-10", "-o", dir + "/8.xlsx", "--csv", dir + "/8.csv"] + common)
        #expect(august.status <= 1, "\(august.stderr)")
        let csv = try String(contentsOfFile: dir + "/8.csv", encoding: .utf8)
        #expect(csv.contains("本期进展,上期进展（2023-07）,变化"))
        for mark in ["【办公室】新报", "【法规科】未更新", "【政务科】更新", "【政务科】推进中→已完成"] { #expect(csv.contains(mark), "\(mark)") }
        // The workbook's 总台账 has the same columns, read back by openpyxl.
        let headers = try Openpyxl.output(of: "import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])['总台账']; print('|'.join(str(c.value) for c in ws[2]))",
                                          [dir + "/8.xlsx"])
        #expect(headers.contains("本期进展|上期进展（2023-07）|变化"), "\(headers)")
        // Its 历次进展 sheet: a row per task, July's status beside August's.
        let history = try Openpyxl.output(of: "import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])['历次进展']; print(ws.max_row - 1, ws['C1'].value, ws['D1'].value, ws['A2'].value, ws['C2'].value, ws['D2'].value)",
                                          [dir + "/8.xlsx"])
        #expect(history.trimmingCharacters(in: .whitespacesAndNewlines) == "21 2023-07 2023-08 RWE2SAR67H 部分完成 部分完成", "\(history)")

        // One task's history, and all of it exported in each format.
        let shown = try CLI.run(["ledger", "show", store, "RWE2SAR67H"])
        #expect(shown.stdout.contains("2023-07（截至 2023-07-10）【政务科】推进中") && shown.stdout.contains("2023-08（截至 2023-08-10）【办公室】"), "\(shown.stdout)")
        #expect(shown.stdout.contains("任务反馈!H4"))
        for format in ["xlsx", "csv", "json"] {
            let exported = try CLI.run(["ledger", "export", store, "-o", dir + "/历次进展." + format])
            #expect(exported.stdout.contains("已导出 123 条进展"), "\(format): \(exported.stdout)\(exported.stderr)")
        }
        let rows = try Openpyxl.output(of: "import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])['历次进展']; print(ws.max_row, ws['E2'].value)",
                                       [dir + "/历次进展.xlsx"])
        #expect(rows.trimmingCharacters(in: .whitespacesAndNewlines) == "124 政务科")
    }

    @Test("an approved extension keeps the plan's deadline, counts the times it was moved, and overdue follows the new date")
    func extend() throws {
        let dir = NSTemporaryDirectory() + "store-extend-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = dir + "/台账.db"
        #expect(try CLI.run(["ledger", "init", Self.samples + "/plan-2023.xlsx", "--units", Self.samples + "/units.yaml", "-o", store]).status == 0)
        func overdue() throws -> (deadline: String, overdue: String) {
            let merged = try CLI.run(["merge", Self.samples + "/plan-2023.xlsx", Self.samples + "/returns", "--units", Self.samples + "/units.yaml",
                                      "--as-of", "2023-12-15", "-o", dir + "/l.xlsx", "--csv", dir + "/l.csv", "--into", store, "--round", "2023-12", "-q"])
            #expect(merged.status <= 1, "\(merged.stderr)")
            let rows = Array(CSVReader(try String(contentsOfFile: dir + "/l.csv", encoding: .utf8))).map(\.fields)
            let header = rows[0]
            let row = try #require(rows.first { $0.count > 1 && $0[1] == "RWE2SAR67H" })
            return (row[header.firstIndex(of: "完成时限")!], row[header.firstIndex(of: "是否逾期")!])
        }
        // 11月底前, not completed by every unit: overdue on 12-15.
        #expect(try overdue() == ("11月底前", "是"))
        let moved = try CLI.run(["ledger", "extend", store, "RWE2SAR67H", "--to", "2023-12-31", "--reason", "经局长办公会同意"])
        #expect(moved.stdout.contains("第 1 次延期"), "\(moved.stdout)\(moved.stderr)")
        #expect(try overdue() == ("11月底前（已延期至 2023-12-31，第 1 次：经局长办公会同意）", "否"))
        #expect(try CLI.run(["ledger", "extend", store, "RWE2SAR67H", "--to", "2023-12-10", "--reason", "再次调整"]).stdout.contains("第 2 次延期"))
        #expect(try overdue() == ("11月底前（已延期至 2023-12-10，第 2 次：再次调整）", "是"))
        let unknown = try CLI.run(["ledger", "extend", store, "RWNOTATASK", "--to", "2023-12-31", "--reason", "x"])
        #expect(unknown.status == 2 && unknown.stderr.contains("没有任务 RWNOTATASK"))
        #expect(try CLI.run(["ledger", "extend", store, "RWE2SAR67H", "--to", "2023-13-01", "--reason", "x"]).status == 64)
    }

    @Test("a plan reworded between rounds: the task is matched by its text, its history and 上期进展 continue under the new id")
    func rewordedPlan() throws {
        let dir = NSTemporaryDirectory() + "store-plan-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = dir + "/台账.db", plan = Self.samples + "/plan-2023.xlsx", reworded = dir + "/plan-2023.xlsx"
        // The first task's requirement gets a sentence more: its id (from category, task and requirement) changes.
        _ = try Openpyxl.output(of: """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
            ws['C3'] = ws['C3'].value + '按季度通报进展。'
            wb.save(sys.argv[2])
            """, [plan, reworded])
        #expect(try CLI.run(["ledger", "init", plan, "--units", Self.samples + "/units.yaml", "-o", store]).status == 0)
        let common = [Self.samples + "/returns", "--units", Self.samples + "/units.yaml", "--into", store]
        #expect(try CLI.run(["merge", plan] + common + ["--as-of", "2023-07-10", "-o", dir + "/7.xlsx", "-q"]).status <= 1)
        let august = try CLI.run(["merge", reworded] + common + ["--as-of", "2023-08-10", "-o", dir + "/8.xlsx", "--csv", dir + "/8.csv"])
        #expect(august.stdout.contains("新增 0 项，删除 0 项，改写 1 项"), "\(august.stdout)\(august.stderr)")
        let renamed = try #require(august.stdout.firstMatch(of: /RWE2SAR67H→(RW[0-9A-Z]+)/).map { String($0.1) }, "\(august.stdout)")
        // Both rounds under the new id.
        let shown = try CLI.run(["ledger", "show", store, renamed])
        #expect(shown.stdout.contains("2023-07（截至 2023-07-10）") && shown.stdout.contains("2023-08（截至 2023-08-10）"), "\(shown.stdout)")
        let rows = Array(CSVReader(try String(contentsOfFile: dir + "/8.csv", encoding: .utf8))).map(\.fields)
        let row = try #require(rows.first { $0.count > 1 && $0[1] == renamed })
        // July's reports on the task stand beside August's under its new id.
        let previous = row[rows[0].firstIndex(of: "上期进展（2023-07）")!]
        #expect(previous.contains("【法规科】已完成") && previous.contains("【政务科】"), "\(previous)")
    }

    @Test("a monthly task checked period by period over the rounds: this month reported, February's report missed")
    func recurring() throws {
        let dir = NSTemporaryDirectory() + "store-recurring-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let plan = dir + "/2023年重点工作.xlsx", store = dir + "/台账.db"
        // A plan with a monthly report and a one-off task; 法规科's template filled in as a unit would.
        _ = try Openpyxl.output(of: """
            import sys, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(['2023年重点工作任务']); ws.append(['序号', '工作任务', '牵头单位', '完成时限'])
            ws.append([1, '报送政务公开工作进展情况', '法规科', '每月25日前']); ws.append([2, '完成年度报告', '法规科', '12月底前'])
            wb.save(sys.argv[1])
            """, [plan])
        #expect(try CLI.run(["split", plan, "-o", dir + "/templates"]).status == 0)
        let template = dir + "/templates/法规科-任务反馈表.xlsx", filled = dir + "/法规科-任务反馈表.xlsx"
        _ = try Openpyxl.output(of: """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
            header = next(r for r in ws.iter_rows() if any(c.value == '进展情况' for c in r))
            column = next(c.column for c in header if c.value == '进展情况')
            for row in range(header[0].row + 1, ws.max_row + 1):
                if ws.cell(row, 1).value: ws.cell(row, column).value = '已按时报送。'
            wb.save(sys.argv[2])
            """, [template, filled])
        #expect(try CLI.run(["ledger", "init", plan, "-o", store]).status == 0)
        for (asOf, round) in [("2023-01-20", "2023-01"), ("2023-03-20", "2023-03")] {
            let merged = try CLI.run(["merge", plan, filled, "--as-of", asOf, "-o", dir + "/\(round).xlsx", "--csv", dir + "/\(round).csv",
                                      "--into", store, "--round", round, "-q"])
            #expect(merged.status <= 1, "\(merged.stderr)")
        }
        let rows = Array(CSVReader(try String(contentsOfFile: dir + "/2023-03.csv", encoding: .utf8))).map(\.fields)
        let column = try #require(rows[0].firstIndex(of: "周期报送"), "\(rows[0])")
        #expect(rows[1][column] == "【法规科】本期已报；漏报 1 期（截止 2月25日）", "\(rows[1])")
        #expect(rows[2][column] == "", "the one-off task has no periods")
    }
}
