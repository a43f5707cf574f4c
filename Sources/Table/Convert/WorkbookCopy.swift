import XLS
import XLSX

/// A clean, normalized copy of a workbook: every worksheet in order with its name, its values, date and
/// number formats, merged ranges and column widths; anything else (fonts, charts, formulas) is left behind.
public enum WorkbookCopy {
    public struct Summary: Sendable, Equatable {
        public var sheets = 0
        public var rows = 0
        public var cells = 0
        /// Sheets that hold no cells (chart and dialog sheets), not copied.
        public var skipped: [String] = []
        /// By sheet name: formula cells without a saved result, which have no value to copy.
        public var uncachedFormulas: [String: UncachedFormulas] = [:]
        /// Sheets whose names Excel refuses to open (some writers make them), by original name: the name in the copy.
        public var renamed: [String: String] = [:]
    }

    /// Copies `workbook` into `writer`, which must have no sheets yet: it takes the source's date system, so that a
    /// serial number whose format is not a date to us still means the same day in the copy. With `buffered`, each sheet is read whole first, so rows the file
    /// holds out of order come out sorted; otherwise rows stream and such a file throws `RowsOutOfOrder`.
    public static func copy(_ workbook: Workbook, to writer: WorkbookWriter, buffered: Bool = false) throws -> Summary {
        var summary = Summary()
        writer.dateSystem = workbook.dateSystem
        var taken = Set<String>()
        let styles = try workbook.styles()
        var styleMap: [Int: StyleID] = [:]
        func style(_ source: Int) -> StyleID {
            if let known = styleMap[source] { return known }
            // Built-in 14 and 22 read as the Chinese order (yyyy/m/d); written as Excel's canonical codes they
            // keep their ids, so every Excel shows them in its own locale's order, as it did the source's.
            let code: String? = switch styles.builtInFormatId(ofStyle: source) {
            case 14?: "m/d/yy"
            case 22?: "m/d/yy h:mm"
            default: styles.formatCode(ofStyle: source)
            }
            let id = code.map { writer.style(CellFormat(numberFormat: $0)) } ?? .standard
            styleMap[source] = id
            return id
        }
        for info in workbook.sheets {
            guard let sheet = try addSheet(info, to: writer, taken: &taken, summary: &summary) else { continue }
            let merges: [CellRange], columns: [ColumnInfo]
            if buffered {
                let content = try workbook.read(info)
                for row in content.rows { try copy(row, to: sheet, style: style, summary: &summary) }
                (merges, columns) = (content.mergedRanges, content.columns)
                if content.uncachedFormulas.count > 0 { summary.uncachedFormulas[info.name] = content.uncachedFormulas }
            } else {
                let reader = try workbook.rows(of: info)
                while let row = try reader.next() {
                    if row.number <= sheet.lastRowWritten { throw SheetExport.RowsOutOfOrder() }
                    try copy(row, to: sheet, style: style, summary: &summary)
                }
                (merges, columns) = (reader.mergedRanges, reader.columns)
                if reader.uncachedFormulas.count > 0 { summary.uncachedFormulas[info.name] = reader.uncachedFormulas }
            }
            for range in merges { try sheet.merge(range) }
            for run in columns {
                for column in run.first...min(run.last, run.first + 255) {
                    sheet.setColumn(column, width: run.width, hidden: run.isHidden)
                }
            }
        }
        return summary
    }

    /// Copies a legacy .xls/.et workbook into `writer` as `copy` does an .xlsx: values, number formats, merged ranges.
    public static func copy(legacy workbook: XLSWorkbook, to writer: WorkbookWriter) throws -> Summary {
        let sheets = try workbook.sheets.map { try workbook.read($0) }
        return try copy(sheets, dateSystem: workbook.dateSystem, to: writer) { source in
            switch workbook.builtInFormatId(ofStyle: source) {
            case 14?: "m/d/yy"
            case 22?: "m/d/yy h:mm"
            default: workbook.formatCode(ofStyle: source)
            }
        }
    }

    /// Copies sheets already read whole (a Word document's tables, an .xls's sheets); `formatCode` gives the
    /// number format of a source style, nil for General.
    public static func copy(_ sheets: [SheetContent], dateSystem: DateSystem = .system1900, to writer: WorkbookWriter,
                            formatCode: (Int) -> String? = { _ in nil }) throws -> Summary {
        var summary = Summary()
        writer.dateSystem = dateSystem
        var taken = Set<String>()
        var styleMap: [Int: StyleID] = [:]
        func style(_ source: Int) -> StyleID {
            if let known = styleMap[source] { return known }
            let id = formatCode(source).map { writer.style(CellFormat(numberFormat: $0)) } ?? .standard
            styleMap[source] = id
            return id
        }
        for content in sheets {
            guard let sheet = try addSheet(content.info, to: writer, taken: &taken, summary: &summary) else { continue }
            for row in content.rows { try copy(row, to: sheet, style: style, summary: &summary) }
            for range in content.mergedRanges { try sheet.merge(range) }
        }
        return summary
    }

    /// The copy's sheet for a source sheet, under a name Excel accepts; nil (and noted) for sheets without cells.
    private static func addSheet(_ info: SheetInfo, to writer: WorkbookWriter, taken: inout Set<String>, summary: inout Summary) throws -> SheetWriter? {
        guard info.kind == .worksheet || info.kind == .macrosheet else {
            summary.skipped.append(info.name)
            return nil
        }
        let name = writableName(info.name, taken: taken)
        if name != info.name { summary.renamed[info.name] = name }
        taken.insert(name.lowercased())
        summary.sheets += 1
        return try writer.addSheet(name)
    }

    private static func copy(_ row: Row, to sheet: SheetWriter, style: (Int) -> StyleID, summary: inout Summary) throws {
        try sheet.append(row.cells.map { Cell(column: $0.column, value: $0.value, style: style($0.style)) }, row: row.number,
                         hidden: row.isHidden)
        summary.rows += 1
        summary.cells += row.cells.count
    }

    /// `name` if Excel accepts it, else a name it does: forbidden characters made `_`, outer quotes dropped, cut to
    /// 31 characters, and numbered (`~2`) when that clashes with a sheet already copied.
    static func writableName(_ name: String, taken: Set<String>) -> String {
        if (try? WorkbookWriter.validate(sheetName: name)) != nil, !taken.contains(name.lowercased()) { return name }
        var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }).trimmingCharacters(in: ["'"])
        if base.isEmpty || base.lowercased() == "history" { base = "Sheet" }
        for number in 1... {
            let suffix = number == 1 ? "" : "~\(number)"
            var candidate = base
            while candidate.utf16.count + suffix.utf16.count > 31 || candidate.hasSuffix("'") { candidate.removeLast() }
            candidate += suffix
            if !taken.contains(candidate.lowercased()), (try? WorkbookWriter.validate(sheetName: candidate)) != nil { return candidate }
        }
        return base
    }
}
