import Foundation
import Testing

/// The command line keeps its word (issue "a round as the clerk lives it"): advice that works, refusals that say
/// why, outputs where they were asked for.
@Suite("The clerk's round at the command line")
struct ClerkRoundTests {
    let plan = CLI.repository + "/samples/plan-2023.xlsx"
    let units = CLI.repository + "/samples/units.yaml"

    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "taizhang-clerk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/反馈", withIntermediateDirectories: true)
        // A return saved as a new workbook (no 填报单位 property) under a name that names no unit.
        try FileManager.default.copyItem(atPath: CLI.repository + "/samples/returns/extra/规划科-任务反馈表（新建工作簿）.xlsx", toPath: dir + "/反馈/新建表格.xlsx")
        return dir
    }

    @Test("--unit names a file in a folder by its name alone, as the advice says; the output folder is made")
    func unitByFileName() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let unnamed = try CLI.run(["merge", plan, dir + "/反馈", "--units", units, "-o", dir + "/out/台账.xlsx", "-q"])
        #expect(unnamed.status == 1)
        let result = try CLI.run(["merge", plan, dir + "/反馈", "--units", units, "-o", dir + "/新文件夹/台账.xlsx", "--unit", "新建表格.xlsx=规划科"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/新文件夹/台账.xlsx"))
        #expect(result.stdout.contains("新建表格.xlsx：读取"))
    }

    @Test("a --unit key that matches no file, or a unit the registry does not know, is refused and says so")
    func unitRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let noFile = try CLI.run(["merge", plan, dir + "/反馈", "--units", units, "-o", dir + "/台账.xlsx", "--unit", "没有这个.xlsx=规划科"])
        #expect(noFile.status == 2)
        #expect(noFile.stderr.contains("“没有这个.xlsx”不在反馈文件中"))
        let noUnit = try CLI.run(["merge", plan, dir + "/反馈", "--units", units, "-o", dir + "/台账.xlsx", "--unit", "新建表格.xlsx=信息科"])
        #expect(noUnit.status == 2)
        #expect(noUnit.stderr.contains("“信息科”不在单位名册中"))
    }

    @Test("usage mistakes are told in Chinese with exit 64; help stays as written")
    func usageInChinese() throws {
        let missing = try CLI.run(["validate"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("错误：缺少参数 <plan>。") && missing.stderr.contains("用法："))
        #expect(!missing.stderr.contains("Error:") && !missing.stderr.contains("Usage:"))
        let unknown = try CLI.run(["validate", plan, "--nope"])
        #expect(unknown.status == 64 && unknown.stderr.contains("不认识的选项 --nope"))
        let badValue = try CLI.run(["validate", plan, "--format", "foo"])
        #expect(badValue.status == 64 && badValue.stderr.contains("不能取“foo”"))
        let ours = try CLI.run(["merge", plan, "x", "-o", "y.xlsx", "--as-of", "2023"])
        #expect(ours.status == 64 && ours.stderr.hasPrefix("错误：--as-of 应写作 YYYY-MM-DD"))
        let help = try CLI.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("64 命令写法有误"))
    }

    @Test("the outputs of one merge are all written or none: a JSON that cannot be written leaves no ledger workbook either")
    func allOrNone() throws {
        let dir = NSTemporaryDirectory() + "taizhang-allornone-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A 40 KiB file-size limit: the ledger workbook (about 22 KiB) fits, its JSON (about 58 KiB) does not.
        let result = try CLI.run(["--shell", "trap '' XFSZ; ulimit -f 80; exec \"$0\" merge \"$1\" \"$2\" --units \"$3\" -o \"$4\" --json \"$5\" -q",
                                  plan, CLI.repository + "/samples/returns", units, dir + "/台账.xlsx", dir + "/台账.json"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("无法写入"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test("a Word document without a table given as a plan is told so")
    func wordPlan() throws {
        let dir = NSTemporaryDirectory() + "taizhang-word-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],'w')\nz.writestr('[Content_Types].xml','<Types/>')\nz.writestr('word/document.xml','<w:document/>')\nz.close()\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, dir + "/计划.docx"]
        try process.run()
        process.waitUntilExit()
        let result = try CLI.run(["validate", dir + "/计划.docx"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("计划.docx：这份Word 文档中没有表格"), "\(result.stderr)")
    }
}

/// A registry file the tool wrote reads back through the tool (validate --units), comments and all.
enum UnitRegistryFile {
    static func parses(_ path: String) throws -> Bool {
        try CLI.run(["validate", CLI.repository + "/samples/plan-2023.xlsx", "--units", path, "-q"]).status != 2
    }
}
