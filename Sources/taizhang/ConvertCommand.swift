import ArgumentParser
import CSV
import Table
import XLSX

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "在 xlsx、csv、json 之间转换。Convert between xlsx, csv and json.",
        discussion: """
        按扩展名判断格式：xlsx→csv、xlsx→json（按表头生成对象数组）、xlsx→xlsx（规范化副本）、csv→xlsx、csv→csv（转换编码）。
        Formats follow the file extensions: xlsx→csv, xlsx→json (objects keyed by the header row), xlsx→xlsx
        (a clean copy keeping values, number formats, merged ranges and column widths), csv→xlsx, csv→csv (re-encode).
        CSV 输入自动识别编码（UTF-8、带 BOM 的 UTF-8、UTF-16、GB18030）和分隔符（逗号、制表符、分号）。

        日期写作 YYYY-MM-DD（有时间时加 THH:MM:SS），数字按 Excel 的 15 位有效数字，布尔值为 TRUE/FALSE，错误值照原样（#N/A）。
        Dates as YYYY-MM-DD[THH:MM:SS], numbers to Excel's 15 significant digits, booleans TRUE/FALSE, errors as written.
        CSV 每行列数相同（与最宽的一行一致），与 Excel 另存为 CSV 相同。Every CSV row is as wide as the widest, as Excel saves CSV.

        示例 Examples:
          taizhang convert 计划表.xlsx 计划表.csv
          taizhang convert 计划表.xlsx - --sheet 2 --encoding utf8
          taizhang convert 计划表.xlsx out/计划表.csv --all-sheets --fill-merged
          taizhang convert 计划表.xlsx 计划表.json
          taizhang convert 反馈.csv 反馈.xlsx
          taizhang convert WPS导出.xlsx 规范.xlsx
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx, json
    }

    @Argument(help: "输入文件 (.xlsx/.xlsm/.csv)。Input file.")
    var input: String

    @Argument(help: "输出文件，- 表示标准输出（csv 或 json）。Output file, - for standard output.")
    var output: String

    @Option(help: "工作表名称或序号（从 1 开始），默认第一个可见工作表。Sheet name or 1-based number.")
    var sheet: String?

    @Flag(help: "每个工作表各写一个文件，文件名为 输出名-工作表名.csv。One file per sheet beside OUTPUT.")
    var allSheets = false

    @Flag(help: "合并单元格的每一格都填入合并区域的值。Repeat a merged range's value in each of its cells.")
    var fillMerged = false

    @Option(help: "输出编码：utf8-bom（默认，Excel 可直接打开）、utf8、gb18030。CSV output encoding.")
    var encoding: CSVEncoding = .utf8BOM

    @Option(help: "输出格式，默认按扩展名：csv、xlsx、json。Output format; by default from the extension.")
    var to: Format?

    @OptionGroup var global: GlobalOptions

    private var outputFormat: Format {
        if let to { return to }
        let lower = output.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return .xlsx }
        if lower.hasSuffix(".json") { return .json }
        return .csv
    }

    private var inputIsCSV: Bool {
        let lower = input.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".txt") || lower.hasSuffix(".tsv")
    }

    func validate() throws {
        if allSheets && sheet != nil { throw ValidationError("--all-sheets 与 --sheet 不能同时使用。") }
        if allSheets && output == "-" { throw ValidationError("--all-sheets 需要输出文件名，不能用 -。") }
        if outputFormat == .xlsx && output == "-" { throw ValidationError("xlsx 不能写到标准输出，请给出文件名。") }
    }

    func run() throws {
        try global.measured {
            do {
                if inputIsCSV { try convertCSV() } else { try convertWorkbook() }
            } catch let error as ExitCode {
                throw error
            } catch {
                throw report(error)
            }
        }
    }

    private func convertCSV() throws {
        let document = try CSVDocument.read(path: input)
        switch outputFormat {
        case .xlsx:
            let writer = try WorkbookWriter(path: output)
            try CSVImport.write(document, to: writer, sheetName: CSVImport.sheetName(forFile: input))
            try writer.close()
        case .csv:
            let file = try OutputFile(path: output)
            let writer = try CSVWriter(encoding: encoding) { try file.write($0) }
            try CSVImport.write(document, to: writer)
            try writer.flush()
            try file.commit()
        case .json:
            throw ValidationError("csv 转 json 暂不支持，请先转为 xlsx。")
        }
        if global.verbose && !global.quiet { printError("输入编码：\(document.encoding.rawValue)，分隔符：\(Self.delimiterName(document.delimiter))") }
    }

    private func convertWorkbook() throws {
        let workbook = try Workbook(path: input)
        switch outputFormat {
        case .xlsx:
            do {
                try copyWorkbook(workbook, buffered: false)
            } catch is SheetExport.RowsOutOfOrder {
                try copyWorkbook(workbook, buffered: true)
            }
        case .csv, .json:
            if allSheets {
                for (index, info) in workbook.sheets.enumerated() where info.kind == .worksheet {
                    try export(workbook, info, to: siblingPath(for: info.name, index: index + 1))
                }
            } else {
                try export(workbook, try sheet.map { try workbook.sheet(named: $0) } ?? defaultSheet(workbook), to: output)
            }
        }
    }

    private func copyWorkbook(_ workbook: Workbook, buffered: Bool) throws {
        let writer = try WorkbookWriter(path: output)
        let summary = try WorkbookCopy.copy(workbook, to: writer, buffered: buffered)
        try writer.close()
        if !summary.skipped.isEmpty && !global.quiet {
            printError("注意：图表/对话框工作表不含单元格，未复制：\(summary.skipped.joined(separator: "、"))")
        }
        for info in workbook.sheets {
            if let formulas = summary.uncachedFormulas[info.name] { warn(uncached: formulas, in: info.name) }
        }
    }

    /// Formula cells without a saved result come out empty: the user should know, and how to fix the file.
    private func warn(uncached formulas: UncachedFormulas, in sheet: String) {
        guard formulas.count > 0, !global.quiet else { return }
        let shown = formulas.cells.prefix(5).map(\.description).joined(separator: "、") + (formulas.count > 5 ? " 等" : "")
        printError("注意：工作表“\(sheet)”有 \(formulas.count) 个公式单元格没有保存计算结果（\(shown)），输出为空；"
                   + "请用 Excel 或 WPS 打开并保存后再转换。")
    }

    private func defaultSheet(_ workbook: Workbook) throws -> SheetInfo {
        let worksheets = workbook.sheets.filter { $0.kind == .worksheet }
        guard let first = worksheets.first(where: { $0.visibility == .visible }) ?? worksheets.first else {
            throw XLSXError.sheetNotFound(XLSXLocation(file: workbook.displayName), "（没有工作表）")
        }
        return first
    }

    private func export(_ workbook: Workbook, _ info: SheetInfo, to path: String) throws {
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
    private func widthHint(_ workbook: Workbook, _ info: SheetInfo) -> Int? {
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
    private func siblingPath(for sheetName: String, index: Int) -> String {
        let suffix = outputFormat == .json ? ".json" : ".csv"
        let stem = output.lowercased().hasSuffix(suffix) ? String(output.dropLast(suffix.count)) : output
        let safe = String(sheetName.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 })
        return stem + "-" + (safe.isEmpty ? String(index) : safe) + suffix
    }

    private static func delimiterName(_ delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: "\t"): "制表符"
        case UInt8(ascii: ";"): "分号"
        default: "逗号"
        }
    }
}

extension CSVEncoding: ExpressibleByArgument {}
