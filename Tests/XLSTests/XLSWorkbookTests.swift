import Foundation
import TestSupport
import Testing
@testable import XLS
import XLSX

typealias X = XLSFixture

/// Each case is a file built record by record, so that every path of the reader is pinned.
@Suite("Legacy .xls reader")
struct XLSWorkbookTests {
    static let strings = ["序号", "任务", "落实政务公开工作要点，推进基层政务公开标准化规范化建设", "Café", String(repeating: "长", count: 40)]

    /// Formats: XF 0 general, 1 built-in 14 (date), 2 CJK built-in 31 (yyyy年m月d日), 3 custom date, 4 custom number, 5 [h]:mm.
    static let globals: [UInt8] = Array([
        X.record(0x0042, X.le16(1200)),
        X.record(0x041E, X.le16(164) + X.unicode("yyyy\"年\"m\"月\"d\"日\"")),
        X.record(0x041E, X.le16(165) + X.unicode("0.00_ ")),
        X.record(0x041E, X.le16(166) + X.unicode("[h]:mm")),
        [0, 14, 31, 164, 165, 166].flatMap { X.xf(format: $0) },
        X.sst(strings, limit: 60),
    ].joined())

    static let noResult: [UInt8] = [UInt8](repeating: 0, count: 6)

    static let sheet: [UInt8] = Array([
        X.record(0x0208, [2, 0, 0, 0, 3, 0, 255, 0, 0, 0, 0, 0, 0x20, 0, 0, 0]),
        X.record(0x00FD, X.cell(0, 0) + X.le32(0)),
        X.record(0x00FD, X.cell(0, 1) + X.le32(1)),
        X.record(0x027E, X.cell(1, 0) + X.le32(7 << 2 | 2)),
        X.record(0x00FD, X.cell(1, 1) + X.le32(2)),
        X.record(0x0203, X.cell(1, 2, xf: 1) + X.double(45_000)),
        X.record(0x0203, X.cell(1, 3, xf: 2) + X.double(45_001.5)),
        X.record(0x027E, X.cell(1, 4, xf: 3) + X.le32(45_002 << 2 | 2)),
        // MULRK: 12.34 (×100), -5 and 0.5 (a double's top bits), then a duration of 36 hours.
        X.record(0x00BD, Array([
            X.le16(2), X.le16(0),
            X.le16(4), X.le32(1234 << 2 | 3),
            X.le16(0), X.le32(UInt32(bitPattern: -5 << 2 | 2)),
            X.le16(0), X.le32(UInt32((0.5).bitPattern >> 32)),
            X.le16(5), X.le32(UInt32((1.5).bitPattern >> 32)),
            X.le16(3),
        ].joined())),
        X.record(0x0205, X.cell(3, 0) + [1, 0]),
        X.record(0x0205, X.cell(3, 1) + [0x2A, 1]),
        // Formulas: a number, a string (in the STRING record after it), a boolean, an error, an empty string.
        X.record(0x0006, X.cell(4, 0) + X.double(3) + noResult),
        X.record(0x0006, X.cell(4, 1) + [0, 0, 0, 0, 0, 0, 0xFF, 0xFF] + noResult),
        X.record(0x0207, X.unicode("完成率 80%")),
        X.record(0x0006, X.cell(4, 2) + [1, 0, 1, 0, 0, 0, 0xFF, 0xFF] + noResult),
        X.record(0x0006, X.cell(4, 3) + [2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF] + noResult),
        X.record(0x0006, X.cell(4, 4) + [3, 0, 0, 0, 0, 0, 0xFF, 0xFF] + noResult),
        X.record(0x0204, X.cell(5, 0) + X.unicode("标签文本")),
        // An embedded chart's substream: its records are not cells of the sheet.
        X.bof(type: 0x20), X.record(0x0203, X.cell(9, 9) + X.double(99)), X.eof,
        X.record(0x00E5, [2, 0, 5, 0, 6, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0]),
    ].joined())

