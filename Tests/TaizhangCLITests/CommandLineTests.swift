import CSV
import Foundation
import TestSupport
import Testing

/// Drives `taizhang` as a user would: arguments, output files, messages and exit codes.
@Suite("taizhang command line")
struct CommandLineTests {
    let plan = CLI.repository + "/samples/plan-2023.xlsx"

    @Test("convert writes UTF-8 with BOM, one line per row, merged cells filled on request")
    func convert() throws {
        let out = Fixture.directory() + "/计划.csv"
        let result = try CLI.run(["convert", plan, out, "--fill-merged"])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[1] == "工作要求,具体任务,具体要求,牵头落实单位,完成时限")
        #expect(lines[2].hasPrefix("一、优化政务公开工作基础,(一)深化行政规章、规范性文件 集中公开。,"))
        #expect(lines[3].hasPrefix("一、优化政务公开工作基础,"), "the merged group cell is filled down")
        #expect(text.contains("提升政府信息公 开申请 办理工 作规范 化程度"), "stray spaces are kept as typed")
    }

    @Test("convert copies a workbook whose sheet name Excel refuses, and says what the copy calls it")
    func convertLongSheetName() throws {
        let long = String(repeating: "落实情况", count: 9)
        let input = try Fixture.write(Fixture.package(sheets: [(long, Fixture.sheet("<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>"))]))
        let result = try CLI.run(["convert", input, Fixture.directory() + "/副本.xlsx"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("工作表名“\(long)”Excel 不能打开") && result.stderr.contains("改为“\(long.prefix(31))”"))
    }

    @Test("convert to standard output with --sheet by number and --encoding gb18030")
    func convertStdout() throws {
        let result = try CLI.run(["convert", plan, "-", "--sheet", "1", "--encoding", "utf8"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("汕尾市政务服务数据管理局2023年政务公开工作要点分工方案,,,,\r\n工作要求,"))
        let out = Fixture.directory() + "/gbk.csv"
        #expect(try CLI.run(["convert", plan, out, "--encoding", "gb18030"]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(bytes.prefix(4)) == [0xC9, 0xC7, 0xCE, 0xB2], "汕尾 in GB18030")
    }

    @Test("CSV rows are as wide as the widest row, whatever width the file declares (right, WPS's A1, inflated or none)")
    func rectangular() throws {
        let rows = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"C3\"><v>3</v></c></row>"
        for dimension in ["<dimension ref=\"A1:C3\"/>", "<dimension ref=\"A1\"/>", "<dimension ref=\"A1:Z40\"/>", "<dimension ref=\"A1:XFD1048576\"/>", ""] {
            let input = try Fixture.write(Fixture.package(sheets: [("表", Fixture.sheet(rows, before: dimension))]))
            let result = try CLI.run(["convert", input, "-", "--encoding", "utf8"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "1,,\r\n,,\r\n2,,3\r\n", "\(dimension)")
        }
        let disordered = "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"C3\"><v>3</v></c></row><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
        let input = try Fixture.write(Fixture.package(sheets: [("表", Fixture.sheet(disordered))]))
        #expect(try CLI.run(["convert", input, "-", "--encoding", "utf8"]).stdout == "1,,\r\n,,\r\n2,,3\r\n", "rows out of order, no dimension")
    }

    @Test("--all-sheets writes one CSV per worksheet beside the output")
    func allSheets() throws {
        let zip = Fixture.package(sheets: [("汇总", Fixture.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")),
                                           ("逾期/事项", Fixture.sheet("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>"))])
        let input = try Fixture.write(zip)
        let dir = Fixture.directory()
        let result = try CLI.run(["convert", input, dir + "/台账.csv", "--all-sheets"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/台账-汇总.csv")) == Data([0xEF, 0xBB, 0xBF] + Array("1\r\n".utf8)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/台账-逾期_事项.csv")) == Data([0xEF, 0xBB, 0xBF] + Array("2\r\n".utf8)))
    }

    @Test("inspect shows sheets, the real used range, merged ranges and the producer; --json for tools")
    func inspect() throws {
        let result = try CLI.run(["inspect", plan])
        #expect(result.status == 0)
        #expect(result.stdout.contains("工作表1"))
        #expect(result.stdout.contains("已用区域 A1:E23"))
        #expect(result.stdout.contains("A3:A7"))
        #expect(result.stdout.contains("日期系统：1900"))
        let json = try CLI.run(["inspect", plan, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let sheets = object?["sheets"] as? [[String: Any]]
        #expect(sheets?.first?["usedRange"] as? String == "A1:E23")
        #expect((sheets?.first?["mergedRanges"] as? [String])?.count == 13)
    }

    @Test("a formula saved without its result: inspect lists it, validate warns at its cell, convert says so")
    func uncachedFormula() throws {
        func text(_ ref: String, _ value: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>" }
        let xml = Fixture.sheet("<row r=\"1\">\(text("A1", "2023年工作要点分工方案"))</row>"
            + "<row r=\"2\">\(text("A2", "具体任务"))\(text("B2", "牵头单位"))\(text("C2", "完成时限"))</row>"
            + "<row r=\"3\">\(text("A3", "编制年度报告"))\(text("B3", "办公室"))<c r=\"C3\" t=\"str\"><f>TEXT(DATE(2023,6,30),\"m月d日前\")</f></c></row>")
        let path = try Fixture.write(Fixture.package(sheets: [("工作表1", xml)]), name: "计划表.xlsx")
        let inspect = try CLI.run(["inspect", path])
        #expect(inspect.stdout.contains("公式没有保存计算结果 1 个"))
        #expect(inspect.stdout.contains("C3"))
        let inspectJSON = try CLI.run(["inspect", path, "--json"])
        let described = try JSONSerialization.jsonObject(with: Data(inspectJSON.stdout.utf8)) as? [String: Any]
        let formulas = ((described?["sheets"] as? [[String: Any]])?.first?["uncachedFormulas"]) as? [String: Any]
        #expect(formulas?["count"] as? Int == 1)
        #expect(formulas?["cells"] as? [String] == ["C3"])
        let json = try CLI.run(["validate", path, "--format", "json"])
        #expect(json.status == 1, "the deadline reads as missing: an error")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let issues = object?["issues"] as? [[String: Any]] ?? []
        #expect(issues.contains { $0["code"] as? String == "formula-without-value" && $0["cell"] as? String == "C3" && $0["severity"] as? String == "warning" })
        #expect(issues.contains { $0["code"] as? String == "missing-deadline" && $0["cell"] as? String == "C3" })
        for target in ["计划.csv", "计划.xlsx"] {
            let convert = try CLI.run(["convert", path, Fixture.directory() + "/" + target])
            #expect(convert.status == 0)
            #expect(convert.stderr.contains("有 1 个公式单元格没有保存计算结果（C3）"), "\(target): \(convert.stderr)")
        }
    }

    @Test("errors: exit 2 with a Chinese message naming the file; the target is left untouched")
    func errors() throws {
        let dir = Fixture.directory()
        let bad = dir + "/计划表.xlsx"
        try Data("not a workbook".utf8).write(to: URL(fileURLWithPath: bad))
        let target = dir + "/out.csv"
        try Data("旧内容".utf8).write(to: URL(fileURLWithPath: target))
        let result = try CLI.run(["convert", bad, target])
        #expect(result.status == 2)
        #expect(result.stderr.contains("计划表.xlsx"))
        #expect(result.stderr.contains("另存为 .xlsx"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "旧内容")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["out.csv", "计划表.xlsx"], "no temporary file left")

        let missingSheet = try CLI.run(["convert", plan, "-", "--sheet", "不存在"])
        #expect(missingSheet.status == 2)
        #expect(missingSheet.stderr.contains("找不到工作表“不存在”"))

        let unwritable = try CLI.run(["convert", plan, "/nonexistent-dir/out.csv"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("无法写入"))

        #expect(try CLI.run(["convert", plan]).status != 0, "a missing argument is a usage error")
    }

    @Test("hostile input through the CLI: refused within 2 s and 200 MB")
    func hostile() throws {
        let (data, size) = DeflateBomb.stream(prefix: "<worksheet><sheetData><row>", unit: "<c/>", matches: 15_503_876, suffix: "</row></sheetData></worksheet>")
        var zip = Fixture.package(sheets: [("S", "")])
        zip.entries.removeAll { $0.name == "xl/worksheets/sheet1.xml" }
        zip.add(ZipBuilder.Entry(name: "xl/worksheets/sheet1.xml", data: data, method: 8, declaredSize: UInt32(size), crc: 0))
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
        for i in 1...12 { laughs += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        laughs += "]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&a12;</t></is></c></row></sheetData></worksheet>"
        let inputs = [
            try Fixture.write(zip, name: "bomb.xlsx"),
            try Fixture.write(Fixture.package(sheets: [("S", laughs)]), name: "laughs.xlsx"),
            try Fixture.workbook("<row><c r=\"XFE1048577\"><v>1</v></c></row>", name: "beyond.xlsx"),
        ]
        for input in inputs {
            let result = try CLI.run(["convert", input, "-", "--verbose"])
            #expect(result.status == 2, "\(input): \(result.stderr)")
            #expect(result.seconds < 2, "\(input) took \(result.seconds) s")
            // The program's own VmHWM: wait4's maxrss would include the test process it was spawned from.
            let peak = try #require(result.stderr.firstMatch(of: /峰值内存 ([0-9.]+) MB/).flatMap { Double($0.1) })
            #expect(peak < 200, "\(input) took \(peak) MB")
            #expect(result.stderr.hasPrefix("错误："))
        }
    }

    @Test("csv→xlsx→csv keeps every field; the GB18030 sample gives the same workbook as the UTF-8 one")
    func csvRoundTrip() throws {
        let dir = Fixture.directory()
        for (input, name) in [("plan-2023.csv", "utf8.xlsx"), ("plan-2023-gbk.csv", "gbk.xlsx")] {
            let result = try CLI.run(["convert", CLI.repository + "/samples/" + input, dir + "/" + name])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/utf8.xlsx")).count > 3000)
        let back = try CLI.run(["convert", dir + "/gbk.xlsx", dir + "/back.csv"])
        #expect(back.status == 0)
        // The samples are padded to five fields as Excel saves them; our CSV ends each row at its last value.
        func records(_ path: String) throws -> [[String]] {
            try CSVDocument.read(path: path).records.map { record in
                var fields = record.fields
                while fields.last == "" { fields.removeLast() }
                return fields
            }
        }
        let original = try records(CLI.repository + "/samples/plan-2023.csv")
        #expect(original.count == 23)
        #expect(try records(dir + "/back.csv") == original)
        let reencoded = try CLI.run(["convert", CLI.repository + "/samples/plan-2023-gbk.csv", dir + "/utf8.csv"])
        #expect(reencoded.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/utf8.csv")) == Data(contentsOf: URL(fileURLWithPath: CLI.repository + "/samples/plan-2023.csv")))
    }

    @Test("xlsx→xlsx makes a clean copy with merged ranges; xlsx→json keys objects by the header row")
    func copyAndJSON() throws {
        let dir = Fixture.directory()
        #expect(try CLI.run(["convert", plan, dir + "/copy.xlsx"]).status == 0)
        let inspect = try CLI.run(["inspect", dir + "/copy.xlsx"])
        #expect(inspect.stdout.contains("已用区域 A1:E23"))
        #expect(inspect.stdout.contains("A3:A7"))
        #expect(try CLI.run(["convert", plan, dir + "/plan.json"]).status == 0)
        let objects = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/plan.json"))) as? [[String: Any]]
        #expect(objects?.count == 21)
        #expect(objects?.first?["牵头落实单位"] as? String == "局属各单位、机关各科室")
        #expect(objects?.first?["完成时限"] as? String == "11月底前")
    }

    @Test("an Excel limit in the input: a clear error, the target untouched, no temporary file left")
    func excelLimit() throws {
        let dir = Fixture.directory()
        let input = dir + "/long.csv"
        try ("标题\n" + String(repeating: "长", count: 40_000) + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let target = dir + "/out.xlsx"
        try Data("旧文件".utf8).write(to: URL(fileURLWithPath: target))
        let result = try CLI.run(["convert", input, target])
        #expect(result.status == 2)
        #expect(result.stderr.contains("32767"))
        #expect(result.stderr.contains("A2"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "旧文件")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["long.csv", "out.xlsx"])
    }

    @Test("a write that fails midway (file-size limit): exit 2, the target untouched, no temporary file left")
    func failedWrite() throws {
        let dir = Fixture.directory()
        let input = dir + "/big.csv"
        var lines = ""
        var generator = SystemRandomNumberGenerator()
        for r in 0..<20_000 { lines += "\(r),\(generator.next() as UInt64),\(generator.next() as UInt64)\n" }
        try lines.write(toFile: input, atomically: true, encoding: .utf8)
        let target = dir + "/out.xlsx"
        try Data("旧文件".utf8).write(to: URL(fileURLWithPath: target))
        // A 64 KiB file-size limit, with SIGXFSZ ignored so the write fails with EFBIG instead of killing us.
        let result = try CLI.run(["--shell", "trap '' XFSZ; ulimit -f 128; exec \"$0\" convert \"$1\" \"$2\"", input, target])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("无法写入"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "旧文件")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["big.csv", "out.xlsx"])
    }

    @Test("units init writes a registry inferred from the plan, in order of first appearance")
    func unitsInit() throws {
        let out = Fixture.directory() + "/units.yaml"
        let result = try CLI.run(["units", "init", plan, "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let yaml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(yaml.contains("name: 法规科"))
        #expect(yaml.contains("局属各单位"))
        #expect(result.stderr.contains("个单位"))
        #expect(yaml.hasPrefix("# 单位名册") && yaml.contains("aliases: [局办公室, 局办]"))
        #expect(try UnitRegistryFile.parses(out))
        // An edited registry is never overwritten without --force.
        try (yaml + "# 已核对\n").write(toFile: out, atomically: true, encoding: .utf8)
        let again = try CLI.run(["units", "init", plan, "-o", out])
        #expect(again.status == 2 && again.stderr.contains("--force"))
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasSuffix("# 已核对\n"))
        #expect(try CLI.run(["units", "init", plan, "-o", out, "--force"]).status == 0)
        let missing = try CLI.run(["units", "init", CLI.repository + "/samples/units.yaml", "-o", Fixture.directory() + "/u.yaml"])
        #expect(missing.status == 2)
    }

    @Test("validate: exit 0 and the one warning for the seed; 1 with located errors; 2 when unreadable or the year is unknown")
    func validate() throws {
        let units = CLI.repository + "/samples/units.yaml"
        let seed = try CLI.run(["validate", plan, "--units", units])
        #expect(seed.status == 0, "\(seed.stderr)")
        #expect(seed.stdout.contains("plan-2023.xlsx 工作表1!B8: 编号从 (二) 开始"))
        #expect(seed.stdout.contains("共 21 项任务"))

        let dir = Fixture.directory()
        let broken = dir + "/2023计划.csv"
        try "具体任务,牵头单位,完成时限\n任务甲,法规科室,看情况再定\n任务乙,,12月底前\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["validate", broken, "--units", units])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("2023计划.csv!B2: 单位“法规科室”不在单位名册中。是否为“法规科”？"))
        #expect(bad.stdout.contains("2023计划.csv!C2"))
        #expect(bad.stdout.contains("2023计划.csv!B3: 没有填写牵头或责任单位"))

        let json = try CLI.run(["validate", broken, "--units", units, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["planYear"] as? Int == 2023)
        let tasks = object?["tasks"] as? [[String: Any]]
        #expect(tasks?.count == 2)
        // The contract's fields are all there (the JSON may carry more, as the ledger's does).
        let taskKeys = Set(tasks?.first?.keys.map { $0 } ?? []), deadlineKeys = Set((tasks?[1]["deadline"] as? [String: Any])?.keys.map { $0 } ?? [])
        #expect(taskKeys.isSuperset(of: ["id", "section", "task", "requirement", "units", "deadline"]))
        #expect(deadlineKeys.isSuperset(of: ["kind", "due", "text", "flags"]))
        #expect(tasks?.first?["requirement"] is NSNull || tasks?.first?["requirement"] is String)
        let issues = object?["issues"] as? [[String: Any]]
        #expect(Set(issues?.first?.keys.map { $0 } ?? []) == ["severity", "code", "file", "sheet", "cell", "message"])
        #expect(Set(issues?.compactMap { $0["code"] as? String } ?? []) == ["unknown-unit", "bad-deadline", "missing-unit"])

        let sheet = dir + "/问题.xlsx"
        #expect(try CLI.run(["validate", broken, "--units", units, "--format", "xlsx", "-o", sheet]).status == 1)
        let converted = try CLI.run(["convert", sheet, "-", "--encoding", "utf8"])
        #expect(converted.stdout.hasPrefix("级别,类别,文件,工作表,单元格,说明"))
        #expect(converted.stdout.contains("错误,单位不在名册,2023计划.csv,,B2,"))

        let noYear = dir + "/计划.csv"
        try "具体任务,牵头单位,完成时限\n任务甲,法规科,12月底前\n".write(toFile: noYear, atomically: true, encoding: .utf8)
        let unknownYear = try CLI.run(["validate", noYear])
        #expect(unknownYear.status == 2)
        #expect(unknownYear.stderr.contains("--year"))
        #expect(try CLI.run(["validate", noYear, "--year", "2023"]).status == 0)
        #expect(try CLI.run(["validate", dir + "/不存在.xlsx"]).status == 2)
    }

    @Test("split writes one template per unit that has tasks; a plan with errors is refused")
    func split() throws {
        let dir = Fixture.directory() + "/templates"
        let result = try CLI.run(["split", plan, "--units", CLI.repository + "/samples/units.yaml", "-o", dir])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files.count == 8)
        #expect(files.contains("法规科-任务反馈表.xlsx"))
        let inspect = try CLI.run(["inspect", dir + "/法规科-任务反馈表.xlsx"])
        #expect(inspect.stdout.contains("任务反馈"))

        let broken = Fixture.directory() + "/2023计划.csv"
        try "具体任务,牵头单位,完成时限\n任务甲,法规科室,12月底前\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["split", broken, "--units", CLI.repository + "/samples/units.yaml", "-o", Fixture.directory()])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("请先改正"))
    }

    @Test("merge: the sample round into a ledger workbook, CSV and JSON; the 汇总 printed; a missing return folder is exit 2")
    func merge() throws {
        let dir = Fixture.directory()
        let result = try CLI.run(["merge", plan, CLI.repository + "/samples/returns", "--units", CLI.repository + "/samples/units.yaml",
                                  "--as-of", "2023-07-10", "-o", dir + "/总台账.xlsx", "--csv", dir + "/总台账.csv", "--json", dir + "/总台账.json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("7 个单位已报送，1 个单位未报送"))
        #expect(result.stdout.contains("合计\t21"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/总台账.json"))) as? [String: Any]
        let ledgerKeys = Set(json?.keys.map { $0 } ?? [])
        #expect(ledgerKeys.isSuperset(of: ["asOf", "planYear", "tasks", "units", "issues", "returns"]))
        let returns = json?["returns"] as? [[String: Any]] ?? []
        // The folder's README.md is no return and its subfolder extra is not given: both listed as not read, never
        // skipped without a word.
        #expect(returns.count == 10)
        #expect(returns.filter { $0["unreadable"] != nil }.compactMap { $0["file"] as? String } == ["README.md", "extra"])
        for ret in returns {
            let read = ret["cellsRead"] as? Int ?? -1, merged = ret["cellsMerged"] as? Int ?? 0
            let unchanged = ret["cellsUnchanged"] as? Int ?? 0, reported = ret["cellsReported"] as? Int ?? 0
            #expect(read == merged + unchanged + reported)
        }
        let tasks = json?["tasks"] as? [[String: Any]] ?? []
        #expect(tasks.count == 21 && tasks.allSatisfy { $0["overdue"] is Bool && $0["status"] is String })
        let csv = try Data(contentsOf: URL(fileURLWithPath: dir + "/总台账.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let missing = try CLI.run(["merge", plan, dir + "/没有这个文件夹", "-o", dir + "/x.xlsx"])
        #expect(missing.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.xlsx"))
    }

    @Test("report: the briefing workbook and text from the merged JSON; a missing or foreign JSON is exit 2")
    func reportCommand() throws {
        let dir = Fixture.directory()
        #expect(try CLI.run(["merge", plan, CLI.repository + "/samples/returns", "--units", CLI.repository + "/samples/units.yaml",
                             "--as-of", "2023-12-15", "-o", dir + "/台账.xlsx", "--json", dir + "/台账.json", "-q"]).status == 0)
        let result = try CLI.run(["report", dir + "/台账.json", "-o", dir + "/简报.xlsx", "--text", dir + "/简报.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("截至12月15日，21项任务中已完成4项"))
        #expect(try String(contentsOfFile: dir + "/简报.txt", encoding: .utf8).contains("一、逾期事项（1项）"))
        #expect(FileManager.default.fileExists(atPath: dir + "/简报.xlsx"))
        #expect(try CLI.run(["report", dir + "/没有.json", "-o", dir + "/x.xlsx"]).status == 2)
        try "{\"x\": 1}".write(toFile: dir + "/别的.json", atomically: true, encoding: .utf8)
        let foreign = try CLI.run(["report", dir + "/别的.json", "-o", dir + "/x.xlsx"])
        #expect(foreign.status == 2)
        #expect(foreign.stderr.contains("不是 taizhang merge --json 生成的台账 JSON"))
        let judged = try CLI.run(["report", dir + "/台账.json", "-o", dir + "/简报2.xlsx", "--report-by", "2023-07-05", "--text", dir + "/简报2.txt"])
        #expect(judged.status == 0, "\(judged.stderr)")
        #expect(try String(contentsOfFile: dir + "/简报2.txt", encoding: .utf8).contains("按时报送：办公室、法规科、规划科、政务科"))
        let badDay = try CLI.run(["report", dir + "/台账.json", "-o", dir + "/x.xlsx", "--report-by", "7月5日"])
        #expect(badDay.status == 64)
        #expect(badDay.stderr.contains("--report-by 应写作 YYYY-MM-DD"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.xlsx"))
    }

    @Test("colour only on a terminal: red 错误： under a pty, plain into a file or with NO_COLOR",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pty"))
    func colourOnlyOnTerminal() throws {
        let missing = Fixture.directory() + "/没有.xlsx"
        let plain = try CLI.run(["inspect", missing])
        #expect(plain.status == 2)
        #expect(plain.stderr.hasPrefix("错误："))
        #expect(!plain.stderr.contains("\u{1B}"))
        // swift test sets NO_COLOR for its children; script(1) gives the command a terminal and copies what it printed to our standard output.
        let pty = try CLI.run(["--shell", "unset NO_COLOR; exec /usr/bin/script -qec \"'$0' inspect '$1'\" /dev/null", missing])
        #expect(pty.stdout.contains("\u{1B}[1;31m错误：\u{1B}[0m"), "\(pty.stdout)")
        let noColor = try CLI.run(["--shell", "NO_COLOR=1 exec /usr/bin/script -qec \"'$0' inspect '$1'\" /dev/null", missing])
        #expect(noColor.stdout.contains("错误："))
        #expect(!noColor.stdout.contains("\u{1B}"))
    }
}
