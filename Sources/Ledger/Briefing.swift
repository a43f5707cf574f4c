import Foundation
import Table
import XLSX

/// The leadership briefing, made from a merged ledger's JSON (the contract `merge --json` writes):
/// the headline sentence, the per-unit table, charts, and the overdue, due-soon and reporting lists.
public struct Briefing: Sendable {
    public struct UnitLine: Sendable, Equatable {
        public var unit: String
        public var leadTasks: Int
        public var counts: [LedgerSummary.Bucket: Int]
        public var due: Int
        public var completedDue: Int
        public var rate: Double? { due == 0 ? nil : Double(completedDue) / Double(due) }
    }

    public struct ListedTask: Sendable, Equatable {
        public var id: String
        public var task: String
        public var leads: String
        public var due: CalendarDate
        /// Days past the due day (overdue list) or left until it (due-soon list).
        public var days: Int
        public var latestProgress: String
    }

    public var asOf: CalendarDate
    public var planYear: Int
    public var taskCount: Int
    public var totals: [LedgerSummary.Bucket: Int]
    public var lines: [UnitLine]
    public var total: UnitLine
    public var overdue: [ListedTask]
    public var dueSoon: [ListedTask]
    /// One unit's reporting: its files, when the one merged was saved, and whether that was on time.
    public struct Reporting: Sendable, Equatable {
        public enum State: String, Sendable { case onTime = "按时报送", late = "迟报", submitted = "已报送", missing = "未报送" }
        public var unit: String
        public var files: [String]
        /// Beijing time, `2023-07-05 09:15`; nil when not submitted or the file gave no time.
        public var saved: String?
        public var state: State
        public var submitted: Bool { state != .missing }
    }
    public var reporting: [Reporting]

    /// "截至X月X日，N项任务中已完成a项（x%），推进中b项，滞后c项，逾期d项，长期推进e项；m个单位已报送，k个单位未报送。"
    public var headline: String {
        let completed = totals[.completed] ?? 0
        let share = taskCount == 0 ? 0 : Double(completed) / Double(taskCount) * 100
        let percent = String(format: "%.1f%%", share)
        let submitted = reporting.filter(\.submitted).count
        return "截至\(asOf.month)月\(asOf.day)日，\(taskCount)项任务中已完成\(completed)项（\(percent)），推进中\(totals[.onTrack] ?? 0)项，"
            + "滞后\(totals[.lagging] ?? 0)项，逾期\(totals[.overdue] ?? 0)项，长期推进\(totals[.ongoing] ?? 0)项；"
            + "\(submitted)个单位已报送，\(reporting.count - submitted)个单位未报送。"
    }

