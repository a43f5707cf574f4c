import Table
import XLSX

extension WorkbookReport {
    /// A file read whole (.xls/.et, a Word document's or a page's tables), from its sheets as read.
    init(whole file: SpreadsheetFile, _ contents: [SheetContent]) {
        self.file = file.path
        switch file.format {
        case .xls: application = file.legacy?.biffVersion == 5 ? "Excel 5.0/95 (.xls, BIFF5)" : "Excel 97–2003 (.xls, BIFF8)"
        case .docx: application = "Word 文档（.docx），每个表格为一个工作表"
        case .html: application = "网页（.html），每个表格为一个工作表"
        default: application = nil
        }
        applicationVersion = file.facts.producer
        dateSystem = file.legacy?.dateSystem ?? .system1900
        sheets = contents.map { content in
            Sheet(info: content.info, usedRange: content.usedRange, rowsWithValues: content.rows.count,
                  cells: content.rows.reduce(0) { $0 + $1.cells.count }, hiddenRows: content.rows.filter(\.isHidden).count,
                  mergedRanges: content.mergedRanges, declaredDimension: nil)
        }
    }
}
