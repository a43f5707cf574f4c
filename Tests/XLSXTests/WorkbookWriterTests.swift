import Foundation
import TestSupport
import Testing
@testable import XLSX

@Suite("Streaming workbook writer")
struct WorkbookWriterTests {
    func path(_ name: String = "out.xlsx") -> String { Fixture.directory() + "/" + name }

    func readBack(_ path: String) throws -> (Workbook, [SheetContent]) {
        let workbook = try Workbook(path: path)
        return (workbook, try workbook.sheets.map { try workbook.read($0) })
    }

    @Test("values round-trip through our reader: text, numbers, booleans, dates, durations, errors, empty strings")
    func values() throws {
        let out = path()
        let writer = try WorkbookWriter(path: out)
        let sheet = try writer.addSheet("总台账")
        let values: [CellValue] = [
            .text("法规科"), .number(0.1 + 0.2), .number(-42), .bool(false), .date(ExcelDateTime(year: 2023, month: 11, day: 30)),
            .date(ExcelDateTime(year: 2023, month: 3, day: 15, millisecondOfDay: 8 * 3_600_000 + 30 * 60_000)),
            .duration(milliseconds: 90_061_000), .error("#N/A"), .text(""), .text("a & b < c > d \"e\""),
            .text("  两端空格  "), .text("换行\r\n第二行\t制表"), .text("字面 _x000D_ 不是转义"), .text("\u{1}控制字符"),
            .date(ExcelDateTime(year: 1899, month: 12, day: 31)), .date(ExcelDateTime(year: 1899, month: 12, day: 30, millisecondOfDay: 3_600_000, isTimeOnly: true)),
        ]
        try sheet.append(values: values)
        try writer.close()
        let (_, contents) = try readBack(out)
        let row = try #require(contents.first?.rows.first)
        #expect(row.cells.map(\.value) == values)
    }

    @Test("inline strings as an option read back the same")
    func inlineStrings() throws {
        let out = path()
        let writer = try WorkbookWriter(path: out, options: WriterOptions(sharedStrings: false))
        try writer.addSheet("S").append(values: [.text("内联"), .text(""), .number(1)])
        try writer.close()
        #expect(try readBack(out).1[0].rows[0].cells.map(\.value) == [.text("内联"), .text(""), .number(1)])
        #expect(try Workbook(path: out).sharedStrings().count == 0)
    }

    @Test("sheet structure: several sheets in order, merges, column widths, hidden rows, number formats")
    func structure() throws {
        let out = path()
        let writer = try WorkbookWriter(path: out)
        let percent = writer.style(CellFormat(numberFormat: "0.00%"))
        let chineseDate = writer.style(CellFormat(numberFormat: "yyyy\"年\"m\"月\"d\"日\""))
        let first = try writer.addSheet("汇总")
        let second = try writer.addSheet("逾期事项")
        try first.append([Cell(column: 1, value: .text("一、基础")), Cell(column: 2, value: .number(0.875), style: percent)])
        try first.append([Cell(column: 2, value: .date(ExcelDateTime(year: 2023, month: 12, day: 31)), style: chineseDate)], row: 3, hidden: true)
        try first.merge(CellRange("A1:A3")!)
        first.setColumn(1, width: ColumnWidth.estimate("一、优化政务公开工作基础"))
        try second.append(values: [.text("无")])
        try writer.close()

        let (workbook, contents) = try readBack(out)
        #expect(workbook.sheets.map(\.name) == ["汇总", "逾期事项"])
        #expect(contents[0].mergedRanges.map(\.description) == ["A1:A3"])
        #expect(contents[0].rows.map(\.number) == [1, 3])
        #expect(contents[0].rows[1].isHidden)
        #expect(contents[0].columns.first?.width == 26)
        let styles = try workbook.styles()
        #expect(styles.formatCode(ofStyle: contents[0].rows[0].cells[1].style) == "0.00%")
        #expect(styles.formatCode(ofStyle: contents[0].rows[1].cells[0].style) == "yyyy\"年\"m\"月\"d\"日\"")
        #expect(contents[0].rows[1].cells[0].value == .date(ExcelDateTime(year: 2023, month: 12, day: 31)))
    }

