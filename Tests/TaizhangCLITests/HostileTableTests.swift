import Foundation
import Testing
import TestSupport
import XLSX

/// Crafted plans and returns through `validate` and `merge`: each is answered (read, or refused with
/// 文件过大或异常) within 2 s and 300 MB of the program's own peak memory, and never stops a round.
@Suite("Hostile tables through validate and merge")
struct HostileTableTests {
    /// A sheet's cells as inline strings and numbers, row by row from row 1, then `after` (merges).
    static func sheet(_ rows: [[String]], after: String = "") -> String {
        var xml = ""
        for (r, row) in rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, text) in row.enumerated() where !text.isEmpty {
                let ref = CellReference(row: r + 1, column: c + 1).description
                xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</t></is></c>"
            }
            xml += "</row>"
        }
        return Fixture.sheet(xml, after: after)
    }

    /// The cells of a bundled sample's first sheet as text.
    static func sample(_ path: String) throws -> [[String]] {
        let workbook = try Workbook(path: CLI.repository + "/samples/" + path)
        let content = try workbook.read(workbook.sheets[0])
        return content.rows.map { row in
            var texts = [String](repeating: "", count: row.cells.last?.column ?? 0)
            for cell in row.cells { texts[cell.column - 1] = cell.value.text }
            return texts
        }
    }

    static func merges(_ refs: [String]) -> String {
        "<mergeCells count=\"\(refs.count)\">" + refs.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
    }

    /// Runs a command with --verbose and checks the time and peak memory it took.
    static func answered(_ arguments: [String], _ label: String) throws -> CLI.Result {
        // Bounded here too, so that a regression fails the test instead of hanging it.
        let result = try CLI.run(["--shell", "ulimit -v 4000000; exec timeout 30 \"$0\" \"$@\""] + arguments + ["--verbose"])
        #expect(result.seconds < 2, "\(label) took \(result.seconds) s")
        let peak = try #require(result.stderr.firstMatch(of: /峰值内存 ([0-9.]+) MB/).flatMap { Double($0.1) }, "\(label): \(result.stderr)")
        #expect(peak < 300, "\(label) took \(peak) MB")
        return result
    }

    /// The plan and one return (as 法规科's), each with hostile parts, as files in a fresh folder.
    struct Case {
        var name: String
        var plan: ZipBuilder
        var ret: ZipBuilder
        /// A word the answer must hold: the note or the error.
        var says: String
        var planReads: Bool
    }

    static func cases() throws -> [Case] {
        let plan = try sample("plan-2023.xlsx")
        let ret = try sample("returns/法规科-任务反馈表.xlsx")
        let planMerges = ["A1:E1", "A3:A11", "B8:B9"]
        let retMerges = ["A1:L1"]
        // One long shared string in every data cell of a sheet of 20,000 rows.
        let long = String(repeating: "长", count: 100_000)
        var bombRows = "<row r=\"1\">" + ["序号", "工作任务", "牵头单位", "完成时限"].enumerated().map { i, h in
            "<c r=\"\(CellReference(row: 1, column: i + 1))\" t=\"inlineStr\"><is><t>\(h)</t></is></c>"
        }.joined() + "</row>"
        for r in 2...20_001 { bombRows += "<row r=\"\(r)\">" + (1...4).map { "<c r=\"\(CellReference(row: r, column: $0))\" t=\"s\"><v>0</v></c>" }.joined() + "</row>" }
        let bomb = Fixture.package(sheets: [("S", Fixture.sheet(bombRows))], sharedStrings: "<si><t>\(long)</t></si>")
        // A value in the sheet's last cell makes the whole sheet the table's extent.
        let far = "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>末</t></is></c></row>"
        func withFar(_ rows: [[String]], _ refs: [String]) -> String {
            sheet(rows, after: "").replacingOccurrences(of: "</sheetData>", with: far + "</sheetData>" + merges(refs))
        }
        return [
            Case(name: "whole-sheet merge", plan: Fixture.package(sheets: [("工作表1", sheet(plan, after: merges(planMerges + ["A1:XFD1048576"])))]),
                 ret: Fixture.package(sheets: [("任务反馈", sheet(ret, after: merges(retMerges + ["A1:XFD1048576"])))]),
                 says: "远超表格实际范围", planReads: true),
            Case(name: "title merged over every column", plan: Fixture.package(sheets: [("工作表1", sheet(plan, after: merges(Array(planMerges.dropFirst()) + ["A1:XFD1"])))]),
                 ret: Fixture.package(sheets: [("任务反馈", sheet(ret, after: merges(["A1:XFD1"])))]),
                 says: "远超表格实际范围", planReads: true),
            Case(name: "whole-sheet merge over a sheet with a value in its last cell",
                 plan: Fixture.package(sheets: [("工作表1", withFar(plan, ["A1:XFD1048576"]))]),
                 ret: Fixture.package(sheets: [("任务反馈", withFar(ret, ["A1:XFD1048576"]))]),
                 says: "文件过大或异常", planReads: false),
            Case(name: "one long shared string in every cell", plan: bomb, ret: bomb, says: "文件过大或异常", planReads: false),
            Case(name: "a sheet of 250 MB", plan: try Self.large(), ret: try Self.large(), says: "文件过大或异常", planReads: false),
        ]
    }

    /// A plan whose sheet inflates to 250 MB: refused from the zip's declared size before a row is read.
    static func large() throws -> ZipBuilder {
        let (data, size) = DeflateBomb.stream(prefix: "<worksheet xmlns=\"\(Fixture.main)\"><sheetData><row r=\"1\">", unit: "<c/>",
                                              matches: 250_000_000 / 258, suffix: "</row></sheetData></worksheet>")
        var zip = Fixture.package(sheets: [("S", "")])
        zip.entries.removeAll { $0.name == "xl/worksheets/sheet1.xml" }
        zip.add(ZipBuilder.Entry(name: "xl/worksheets/sheet1.xml", data: data, method: 8, declaredSize: UInt32(size), crc: 0))
        return zip
    }

    @Test("validate and merge answer each crafted plan and return within 2 s and 300 MB; a bad return never stops the round")
    func crafted() throws {
        for item in try Self.cases() {
            let dir = Fixture.directory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let plan = dir + "/计划表2023.xlsx"
            try item.plan.write(to: plan)
            let validated = try Self.answered(["validate", plan, "--year", "2023"], "validate, \(item.name)")
            #expect(item.planReads == (validated.stdout.contains("共 21 项任务")), "\(item.name): \(validated.stdout)\(validated.stderr)")
            #expect((validated.stdout + validated.stderr).contains(item.says), "\(item.name): \(validated.stdout)\(validated.stderr)")

            try FileManager.default.createDirectory(atPath: dir + "/反馈", withIntermediateDirectories: true)
            try item.ret.write(to: dir + "/反馈/法规科-任务反馈表.xlsx")
            try FileManager.default.copyItem(atPath: CLI.repository + "/samples/returns/政务科-任务反馈表.xlsx", toPath: dir + "/反馈/政务科-任务反馈表.xlsx")
            let merged = try Self.answered(["merge", CLI.repository + "/samples/plan-2023.xlsx", dir + "/反馈", "-o", dir + "/台账.xlsx",
                                            "--json", dir + "/台账.json", "--as-of", "2023-12-15"], "merge, \(item.name)")
            #expect(merged.status <= 1, "\(item.name): \(merged.stderr)")
            let json = try String(contentsOfFile: dir + "/台账.json", encoding: .utf8)
            #expect(json.contains(item.says), "\(item.name)")
            // The other unit's return is merged whatever happened to this one.
            #expect(json.contains("政务科-任务反馈表.xlsx"))
        }
    }

    @Test("crafted .xls plans and returns (a FAT cycle, half a million cells in MULRK records past a 64 MB budget) are answered within 2 s and 300 MB")
    func craftedXLS() throws {
        typealias X = XLSFixture
        let header = ["序号", "工作任务", "牵头单位", "完成时限"]
        let sst = X.sst(header)
        let headerRow = header.indices.flatMap { X.record(0x00FD, X.cell(0, $0) + X.le32(UInt32($0))) }
        var flood: [UInt8] = []
        flood.reserveCapacity(3_100_000)
        let cells = (0..<255).flatMap { X.le16(0) + X.le32(UInt32($0) << 2 | 2) }
        for r in 1...2_000 { flood += X.record(0x00BD, X.le16(UInt16(r)) + X.le16(0) + cells + X.le16(254)) }
        let stream = X.workbook(globals: X.xf(format: 0) + sst, sheets: [("工作表1", 0, headerRow + flood)])
        let cycle = X.compoundFile([("Workbook", X.workbook(globals: X.xf(format: 0) + sst, sheets: [("工作表1", 0, headerRow)]))]) { $0[1] = 0 }
        // 510,000 cells: more than a 64 MB budget holds (64 MB / 160 bytes a cell).
        for (name, bytes, says) in [("half a million cells", X.compoundFile([("Workbook", stream)]), "文件过大或异常"), ("FAT cycle", cycle, "已损坏或异常")] {
            let dir = Fixture.directory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try Data(bytes).write(to: URL(fileURLWithPath: dir + "/计划表2023.xls"))
            let validated = try Self.answered(["validate", dir + "/计划表2023.xls", "--max-memory", "64"], "validate, \(name)")
            #expect(validated.status == 2 && validated.stderr.contains(says), "\(name): \(validated.stderr)")
            try FileManager.default.createDirectory(atPath: dir + "/反馈", withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: dir + "/反馈/法规科-任务反馈表.xls"))
            let merged = try Self.answered(["merge", CLI.repository + "/samples/plan-2023.xlsx", dir + "/反馈", "-o", dir + "/台账.xlsx",
                                            "--json", dir + "/台账.json", "--as-of", "2023-12-15", "--max-memory", "64"], "merge, \(name)")
            #expect(merged.status <= 1, "\(name): \(merged.stderr)")
            #expect(try String(contentsOfFile: dir + "/台账.json", encoding: .utf8).contains(says), "\(name)")
        }
    }

    @Test("--max-memory bounds reading: a plan over it is refused naming the file, sheet and row; the default reads it")
    func budget() throws {
        // Task text in the shared-string table: the sheet's XML stays small while its cells' text does not.
        let text = String(repeating: "完善政务公开制度，持续推进基层政务公开标准化规范化。", count: 10)
        var xml = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\">"
            + ["序号", "工作任务", "牵头单位", "完成时限"].enumerated().map { "<c r=\"\(CellReference(row: 2, column: $0 + 1))\" t=\"inlineStr\"><is><t>\($1)</t></is></c>" }.joined() + "</row>"
        for r in 3...20_002 {
            xml += "<row r=\"\(r)\"><c r=\"A\(r)\"><v>\(r - 2)</v></c><c r=\"B\(r)\" t=\"s\"><v>1</v></c><c r=\"C\(r)\" t=\"s\"><v>2</v></c><c r=\"D\(r)\" t=\"s\"><v>3</v></c></row>"
        }
        let dir = Fixture.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plan = dir + "/计划表.xlsx"
        try Fixture.package(sheets: [("工作表1", Fixture.sheet(xml))],
                            sharedStrings: ["2023年重点工作任务", text, "办公室", "12月底前"].map { "<si><t>\($0)</t></si>" }.joined()).write(to: plan)
        let refused = try CLI.run(["validate", plan, "--max-memory", "16"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("计划表.xlsx 工作表1!A"), "\(refused.stderr)")
        #expect(refused.stderr.contains("文件过大或异常") && refused.stderr.contains("--max-memory"))
        let read = try CLI.run(["validate", plan])
        #expect(read.stdout.contains("共 20000 项任务"), "\(read.stdout)\(read.stderr)")
        #expect(try CLI.run(["validate", plan, "--max-memory", "2"]).status == 64)
    }
}
