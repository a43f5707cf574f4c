import CSV
import XLSX

/// CSV files as inputs: into a workbook sheet (values kept as the text typed) or re-encoded as CSV.
public enum CSVImport {
    /// Writes every record as a row of text cells into a new sheet; returns the number of rows.
    @discardableResult
    public static func write(_ document: CSVDocument, to writer: WorkbookWriter, sheetName: String) throws -> Int {
        let sheet = try writer.addSheet(sheetName)
        var widths: [Int: Double] = [:]
        var rows = 0
        for record in document.records {
            var cells: [Cell] = []
            for (i, field) in record.fields.enumerated() where !field.isEmpty {
                cells.append(Cell(column: i + 1, value: .text(field)))
                if record.row <= 100 { widths[i + 1] = max(widths[i + 1] ?? 0, ColumnWidth.estimate(field)) }
            }
            try sheet.append(cells, row: record.row)
            rows += 1
        }
        for (column, width) in widths { sheet.setColumn(column, width: width) }
        return rows
    }

    /// Writes the records again, comma-separated, through `writer` (which sets the encoding).
    @discardableResult
    public static func write(_ document: CSVDocument, to writer: CSVWriter) throws -> Int {
        var rows = 0
        for record in document.records {
            try writer.write(row: record.fields)
            rows += 1
        }
        return rows
    }

    /// A sheet name from a file name: its stem, without the characters Excel refuses, at most 31 characters.
    public static func sheetName(forFile path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.contains(".") ? String(file[..<file.lastIndex(of: ".")!]) : file
        var name = String(stem.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        while name.utf16.count > 31 { name.removeLast() }
        return name.isEmpty ? "Sheet1" : name
    }
}
