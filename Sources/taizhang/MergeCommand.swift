import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import CSV
import Foundation
import Ledger
import Reports

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "合并各单位反馈，生成总台账。Merge unit returns into the master ledger.",
        discussion: """
        反馈文件可以是 .xlsx 或 .csv，也可以给出文件夹。按任务编号匹配，没有编号时按任务内容匹配（近似匹配会列入“问题”）；
        单位修改计划内容、同一单位报送两次、填报非本单位任务等冲突一律列入“问题”，不会静默处理。
        每份反馈的单元格都有去处：合并进台账、与计划相同、或列入问题，数目在“来源”表中核对。

        示例 Examples:
          taizhang merge samples/plan-2023.xlsx samples/returns -o out/总台账.xlsx --units samples/units.yaml --as-of 2023-12-15
          taizhang merge 计划表.xlsx 反馈/ -o 台账.xlsx --csv 台账.csv --json 台账.json --unit 反馈/新建表格.xlsx=法规科
        """)

    @Argument(help: "计划表 (.xlsx/.xls/.docx/.html/.csv)。Plan file.")
    var plan: String

    @Argument(help: "反馈文件或文件夹。Return files or folders.")
    var returns: [String]

    @Option(name: .shortAndLong, help: "输出的台账工作簿。Ledger workbook to write.")
    var output: String

    @Option(help: "另存总台账为 CSV（UTF-8 BOM）。Also write 总台账 as CSV.")
    var csv: String?

    @Option(help: "另存机器可读的 JSON。Also write the JSON form.")
    var json: String?

    @Option(name: .customLong("as-of"), help: "统计截止日 YYYY-MM-DD，默认今天。As-of date, default today.")
    var asOf: String?

    @Option(help: "指定某个文件的填报单位：文件=单位，可多次使用。FILE=UNIT, repeatable.")
    var unit: [String] = []

    @Option(help: "同时把本轮记入台账数据库（taizhang ledger init 建立），可查历次进展。Also record this round in the ledger store.")
    var into: String?

    @Option(help: "本轮的名称，默认按统计截止日的年月，如 2023-07。Round label; the as-of month by default.")
    var round: String?

    @OptionGroup var planOptions: PlanArguments

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of 应写作 YYYY-MM-DD，例如 2023-12-15。") }
        for pair in unit where !pair.contains("=") { throw ValidationError("--unit 应写作 文件=单位，例如 反馈/表1.xlsx=法规科。") }
    }

    func run() throws {
        let hasErrors = try global.measured { () throws -> Bool in
            do {
                var overrides: [String: String] = [:]
                for pair in unit {
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    overrides[parts[0]] = parts[1]
                }
                let day = asOf.flatMap { CalendarDate(iso: $0) } ?? Self.today()
                let stored = try into.map { try StoreRound(path: $0, round: round, asOf: day, plan: plan) }
                let plain = MergeOptions(asOf: day, plan: try planOptions.options(global), units: overrides)
                let options = try stored?.extending(plain) ?? plain
                let planLines = PlanProgressLines(quiet: global.quiet)
                var returnsLine: ProgressLine?
                // Cleared on failure too, so that an error starts on a clean line.
                defer { returnsLine?.finish() }
                let ledger = try Merge.run(plan: plan, returns: returns, options: options) { event in
                    switch event {
                    case .planRead(let rows): planLines.update(.read(rows: rows))
                    case .planChecked(let rows, let total): planLines.update(.checked(rows: rows, of: total))
                    case .returnMerged(_, let total, let rows):
                        if returnsLine == nil { returnsLine = ProgressLine("合并反馈", unit: "个文件", total: total, quiet: global.quiet) }
                        returnsLine?.advance(rows: rows)
                    }
                }
                returnsLine?.finish()
                for path in [output, csv, json].compactMap({ $0 }) where path != "-" {
                    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                // All of the outputs or none: each is written aside, and put in place only once every one is written.
                let staged = output + ".taizhang-\(UUID().uuidString).xlsx"
                defer { try? FileManager.default.removeItem(atPath: staged) }
                let views = try stored?.views(ledger, quiet: global.quiet)
                try LedgerWorkbook.write(ledger, to: staged, changes: views?.changes, history: views?.history, periods: views?.periods ?? [:])
                var others: [OutputFile] = []
                if let csv {
                    let file = try OutputFile(path: csv)
                    let table = LedgerTable(ledger, changes: views?.changes, periods: views?.periods ?? [:])
                    try table.writeCSV(ledger, to: try CSVWriter(encoding: .utf8BOM) { try file.write($0) })
                    others.append(file)
                }
                if let json {
                    let file = try OutputFile(path: json)
                    try LedgerJSON.encode(ledger).withUnsafeBytes { try file.write($0) }
                    others.append(file)
                }
                // The round is in the store before the outputs are in place: a store that cannot take it leaves no ledger.
                let outcome = try stored?.record(ledger)
                guard rename(staged, output) == 0 else {
                    throw OutputError(path: output, detail: String(cString: strerror(errno)))
                }
                for file in others { try file.commit() }
                if !global.quiet { print(Self.summaryText(ledger)) }
                if let stored, let outcome, !global.quiet { print(stored.message(outcome, ledger)) }
                return ledger.issues.contains { $0.severity == .error }
            } catch let error as ExitCode {
                throw error
            } catch {
                throw report(error)
            }
        }
        if hasErrors { throw Exit.dataProblems }
    }

    static func today() -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The 汇总 table for the terminal, and the accounting of every return.
    static func summaryText(_ ledger: LedgerResult) -> String {
        let summary = LedgerSummary(ledger)
        var lines = ["截至 \(ledger.asOf)：\(ledger.entries.count) 项任务，\(ledger.units.filter(\.submitted).count) 个单位已报送，\(ledger.units.filter { !$0.submitted }.count) 个单位未报送。", ""]
        let heads = ["单位", "牵头", "配合"] + LedgerSummary.Bucket.allCases.map(\.rawValue) + ["其中长期推进", "到期完成率"]
        lines.append(heads.joined(separator: "\t"))
        for (index, line) in (summary.lines + [summary.total]).enumerated() {
            let counts = LedgerSummary.Bucket.allCases.map { String(line.counts[$0] ?? 0) }
            let rate = line.rate.map { String(format: "%.1f%%", $0 * 100) } ?? (line.leadTasks == 0 ? "—" : "本期无到期任务")
            let cooperating = index == summary.lines.count ? "—" : String(line.cooperatingTasks)
            lines.append(([line.unit, String(line.leadTasks), cooperating] + counts + [String(line.ongoingTasks), rate]).joined(separator: "\t"))
        }
        lines.append("")
        for ret in ledger.returns {
            lines.append("\(ret.file.split(separator: "/").last ?? "")：读取 \(ret.cellsRead) 格 = 合并 \(ret.cellsMerged) + 与计划相同 \(ret.cellsUnchanged) + 列入问题 \(ret.cellsReported)")
        }
        let errors = ledger.issues.filter { $0.severity == .error }.count
        lines.append("问题：\(errors) 个错误，\(ledger.issues.count - errors) 个警告（见台账“问题”表）。")
        return lines.joined(separator: "\n")
    }
}
