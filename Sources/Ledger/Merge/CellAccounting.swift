import Table

/// One return's cells accounted for while its rows are merged: each non-empty cell is merged, equal to the
/// plan, or reported as an issue at its cell, and the counts say so.
struct ReturnAccount {
    /// The return's file and sheet, kept to place issues; the return itself is let go once accounted for.
    let file: String
    let sheet: String?
    private let columns: [HeaderField: Int]
    private let headerRow: Int
    /// nil when the file did not say which unit it is from: nothing of it is merged.
    let unit: String?
    var summary: ReturnSummary
    var issues: [ValidationIssue] = []
    /// The progress reported, by task id.
    var progress: [(String, ProgressEntry)] = []
    /// Columns the unit added, by column: their header and how many cells they hold.
    private var addedColumns: [Int: (header: String, count: Int, reported: Int)] = [:]
    /// Merged ranges spanning rows of the return, for the note that one value served several tasks.
    private let verticalMerges: [CellArea]
    private var sharedRangesNoted = Set<CellArea>()
    /// Units repeat their words: status is inferred once per distinct status and progress text.
    private var statusCache: [String: StatusInference] = [:]

    /// Reads 完成时间 with the deadline grammar, in the plan's year.
    private let dates: DeadlineParser
    private var completedDates: [String: CalendarDate?] = [:]

    init(_ ret: UnitReturn, planYear: Int) {
        dates = DeadlineParser(planYear: planYear)
        (file, sheet, columns, headerRow) = (ret.file, ret.grid.sheet, ret.columns, ret.headerRow)
        verticalMerges = ret.grid.mergedRanges.filter { $0.last.row > $0.first.row }
        unit = ret.unit
        summary = ReturnSummary(file: ret.file, unit: unit, sha256: ret.sha256, rowsRead: ret.rows.count, cellsRead: ret.cellsRead,
                                saved: ret.saved, savedFromFile: ret.savedFromFile)
        if unit == nil {
            summary.cellsReported = summary.cellsRead
            issues.append(.init(.error, "unidentified-return", at: SourceLocation(file: ret.file),
                                "无法识别填报单位（文件属性、“填报单位”行和文件名中都没有单位名称），未合并。请用 --unit \(Merge.name(ret.file))=单位名称 指定。"))
        }
    }

    func location(_ row: UnitReturn.Row, _ field: HeaderField?) -> SourceLocation {
        location(row: row.number, column: field.flatMap { columns[$0] } ?? 1)
    }