    /// Reads the ledger JSON; `asOf` overrides the ledger's own date, `dueSoonDays` sets the 临期 window and
    /// `reportBy`, the last day for returns, tells on-time from late ones.
    public init(json: Data, asOf override: CalendarDate? = nil, dueSoonDays: Int = 15, reportBy: CalendarDate? = nil) throws {
        let ledger = try JSONDecoder().decode(LedgerJSON.self, from: json)
        guard let asOf = override ?? CalendarDate(iso: ledger.asOf) else { throw BriefingError.badLedger("asOf") }
        self.asOf = asOf
        planYear = ledger.planYear
        taskCount = ledger.tasks.count
        // Derived from the due date rather than read from the ledger's flag, so that --as-of moves it too.
        func due(_ task: LedgerJSON.Task) -> CalendarDate? { task.deadline.due.flatMap(CalendarDate.init(iso:)) }
        func isOverdue(_ task: LedgerJSON.Task) -> Bool {
            task.status != "completed" && (due(task).map { $0 < asOf } ?? false)
        }
        func bucket(_ task: LedgerJSON.Task, status: Status) -> LedgerSummary.Bucket {
            LedgerSummary.bucket(status: status, due: due(task), ongoing: task.deadline.kind == "ongoing", asOf: asOf)
        }
        // A lead unit's line counts what that unit itself reported, as the ledger's 汇总 does.
        let own = OwnReports(ledger.tasks.map { $0.progress.map { ($0.unit, $0.status.flatMap(Status.init(rawValue:)) ?? .onTrack) } })
        func line(_ unit: String?, _ indices: [Int]) -> UnitLine {
            let reports = unit.map(own.statuses(of:))
            var counts: [LedgerSummary.Bucket: Int] = [:]
            var dueCount = 0, completedDue = 0
            for index in indices {
                let task = ledger.tasks[index]
                let isDue = due(task).map { $0 <= asOf } ?? false
                let bucket = bucket(task, status: reports.map { $0[index] ?? .noReport } ?? Status(rawValue: task.status) ?? .onTrack)
                counts[bucket, default: 0] += 1
                if isDue { dueCount += 1 }
                if bucket == .completed && isDue { completedDue += 1 }
            }
            return UnitLine(unit: unit ?? "合计", leadTasks: indices.count, counts: counts, due: dueCount, completedDue: completedDue)
        }
        var byLead: [String: [Int]] = [:]
        for (index, task) in ledger.tasks.enumerated() {
            for lead in Set(task.units.filter { $0.role == "lead" }.map(\.name)) { byLead[lead, default: []].append(index) }
        }
        lines = ledger.units.map { line($0.name, byLead[$0.name] ?? []) }
        total = line(nil, Array(ledger.tasks.indices))
        totals = total.counts
        func listed(_ task: LedgerJSON.Task, due: CalendarDate, days: Int) -> ListedTask {
            ListedTask(id: task.id, task: task.task, leads: task.units.filter { $0.role == "lead" }.map(\.name).joined(separator: "、"),
                       due: due, days: days, latestProgress: task.progress.first?.text ?? "（未报送）")
        }
        overdue = ledger.tasks.compactMap { task in
            guard isOverdue(task), let due = task.deadline.due.flatMap(CalendarDate.init(iso:)) else { return nil }
            return listed(task, due: due, days: due.days(to: asOf))
        }.sorted { ($0.days, $0.id) > ($1.days, $1.id) }
        dueSoon = ledger.tasks.compactMap { task in
            guard task.status != "completed", !isOverdue(task), let due = task.deadline.due.flatMap(CalendarDate.init(iso:)) else { return nil }
            let days = asOf.days(to: due)
            return days >= 0 && days <= dueSoonDays ? listed(task, due: due, days: days) : nil
        }.sorted { ($0.days, $0.id) < ($1.days, $1.id) }
        var savedByUnit: [String: (date: CalendarDate, text: String, fromFile: Bool)] = [:]
        for ret in ledger.returns ?? [] {
            guard let unit = ret.unit, let time = ret.saved.flatMap(Self.beijingTime) else { continue }
            // The later of two returns from one unit is the one merged.
            if savedByUnit[unit].map({ $0.text < time.text }) ?? true { savedByUnit[unit] = (time.date, time.text, ret.savedFrom == "file") }
        }
        reporting = ledger.units.map { unit in
            let saved = unit.submitted ? savedByUnit[unit.name] : nil
            let state: Reporting.State
            if !unit.submitted {
                state = .missing
            } else if let reportBy, let saved, !saved.fromFile {
                state = saved.date <= reportBy ? .onTime : .late
            } else {
                state = .submitted
            }
            // A CSV's time is the file system's, which copying resets: shown, marked, and not judged.
            return Reporting(unit: unit.name, files: unit.files, saved: saved.map { $0.fromFile ? $0.text + "（文件时间）" : $0.text }, state: state)
        }
    }