    @Test("the same data written twice gives identical bytes")
    func deterministic() throws {
        func write(_ out: String) throws -> Data {
            let writer = try WorkbookWriter(path: out, options: WriterOptions(properties: DocumentProperties(title: "台账", custom: [("填报单位", "法规科")])))
            let bold = writer.style(CellFormat(bold: true, fill: "D9D9D9"))
            let sheet = try writer.addSheet("总台账")
            try sheet.append(values: [.text("序号"), .text("任务")], style: bold)
            for r in 1...30_000 { try sheet.append(values: [.number(Double(r)), .text("任务\(r % 977)"), .date(ExcelDateTime(year: 2023, month: 1 + r % 12, day: 1))]) }
            try sheet.merge(CellRange("B2:B3")!)
            sheet.freeze(rows: 1)
            try writer.close()
            return try Data(contentsOf: URL(fileURLWithPath: out))
        }
        let a = try write(path("a.xlsx")), b = try write(path("b.xlsx"))
        #expect(a.count > 100_000)
        #expect(a == b)
    }

    @Test("zip entries: fixed 1980-01-01 times, sizes in the local headers (no data descriptors), no ZIP64")
    func zipLayout() throws {
        let out = path()
        let writer = try WorkbookWriter(path: out)
        try writer.addSheet("S").append(values: [.text("x")])
        try writer.close()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
        var offset = 0, entries = 0
        while offset + 30 <= bytes.count, bytes[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
            func u16(_ at: Int) -> Int { Int(bytes[offset + at]) | Int(bytes[offset + at + 1]) << 8 }
            func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
            #expect(u16(6) & 0x08 == 0, "data descriptor flag")
            #expect(u16(10) == 0 && u16(12) == 0x21, "DOS time 00:00, date 1980-01-01")
            #expect(u16(4) < 45, "version needed below ZIP64's 4.5")
            let extra = Array(bytes[(offset + 30 + u16(26))..<(offset + 30 + u16(26) + u16(28))])
            #expect(!(extra.count >= 2 && extra[0] == 1 && extra[1] == 0), "ZIP64 extra field")
            offset += 30 + u16(26) + u16(28) + u32(18)
            entries += 1
        }
        #expect(entries >= 8)
        #expect(bytes.starts(with: Array("PK".utf8)))
    }

