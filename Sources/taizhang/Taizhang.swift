import ArgumentParser

@main
struct Taizhang: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taizhang",
        abstract: "台账：读取、校验、合并任务表格，生成总台账。Reads, validates and merges task spreadsheets into one ledger.",
        discussion: """
        示例 Examples:
          taizhang validate samples/plan-2023.xlsx --units samples/units.yaml
          taizhang split samples/plan-2023.xlsx --units samples/units.yaml -o out/templates
          taizhang merge samples/plan-2023.xlsx samples/returns --units samples/units.yaml -o out/总台账.xlsx --json out/总台账.json
          taizhang report out/总台账.json -o out/简报.xlsx --text out/简报.txt
          taizhang inspect samples/plan-2023.xlsx
          taizhang convert samples/plan-2023.xlsx out/plan.csv --fill-merged
          taizhang units init samples/plan-2023.xlsx -o units.yaml
          taizhang serve --store 网页 --port 8080

        退出码 Exit codes: 0 成功 ok · 1 发现数据问题 data problems · 2 无法读取或写入 cannot read or write · 64 命令写法有误 usage error
        """,
        subcommands: [ValidateCommand.self, SplitCommand.self, MergeCommand.self, ReportCommand.self, ConvertCommand.self, InspectCommand.self, UnitsCommand.self,
                      LedgerCommand.self, ServeCommand.self])

    /// Runs the command; a mistake in the command line itself is told in Chinese (exit 64), help as written.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                printError(UsageMessage.chinese(fullMessage(for: error)))
                Self.exit(withError: ExitCode(code.rawValue))
            }
            Self.exit(withError: error)
        }
    }
}
