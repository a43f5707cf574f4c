import ArgumentParser
import Foundation
import Ledger

struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "管理单位名册。Manage the unit registry.",
        subcommands: [InitCommand.self])

    struct InitCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "从计划表生成单位名册，供编辑。Write a unit registry inferred from a plan, for editing.",
            discussion: """
            按单位在计划表中首次出现的顺序列出，科室与局属单位按名称推断，并生成“机关各科室”“局属各单位”分组。
            生成后请按“三定”顺序调整，并补充别名（如 局办公室、局办）。

            示例 Example:
              taizhang units init samples/plan-2023.xlsx -o units.yaml
            """)

        @Argument(help: "计划表 (.xlsx/.csv)。Plan file.")
        var plan: String

        @Option(name: .shortAndLong, help: "输出的名册文件（YAML）。Registry file to write.")
        var output: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.measured {
                do {
                    let sheet = try PlanSheet.open(path: plan)
                    let registry = UnitRegistry.inferred(fromUnitCells: sheet.unitCells, organisation: nil, draftingGroups: true)
                    let file = try OutputFile(path: output)
                    var text = registry.yaml()
                    try text.withUTF8 { try file.write(UnsafeRawBufferPointer($0)) }
                    try file.commit()
                    if !global.quiet {
                        printError("已写入 \(output)：\(registry.units.count) 个单位，\(registry.groups.count) 个分组。请核对顺序和别名。")
                    }
                } catch let error as ExitCode {
                    throw error
                } catch {
                    throw report(error)
                }
            }
        }
    }
}
