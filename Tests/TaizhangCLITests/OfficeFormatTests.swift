import Foundation
import Testing

/// Plans as offices also send them: a Word attachment or a web page. Each fixture was made from a plan's .xlsx
/// (Tests/Fixtures/office/make.sh: LibreOffice's Calc and Writer, and python-docx) and must give its tasks.
@Suite("Word and HTML plans through the command line")
struct OfficeFormatTests {
    static let fixtures = CLI.repository + "/Tests/Fixtures/office"
    static let plans = [("plan-2023", "samples/plan-2023.xlsx", 2023), ("jiangmen-tdcb", "corpus/real-plans/02-jiangmen-tdcb/plan.xlsx", 2024),
                        ("caidian-2023", "corpus/real-plans/14-caidian-2023/plan.xlsx", 2023), ("shapingba-2022", "corpus/real-plans/24-shapingba-2022/plan.xlsx", 2022)]

    /// The tasks and issues `validate` finds, without where each came from (the file and sheet names differ;
    /// with `cells` false, the cells too).
    static func tasks(_ plan: String, year: Int, work: String, cells: Bool = true) throws -> [String] {
        let out = work + "/" + UUID().uuidString + ".json"
        let result = try CLI.run(["validate", plan, "--year", "\(year)", "--format", "json", "-o", out])
        #expect(result.status == 0, "\(plan): \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any] ?? [:]
        let tasks = (object["tasks"] as? [[String: Any]] ?? []).map { $0.filter { $0.key != "source" } }
        let issues = (object["issues"] as? [[String: Any]] ?? []).map { $0.filter { !["file", "sheet"].contains($0.key) && (cells || $0.key != "cell") } }
        return try (tasks + issues).map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
    }

    @Test("a Word plan made by LibreOffice or python-docx, or a web page by LibreOffice, gives the tasks, ids, units, deadlines and issues of its .xlsx, at the same cells",
          arguments: ["libreoffice.docx", "python-docx.docx", "libreoffice.html"])
    func word(maker: String) throws {
        let work = NSTemporaryDirectory() + "office-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        // python-docx's copies put a title row merged across the table above it as a heading, as a 通知 does: their rows
        // start one higher, so issues are compared without their cells.
        let cells = maker.hasPrefix("libreoffice")
        for (name, xlsx, year) in Self.plans {
            let expected = try Self.tasks(CLI.repository + "/" + xlsx, year: year, work: work, cells: cells)
            #expect(!expected.isEmpty)
            #expect(try Self.tasks("\(Self.fixtures)/\(name)-\(maker)", year: year, work: work, cells: cells) == expected, "\(name)")
        }
    }

    @Test("samples/plan-2023.html, in the shape of the seed's page: its table is the plan (not the page's footer table), its heading the title and year")
    func samplePage() throws {
        let work = NSTemporaryDirectory() + "office-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let page = CLI.repository + "/samples/plan-2023.html"
        let result = try CLI.run(["validate", page, "--units", CLI.repository + "/samples/units.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("共 21 项任务") && result.stdout.contains("计划年度 2023"))
        // The page has no title row inside its table, so rows start one higher than in the workbook.
        #expect(try Self.tasks(page, year: 2023, work: work, cells: false) == Self.tasks(CLI.repository + "/samples/plan-2023.xlsx", year: 2023, work: work, cells: false))
        #expect(try CLI.run(["validate", page, "--table", "2"]).status != 0)
        let missing = try CLI.run(["validate", page, "--table", "9"])
        #expect(missing.status != 0 && missing.stderr.contains("没有第 9 个表格（共 2 个）"))
    }

    @Test("inspect lists a Word document's tables; convert writes one as CSV")
    func inspectAndConvert() throws {
        let work = NSTemporaryDirectory() + "office-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let docx = Self.fixtures + "/plan-2023-libreoffice.docx"
        let inspect = try CLI.run(["inspect", docx])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("表1") && inspect.stdout.contains("A1:E23"))
        #expect(try CLI.run(["convert", docx, work + "/word.csv", "--fill-merged"]).status == 0)
        #expect(try CLI.run(["convert", CLI.repository + "/samples/plan-2023.xlsx", work + "/excel.csv", "--fill-merged"]).status == 0)
        #expect(try String(contentsOfFile: work + "/word.csv", encoding: .utf8) == String(contentsOfFile: work + "/excel.csv", encoding: .utf8))
    }
}
