// Usage: taizhang-bench write ROWS OUT.xlsx [--inline]
//        taizhang-bench plan TASKS OUT.xlsx      (a generated plan shaped like the seed)
//        taizhang-bench validate PLAN.xlsx       (prints the time to read the plan and to validate it)
//        taizhang-bench returns UNITS TASKS DIR [ROUND]  (DIR/plan.xlsx, DIR/units.yaml, DIR/returns/: every unit's
//                                                         filled return; ROUND 1–12 gives that month's returns, more done each month)
// Writes the ledger described in bench/write/README.md: 8 columns of Chinese text, a styled header,
// a date column and column B merged over blocks of 20 rows. Phrases come from $LEDGER_PHRASES or
// bench/write/phrases.txt. --inline uses inline strings, as the peers' constant-memory modes do.
import Foundation
import Ledger
import XLSX

let flags = CommandLine.arguments.filter { $0.hasPrefix("--") }
let arguments = CommandLine.arguments.filter { !$0.hasPrefix("--") }
let phrasesPath = ProcessInfo.processInfo.environment["LEDGER_PHRASES"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../write/phrases.txt").path
let P = try String(contentsOfFile: phrasesPath, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
precondition(P.count == 64, "phrases.txt must hold 64 phrases")
let units = ["办公室", "法规科", "规划科", "政务科", "审批科", "信息科", "督查科", "人事科", "财务科", "服务中心", "数据中心", "监察室"]
let statuses = ["已完成", "推进中", "滞后", "未启动"]
let header = ["序号", "工作要求", "具体任务", "具体要求", "牵头单位", "完成时限", "进展情况", "完成状态"]
let widths: [Double] = [6, 18, 40, 40, 14, 12, 40, 10]
var dates: [ExcelDateTime] = []
for month in 1...12 {
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    for day in 1...days { dates.append(ExcelDateTime(year: 2023, month: month, day: day)) }
}

if arguments.count >= 3, arguments[1] == "validate" {
    // Each step three times, the best kept: the figures are compared with each other, so noise matters.
    func best<T>(_ work: () throws -> T) rethrows -> (T, TimeInterval) {
        var results: [T] = []     // kept, so that freeing one run's result is not timed in the next
        var fastest = TimeInterval.infinity
        for _ in 0..<3 {
            let start = Date()
            results.append(try work())
            fastest = min(fastest, Date().timeIntervalSince(start))
        }
        return (results[0], fastest)
    }
    let (sheet, read) = try best { try PlanSheet.open(path: arguments[2]) }
    let registry = try UnitRegistry(contentsOf: URL(fileURLWithPath: arguments.count > 3 ? arguments[3] : "samples/units.yaml"))
    let (plan, validate) = try best { try PlanImport.read(sheet, options: PlanOptions(registry: registry)) }
    print(String(format: "tasks %d, issues %d; read %.2f s, validate %.2f s (%.0f tasks/s)", plan.tasks.count, plan.issues.count, read, validate, Double(plan.tasks.count) / validate))
    exit(0)
}
if arguments.count >= 5, arguments[1] == "returns", let unitCount = Int(arguments[2]), let tasks = Int(arguments[3]) {
    try writeReturns(units: unitCount, tasks: tasks, into: arguments[4], round: arguments.count > 5 ? Int(arguments[5]) : nil)
    exit(0)
}
if arguments.count >= 4, arguments[1] == "plan", let tasks = Int(arguments[2]) {
    try writePlan(tasks: tasks, to: arguments[3])
    exit(0)
}
guard arguments.count >= 4, arguments[1] == "write", let rows = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: taizhang-bench write ROWS OUT.xlsx [--inline] | plan TASKS OUT.xlsx | validate PLAN.xlsx [UNITS.yaml]\n".utf8))
    exit(2)
}

do {
    var options = WriterOptions(sharedStrings: !flags.contains("--inline"))
    options.properties.title = "台账写入基准"
    let writer = try WorkbookWriter(path: arguments[3], options: options)
    let headStyle = writer.style(CellFormat(bold: true, fill: "D9D9D9", border: true))
    let dateStyle = writer.style(CellFormat(numberFormat: "yyyy-mm-dd"))
    let sheet = try writer.addSheet("总台账")
    for (i, width) in widths.enumerated() { sheet.setColumn(i + 1, width: width) }
    sheet.freeze(rows: 1)
    try sheet.append(values: header.map { .text($0) }, style: headStyle)
    var cells: [Cell] = []
    cells.reserveCapacity(8)
    for r in 1...max(rows, 1) where rows > 0 {
        cells.removeAll(keepingCapacity: true)
        cells.append(Cell(column: 1, value: .number(Double(r))))
        if (r - 1) % 20 == 0 {
            let block = (r - 1) / 20
            cells.append(Cell(column: 2, value: .text("第\(block + 1)项：\(P[block % 64])")))
            let last = min(r + 19, rows)
            if last > r { try sheet.merge(CellRange(first: CellReference(row: r + 1, column: 2), last: CellReference(row: last + 1, column: 2))) }
        }
        cells.append(Cell(column: 3, value: .text(P[r % 64] + P[(r * 7) % 64] + "（任务\(r)）")))
        cells.append(Cell(column: 4, value: .text(P[(r * 3) % 64] + "，" + P[(r * 11) % 64] + "，" + P[(r * 13) % 64])))
        cells.append(Cell(column: 5, value: .text(units[r % 12])))
        cells.append(Cell(column: 6, value: .date(dates[r % 365]), style: dateStyle))
        cells.append(Cell(column: 7, value: .text(P[(r * 5) % 64] + "，已完成\(r % 100)%")))
        cells.append(Cell(column: 8, value: .text(statuses[r % 4])))
        try sheet.append(cells, row: r + 1)
    }
    try writer.close()
} catch {
    FileHandle.standardError.write(Data("taizhang-bench: \(error)\n".utf8))
    exit(1)
}

/// A plan like the seed, TASKS rows long: title, header, 工作要求 merged over blocks of 5, task text, requirement,
/// unit cells and deadlines in the forms the seed and domain.md use.
func writePlan(tasks: Int, to path: String) throws {
    let unitCells = ["局属各单位、机关各科室", "办公室、法规科、规划科、政务科按职能分工落实", "市政务服务大厅管理中心、政务科",
                     "办公室", "法规科牵头，规划科、政务科配合", "机关各科室、局属各单位按职能分工落实", "政务科（牵头）、热线科"]
    let deadlineTexts = ["11月底前", "长期推进", "12月前", "2023年6月30日前", "每季度末", "一季度", "上半年", "持续推进", "10个工作日内", "6月-12月"]
    let writer = try WorkbookWriter(path: path)
    let bold = writer.style(CellFormat(bold: true, border: true))
    let sheet = try writer.addSheet("工作表1")
    try sheet.append(values: [.text("汕尾市政务服务数据管理局2023年政务公开工作要点分工方案")])
    try sheet.merge(CellRange("A1:E1")!)
    try sheet.append(values: ["工作要求", "具体任务", "具体要求", "牵头落实单位", "完成时限"].map { .text($0) }, style: bold)
    for r in 0..<tasks {
        let row = r + 3
        var cells = [Cell(column: 2, value: .text("\(P[r % 64])\(P[(r * 7) % 64])任务\(r)")),
                     Cell(column: 3, value: .text(P[(r * 3) % 64] + "，" + P[(r * 11) % 64] + "，切实做好第\(r)项工作。")),
                     Cell(column: 4, value: .text(unitCells[r % unitCells.count])),
                     Cell(column: 5, value: .text(deadlineTexts[r % deadlineTexts.count]))]
        if r % 5 == 0 {
            cells.insert(Cell(column: 1, value: .text("第\(r / 5 + 1)项：" + P[(r / 5) % 64])), at: 0)
            try sheet.merge(CellRange(first: CellReference(row: row, column: 1), last: CellReference(row: min(row + 4, tasks + 2), column: 1)))
        }
        try sheet.append(cells, row: row)
    }
    try writer.close()
}

/// A plan of TASKS tasks that every one of UNITS units works on (through the group 全局各单位), the registry,
/// and each unit's return: the split template with every progress cell filled. For timing merge at scale.
/// With `round` (a month, 1–12), a twelfth more of the tasks is done each month and the other rows move on, some of
/// them with last month's text: the returns of one of twelve reporting rounds.
func writeReturns(units unitCount: Int, tasks: Int, into dir: String, round: Int? = nil) throws {
    try FileManager.default.createDirectory(atPath: dir + "/returns", withIntermediateDirectories: true)
    let names = (1...unitCount).map { String(format: "第%03d科", $0) }
    var yaml = "organisation: 基准测试局\nunits:\n"
    for name in names { yaml += "- name: \(name)\n  kind: 科室\n" }
    yaml += "groups:\n- name: 全局各单位\n  members: [\(names.joined(separator: ", "))]\n"
    try yaml.write(toFile: dir + "/units.yaml", atomically: true, encoding: .utf8)
    let writer = try WorkbookWriter(path: dir + "/plan.xlsx")
    let sheet = try writer.addSheet("工作表1")
    try sheet.append(values: [.text("基准测试局2023年工作要点分工方案")])
    try sheet.append(values: ["工作要求", "具体任务", "具体要求", "牵头落实单位", "完成时限"].map { .text($0) })
    let deadlines = ["11月底前", "长期推进", "12月前", "2023年6月30日前", "每季度末"]
    for r in 0..<tasks {
        try sheet.append(values: [.text("第\(r / 10 + 1)项：" + P[(r / 10) % 64]), .text(P[r % 64] + P[(r * 7) % 64] + "任务\(r)"),
                                  .text(P[(r * 3) % 64] + "，" + P[(r * 11) % 64] + "，第\(r)项。"), .text("全局各单位"), .text(deadlines[r % 5])])
    }
    try writer.close()
    let plan = try PlanImport.read(path: dir + "/plan.xlsx", options: PlanOptions(registry: UnitRegistry(contentsOf: URL(fileURLWithPath: dir + "/units.yaml"))))
    let progress = ["截至6月底，已完成年度任务的60%", "已完成", "持续推进中", "尚未启动，计划下半年开展", "基本完成，正在总结"]
    let status = ["推进中", "已完成", "推进中", "未启动", "部分完成"]
    for (u, unit) in names.enumerated() {
        let out = try WorkbookWriter(path: dir + "/returns/" + ReturnForm.fileName(for: unit),
                                     options: WriterOptions(properties: DocumentProperties(custom: [(ReturnForm.unitProperty, unit)])))
        let s = try out.addSheet(ReturnForm.sheetName)
        try s.append(values: [.text("反馈表")])
        try s.append(values: [.text("\(ReturnForm.unitProperty)：\(unit)")])
        try s.append(values: (ReturnForm.planHeaders(for: plan) + ReturnForm.progressHeaders).map { .text($0) })
        for (i, task) in plan.tasks.enumerated() {
            var k = (i + u) % 5
            var text = progress[k]
            if let round {
                // A twelfth of the tasks is finished each month, every tenth unit a month late with it. Rows that are not
                // done move on every other month, and stay as last month's text in between.
                let month = (i * 7) % 12 + 1 + (u % 10 == 0 ? 1 : 0)
                let done = month <= round
                k = done ? 1 : [0, 2, 3, 4][(i + u + round / 2) % 4]
                text = done ? "已完成，\(month)月完成" : progress[k] + "（\(round / 2 * 2)月报）"
            }
            try s.append(values: [.text(task.id), .text(task.category?.text ?? ""), .text(task.task.text), .text(task.requirement?.text ?? ""),
                                  .text(task.unitsText), .text("牵头"), .text(task.deadline.text), .text(text), .text(status[k]),
                                  k == 1 ? .date(ExcelDateTime(year: 2023, month: 6, day: 1 + i % 28)) : nil, .text("佐证材料\(i).pdf")])
        }
        try out.close()
    }
}
