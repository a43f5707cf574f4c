import Foundation
import Ledger
import Reports
import Table
import TestSupport
import Testing

/// "Merged" means "in the ledger": writes a ledger's workbook and JSON, reads the workbook back with our reader
/// and with openpyxl, and finds every non-empty cell of every return's data rows either in the written
/// ledger or listed in its 问题 sheet at that cell, its row or its file. The merge's own counters are not used.
enum LedgerCellCheck {
    /// The cells of `returns` found nowhere, as `file!cell: text`; empty when nothing was lost.
    static func lostCells(_ ledger: LedgerResult, returns: [String]) throws -> [String] {
        let dir = NSTemporaryDirectory() + "taizhang-cellcheck-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try LedgerWorkbook.write(ledger, to: dir + "/台账.xlsx")
        let json = String(decoding: try LedgerJSON.encode(ledger), as: UTF8.self)
        let workbook = try SpreadsheetFile.open(dir + "/台账.xlsx")
        let sheets = try workbook.sheets.map { try workbook.grid($0) }
        let ours = sheets[0].rows.flatMap { $0.cells.map { bare($0.value.text) } }.joined(separator: "\u{1F}")
        // And as an independent reader sees the same sheet: a cell found by one reader only is not in the ledger.
        let theirs = try Openpyxl.output(of: """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])['总台账']
            print('\\x1f'.join(str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None))
            """, [dir + "/台账.xlsx"]).split(separator: "\u{1F}").map { bare(String($0)) }.joined(separator: "\u{1F}")
        try #require(theirs.contains(bare("任务编号")), "openpyxl did not read the 总台账")
        let problems = try #require(sheets.first { $0.sheet == "问题" })
        // 问题: 级别, 代码, 文件, 工作表, 单元格, 说明.
        let listed = problems.rows.dropFirst().map { (file: $0.text(3) ?? "", cell: $0.text(5).flatMap(CellAddress.init)) }
        var lost: [String] = []
        for path in returns {
            let name = Merge.name(path)
            if listed.contains(where: { $0.file == name && $0.cell == nil }) { continue }
            let ret = try UnitReturn.read(path: path, registry: ledger.plan.registry)
            let reports = Dictionary(grouping: ledger.entries.flatMap { entry in entry.progress.map { (entry.task.id, $0) } }.filter { $0.1.source.file.hasSuffix(name) }, by: \.0)
            for row in ret.rows {
                if listed.contains(where: { $0.file == name && $0.cell?.row == row.number }) { continue }
                var cells: [(column: Int, field: HeaderField?, header: String, text: String)] = row.typed.compactMap { field in
                    ret.columns[field].map { ($0, field, ret.headers[$0] ?? "", row.fields[field]!.text) }
                }
                cells += row.extra.map { ($0.column, nil, $0.header, $0.value.text) }
                for cell in cells where !bare(cell.text).isEmpty {
                    let found: Bool
                    switch cell.field {
                    case .status?:
                        // Understood as a status of that unit's report; a word it could not read is listed (bad-status).
                        found = reports.values.joined().contains { $0.1.status != nil && $0.1.source.cell?.row == row.number }
                    default:
                        found = cell.header.trimmingWhitespace == ReturnForm.roleHeader || (ours.contains(bare(cell.text)) && theirs.contains(bare(cell.text)))
                            || json.contains(escaped(cell.text))
                    }
                    if !found { lost.append("\(name)!\(CellAddress(row: row.number, column: cell.column)): \(cell.text.prefix(30))") }
                }
            }
        }
        return lost
    }

    /// A text as the JSON writes it inside a string.
    static func escaped(_ text: String) -> String {
        var bytes = JSONWriter()
        bytes.string(text)
        return String(decoding: bytes.bytes.dropFirst().dropLast(), as: UTF8.self)
    }

    /// A text as compared: normalized, outline number and white space set aside (the ledger shows plan text so).
    static func bare(_ text: String) -> String {
        let normalized = TextNormalization.normalize(text)
        let body = SectionNumber.parse(normalized).map(\.rest) ?? normalized
        return TextNormalization.normalize(body).filter { !$0.isWhitespace }
    }
}