    static func write(_ bytes: [UInt8], name: String = "计划表.xls") throws -> String {
        let path = Fixture.directory() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func book(globals: [UInt8] = globals, date1904: Bool = false) throws -> XLSWorkbook {
        let stream = X.workbook(globals: globals + (date1904 ? X.record(0x0022, X.le16(1)) : []),
                                sheets: [("工作表1", 0, sheet), ("隐藏", 1, X.record(0x0203, X.cell(0, 0) + X.double(1)))])
        return try XLSWorkbook(path: try write(X.compoundFile([("Workbook", stream)])), displayName: "计划表.xls")
    }

    @Test("BIFF8: sheets with visibility, shared strings across CONTINUE records, every kind of cell, merged ranges, hidden rows")
    func biff8() throws {
        let book = try Self.book()
        #expect(book.biffVersion == 8)
        #expect(book.codePage == 1200)
        #expect(book.sheets.map(\.name) == ["工作表1", "隐藏"])
        #expect(book.sheets.map(\.visibility) == [.visible, .hidden])
        let content = try book.read(book.sheets[0])
        let text = content.rows.map { row in row.cells.map { "\(CellReference(row: row.number, column: $0.column))=\($0.value.text)" } }
        #expect(text == [
            ["A1=序号", "B1=任务"],
            ["A2=7", "B2=" + Self.strings[2], "C2=2023-03-15", "D2=2023-03-16T12:00:00", "E2=2023-03-17"],
            ["A3=12.34", "B3=-5", "C3=0.5", "D3=36:00:00"],
            ["A4=TRUE", "B4=#N/A"],
            ["A5=3", "B5=完成率 80%", "C5=TRUE", "D5=#DIV/0!"],
            ["A6=标签文本"],
        ])
        #expect(content.rows.map(\.isHidden) == [false, false, true, false, false, false])
        #expect(content.mergedRanges.map(\.description) == ["A6:C7", "D1:E1"])
        #expect(try book.read(book.sheets[1]).rows.first?.cells.first?.value == .number(1))
    }

    @Test("the 1904 date system moves dates by 1462 days, as Excel for Mac wrote them")
    func dateMode1904() throws {
        let book = try Self.book(date1904: true)
        #expect(book.dateSystem == .system1904)
        #expect(try book.read(book.sheets[0]).rows[1].cells[2].value.text == "2027-03-16")
    }

    @Test("shared strings cut anywhere: compressed and UTF-16 characters (surrogate pairs too) going on in the next CONTINUE read whole", arguments: [9, 10, 11, 12, 17, 33, 100])
    func continueBoundaries(limit: Int) throws {
        let strings = ["Café au lait", "政务公开标准化规范化", "mixed 中文 text", "", "x", "扩展𠀀汉字𡃁", "ÿ"]
        let sheet = strings.indices.flatMap { X.record(0x00FD, X.cell($0, 0) + X.le32(UInt32($0))) }
        let stream = X.workbook(globals: X.xf(format: 0) + X.sst(strings, limit: limit), sheets: [("S", 0, sheet)])
        let book = try XLSWorkbook(bytes: X.compoundFile([("Workbook", stream)]), displayName: "s.xls")
        #expect(try book.read(book.sheets[0]).rows.map { $0.cells[0].value.text } == ["Café au lait", "政务公开标准化规范化", "mixed 中文 text", "x", "扩展𠀀汉字𡃁", "ÿ"])
    }

    @Test("BIFF5 (Excel 95) text in the workbook's code page: GBK sheet names and labels")
    func biff5GBK() throws {
        let gbkName: [UInt8] = [0xB9, 0xA4, 0xD7, 0xF7, 0xB1, 0xED]  // 工作表
        let gbkLabel: [UInt8] = [0xC8, 0xCE, 0xCE, 0xF1]  // 任务
        let sheet = X.record(0x0204, X.cell(0, 0) + X.le16(UInt16(gbkLabel.count)) + gbkLabel) + X.record(0x0203, X.cell(0, 1) + X.double(2.5))
        let stream = X.workbook(globals: X.record(0x0042, X.le16(936)) + X.xf(format: 0), sheets: [("", 0, sheet)], version: 0x0500, rawNames: [gbkName])
        let book = try XLSWorkbook(bytes: X.compoundFile([("Book", stream)]), displayName: "旧表.xls")
        #expect(book.biffVersion == 5)
        #expect(book.sheets.map(\.name) == ["工作表"])
        #expect(try book.read(book.sheets[0]).rows[0].cells.map(\.value.text) == ["任务", "2.5"])
    }

    @Test("an encrypted workbook, a Word file, and Excel 4 each get a message that names the file and says what to do")
    func refusals() throws {
        let encrypted = X.workbook(globals: X.record(0x002F, [0, 0]), sheets: [])
        let error = #expect(throws: XLSReadError.self) { try XLSWorkbook(bytes: X.compoundFile([("Workbook", encrypted)]), displayName: "加密.xls") }
        #expect(error?.kind == .encrypted)
        #expect(error?.description.contains("加密.xls") == true && error?.description.contains("去除密码") == true)

        let word = #expect(throws: XLSReadError.self) { try XLSWorkbook(bytes: X.compoundFile([("WordDocument", [1, 2, 3])]), displayName: "通知.doc") }
        #expect(word?.description.contains("另存为 .xlsx") == true)

        let biff4 = X.record(0x0409, X.le16(0) + X.le16(0x10)) + X.eof
        let old = #expect(throws: XLSReadError.self) { try XLSWorkbook(bytes: X.compoundFile([("Book", biff4)]), displayName: "excel4.xls") }
        guard case .unsupported? = old?.kind else { Issue.record("\(String(describing: old))"); return }
    }

    @Test("the property streams beside the workbook: last save time and custom properties such as 填报单位, in UTF-8 (a return re-saved as .xls by LibreOffice)")
    func properties() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/legacy")
        let book = try XLSWorkbook(path: fixtures.appendingPathComponent("法规科-任务反馈表.xls").path)
        #expect(book.properties.custom["填报单位"] == "法规科")
        #expect(book.properties.custom["计划年度"] == "2023")
        #expect(book.properties.lastSaved?.description == "2023-07-04T08:12:00")
        // Files without the streams have none of it, and nothing fails.
        #expect(try Self.book().properties == PropertySets())
    }

    @Test("a huge number under an elapsed-time format is a number, not a crash (found by make fuzz)")
    func durationOverflow() throws {
        let globals = X.record(0x041E, X.le16(166) + X.unicode("[h]:mm")) + X.xf(format: 0) + X.xf(format: 166)
        let sheet = X.record(0x0203, X.cell(0, 0, xf: 1) + X.double(1e300)) + X.record(0x0203, X.cell(0, 1, xf: 1) + X.double(.infinity))
            + X.record(0x0203, X.cell(0, 2, xf: 1) + X.double(1.5))
        let book = try XLSWorkbook(bytes: X.compoundFile([("Workbook", X.workbook(globals: globals, sheets: [("S", 0, sheet)]))]), displayName: "d.xls")
        #expect(try book.read(book.sheets[0]).rows[0].cells.map(\.value) == [.number(1e300), .number(.infinity), .duration(milliseconds: 129_600_000)])
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")
        let found = try XLSWorkbook(path: fixtures.appendingPathComponent("xls-duration-overflow.xls").path)
        for sheet in found.sheets { _ = try? found.read(sheet) }
    }

    @Test("hostile containers are refused or bounded at once: a FAT cycle, a chain past the end, huge declared sizes and counts, a bad SST index")
    func hostile() throws {
        let stream = X.workbook(globals: Self.globals, sheets: [("S", 0, Self.sheet)])
        let clock = ContinuousClock()
        let started = clock.now
        // A cycle: the stream's second sector points back to its first.
        let cycle = X.compoundFile([("Workbook", stream)]) { fat in fat[1] = 0 }
        #expect(throws: XLSReadError.self) { try XLSWorkbook(bytes: cycle, displayName: "cycle.xls") }
        // A sector number past the end of the file.
        let past = X.compoundFile([("Workbook", stream)]) { fat in fat[1] = 1_000_000 }
        #expect(throws: XLSReadError.self) { try XLSWorkbook(bytes: past, displayName: "past.xls") }
        // A FAT sector count larger than the file is read as far as the file goes, as other readers do.
        var huge = X.compoundFile([("Workbook", stream)])
        huge.replaceSubrange(0x2C..<0x30, with: X.le32(0x7FFF_FFFF))
        #expect(try XLSWorkbook(bytes: huge, displayName: "huge.xls").sheets.count == 1)
        // A declared stream size of 4 GB is cut to what its chain holds.
        var declared = X.compoundFile([("Workbook", stream)])
        let directory = Int(CompoundFile.u32(declared, 0x30)) + 1
        declared.replaceSubrange((directory * 512 + 128 + 0x78)..<(directory * 512 + 128 + 0x7C), with: X.le32(0xFFFF_FFF0))
        #expect(try XLSWorkbook(bytes: declared, displayName: "declared.xls").sheets.count == 1)
        // A cell that names shared string 1,000,000 of five.
        let badIndex = X.workbook(globals: Self.globals, sheets: [("S", 0, X.record(0x00FD, X.cell(0, 0) + X.le32(1_000_000)))])
        let book = try XLSWorkbook(bytes: X.compoundFile([("Workbook", badIndex)]), displayName: "index.xls")
        let error = #expect(throws: XLSReadError.self) { try book.read(book.sheets[0]) }
        #expect(error?.description.contains("index.xls 工作表“S”") == true && error?.description.contains("A1") == true)
        // An SST that claims four billion strings in a few bytes.
        let claim = X.record(0x00FC, X.le32(0xFFFF_FFFF) + X.le32(0xFFFF_FFFF) + X.unicode("a"))
        let many = X.workbook(globals: claim, sheets: [("S", 0, [])])
        #expect(try XLSWorkbook(bytes: X.compoundFile([("Workbook", many)]), displayName: "sst.xls").sheets.count == 1)
        #expect(clock.now - started < .seconds(2))
    }
}
