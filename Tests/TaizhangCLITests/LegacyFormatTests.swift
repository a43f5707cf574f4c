import Foundation
import Testing

/// Plans and returns saved as .xls (here by LibreOffice from the samples) read as their .xlsx do.
@Suite("Legacy .xls through the command line")
struct LegacyFormatTests {
    static let fixtures = CLI.repository + "/Tests/Fixtures/legacy"

    /// JSON with file names and folders taken out, so that outputs of the .xls and .xlsx inputs compare.
    static func normalized(_ path: String, dropping keys: Set<String> = []) throws -> String {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for name in [CLI.repository + "/samples/", fixtures + "/", ".xlsx", ".xls"] { text = text.replacingOccurrences(of: name, with: "") }
        guard !keys.isEmpty, var object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return text }
        for key in keys { object[key] = nil }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test("validate: the .xls plan gives the tasks, ids, units, deadlines and cell references of the .xlsx")
    func validate() throws {
        let work = NSTemporaryDirectory() + "legacy-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        for (plan, out) in [(Self.fixtures + "/plan-2023.xls", "xls"), (CLI.repository + "/samples/plan-2023.xlsx", "xlsx")] {
            let result = try CLI.run(["validate", plan, "--units", CLI.repository + "/samples/units.yaml", "--format", "json", "-o", "\(work)/\(out).json"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try Self.normalized("\(work)/xls.json") == Self.normalized("\(work)/xlsx.json"))
    }

    @Test("merge: an .xls plan and an .xls return among .xlsx ones give the ledger of the .xlsx files")
    func merge() throws {
        let work = NSTemporaryDirectory() + "legacy-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.repository + "/samples/returns", toPath: work + "/returns")
        try FileManager.default.removeItem(atPath: work + "/returns/法规科-任务反馈表.xlsx")
        try FileManager.default.copyItem(atPath: Self.fixtures + "/法规科-任务反馈表.xls", toPath: work + "/returns/法规科-任务反馈表.xls")
        for (plan, returns, out) in [(Self.fixtures + "/plan-2023.xls", work + "/returns", "xls"),
                                     (CLI.repository + "/samples/plan-2023.xlsx", CLI.repository + "/samples/returns", "xlsx")] {
            let result = try CLI.run(["merge", plan, returns, "--units", CLI.repository + "/samples/units.yaml", "--as-of", "2023-07-10",
                                      "-o", "\(work)/\(out).xlsx", "--json", "\(work)/\(out).json", "-q"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        // The returns differ only in the .xls file's bytes (sha256) and the CSV's copy time; the save time comes from the .xls's properties.
        let xls = try Self.normalized("\(work)/xls.json", dropping: ["returns"]).replacingOccurrences(of: work + "/returns/", with: "")
        let xlsx = try Self.normalized("\(work)/xlsx.json", dropping: ["returns"]).replacingOccurrences(of: "returns/", with: "")
        #expect(xls == xlsx)
        func returns(_ name: String) throws -> [[String: String]] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(work)/\(name).json"))) as? [String: Any]
            return (object?["returns"] as? [[String: Any]] ?? []).filter { !($0["file"] as? String ?? "").hasSuffix(".csv") }.map { entry in
                entry.filter { $0.key != "sha256" && $0.key != "file" }.mapValues { "\($0)" }
            }
        }
        #expect(try returns("xls") == returns("xlsx"))
    }

    @Test("convert and inspect read .xls: the CSV equals the .xlsx's, and the sheets and merged ranges are listed")
    func convertAndInspect() throws {
        let work = NSTemporaryDirectory() + "legacy-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        for (input, out) in [(Self.fixtures + "/plan-2023.xls", "xls"), (CLI.repository + "/samples/plan-2023.xlsx", "xlsx")] {
            #expect(try CLI.run(["convert", input, "\(work)/\(out).csv", "--fill-merged"]).status == 0)
            #expect(try CLI.run(["convert", input, "\(work)/\(out)-copy.xlsx"]).status == 0)
        }
        #expect(try String(contentsOfFile: "\(work)/xls.csv", encoding: .utf8) == String(contentsOfFile: "\(work)/xlsx.csv", encoding: .utf8))
        #expect(try CLI.run(["convert", "\(work)/xls-copy.xlsx", "\(work)/again.csv", "--fill-merged"]).status == 0)
        #expect(try String(contentsOfFile: "\(work)/again.csv", encoding: .utf8) == String(contentsOfFile: "\(work)/xlsx.csv", encoding: .utf8))
        let inspect = try CLI.run(["inspect", Self.fixtures + "/plan-2023.xls"])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("BIFF8") && inspect.stdout.contains("A1:E23") && inspect.stdout.contains("合并单元格 13 个"))
    }
}
