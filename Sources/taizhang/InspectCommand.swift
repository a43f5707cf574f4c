import ArgumentParser
import XLSX

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "查看工作簿的结构。Show a workbook's sheets, used ranges, merged ranges, producer and date system.",
        discussion: """
        “已用区域”按实际有值的单元格计算，不采信文件声明的 <dimension>（WPS 常写成 A1）。
        The used range is computed from cells that hold values, never from the declared <dimension>.

        示例 Example:
          taizhang inspect samples/plan-2023.xlsx
        """)

    @Argument(help: "工作簿或含表格的文档 (.xlsx/.xlsm/.xls/.et/.docx)。Workbook or document with tables.")
    var file: String

    @Flag(help: "以 JSON 输出。Print JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.measured {
            do {
                let report = try WorkbookReport(path: file)
                print(json ? report.json : report.text)
            } catch {
                throw report(error)
            }
        }
    }
}
