import Foundation
import Ledger
import Reports
import Table
import TestSupport
import Testing
import XLSX

/// Every agreed corpus workbook, copied by our writer (xlsx→xlsx), must read back in openpyxl with the
/// oracle's values: an independent reader checks that what we write is what we meant.
@Suite("Writer round trip through openpyxl")
struct OpenpyxlRoundTripTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func python() throws -> String { try Openpyxl.python() }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], output: Pipe? = nil) -> Int32 { Openpyxl.run(executable, arguments, output: output) }

    @Test("xlsx→xlsx copies of every agreed corpus file read back in openpyxl as the oracle")
    func roundTrip() throws {
        let corpus = try #require(Corpus.locate(), "../shared/corpus not found; set TAIZHANG_CORPUS")
        let python = try Self.python()
        let dir = NSTemporaryDirectory() + "taizhang-roundtrip-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var pairs = ""
        var copied = 0
        for (i, entry) in corpus.entries.enumerated() where entry.agree == "true" {
            let copy = "\(dir)/\(i).xlsx"
            let workbook = try Workbook(path: corpus.path(entry), displayName: entry.file)
            let writer = try WorkbookWriter(path: copy)
            do {
                _ = try WorkbookCopy.copy(workbook, to: writer)
            } catch is SheetExport.RowsOutOfOrder {
                let again = try WorkbookWriter(path: copy)
                _ = try WorkbookCopy.copy(workbook, to: again, buffered: true)
                try again.close()
                pairs += "\(copy)\t\(corpus.root.path)/oracle/\(entry.file).json\n"
                copied += 1
                continue
            }
            try writer.close()
            pairs += "\(copy)\t\(corpus.root.path)/oracle/\(entry.file).json\n"
            copied += 1
        }
        try pairs.write(toFile: dir + "/pairs.tsv", atomically: true, encoding: .utf8)
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.repository.appendingPathComponent("scripts/openpyxl_roundtrip.py").path,
                             corpus.root.appendingPathComponent("tools").path, dir + "/pairs.tsv"]
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(text.split(separator: "\n").suffix(30).joined(separator: "\n"))
        #expect(copied == 289)
        #expect(text.contains("\(copied) passed, 0 failed"), "\(text.split(separator: "\n").filter { $0.hasPrefix("MISMATCH") }.prefix(20))")
    }

    @Test("every sheet feature the writer offers reads back in openpyxl")
    func features() throws {
        let python = try Self.python()
        let dir = NSTemporaryDirectory() + "taizhang-features-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/features.xlsx"
        let writer = try WorkbookWriter(path: out, options: WriterOptions(properties: DocumentProperties(
            title: "法规科任务反馈表", creator: "Taizhang", custom: [("填报单位", "法规科")])))
        let header = writer.style(CellFormat(bold: true, fontSize: 12, fontColor: "C00000", fill: "D9D9D9", border: true,
                                             horizontal: .center, vertical: .center, wrap: true))
        let input = writer.style(CellFormat(fill: "FFF2CC", border: true, wrap: true, locked: false))
        let date = writer.style(CellFormat(numberFormat: "yyyy\"年\"m\"月\"d\"日\""))
        let sheet = try writer.addSheet("任务反馈")
        try sheet.append(values: [.text("任务编号"), .text("具体任务"), .text("完成状态"), .text("完成时间")], style: header, height: 30)
        try sheet.append([Cell(column: 1, value: .text("T-001")), Cell(column: 2, value: .text("深化公开")),
                          Cell(column: 3, value: .text("推进中"), style: input), Cell(column: 4, value: .date(ExcelDateTime(year: 2023, month: 11, day: 30)), style: date)])
        try sheet.merge(CellRange("B3:B4")!)
        sheet.setColumn(2, width: 30)
        sheet.freeze(rows: 1, columns: 1)
        sheet.setAutoFilter(CellRange("A1:D2")!)
        try sheet.addDropdown(Dropdown(range: CellRange("C2:C100")!, items: ["已完成", "推进中", "滞后", "未启动"], prompt: "请选择完成状态"))
        sheet.protect()
        sheet.setPrintSetup(PrintSetup(repeatRows: 1...1))
        sheet.addHyperlink(Hyperlink(cell: CellReference("A2")!, target: .url("https://www.shanwei.gov.cn/"), tooltip: "原文"))
        sheet.addHyperlink(Hyperlink(cell: CellReference("B2")!, target: .location("'说明'!A1")))
        try writer.addSheet("说明").append(values: [.text("说明")])
        try writer.close()

        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb['任务反馈']
        h = ws['A1']
        dv = ws.data_validations.dataValidation[0]
        print(json.dumps({
          'sheets': wb.sheetnames, 'title': wb.properties.title,
          'custom': {p.name: p.value for p in wb.custom_doc_props.props},
          'bold': h.font.b, 'size': h.font.sz, 'color': h.font.color.rgb, 'fill': h.fill.fgColor.rgb,
          'border': h.border.left.style, 'align': [h.alignment.horizontal, h.alignment.vertical, str(h.alignment.wrap_text)],
          'height': ws.row_dimensions[1].height, 'width': ws.column_dimensions['B'].width,
          'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref, 'merged': [str(r) for r in ws.merged_cells.ranges],
          'dropdown': [str(dv.sqref), dv.formula1, dv.prompt], 'protected': ws.protection.sheet,
          'unlocked': ws['C2'].protection.locked, 'locked': ws['A2'].protection.locked,
          'orientation': ws.page_setup.orientation, 'fit': [str(ws.sheet_properties.pageSetUpPr.fitToPage), str(ws.page_setup.fitToWidth)],
          'titles': ws.print_title_rows, 'footer': ws.oddFooter.center.text,
          'link': ws['A2'].hyperlink.target, 'tip': ws['A2'].hyperlink.tooltip, 'location': ws['B2'].hyperlink.location,
          'date': ws['D2'].value.isoformat(), 'format': ws['D2'].number_format,
        }, ensure_ascii=False))
        """
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, out]
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let got = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")
        #expect(got["sheets"] as? [String] == ["任务反馈", "说明"])
        #expect(got["title"] as? String == "法规科任务反馈表")
        #expect(got["custom"] as? [String: String] == ["填报单位": "法规科"])
        #expect(got["bold"] as? Bool == true)
        #expect(got["size"] as? Double == 12)
        #expect(got["color"] as? String == "FFC00000")
        #expect(got["fill"] as? String == "FFD9D9D9")
        #expect(got["border"] as? String == "thin")
        #expect(got["align"] as? [String] == ["center", "center", "True"])
        #expect(got["height"] as? Double == 30)
        #expect(got["width"] as? Double == 30)
        #expect(got["freeze"] as? String == "B2")
        #expect(got["filter"] as? String == "A1:D2")
        #expect(got["merged"] as? [String] == ["B3:B4"])
        #expect(got["dropdown"] as? [String] == ["C2:C100", "\"已完成,推进中,滞后,未启动\"", "请选择完成状态"])
        #expect(got["protected"] as? Bool == true)
        #expect(got["unlocked"] as? Bool == false)
        #expect(got["locked"] as? Bool == true)
        #expect(got["orientation"] as? String == "landscape")
        #expect(got["fit"] as? [String] == ["True", "1"])
        #expect(got["titles"] as? String == "$1:$1")
        #expect(got["footer"] as? String == "第 &P 页，共 &N 页")
        #expect(got["link"] as? String == "https://www.shanwei.gov.cn/")
        #expect(got["tip"] as? String == "原文")
        #expect(got["location"] as? String == "'说明'!A1")
        #expect(got["date"] as? String == "2023-11-30T00:00:00")
        #expect(got["format"] as? String == "yyyy\"年\"m\"月\"d\"日\"")
    }

    @Test("the merged sample ledger and its briefing read back in openpyxl: six sheets, frozen header, filter, print titles, the 汇总 total, the two charts")
    func ledger() throws {
        let python = try Self.python()
        let dir = NSTemporaryDirectory() + "taizhang-ledger-openpyxl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let samples = Self.repository.appendingPathComponent("samples").path
        let options = MergeOptions(asOf: CalendarDate(year: 2023, month: 7, day: 10)!,
                                   plan: PlanOptions(registry: try UnitRegistry(contentsOf: URL(fileURLWithPath: samples + "/units.yaml"))))
        let ledger = try Merge.run(plan: samples + "/plan-2023.xlsx", returns: [samples + "/returns"], options: options)
        try LedgerWorkbook.write(ledger, to: dir + "/台账.xlsx")
        try BriefingWorkbook.write(Briefing(ledger), to: dir + "/简报.xlsx")
        let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb['总台账']
        total = [r for r in wb['汇总'].iter_rows(values_only=True) if r and r[0] == '合计'][0]
        briefing = openpyxl.load_workbook(sys.argv[2])['简报']
        charts = ','.join(type(c).__name__ for c in briefing._charts)
        print('|'.join([','.join(wb.sheetnames), ws.freeze_panes, ws.auto_filter.ref, ws.print_title_rows, ws['H2'].value, str(total[1]), charts]))
        """
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, dir + "/台账.xlsx", dir + "/简报.xlsx"]
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(out.trimmingCharacters(in: .whitespacesAndNewlines) == "总台账,汇总,逾期事项,未报送,问题,来源|A3|A2:P23|$1:$2|进展情况|21|BarChart,DoughnutChart")
    }
}
