import ArgumentParser
import CSV
import Table
import XLS
import XLSX

/// `convert` for legacy .xls/.et input.
extension ConvertCommand {
    /// A legacy .xls/.et: each sheet is read whole, then written as from an .xlsx sheet read whole.
    func convertLegacy() throws {
        let workbook = try XLSWorkbook(path: input)
        if outputFormat == .xlsx {
            let writer = try WorkbookWriter(path: output)
            let summary = try WorkbookCopy.copy(legacy: workbook, to: writer)
            try writer.close()
            note(summary)
            return
        }
        let worksheets = workbook.sheets.enumerated().filter { $0.element.kind != .chartsheet }
        let chosen: [(offset: Int, element: SheetInfo)]
        if allSheets {
            chosen = worksheets
        } else if let sheet {
            guard let info = workbook.sheet(named: sheet) else { throw XLSXError.sheetNotFound(XLSXLocation(file: input), sheet) }
            chosen = [(0, info)]
        } else {
            guard let first = worksheets.first(where: { $0.element.visibility == .visible }) ?? worksheets.first else {
                throw ValidationError("\(input) 没有可以读取的工作表。")
            }
            chosen = [first]
        }
        for (index, info) in chosen {
            let path = allSheets ? siblingPath(for: info.name, index: index + 1) : output
            let content = try workbook.read(info)
            let file = try OutputFile(path: path)
            if outputFormat == .json {
                try SheetJSONExport.write(rows: content.rows) { try file.write($0) }
            } else {
                let writer = try CSVWriter(encoding: encoding) { try file.write($0) }
                // Every row as wide as the widest, merged ranges included when they are filled.
                let widest = content.rows.compactMap { $0.cells.last?.column }.max() ?? 0
                writer.rowWidth = max(widest, fillMerged ? content.mergedRanges.map(\.last.column).max() ?? 0 : 0)
                _ = try SheetExport.writeCSV(content, to: writer, fillMerged: fillMerged)
                try writer.flush()
            }
            try file.commit()
        }
    }
}
