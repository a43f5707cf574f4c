import CSV
import Foundation
import Testing
import TestSupport

/// Three reporting rounds of the sample plan into one store, as a clerk runs them: history, 变化, a monthly task
/// checked per period, a unit's 申请延期 approved, and the briefing written from the store with its trend chart.
@Suite("Three rounds recorded and briefed from the store")
struct ThreeRoundsTests {
    static let samples = CLI.repository + "/samples"

    /// The rows of a ledger CSV, and one cell of the row of a task by its header.
    struct LedgerCSV {
        let rows: [[String]]
        init(_ path: String) throws { rows = Array(CSVReader(try String(contentsOfFile: path, encoding: .utf8))).map(\.fields) }
        func cell(_ task: String, _ header: String) throws -> String {
            let row = try #require(rows.first { $0.count > 1 && $0[1] == task }, "\(task)")
            return row[try #require(rows[0].firstIndex(of: header), "\(header) in \(rows[0])")]
        }
    }

    @Test("rounds 2023-07, 2023-08, 2023-12: store history, 变化, 周期报送, an approved 申请延期, and the briefing's trend with its cached values")
    func threeRounds() throws {
        let dir = NSTemporaryDirectory() + "three-rounds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/12", withIntermediateDirectories: true)
        let plan = dir + "/plan-2023.xlsx", store = dir + "/台账.db", returns = Self.samples + "/returns/"
        // The sample plan with one task reported monthly; in December 法规科 asks to move a task it had reported done.
        _ = try Openpyxl.output(of: """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1]); wb.worksheets[0]['E4'] = '每月25日前'; wb.save(sys.argv[2])
            wb = openpyxl.load_workbook(sys.argv[3]); ws = wb.worksheets[0]
            ws['H4'] = '因省级平台升级，申请延期至2023年12月31日。'; ws['I4'] = '申请延期'; ws['J4'] = None
            wb.save(sys.argv[4])
            """, [Self.samples + "/plan-2023.xlsx", plan, returns + "法规科-任务反馈表.xlsx", dir + "/12/法规科-任务反馈表.xlsx"])
        for name in try FileManager.default.contentsOfDirectory(atPath: returns) where name.contains("-任务反馈表") && !name.hasPrefix("法规科") {
            try FileManager.default.copyItem(atPath: returns + name, toPath: dir + "/12/" + name)
        }
        #expect(try CLI.run(["ledger", "init", plan, "--units", Self.samples + "/units.yaml", "-o", store]).status == 0)
        func merge(_ files: [String], asOf: String, round: String) throws -> CLI.Result {
            let merged = try CLI.run(["merge", plan] + files + ["--units", Self.samples + "/units.yaml", "--as-of", asOf, "-o", dir + "/\(round).xlsx",
                                                                 "--csv", dir + "/\(round).csv", "--into", store])
            #expect(merged.status <= 1, "\(merged.stderr)")
            return merged
        }
        _ = try merge([returns + "法规科-任务反馈表.xlsx", returns + "政务科-任务反馈表.xlsx", returns + "规划科-任务反馈表（重排）.xlsx"],
                      asOf: "2023-07-10", round: "2023-07")
        _ = try merge([returns], asOf: "2023-08-10", round: "2023-08")
        let december = try merge([dir + "/12"], asOf: "2023-12-15", round: "2023-12")
        #expect(december.stdout.contains("申请延期 1 项") && december.stdout.contains("ledger extend \(store) RWE2SAR67H --approve"), "\(december.stdout)")

        // The store: three rounds, and the task's history across them.
        let rounds = try CLI.run(["ledger", "rounds", store]).stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[0] }
        #expect(rounds == ["2023-07", "2023-08", "2023-12"])
        let shown = try CLI.run(["ledger", "show", store, "RWE2SAR67H"]).stdout
        #expect(shown.contains("2023-07（截至 2023-07-10）【法规科】已完成") && shown.contains("2023-12（截至 2023-12-15）【法规科】已延期"), "\(shown)")

        // The December ledger: 变化 against August, the monthly task per period (July and August reported, September to
        // November missed: months before the first round are not counted), and the task overdue before approval.
        var ledger = try LedgerCSV(dir + "/2023-12.csv")
        #expect(ledger.rows[0].contains("上期进展（2023-08）"))
        #expect(try ledger.cell("RWE2SAR67H", "变化").contains("【法规科】已完成→已延期"))
        #expect(try ledger.cell("RWE2SAR67H", "变化").contains("【政务科】未更新"))
        #expect(try ledger.cell("RWZRZN0NC3", "周期报送").contains("【法规科】本期已报；漏报 3 期（截止 9月25日、10月25日、11月25日）"))
        #expect(try ledger.cell("RWZRZN0NC3", "周期报送").contains("【办公室】本期已报；漏报 4 期（截止 7月25日、9月25日、10月25日、11月25日）"))
        #expect(try ledger.cell("RWE2SAR67H", "是否逾期") == "是")
        let pending = try CLI.run(["report", store, "-o", dir + "/简报-待批.xlsx", "--text", dir + "/简报-待批.txt"])
        #expect(pending.status == 0, "\(pending.stderr)")
        #expect(try String(contentsOfFile: dir + "/简报-待批.txt", encoding: .utf8).contains("法规科申请延期至 2023-12-31（待批准）"))

