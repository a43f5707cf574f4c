import ArgumentParser
import CSV
import Table
import XLSX

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "把工作簿转换为 CSV。Convert a workbook sheet to CSV.",
        discussion: """
        日期写作 YYYY-MM-DD（有时间时加 THH:MM:SS），数字按 Excel 的 15 位有效数字，布尔值为 TRUE/FALSE，错误值照原样（#N/A）。
        Dates as YYYY-MM-DD[THH:MM:SS], numbers to Excel's 15 significant digits, booleans TRUE/FALSE, errors as written.

        示例 Examples:
          taizhang convert 计划表.xlsx 计划表.csv
          taizhang convert 计划表.xlsx - --sheet 2 --encoding utf8
          taizhang convert 计划表.xlsx out/计划表.csv --all-sheets --fill-merged
        """)

    @Argument(help: "输入工作簿 (.xlsx/.xlsm)。Input workbook.")
    var input: String

    @Argument(help: "输出 CSV 文件，- 表示标准输出。Output CSV file, - for standard output.")
    var output: String

    @Option(help: "工作表名称或序号（从 1 开始），默认第一个可见工作表。Sheet name or 1-based number.")
    var sheet: String?

    @Flag(help: "每个工作表各写一个 CSV，文件名为 输出名-工作表名.csv。One CSV per sheet beside OUTPUT.")
    var allSheets = false

    @Flag(help: "合并单元格的每一格都填入合并区域的值。Repeat a merged range's value in each of its cells.")
    var fillMerged = false

    @Option(help: "输出编码：utf8-bom（默认，Excel 可直接打开）、utf8、gb18030。Output encoding.")
    var encoding: CSVEncoding = .utf8BOM

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if allSheets && sheet != nil { throw ValidationError("--all-sheets 与 --sheet 不能同时使用。") }
        if allSheets && output == "-" { throw ValidationError("--all-sheets 需要输出文件名，不能用 -。") }
    }

    func run() throws {
        try global.measured(convertAll)
    }

    private func convertAll() throws {
        do {
            let workbook = try Workbook(path: input)
            if allSheets {
                for (index, info) in workbook.sheets.enumerated() where info.kind == .worksheet {
                    try convert(workbook, info, to: siblingPath(for: info.name, index: index + 1))
                }
            } else {
                let info = try sheet.map { try workbook.sheet(named: $0) } ?? defaultSheet(workbook)
                try convert(workbook, info, to: output)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw report(error)
        }
    }

    private func defaultSheet(_ workbook: Workbook) throws -> SheetInfo {
        let worksheets = workbook.sheets.filter { $0.kind == .worksheet }
        guard let first = worksheets.first(where: { $0.visibility == .visible }) ?? worksheets.first else {
            throw XLSXError.sheetNotFound(XLSXLocation(file: workbook.displayName), "（没有工作表）")
        }
        return first
    }

    private func convert(_ workbook: Workbook, _ info: SheetInfo, to path: String) throws {
        let file = try OutputFile(path: path)
        func attempt(_ export: (Workbook, SheetInfo, CSVWriter, Bool) throws -> SheetExport.Summary) throws {
            let writer = try CSVWriter(encoding: encoding) { try file.write($0) }
            _ = try export(workbook, info, writer, fillMerged)
            try writer.flush()
        }
        do {
            try attempt { try SheetExport.writeCSV($0, sheet: $1, to: $2, fillMerged: $3) }
        } catch is SheetExport.RowsOutOfOrder {
            try file.reset()
            try attempt { try SheetExport.writeCSVBuffered($0, sheet: $1, to: $2, fillMerged: $3) }
        }
        try file.commit()
    }

    /// `out/计划表.csv` and sheet `汇总` give `out/计划表-汇总.csv`; characters unsafe in file names are replaced.
    private func siblingPath(for sheetName: String, index: Int) -> String {
        let stem = output.hasSuffix(".csv") ? String(output.dropLast(4)) : output
        let safe = String(sheetName.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 })
        return stem + "-" + (safe.isEmpty ? String(index) : safe) + ".csv"
    }
}

extension CSVEncoding: ExpressibleByArgument {}
