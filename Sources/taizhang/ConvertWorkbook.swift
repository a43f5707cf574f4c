import ArgumentParser
import CSV
import Table
import XLSX

/// The workbook side of `convert`: copies, CSV export with its width probe, and the names of the files it writes.
extension ConvertCommand {
    func copyWorkbook(_ workbook: Workbook, buffered: Bool) throws {
        let writer = try WorkbookWriter(path: output)
        let summary = try WorkbookCopy.copy(workbook, to: writer, buffered: buffered)
        try writer.close()
        note(summary)
        for info in workbook.sheets {
            if let formulas = summary.uncachedFormulas[info.name] { warn(uncached: formulas, in: info.name) }
        }
    }

    /// Says which sheets a copy left out or renamed.
    func note(_ summary: WorkbookCopy.Summary) {
        if !summary.skipped.isEmpty && !global.quiet {
            printError("注意：图表/对话框工作表不含单元格，未复制：\(summary.skipped.joined(separator: "、"))")
        }
        for (original, name) in summary.renamed.sorted(by: { $0.key < $1.key }) where !global.quiet {
            printError("注意：工作表名“\(original)”Excel 不能打开（超过 31 个字符或含有不可用的字符），副本中改为“\(name)”。")
        }
    }

    /// Formula cells without a saved result come out empty: the user should know, and how to fix the file.
    func warn(uncached formulas: UncachedFormulas, in sheet: String) {
        guard formulas.count > 0, !global.quiet else { return }
        let shown = formulas.cells.prefix(5).map(\.description).joined(separator: "、") + (formulas.count > 5 ? " 等" : "")
        printError("注意：工作表“\(sheet)”有 \(formulas.count) 个公式单元格没有保存计算结果（\(shown)），输出为空；"
                   + "请用 Excel 或 WPS 打开并保存后再转换。")
    }

    func defaultSheet(_ workbook: Workbook) throws -> SheetInfo {
        let worksheets = workbook.sheets.filter { $0.kind == .worksheet }
        guard let first = worksheets.first(where: { $0.visibility == .visible }) ?? worksheets.first else {
            throw XLSXError.sheetNotFound(XLSXLocation(file: workbook.displayName), "（没有工作表）")
        }
        return first
    }

    func export(_ workbook: Workbook, _ info: SheetInfo, to path: String) throws {
        let file = try OutputFile(path: path)
        if outputFormat == .json {
            do {
                try SheetJSONExport.write(workbook, sheet: info) { try file.write($0) }
            } catch is SheetExport.RowsOutOfOrder {
                throw ValidationError("工作表“\(info.name)”的行顺序混乱，json 输出需要按行顺序；请先 taizhang convert 为 xlsx 规范化。")
            }
            try file.commit()
            return
        }
        func attempt(width: Int?, _ export: (Workbook, SheetInfo, CSVWriter, Bool) throws -> SheetExport.Summary) throws -> SheetExport.Summary {
            var progress = ProgressLine("转换 \(info.name)", unit: "行", total: 0, quiet: global.quiet)
            // The writer hands out its buffer every few thousand rows: the moment to report them.
            var rowsSoFar: () -> Int = { 0 }
            let writer = try CSVWriter(encoding: encoding) { bytes in
                try file.write(bytes)
                progress.update(rows: rowsSoFar())
            }
            rowsSoFar = { [unowned writer] in writer.rowsWritten }
            writer.rowWidth = width
            defer { progress.finish() }
            let summary = try export(workbook, info, writer, fillMerged)
            try writer.flush()
            return summary
        }
        // Every row as wide as the widest, as Excel saves CSV. The width the sheet declares is right in files
        // from Excel, LibreOffice and most writers, the first rows' width in most others; when the rows prove
        // the guess wrong, they are written again.
        var buffered = false
        func pass(width: Int?) throws -> SheetExport.Summary {
            if !buffered {
                do {
                    return try attempt(width: width) { try SheetExport.writeCSV($0, sheet: $1, to: $2, fillMerged: $3) }
                } catch is SheetExport.RowsOutOfOrder {
                    buffered = true
                    try file.reset()
                }
            }
            return try attempt(width: width) { try SheetExport.writeCSVBuffered($0, sheet: $1, to: $2, fillMerged: $3) }
        }
        let declared = widthHint(workbook, info)
        var summary = try pass(width: declared)
        let exact = summary.columns <= 1 ? (declared ?? 1) <= 1 : summary.columns == declared
        if !exact {
            try file.reset()
            summary = try pass(width: summary.columns)
        }
        warn(uncached: summary.uncachedFormulas, in: info.name)
        try file.commit()
    }

    /// The width to pad to in the first pass: the columns the sheet's `<dimension>` declares when its first
    /// rows make that believable, else the widest of those rows. Formatting can inflate a dimension to column
    /// XFD, which would pad every row with thousands of empty fields; WPS may declare just `A1`.
    func widthHint(_ workbook: Workbook, _ info: SheetInfo) -> Int? {
        guard let reader = try? workbook.rows(of: info) else { return nil }
        var widest = 0
        for _ in 0..<1000 {
            guard let row = try? reader.nextRaw() else { break }
            if row.count > 0 { widest = max(widest, row.column(at: row.count - 1)) }
        }
        if let declared = reader.declaredDimension.flatMap(CellRange.init)?.last.column, declared >= widest, declared <= 4 * widest + 16 {
            return declared
        }
        return widest > 0 ? widest : nil
    }

    /// `out/计划表.csv` and sheet `汇总` give `out/计划表-汇总.csv`; characters unsafe in file names are replaced.
    func siblingPath(for sheetName: String, index: Int) -> String {
        let suffix = outputFormat == .json ? ".json" : ".csv"
        let stem = output.lowercased().hasSuffix(suffix) ? String(output.dropLast(suffix.count)) : output
        let safe = String(sheetName.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 })
        return stem + "-" + (safe.isEmpty ? String(index) : safe) + suffix
    }

    static func delimiterName(_ delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: "\t"): "制表符"
        case UInt8(ascii: ";"): "分号"
        default: "逗号"
        }
    }
}
