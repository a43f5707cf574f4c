import ArgumentParser
import Foundation
import Ledger

/// The options every command that reads a plan takes: the registry, the year and the settings file.
struct PlanArguments: ParsableArguments {
    @Option(help: "单位名册（YAML），缺省时按计划表推断。Unit registry (YAML); inferred from the plan when absent.")
    var units: String?

    @Option(help: "计划年度，缺省时从配置、标题或文件名读取。Plan year; from the config, title or file name when absent.")
    var year: Int?

    @Option(help: "配置文件（YAML：年度、名册、时限口径、表头同义词）。Settings file: year, registry, deadline policy, header synonyms.")
    var config: String?

    @Option(help: "计划表是文件中的第几个表格或工作表（网页、Word 文档常有多个表格），缺省时自动找。Which table or sheet holds the plan (1-based); found when absent.")
    var table: Int?

    /// Reads and checks the plan with these options; the command line wins over the settings file.
    /// A plan of many thousand rows shows its reading progress on a terminal unless `quiet`.
    func load(_ plan: String, global: GlobalOptions) throws -> Plan {
        try PlanImport.read(path: plan, options: options(global), progress: PlanProgressLines(quiet: global.quiet).callback())
    }

    /// The plan options these arguments, the settings file and the memory budget give.
    func options(_ global: GlobalOptions) throws -> PlanOptions {
        let registry = try units.map { try UnitRegistry(contentsOf: URL(fileURLWithPath: $0)) }
        let settings = try config.map { try PlanConfig(contentsOf: $0) } ?? PlanConfig()
        var options = try settings.options(year: year, registry: registry)
        options.budget = global.budget
        options.table = table
        return options
    }
}

/// The two progress lines of reading a plan: rows read, then rows checked.
final class PlanProgressLines {
    private let start = ContinuousClock.now
    private var reading: ProgressLine
    private var checking: ProgressLine?
    private let quiet: Bool

    init(quiet: Bool) {
        self.quiet = quiet
        reading = ProgressLine("读取计划表", unit: "行", total: 0, quiet: quiet, since: start)
    }

    // Cleared on failure too, so that an error starts on a clean line.
    deinit {
        reading.finish()
        checking?.finish()
    }

    func update(_ event: PlanProgress) {
        switch event {
        case .read(let rows):
            reading.update(rows: rows)
        case .checked(let rows, let total):
            if checking == nil {
                reading.finish()
                checking = ProgressLine("校验计划表", unit: "行", total: total, quiet: quiet, since: start)
            }
            checking?.update(done: rows)
        }
    }

    func callback() -> (PlanProgress) -> Void { { self.update($0) } }
}