    @Test("Excel's sheet-name rules are refused before writing", arguments: [
        ("", "invalid-sheet-name"), ("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二", "invalid-sheet-name"),
        ("a/b", "invalid-sheet-name"), ("[x]", "invalid-sheet-name"), ("'引号", "invalid-sheet-name"), ("问号?", "invalid-sheet-name"),
        ("SHEET", "duplicate-sheet-name"),
    ])
    func sheetNames(name: String, code: String) throws {
        let writer = try WorkbookWriter(path: path())
        _ = try writer.addSheet("Sheet")
        #expect(throws: XLSXWriteError.self) { _ = try writer.addSheet(name) }
        do { _ = try writer.addSheet(name) } catch let error as XLSXWriteError { #expect(error.code == code) }
    }

    @Test("cell limits: strings over 32,767 characters, rows past 1,048,576, columns past XFD, rows out of order")
    func cellLimits() throws {
        let writer = try WorkbookWriter(path: path())
        let sheet = try writer.addSheet("S")
        func code(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let error as XLSXWriteError { return error.code } catch { return "\(error)" }
        }
        #expect(code { try sheet.append(values: [.text(String(repeating: "字", count: 32_768))]) } == "string-too-long")
        #expect(code { try sheet.append(values: [.text(String(repeating: "字", count: 32_767))], row: 2) } == nil)
        #expect(code { try sheet.append([Cell(column: 16_385, value: .number(1))], row: 3) } == "column-out-of-range")
        #expect(code { try sheet.append(values: [.number(1)], row: 1_048_577) } == "row-out-of-range")
        #expect(code { try sheet.append(values: [.number(1)], row: 10) } == nil)
        #expect(code { try sheet.append(values: [.number(1)], row: 5) } == "rows-out-of-order")
    }

    @Test("overlapping merges and over-long dropdowns are refused, with the ranges named")
    func mergesAndDropdowns() throws {
        let writer = try WorkbookWriter(path: path())
        let sheet = try writer.addSheet("S")
        try sheet.merge(CellRange("A2:A21")!)
        try sheet.merge(CellRange("A22:A41")!)
        #expect(throws: XLSXWriteError.overlappingMerge(sheet: "S", range: "A20:B22", existing: "A2:A21")) { try sheet.merge(CellRange("A20:B22")!) }
        try sheet.merge(CellRange("C1:D1")!)
        #expect(throws: XLSXWriteError.self) { try sheet.merge(CellRange("D1:E5")!) }
        let items = (1...60).map { "选项\($0)" }
        #expect(throws: XLSXWriteError.self) { try sheet.addDropdown(Dropdown(range: CellRange("E2:E9")!, items: items)) }
        #expect(throws: XLSXWriteError.invalidDropdownItem(sheet: "S", item: "a,b")) { try sheet.addDropdown(Dropdown(range: CellRange("E2")!, items: ["a,b"])) }
        try sheet.addDropdown(Dropdown(range: CellRange("E2:E9")!, items: ["已完成", "推进中", "滞后", "未启动"]))
    }

    @Test("an unwritable folder fails at once; nothing is left behind")
    func unwritableFolder() throws {
        #expect(throws: XLSXWriteError.self) { _ = try WorkbookWriter(path: "/nonexistent-folder/台账.xlsx") }
    }

    @Test("a full disk: the error names the file, the old target is untouched, no temporary file remains")
    func fullDisk() throws {
        let dir = Fixture.directory() + "/small"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]
        mount.standardError = FileHandle.nullDevice
        try? mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            // Without root (or tmpfs) a small disk cannot be made; the CLI test covers a write that fails
            // midway with a file-size limit instead. As root this test must run.
            #expect(getuid() != 0, "mounting a tmpfs failed although running as root")
            return
        }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [dir]
            try? umount.run()
            umount.waitUntilExit()
        }
        let target = dir + "/台账.xlsx"
        try Data("旧文件".utf8).write(to: URL(fileURLWithPath: target))
        let writer = try WorkbookWriter(path: target)
        let sheet = try writer.addSheet("S")
        // Unique random-looking text does not compress, so the package outgrows the 64 KiB disk.
        var generator = SplitMix(seed: 7)
        for r in 1...4000 { try sheet.append(values: [.text(String(generator.next(), radix: 36) + String(r))]) }
        #expect(throws: XLSXWriteError.self) { try writer.close() }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "旧文件")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["台账.xlsx"])
    }

    @Test("a refused write leaves no target and no spooled parts behind")
    func nothingLeftBehind() throws {
        let spool = Fixture.directory()
        let folder = Fixture.directory()
        do {
            var options = WriterOptions()
            options.temporaryDirectory = spool
            let writer = try WorkbookWriter(path: folder + "/台账.xlsx", options: options)
            let sheet = try writer.addSheet("S")
            for r in 1...5000 { try sheet.append(values: [.text("任务\(r)"), .number(Double(r))]) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: spool).count == 2, "the sheet and shared strings spool while writing")
            #expect(throws: XLSXWriteError.self) { try sheet.append(values: [.text(String(repeating: "长", count: 40_000))]) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("column widths count CJK characters as two")
    func widths() {
        #expect(ColumnWidth.estimate("abcd") == 6)
        #expect(ColumnWidth.estimate("法规科政务科") == 14)
        #expect(ColumnWidth.estimate("一行\n更长的第二行") == 14)
        #expect(ColumnWidth.estimate(String(repeating: "长", count: 100)) == 60)
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
