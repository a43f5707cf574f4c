import ArgumentParser
import Foundation
import Ledger
import Reports

struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "按单位生成任务反馈表。Write one return template per unit.",
        discussion: """
        每个单位一个工作簿“<单位>-任务反馈表.xlsx”，包含该单位牵头、配合或负责的任务（分组已展开）。
        计划列锁定（工作表保护，无密码），进展情况、完成状态（下拉选择）、完成时间、佐证材料、备注可填写；
        每行带任务编号，文件属性中写明填报单位，收回后可自动识别。

        示例 Example:
          taizhang split samples/plan-2023.xlsx --units samples/units.yaml -o out/templates
        """)

    @Argument(help: "计划表 (.xlsx/.csv)。Plan file.")
    var plan: String

    @Option(name: .shortAndLong, help: "输出目录。Output folder.")
    var output: String

    @OptionGroup var planOptions: PlanArguments

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.measured {
            do {
                let result = try planOptions.load(plan, global: global)
                if !result.errors.isEmpty {
                    printError(PlanReport.text(result))
                    printError(highlighted("错误：") + "计划表有 \(result.errors.count) 个错误，请先改正（taizhang validate）再分发。")
                    throw Exit.dataProblems
                }
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                let units = result.registry.units.map(\.name).filter { !ReturnForm.tasks(for: $0, in: result).isEmpty }
                var progress = ProgressLine("生成反馈表", unit: "个单位", total: units.count, quiet: global.quiet)
                defer { progress.finish() }
                for unit in units {
                    try ReturnTemplate.write(unit: unit, plan: result, to: output + "/" + ReturnForm.fileName(for: unit))
                    progress.advance()
                }
                progress.finish()
                let written = units.count
                if !global.quiet { printError("已生成 \(written) 个单位的任务反馈表，在 \(output)/。") }
            } catch let error as ExitCode {
                throw error
            } catch {
                throw report(error)
            }
        }
    }
}
