import XLS
import XLSX

extension WorkbookReport {
    /// A legacy .xls/.et: each sheet read whole; the format (BIFF8 or Excel 95's BIFF5) stands in for the producer.
    init(legacy path: String) throws {
        let workbook = try XLSWorkbook(path: path)
        file = path
        application = workbook.biffVersion == 8 ? "Excel 97–2003 (.xls, BIFF8)" : "Excel 5.0/95 (.xls, BIFF5)"
        applicationVersion = workbook.codePage.map { "代码页 \($0)" }
        dateSystem = workbook.dateSystem
        sheets = try workbook.sheets.map { info in
            let content = try workbook.read(info)
            return Sheet(info: info, usedRange: content.usedRange, rowsWithValues: content.rows.count,
                         cells: content.rows.reduce(0) { $0 + $1.cells.count }, hiddenRows: content.rows.filter(\.isHidden).count,
                         mergedRanges: content.mergedRanges, declaredDimension: nil)
        }
    }
}
