import ArgumentParser
import CSV
import Table
import XLS
import XLSX

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "在 xlsx、csv、json 之间转换。Convert between xlsx, csv and json.",
        discussion: """
        按扩展名判断格式：xlsx→csv、xlsx→json（按表头生成对象数组）、xlsx→xlsx（规范化副本）、csv→xlsx、csv→csv（转换编码）。
        旧版 .xls（Excel 97–2003、Excel 95）、WPS .et 和 Word .docx 中的表格按文件内容识别，可转为 csv、json、xlsx。
        Formats follow the file extensions: xlsx→csv, xlsx→json (objects keyed by the header row), xlsx→xlsx
        (a clean copy keeping values, number formats, merged ranges and column widths), csv→xlsx, csv→csv (re-encode).
        Legacy .xls (Excel 97–2003 and 95), WPS .et and the tables of Word .docx, told by their bytes, convert to csv, json, xlsx.
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
          taizhang convert 旧表.xls 旧表.xlsx
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx, json
    }

    @Argument(help: "输入文件 (.xlsx/.xlsm/.xls/.et/.docx/.csv)。Input file.")
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

    var outputFormat: Format {
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
        let file = try SpreadsheetFile.open(input, budget: global.budget)
        if let sheets = try file.wholeSheets() { return try convertWhole(file, sheets) }
        let workbook = try file.workbook ?? Workbook(path: input)
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
}

extension CSVEncoding: ExpressibleByArgument {}