        // The office approves; the same files merged again give another ledger, so the round is replaced.
        let approved = try CLI.run(["ledger", "extend", store, "RWE2SAR67H", "--approve"])
        #expect(approved.stdout.contains("延至 2023-12-31（第 1 次延期）"), "\(approved.stdout)\(approved.stderr)")
        #expect(try merge([dir + "/12"], asOf: "2023-12-15", round: "2023-12").stdout.contains("已更新台账数据库"))
        ledger = try LedgerCSV(dir + "/2023-12.csv")
        #expect(try ledger.cell("RWE2SAR67H", "完成时限").hasPrefix("11月底前（已延期至 2023-12-31，第 1 次：法规科申请延期（第 2023-12 轮）：因省级平台升级"))
        #expect(try ledger.cell("RWE2SAR67H", "是否逾期") == "否")

        // The briefing from the store.
        let report = try CLI.run(["report", store, "-o", dir + "/简报.xlsx", "--text", dir + "/简报.txt"])
        #expect(report.status == 0, "\(report.stderr)")
        let text = try String(contentsOfFile: dir + "/简报.txt", encoding: .utf8)
        #expect(text.contains("法规科申请延期至 2023-12-31（已批准）"))
        #expect(text.contains("与2023-08相比：") && text.contains("法规科：完成 -1"), "\(text)")
        #expect(text.contains("市政务服务大厅管理中心：本期未报送"))

        // Each round's completed tasks, counted from the ledger workbook's 历次进展 sheet (a column per round) ...
        let counted = try Openpyxl.output(of: """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])['历次进展']
            for column in range(3, ws.max_column + 1):
                values = [ws.cell(row, column).value for row in range(2, ws.max_row + 1)]
                print(ws.cell(1, column).value, sum(v == '已完成' for v in values), len(values))
            """, [dir + "/2023-12.xlsx"]).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(counted.map(\.first) == ["2023-07", "2023-08", "2023-12"], "\(counted)")
        let rates = counted.map { Double($0[1])! / Double($0[2])! }
        // ... equal the trend table of the briefing and the line chart's cached values, which viewers show without recalculating.
        let briefing = try Openpyxl.output(of: """
            import sys, re, zipfile, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])['简报']
            start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == '完成率变化') + 2
            print(' '.join(f'{ws.cell(r, 1).value}={ws.cell(r, 6).value:.6f}' for r in range(start, start + 3)))
            with zipfile.ZipFile(sys.argv[1]) as z:
                line = next(z.read(n).decode() for n in z.namelist() if n.startswith('xl/charts/') and '<c:lineChart>' in z.read(n).decode())
            cats = re.search(r'<c:cat>.*?</c:cat>', line).group(0); vals = re.search(r'<c:val>.*?</c:val>', line).group(0)
            print(' '.join(f'{c}={float(v):.6f}' for c, v in zip(re.findall(r'<c:v>([^<]*)</c:v>', cats), re.findall(r'<c:v>([^<]*)</c:v>', vals))))
            print(re.search(r'<c:f>([^<]*)</c:f>', vals).group(1))
            """, [dir + "/简报.xlsx"]).split(separator: "\n").map(String.init)
        let expected = zip(["2023-07", "2023-08", "2023-12"], rates).map { "\($0)=" + String(format: "%.6f", $1) }.joined(separator: " ")
        #expect(briefing.count == 3, "\(briefing)")
        #expect(briefing.first == expected && briefing.dropFirst().first == expected, "\(briefing) vs \(expected)")
        #expect(briefing.last?.hasPrefix("'简报'!$F$") == true, "\(briefing)")
        let completed: [Double] = [1, 4, 4]
        #expect(rates == completed.map { $0 / 21 }, "\(rates)")

        // An earlier round's briefing, and a round that is not there.
        #expect(try CLI.run(["report", store, "--round", "2023-08", "-o", dir + "/简报-8.xlsx"]).stdout.contains("截至8月10日"))
        let unknown = try CLI.run(["report", store, "--round", "2023-10", "-o", dir + "/x.xlsx"])
        #expect(unknown.status == 2 && unknown.stderr.contains("没有第 2023-10 轮"), "\(unknown.stderr)")
    }
}