    func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, sheet: sheet, cell: CellAddress(row: row, column: column))
    }

    /// A row that matched no task: its cells are reported.
    mutating func unmatched(_ row: UnitReturn.Row) {
        let cells = row.typed.count + row.extra.count
        guard cells > 0 else { return }
        issues.append(.init(.warning, "unmatched-row", at: location(row, .task),
                            "这一行（\(Merge.prefix(row.text(.task) ?? row.text(.progress) ?? ""))）与计划中的任务都对不上，未合并，请核对是否为新增任务。"))
        summary.cellsReported += cells
    }

    /// Progress typed on a task that is not the unit's: said first, then its cells are reported with the rest.
    mutating func foreignTask(_ row: UnitReturn.Row, task: PlanTask) {
        guard row.typed.contains(where: Merge.progressFields.contains) else { return }
        issues.append(.init(.warning, "not-own-task", at: location(row, .progress),
                            "\(unit ?? "") 填报了不属于本单位的任务 \(task.id)“\(Merge.prefix(task.task.text))”，未合并，请核对。"))
    }

    /// Plan columns typed in the row: equal to the plan, or reported (the plan wins).
    mutating func planCells(_ row: UnitReturn.Row, task: PlanTask) {
        for field in row.typed where !Merge.progressFields.contains(field) {
            let typed = row.fields[field]!.text
            // Numbering the unit copied (a 序号 column, "(一)" before the task) is the plan's, not a change.
            // A unit column holds that role's units (our templates), or all the plan's unit cells (templates before them).
            let asWritten = field.isUnit && Merge.sameText(task.unitsText, typed)
            if field == .seq || asWritten || Merge.planValue(field, of: task).map({ Merge.sameText($0, typed) }) ?? false {
                summary.cellsUnchanged += 1
            } else {
                summary.cellsReported += 1
                let shown = TextDifference.marked(Merge.planValue(field, of: task) ?? "", typed)
                issues.append(.init(.warning, "plan-changed", at: location(row, field),
                                    "计划内容被修改为“\(shown.typed)”（计划为“\(shown.plan)”，不同处标在【】中），以计划为准，未合并。"))
            }
        }
    }

    /// Cells of columns the template does not have: the unit's role as the template states it, compared with the
    /// plan; on the unit's own task, columns it added are kept under their headers; elsewhere they are reported.
    mutating func extraCells(_ row: UnitReturn.Row, task: PlanTask, own: Bool) -> [ReturnExtra] {
        var kept: [ReturnExtra] = []
        for (column, header, value) in row.extra {
            guard header.trimmingWhitespace == ReturnForm.roleHeader else {
                addedColumns[column, default: (header, 0, 0)].count += 1
                if own {
                    kept.append(ReturnExtra(header: header.isEmpty ? "\(CellAddress.columnName(column))列" : header, text: value.text))
                } else {
                    summary.cellsReported += 1
                    addedColumns[column]!.reported += 1
                }
                continue
            }
            let roleName = task.units.references.first { $0.name == unit }.map { ReturnForm.roleName($0.role) }
            if value.text == roleName {
                summary.cellsUnchanged += 1
            } else {
                summary.cellsReported += 1
                issues.append(.init(.warning, "plan-changed", at: location(row: row.number, column: column),
                                    "本单位角色被改为“\(value.text)”（计划为“\(roleName ?? "无")”），以计划为准，未合并。"))
            }
        }
        return kept
    }

    /// Progress cells: merged when the task is the unit's own, reported when it is not. A value merged over
    /// several task rows serves each of them, and the clerk is told which range did.
    mutating func progressCells(_ row: UnitReturn.Row, task: PlanTask, own: Bool, extras: [ReturnExtra]) {
        let progressCells = row.typed.filter(Merge.progressFields.contains)
        guard own else {
            summary.cellsReported += progressCells.count
            return
        }
        let shared = Merge.progressFields.filter { row.fields[$0] != nil && !row.typed.contains($0) }
        guard !progressCells.isEmpty || !shared.isEmpty || !extras.isEmpty else { return }
        summary.cellsMerged += progressCells.count + extras.count
        noteShared(shared, row: row)
        let statusText = row.text(.status), progressText = row.text(.progress)
        let cacheKey = (statusText ?? "") + "\u{1F}" + (progressText ?? "")
        let inferred = statusCache[cacheKey] ?? StatusInference(statusCell: statusText.map(SimplifiedScript.convert),
                                                                progress: progressText.map(SimplifiedScript.convert))
        statusCache[cacheKey] = inferred
        if let ignored = inferred.ignoredStatusCell, row.typed.contains(.status) {
            issues.append(.init(.warning, "bad-status", at: location(row, .status),
                                "完成状态“\(ignored)”不是可识别的状态词，已按进展情况判断。可选：\(ReturnForm.statusChoices.map(\.displayName).joined(separator: "、"))。"))
        }
        var entry = ProgressEntry(
            unit: unit ?? "", status: inferred.status, text: progressText, percent: inferred.percent,
            completedOn: row.text(.completedOn), evidence: row.text(.evidence), remarks: row.text(.remarks),
            person: row.text(.person), contact: row.text(.contact), problems: row.text(.problems), nextSteps: row.text(.nextSteps),
            extras: extras, source: location(row, progressText != nil ? .progress : nil))
        if let done = entry.completedOn {
            // Units write the same dates over and over: each text is read once.
            let day = completedDates[done] ?? { if case .date(let day, .day, _) = dates.parse(SimplifiedScript.convert(done)).kind { day } else { nil } }()
            completedDates[done] = day
            entry.completedDate = day
        }
        progress.append((task.id, entry))
    }

    /// One note per merged range whose value a row reads without typing it.
    private mutating func noteShared(_ fields: Set<HeaderField>, row: UnitReturn.Row) {
        for field in fields.sorted(by: { (columns[$0] ?? 0) < (columns[$1] ?? 0) }) {
            guard let column = columns[field],
                  let range = verticalMerges.first(where: { $0.contains(CellAddress(row: row.number, column: column)) }),
                  sharedRangesNoted.insert(range).inserted else { continue }
            issues.append(.init(.info, "shared-progress", at: location(row: range.first.row, column: column),
                                "\(field.displayName)在 \(range) 合并为一格，同一内容计入其中每项任务（第 \(range.first.row)–\(range.last.row) 行）。"))
        }
    }

    /// After the last row: one issue per added column, and one when the file filled in nothing for its unit.
    mutating func finish() {
        for (column, added) in addedColumns.sorted(by: { $0.key < $1.key }) {
            let name = added.header.isEmpty ? "\(CellAddress.columnName(column)) 列（无表头）" : "“\(added.header)”列"
            let kept = added.count - added.reported
            let fate = added.reported == 0 ? "已作为附加列保留在总台账中" : "本单位任务的 \(kept) 格保留在总台账中，其余 \(added.reported) 格不属于本单位任务，未合并"
            issues.append(.init(added.reported == 0 ? .info : .warning, "added-column", at: location(row: headerRow, column: column),
                                "单位新增了\(name)（\(added.count) 个单元格），\(fate)。"))
        }
        // A file that names its unit but fills in nothing for it: its tasks will show 未报送 although a file came.
        if progress.isEmpty && summary.rowsMatched > 0 {
            issues.append(.init(.warning, "no-progress", at: SourceLocation(file: file, sheet: sheet),
                                "\(unit ?? "")的反馈表没有填写本单位任何任务的进展（进展情况、完成状态等均为空），其任务按未报送计；请确认是否发错了文件或未保存。"))
        }
    }
}

extension UnitReturn.Row {
    /// A field's text, nil when empty or only white space.
    func text(_ field: HeaderField) -> String? {
        fields[field].map(\.text).flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
