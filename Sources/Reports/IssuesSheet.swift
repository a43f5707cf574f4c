import Ledger
import XLSX

/// The 问题 sheet of the ledger and of `validate --format xlsx`: 级别, 类别 (the code in words), 文件, 工作表, 单元格,
/// 说明, one row per issue.
enum IssuesSheet {
    static let headers = ["级别", "类别", "文件", "工作表", "单元格", "说明"]

    static func write(_ issues: [ValidationIssue], to sheet: SheetWriter, header: StyleID, body: StyleID, level: StyleID, errorLevel: StyleID? = nil,
                      cell: StyleID, widths: [Double], filter: Bool) throws {
        for (column, width) in widths.enumerated() { sheet.setColumn(column + 1, width: width) }
        try sheet.append(values: headers.map { .text($0) }, style: header)
        for issue in issues {
            try sheet.append([
                Cell(column: 1, value: .text(issue.severity.displayName), style: issue.severity == .error ? errorLevel ?? level : level),
                Cell(column: 2, value: .text(IssueNames.name(issue.code)), style: body),
                Cell(column: 3, value: .text(Merge.name(issue.location.file)), style: body),
                Cell(column: 4, value: .text(issue.location.sheet ?? ""), style: body),
                Cell(column: 5, value: .text(issue.location.cell?.description ?? ""), style: cell),
                Cell(column: 6, value: .text(issue.message), style: body),
            ])
        }
        sheet.freeze(rows: 1)
        if filter { sheet.setAutoFilter(CellRange(1, 1, max(issues.count + 1, 2), headers.count)) }
    }
}
