import CSV
import Ledger

/// The 总台账 as rows of text: the columns the workbook's 总台账 sheet and the CSV share.
public enum LedgerTable {
    public static let columns = ["序号", "任务编号", "工作要求", "具体任务", "具体要求", "牵头落实单位", "完成时限", "进展情况", "完成状态", "是否逾期", "报送单位", "未报送单位"]

    /// The 总台账 row of an entry, as text.
    public static func fields(_ entry: LedgerEntry, index: Int) -> [String] {
        let progress = entry.progress.compactMap { report -> String? in
            guard let text = report.text ?? report.status?.displayName else { return nil }
            return "【\(report.unit)】\(text)"
        }.joined(separator: "\n")
        return [String(index + 1), entry.task.id, entry.task.category?.text ?? "", entry.task.task.text, entry.task.requirement?.text ?? "",
                entry.task.unitsText, entry.task.deadline.text, progress, entry.status.displayName, entry.overdue ? "是" : "否",
                entry.reported.joined(separator: "、"), entry.missing.joined(separator: "、")]
    }

    /// 总台账 as flat CSV, one row per task, the group repeated.
    public static func writeCSV(_ ledger: LedgerResult, to writer: CSVWriter) throws {
        try writer.write(row: columns)
        for (i, entry) in ledger.entries.enumerated() { try writer.write(row: fields(entry, index: i)) }
        try writer.flush()
    }
}
