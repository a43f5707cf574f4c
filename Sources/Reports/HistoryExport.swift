import CSV
import Foundation
import Ledger
import Store
import XLSX

/// The 历次进展 of a ledger store, as a workbook, CSV or JSON (by the file's extension): one row per round,
/// task and unit, with the report's source cell.
public enum HistoryExport {
    static let headers = ["轮次", "截止日", "任务编号", "具体任务", "单位", "完成状态", "进展情况", "来源"]

    static func fields(_ row: LedgerStore.HistoryRow) -> [String] {
        [row.round, row.asOf, row.task, row.taskText, row.unit, row.status?.displayName ?? "", row.text ?? "", row.source]
    }

    /// The 历次进展 sheet, in the ledger workbook of a round recorded in a store and in `ledger export`.
    static func addSheet(_ rows: [LedgerStore.HistoryRow], to writer: WorkbookWriter) throws {
        let header = writer.style(HouseStyle.header), body = writer.style(HouseStyle.body)
        let sheet = try writer.addSheet("历次进展")
        try sheet.append(values: headers.map { .text($0) }, style: header)
        for (column, width) in [8.0, 12, 13, 30, 16, 10, 50, 30].enumerated() { sheet.setColumn(column + 1, width: width) }
        for row in rows { try sheet.append(values: fields(row).map { .text($0) }, style: body) }
        sheet.freeze(rows: 1)
        sheet.setAutoFilter(CellRange(1, 1, max(rows.count + 1, 2), headers.count))
        sheet.setPrintSetup(PrintSetup(repeatRows: 1...1))
    }

    /// The 历次进展 sheet of a ledger recorded in a store: a row per task, a column per round (earlier rounds, then
    /// this one) with the task's status then, 逾期 marked; a task's every report stays in `ledger export`.
    static func addStatusSheet(_ ledger: LedgerResult, round: String, earlier: (rounds: [String], statuses: [String: [String: (status: Status, overdue: Bool)]]),
                               to writer: WorkbookWriter) throws {
        let header = writer.style(HouseStyle.header), body = writer.style(HouseStyle.body)
        let sheet = try writer.addSheet("历次进展")
        let rounds = earlier.rounds + [round]
        try sheet.append(values: (["任务编号", "具体任务"] + rounds).map { .text($0) }, style: header)
        for (column, width) in ([13.0, 40] + rounds.map { _ in 12.0 }).enumerated() { sheet.setColumn(column + 1, width: width) }
        func text(_ status: Status, _ overdue: Bool) -> String { status.displayName + (overdue ? "（逾期）" : "") }
        for entry in ledger.entries {
            let before = earlier.rounds.map { label in earlier.statuses[entry.task.id]?[label].map { text($0.status, $0.overdue) } ?? "" }
            try sheet.append(values: ([entry.task.id, entry.task.task.text] + before + [text(entry.status, entry.overdue)]).map { .text($0) }, style: body)
        }
        sheet.freeze(rows: 1, columns: 2)
        sheet.setPrintSetup(PrintSetup(repeatRows: 1...1))
    }

    /// Writes `rows` to `path`: .xlsx, .json, else CSV (UTF-8 with BOM).
    public static func write(_ rows: [LedgerStore.HistoryRow], to path: String) throws {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") {
            let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(title: "历次进展", creator: "Taizhang")))
            try addSheet(rows, to: writer)
            try writer.close()
        } else if lower.hasSuffix(".json") {
            let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(["round", "asOf", "task", "taskText", "unit", "status", "text", "source"], fields($0))) }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } else {
            var bytes: [UInt8] = []
            let writer = try CSVWriter(encoding: .utf8BOM) { bytes += $0 }
            try writer.write(row: headers)
            for row in rows { try writer.write(row: fields(row)) }
            try writer.flush()
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }
}
