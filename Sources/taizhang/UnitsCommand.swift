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

        @Flag(help: "覆盖已有的名册文件（其中的修改会丢失）。Overwrite an existing registry file.")
        var force = false

        /// What the office needs to know to edit the file, written at its top.
        static let guidance = """
            # 单位名册：由 taizhang units init 从计划表生成，请按“三定”顺序调整后使用（--units 本文件）。
            # 每个单位：name 为规范名称，kind 为 科室 / 局属单位 / 其他；同一单位的其他写法写在 aliases 里，如
            #   - name: 办公室
            #     kind: 科室
            #     aliases: [局办公室, 局办]
            # 分组（如“机关各科室”“各科室”）写在 groups 里，members 列出它包括的单位，拆分时展开到每个单位；
            # 从计划表推断的成员只是草稿，请逐一核对。
            # 重新生成会覆盖本文件，需加 --force。

            """

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.measured {
                do {
                    // An edited registry is the office's work: never overwritten without being asked to.
                    if FileManager.default.fileExists(atPath: output) && !force {
                        printError(highlighted("错误：") + "\(output) 已存在，其中可能有您的修改；如确要重新生成，请加 --force，或换一个文件名。")
                        throw Exit.cannotReadOrWrite
                    }
                    let sheet = try PlanSheet.open(path: plan, budget: global.budget)
                    let registry = UnitRegistry.inferred(fromUnitCells: sheet.unitCells, organisation: nil, draftingGroups: true)
                    let file = try OutputFile(path: output)
                    var text = Self.guidance + registry.yaml()
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
