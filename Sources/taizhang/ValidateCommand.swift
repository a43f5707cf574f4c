import Foundation
import ArgumentParser
import Ledger
import Reports

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "校验计划表：表头、单位、完成时限、编号。Validate a plan: headers, units, deadlines, numbering.",
        discussion: """
        逐条列出问题（文件 工作表!单元格: 说明），先错误后警告，最后一行是汇总。
        Lists each issue as `file sheet!cell: message`, errors first, then a summary line.
        退出码 Exit codes: 0 没有错误 no errors · 1 有错误 errors found · 2 无法读取 cannot read

        示例 Examples:
          taizhang validate samples/plan-2023.xlsx --units samples/units.yaml
          taizhang validate 计划表.csv --year 2023 --format json -o 校验.json
          taizhang validate 计划表.xlsx --format xlsx -o 问题清单.xlsx
          taizhang validate 计划表.xlsx --config taizhang.yaml
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, xlsx }

    @Argument(help: "计划表 (.xlsx/.csv)。Plan file.")
    var plan: String

    @Option(help: "输出格式：text（默认）、json、xlsx。Output format.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "输出文件，缺省为标准输出（xlsx 必须指定）。Output file; standard output by default.")
    var output: String?

    @OptionGroup var planOptions: PlanArguments

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if format == .xlsx && output == nil { throw ValidationError("--format xlsx 需要用 -o 指定输出文件。") }
    }

    func run() throws {
        let hasErrors = try global.measured { () throws -> Bool in
            do {
                let result = try planOptions.load(plan, global: global)
                switch format {
                case .text:
                    try emit(Array((PlanReport.text(result) + "\n").utf8))
                case .json:
                    try emit(try PlanReport.json(result))
                case .xlsx:
                    try PlanReport.writeWorkbook(result, to: output!)
                    if !global.quiet { printError(PlanReport.text(result).split(separator: "\n").last.map(String.init) ?? "") }
                }
                return !result.errors.isEmpty
            } catch let error as ExitCode {
                throw error
            } catch {
                throw report(error)
            }
        }
        if hasErrors { throw Exit.dataProblems }
    }

    private func emit(_ bytes: [UInt8]) throws {
        let file = try OutputFile(path: output ?? "-")
        try bytes.withUnsafeBytes { try file.write($0) }
        try file.commit()
    }
}