    /// An ISO 8601 time (`2023-07-05T01:15:00Z`, with an offset, or local without one) as Beijing time: returns
    /// come from offices in China, and a file saved at 01:15Z was saved at 09:15 on their calendar.
    static func beijingTime(_ iso: String) -> (date: CalendarDate, text: String)? {
        let chars = Array(iso.utf8)
        guard chars.count >= 16, let date = CalendarDate(iso: String(iso.prefix(10))),
              let hour = Int(String(decoding: chars[11..<13], as: UTF8.self)), let minute = Int(String(decoding: chars[14..<16], as: UTF8.self)) else { return nil }
        // Minutes to add to reach UTC+8; none when the time carries no zone (already local).
        let offset: Int
        if iso.hasSuffix("Z") {
            offset = 8 * 60
        } else if let sign = iso.dropFirst(19).firstIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = iso[sign...].filter(\.isNumber)
            guard zone.count == 4, let hh = Int(zone.prefix(2)), let mm = Int(zone.suffix(2)) else { return nil }
            offset = 8 * 60 - (iso[sign] == "+" ? 1 : -1) * (hh * 60 + mm)
        } else {
            offset = 0
        }
        let total = hour * 60 + minute + offset
        let day = date.adding(days: Int((Double(total) / 1440).rounded(.down)))
        let inDay = ((total % 1440) + 1440) % 1440
        let text = day.description + " " + String(format: "%02d:%02d", inDay / 60, inDay % 60)
        return (day, text)
    }

    /// The headline and lists as plain text, ready to paste into a 通报.
    public var text: String {
        var lines = [headline, ""]
        lines.append("一、逾期事项（\(overdue.count)项）")
        lines += overdue.isEmpty ? ["无。"] : overdue.enumerated().map { "\($0 + 1). \($1.task)（\($1.leads)，时限\($1.due)，已逾期\($1.days)天）" }
        lines.append("")
        lines.append("二、临期提醒（\(dueSoon.count)项）")
        lines += dueSoon.isEmpty ? ["无。"] : dueSoon.enumerated().map { "\($0 + 1). \($1.task)（\($1.leads)，时限\($1.due)，还剩\($1.days)天）" }
        lines.append("")
        lines.append("三、报送情况")
        let judged = reporting.contains { $0.state == .onTime || $0.state == .late }
        for state in judged ? [Reporting.State.onTime, .late, .submitted, .missing] : [.submitted, .missing] {
            let units = reporting.filter { $0.state == state }.map(\.unit)
            if judged && state == .submitted && units.isEmpty { continue }
            let label = judged && state == .submitted ? "已报送（文件无保存时间，未判断是否按时）" : state.rawValue
            lines.append("\(label)：" + (units.isEmpty ? "无" : units.joined(separator: "、")) + "。")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The briefing workbook: one sheet 简报, A4 landscape, with the table and two native charts.
    public func write(to path: String) throws {
        let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(title: "\(planYear)年工作任务落实情况简报", creator: "Taizhang")))
        let titleStyle = writer.style(CellFormat(bold: true, fontSize: 16, horizontal: .center, vertical: .center))
        let headlineStyle = writer.style(CellFormat(fontSize: 12, vertical: .center, wrap: true))
        let section = writer.style(CellFormat(bold: true, fontSize: 12))
        let header = writer.style(CellFormat(bold: true, fill: "D9D9D9", border: true, horizontal: .center, vertical: .center, wrap: true))
        let body = writer.style(CellFormat(border: true, vertical: .top, wrap: true))
        let centered = writer.style(CellFormat(border: true, horizontal: .center, vertical: .top))
        let percent = writer.style(CellFormat(border: true, horizontal: .center, numberFormat: "0.0%"))
        let alert = writer.style(CellFormat(fontColor: "C00000", border: true, horizontal: .center, vertical: .top))
        let note = writer.style(CellFormat(italic: true, fontSize: 9, wrap: true))
        let sheet = try writer.addSheet("简报")
        // Widths and merges come before the rows so that rows are sized for the text that shows; the unit
        // column fits the longest names of a city's units (市政务服务大厅管理中心) on one line.
        for (column, width) in [24.0, 10, 8, 8, 8, 10, 11, 10, 9, 12].enumerated() { sheet.setColumn(column + 1, width: width) }
        try sheet.append([Cell(column: 1, value: .text("\(planYear)年工作任务落实情况简报"), style: titleStyle)], height: 30)
        try sheet.merge(CellRange("A1:J1")!)
        try sheet.append([Cell(column: 1, value: .text(headline), style: headlineStyle)], height: 48)
        try sheet.merge(CellRange("A2:J2")!)

        let buckets = LedgerSummary.Bucket.allCases
        try sheet.append(values: (["单位", "牵头任务数"] + buckets.map(\.rawValue) + ["到期完成率"]).map { .text($0) }, style: header, row: 4)
        for item in lines + [total] {
            var cells = [Cell(column: 1, value: .text(item.unit), style: body), Cell(column: 2, value: .number(Double(item.leadTasks)), style: centered)]
            for (i, bucket) in buckets.enumerated() { cells.append(Cell(column: 3 + i, value: .number(Double(item.counts[bucket] ?? 0)), style: centered)) }
            cells.append(Cell(column: 10, value: item.rate.map(CellValue.number) ?? .text("—"), style: item.rate == nil ? centered : percent))
            try sheet.append(cells)
        }
        let firstUnitRow = 5, lastUnitRow = 4 + lines.count, totalRow = lastUnitRow + 1
        try sheet.append([Cell(column: 1, value: .text("说明：" + LedgerSummary.rateDefinition), style: note)], row: totalRow + 1, height: 36)
        try sheet.merge(CellRange(first: CellReference(row: totalRow + 1, column: 1), last: CellReference(row: totalRow + 1, column: 10)))

        // Charts beside the table: a stacked bar per unit by status, and the status totals as a doughnut.
        let colours: [LedgerSummary.Bucket: String] = [.completed: "70AD47", .onTrack: "5B9BD5", .lagging: "FFC000", .overdue: "C00000",
                                                       .notStarted: "A5A5A5", .ongoing: "4472C4", .noReport: "D9D9D9"]
        let categories = Chart.reference(sheet: "简报", CellRange(first: CellReference(row: firstUnitRow, column: 1), last: CellReference(row: lastUnitRow, column: 1)))
        let series = buckets.enumerated().map { i, bucket in
            Chart.Series(name: bucket.rawValue, nameCell: Chart.reference(sheet: "简报", CellRange(first: CellReference(row: 4, column: 3 + i), last: CellReference(row: 4, column: 3 + i))),
                         values: lines.map { Double($0.counts[bucket] ?? 0) },
                         valuesRange: Chart.reference(sheet: "简报", CellRange(first: CellReference(row: firstUnitRow, column: 3 + i), last: CellReference(row: lastUnitRow, column: 3 + i))),
                         color: colours[bucket])
        }
        sheet.addChart(Chart(kind: .bar(horizontal: true, stacked: true), title: "各单位牵头任务进展", categories: lines.map(\.unit),
                             categoriesRange: categories, series: series), at: CellRange(first: CellReference(row: 4, column: 12), last: CellReference(row: 22, column: 19)))
        sheet.addChart(Chart(kind: .doughnut, title: "任务状态分布", categories: buckets.map(\.rawValue),
                             categoriesRange: Chart.reference(sheet: "简报", CellRange("C4:I4")!),
                             series: [.init(name: "任务数", values: buckets.map { Double(totals[$0] ?? 0) },
                                            valuesRange: Chart.reference(sheet: "简报", CellRange(first: CellReference(row: totalRow, column: 3), last: CellReference(row: totalRow, column: 9))),
                                            pointColors: buckets.map { colours[$0]! })]),
                       at: CellRange(first: CellReference(row: 24, column: 12), last: CellReference(row: 42, column: 19)))

        var row = totalRow + 3
        func list(_ title: String, _ tasks: [ListedTask], daysHeader: String) throws {
            try sheet.append([Cell(column: 1, value: .text(title), style: section)], row: row)
            row += 1
            try sheet.merge(CellRange(first: CellReference(row: row, column: 2), last: CellReference(row: row, column: 5)))
            try sheet.merge(CellRange(first: CellReference(row: row, column: 9), last: CellReference(row: row, column: 10)))
            try sheet.append([Cell(column: 1, value: .text("任务编号"), style: header), Cell(column: 2, value: .text("具体任务"), style: header),
                              Cell(column: 6, value: .text("牵头单位"), style: header), Cell(column: 7, value: .text("完成时限"), style: header),
                              Cell(column: 8, value: .text(daysHeader), style: header), Cell(column: 9, value: .text("最新进展"), style: header)], row: row)
            row += 1
            if tasks.isEmpty {
                try sheet.append([Cell(column: 1, value: .text("无"), style: body)], row: row)
                row += 2
                return
            }
            for task in tasks {
                try sheet.merge(CellRange(first: CellReference(row: row, column: 2), last: CellReference(row: row, column: 5)))
                try sheet.merge(CellRange(first: CellReference(row: row, column: 9), last: CellReference(row: row, column: 10)))
                try sheet.append([Cell(column: 1, value: .text(task.id), style: centered), Cell(column: 2, value: .text(task.task), style: body),
                                  Cell(column: 6, value: .text(task.leads), style: body), Cell(column: 7, value: .text(task.due.description), style: centered),
                                  Cell(column: 8, value: .number(Double(task.days)), style: centered), Cell(column: 9, value: .text(task.latestProgress), style: body)],
                                 row: row)
                row += 1
            }
            row += 1
        }
        try list("逾期清单", overdue, daysHeader: "逾期天数")
        try list("临期提醒", dueSoon, daysHeader: "剩余天数")
        try sheet.append([Cell(column: 1, value: .text("报送情况"), style: section)], row: row)
        row += 1
        try sheet.merge(CellRange(first: CellReference(row: row, column: 2), last: CellReference(row: row, column: 5)))
        try sheet.merge(CellRange(first: CellReference(row: row, column: 6), last: CellReference(row: row, column: 7)))
        try sheet.append([Cell(column: 1, value: .text("单位"), style: header), Cell(column: 2, value: .text("报送文件"), style: header),
                          Cell(column: 6, value: .text("保存时间"), style: header), Cell(column: 8, value: .text("情况"), style: header)], row: row)
        row += 1
        for unit in reporting {
            try sheet.merge(CellRange(first: CellReference(row: row, column: 2), last: CellReference(row: row, column: 5)))
            try sheet.merge(CellRange(first: CellReference(row: row, column: 6), last: CellReference(row: row, column: 7)))
            try sheet.append([Cell(column: 1, value: .text(unit.unit), style: body), Cell(column: 2, value: .text(unit.files.joined(separator: "、")), style: body),
                              Cell(column: 6, value: .text(unit.saved ?? ""), style: centered),
                              Cell(column: 8, value: .text(unit.state.rawValue), style: unit.state == .missing || unit.state == .late ? alert : centered)], row: row)
            row += 1
        }
        sheet.setPrintSetup(PrintSetup(landscape: true, fitToWidth: true, repeatRows: nil, pageNumbers: true))
        try writer.close()
    }
}

/// A ledger JSON that is not the contract `merge --json` writes.
public enum BriefingError: Error, CustomStringConvertible {
    case badLedger(String)
    public var description: String { "台账 JSON 缺少或无法识别字段“\(self.field)”，请使用 taizhang merge --json 生成的文件。" }
    private var field: String { if case .badLedger(let f) = self { return f }; return "" }
}

/// The fields of the ledger JSON the briefing needs.
struct LedgerJSON: Decodable {
    struct Unit: Decodable { let name: String; let role: String }
    struct Deadline: Decodable { let kind: String; let due: String? }
    struct Progress: Decodable { let unit: String; let status: String?; let text: String? }
    struct Task: Decodable {
        let id: String
        let task: String
        let units: [Unit]
        let deadline: Deadline
        let progress: [Progress]
        let status: String
    }
    struct Reporter: Decodable { let name: String; let submitted: Bool; let files: [String] }
    struct Return: Decodable { let unit: String?; let saved: String?; let savedFrom: String? }

    let asOf: String
    let planYear: Int
    let tasks: [Task]
    let units: [Reporter]
    /// Absent from ledgers written before the save time was recorded.
    let returns: [Return]?
}
