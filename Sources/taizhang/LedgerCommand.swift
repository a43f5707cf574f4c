import ArgumentParser
import Foundation
import Ledger
import Reports
import Store
import Table

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "台账数据库：记录历次报送，可查变化。The ledger store: reporting rounds over time.",
        discussion: """
        一个计划一个数据库文件（SQLite）。先用 ledger init 建立，每轮合并时加 --into 记入：
        A store per plan (one SQLite file): create it with ledger init, then record each round with merge --into.

        示例 Examples:
          taizhang ledger init samples/plan-2023.xlsx --units samples/units.yaml -o 台账.db
          taizhang merge samples/plan-2023.xlsx samples/returns --units samples/units.yaml -o 总台账.xlsx --into 台账.db --round 2023-07
          taizhang ledger rounds 台账.db
          taizhang ledger show 台账.db RWE2SAR67H
          taizhang ledger export 台账.db -o 历次进展.xlsx
          taizhang ledger extend 台账.db RWE2SAR67H --to 2024-01-31 --reason "经局长办公会同意"
        """,
        subcommands: [InitCommand.self, RoundsCommand.self, ShowCommand.self, ExportCommand.self, ExtendCommand.self])

    struct InitCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "建立台账数据库并记入计划。Create a ledger store holding the plan.")

        @Argument(help: "计划表。Plan file.")
        var plan: String

        @Option(name: .shortAndLong, help: "台账数据库文件，如 台账.db。Store file to create.")
        var output: String

        @OptionGroup var planOptions: PlanArguments

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.measured {
                do {
                    let loaded = try planOptions.load(plan, global: global)
                    if loaded.issues.contains(where: { $0.severity == .error }) {
                        throw ValidationError("计划表有错误，请先用 taizhang validate 查看并改正后再建立台账数据库。")
                    }
                    let store = try LedgerStore(path: output, create: true)
                    try store.record(plan: loaded, sha256: SHA256.file(plan) ?? "")
                    if !global.quiet { print("已建立台账数据库 \(output)：\(loaded.tasks.count) 项任务，\(loaded.registry.units.count) 个单位。") }
                } catch let error as ValidationError {
                    throw error
                } catch {
                    throw report(error)
                }
            }
        }
    }

    struct RoundsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rounds", abstract: "列出已记录的各轮报送。List the recorded rounds.")

        @Argument(help: "台账数据库。Store file.")
        var store: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.measured {
                do {
                    let rounds = try LedgerStore(path: store).rounds()
                    guard !rounds.isEmpty else { return print("\(store)：还没有记录任何一轮报送（merge 时加 --into \(store)）。") }
                    print("轮次\t截止日\t文件\t报送单位\t进展条数\t记录时间")
                    for r in rounds { print("\(r.label)\t\(r.asOf)\t\(r.files)\t\(r.unitsReported)\t\(r.reports)\t\(r.recordedAt)") }
                } catch {
                    throw report(error)
                }
            }
        }
    }

    struct ShowCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "一项任务的历次进展。One task's reports, round by round.")

        @Argument(help: "台账数据库。Store file.")
        var store: String

        @Argument(help: "任务编号（总台账的“任务编号”列）。Task id.")
        var task: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.measured {
                do {
                    let rows = try LedgerStore(path: store).history(task: task)
                    guard let first = rows.first else { return print("\(store)：没有任务 \(task) 的报送记录（任务编号见总台账）。") }
                    print("\(task) \(first.taskText)")
                    for row in rows {
                        print("\(row.round)（截至 \(row.asOf)）【\(row.unit)】\(row.status?.displayName ?? "")　\(row.text ?? "")　来源：\(row.source)")
                    }
                } catch {
                    throw report(error)
                }
            }
        }
    }

    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "导出历次进展（xlsx、csv 或 json，按扩展名）。Export the history as xlsx, csv or json.")

        @Argument(help: "台账数据库。Store file.")
        var store: String

        @Option(name: .shortAndLong, help: "输出文件：.xlsx、.csv 或 .json。Output file.")
        var output: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.measured {
                do {
                    let rows = try LedgerStore(path: store).history()
                    try HistoryExport.write(rows, to: output)
                    if !global.quiet { print("已导出 \(rows.count) 条进展到 \(output)。") }
                } catch {
                    throw report(error)
                }
            }
        }
    }
}
