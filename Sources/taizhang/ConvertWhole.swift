import ArgumentParser
import CSV
import Table
import XLS
import XLSX

/// `convert` for the formats read whole: .xls/.et and Word tables.
extension ConvertCommand {
    /// Each sheet or table is read whole, then written as an .xlsx sheet read whole would be.
    func convertWhole(_ file: SpreadsheetFile, _ sheets: [SheetContent]) throws {
        if outputFormat == .xlsx {
            let writer = try WorkbookWriter(path: output)
            let summary = try file.legacy.map { try WorkbookCopy.copy(legacy: $0, to: writer) } ?? WorkbookCopy.copy(sheets, to: writer)
            try writer.close()
            note(summary)
            return
        }
        let readable = sheets.enumerated().filter { $0.element.info.kind != .chartsheet }
        let chosen: [(offset: Int, element: SheetContent)]
        if allSheets {
            chosen = readable
        } else if let sheet {
            let match = readable.first { $0.element.info.name == sheet } ?? Int(sheet).flatMap { n in n >= 1 && n <= sheets.count ? (n - 1, sheets[n - 1]) : nil }
            guard let match else { throw XLSXError.sheetNotFound(XLSXLocation(file: input), sheet) }
            chosen = [match]
        } else {
            guard let first = readable.first(where: { $0.element.info.visibility == .visible }) ?? readable.first else {
                throw ValidationError("\(input) 没有可以读取的工作表或表格。")
            }
            chosen = [first]
        }
        for (index, content) in chosen {
            let path = allSheets ? siblingPath(for: content.info.name, index: index + 1) : output
            let out = try OutputFile(path: path)
            if outputFormat == .json {
                try SheetJSONExport.write(rows: content.rows) { try out.write($0) }
            } else {
                let writer = try CSVWriter(encoding: encoding) { try out.write($0) }
                // Every row as wide as the widest, merged ranges included when they are filled.
                let widest = content.rows.compactMap { $0.cells.last?.column }.max() ?? 0
                writer.rowWidth = max(widest, fillMerged ? content.mergedRanges.map(\.last.column).max() ?? 0 : 0)
                _ = try SheetExport.writeCSV(content, to: writer, fillMerged: fillMerged)
                try writer.flush()
            }
            try out.commit()
        }
    }
}
