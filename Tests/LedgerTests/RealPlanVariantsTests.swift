import Foundation
import TestSupport
import Testing
import XLSX
@testable import Ledger

/// The corpus plans laid out as another office might have kept the same table: an 附件 line and a 填报单位 line above
/// the header, notes and signatures below the data, extra columns, other header words, the deadline column moved.
/// The content is the same, so every variant must be read as the plan itself is (RealPlanCorpusTests): tables the
/// tool has never seen differ in exactly these ways, and reading must follow the table, not one layout of it.
@Suite("Real plans laid out differently")
struct RealPlanVariantsTests {
    /// One sheet's values and merged ranges, to be laid out again.
    struct Sheet {
        var cells: [CellReference: CellValue]
        var merges: [CellRange]
        /// When the plan was saved: a plan that names no year is read for the year it was saved in.
        var saved: ExcelDateTime?
        var width: Int { cells.keys.map(\.column).max() ?? 0 }
        var height: Int { cells.keys.map(\.row).max() ?? 0 }

        init(path: String) throws {
            let workbook = try Workbook(path: path)
            let content = try workbook.read(workbook.sheets[0])
            cells = [:]
            for row in content.rows {
                for cell in row.cells { cells[CellReference(row: row.number, column: cell.column)] = cell.value }
            }
            merges = content.mergedRanges
            saved = workbook.modified.flatMap { ExcelDateTime(iso: String($0.prefix(19))) }
        }

        func write(to path: String) throws {
            let writer = try WorkbookWriter(path: path, options: WriterOptions(properties: DocumentProperties(created: saved)))
            let sheet = try writer.addSheet("Sheet1")
            let byRow = Dictionary(grouping: cells, by: { $0.key.row })
            for row in byRow.keys.sorted() {
                try sheet.append(byRow[row]!.map { Cell(column: $0.key.column, value: $0.value) }.sorted { $0.column < $1.column }, row: row)
            }
            for range in merges { try sheet.merge(range) }
            try writer.close()
        }

        /// Every cell and merge moved by `map` (row, column) → (row, column).
        func moved(_ map: (Int, Int) -> (Int, Int)) -> Sheet {
            var copy = self
            copy.cells = Dictionary(uniqueKeysWithValues: cells.map { key, value in
                let (row, column) = map(key.row, key.column)
                return (CellReference(row: row, column: column), value)
            })
            copy.merges = merges.map { range in
                let (r1, c1) = map(range.first.row, range.first.column), (r2, c2) = map(range.last.row, range.last.column)
                return CellRange(first: CellReference(row: r1, column: c1), last: CellReference(row: r2, column: c2))
            }
            return copy
        }
    }

    enum Variant: String, CaseIterable, CustomTestStringConvertible {
        case preamble, footer, extraColumns, otherHeaderWords, deadlineBeforeUnits, serialNumbers, unitsUnderOneHeading, categoryNotMerged, sectionsNotMerged, sameCellsMergedDown, headersBrokenAndSpaced, noTitle, headerTwoRowsTall
        var testDescription: String { rawValue }
    }

    /// Header words for the same column, as offices write them; each is used only where the vocabulary reads it as that
    /// column without doubt.
    static let headerWords: [HeaderField: [String]] = [
        .task: ["具体任务", "重点任务", "主要任务", "任务内容", "工作任务"],
        .requirement: ["具体要求", "工作要求", "工作措施", "具体措施"],
        .leadUnit: ["牵头单位", "牵头部门", "牵头责任单位"],
        .coopUnit: ["配合单位", "配合部门", "协办单位"],
        .respUnit: ["责任单位", "责任部门", "承办单位"],
        .deadline: ["完成时限", "完成期限", "时间节点", "完成时间"],
        .leader: ["责任领导", "分管领导"],
    ]

    /// The variant of a plan's sheet, and how far its data rows moved down; nil when the plan's shape does not allow it
    /// (a header merged across columns that moving one would split).
    static func variant(_ variant: Variant, of sheet: Sheet, header: ClosedRange<Int>, fields: [HeaderField: Int],
                        taskRows: [Int]) -> (sheet: Sheet, rowOffset: Int)? {
        switch variant {
        case .preamble:
            // 附件1 and a blank row above the title; a 填报单位 line between the title and the header.
            var moved = sheet.moved { row, column in (row < header.lowerBound ? row + 2 : row + 3, column) }
            moved.cells[CellReference(row: 1, column: 1)] = .text("附件1")
            moved.cells[CellReference(row: header.lowerBound + 2, column: 1)] = .text("填报单位（盖章）：")
            moved.cells[CellReference(row: header.lowerBound + 2, column: max(sheet.width - 1, 2))] = .text("填报日期：    年  月  日")
            return (moved, 3)
        case .footer:
            var notes = sheet
            let row = sheet.height + 2
            notes.cells[CellReference(row: row, column: 1)] = .text("注：1.本表所列任务由各责任单位每月25日前报送进展。2.完成时限为最迟完成时间。")
            if sheet.width > 1 { notes.merges.append(CellRange(first: CellReference(row: row, column: 1), last: CellReference(row: row, column: sheet.width))) }
            notes.cells[CellReference(row: row + 1, column: 1)] = .text("填表人：")
            notes.cells[CellReference(row: row + 1, column: max(sheet.width - 1, 2))] = .text("审核人：")
            return (notes, 0)
        case .extraColumns:
            // 备注 with a note on two tasks, and an empty 完成情况 the units are to fill.
            var wider = sheet
            let (remarks, progress) = (sheet.width + 1, sheet.width + 2)
            wider.cells[CellReference(row: header.lowerBound, column: remarks)] = .text("备注")
            wider.cells[CellReference(row: header.lowerBound, column: progress)] = .text("完成情况")
            if header.count > 1 {
                for column in [remarks, progress] {
                    wider.merges.append(CellRange(first: CellReference(row: header.lowerBound, column: column), last: CellReference(row: header.upperBound, column: column)))
                }
            }
            for row in taskRows.prefix(2) { wider.cells[CellReference(row: row, column: remarks)] = .text("列入年度督查事项") }
            return (wider, 0)
        case .otherHeaderWords:
            var renamed = sheet
            var changed = false
            for (reference, value) in sheet.cells where header.contains(reference.row) {
                guard case .text(let text) = value, let (field, words) = headerWords.first(where: { $0.value.contains(text) }),
                      fields[field] == reference.column else { continue }
                let others = words.filter { $0 != text && HeaderVocabulary.match($0).map { $0.field == field && $0.alternatives.isEmpty } == true }
                guard let other = others.first else { continue }
                renamed.cells[reference] = .text(other)
                changed = true
            }
            return changed ? (renamed, 0) : nil
        case .serialNumbers:
            // A 序号 column in front, numbering the tasks 1, 2, 3 …
            guard fields[.seq] == nil else { return nil }
            var numbered = sheet.moved { row, column in (row, column + 1) }
            // Ranges over the whole width (the title, section rows) take the new column in.
            for (index, range) in numbered.merges.enumerated()
            where range.first.column == 2 && range.last.column == sheet.width + 1 && range.first.row == range.last.row {
                // The text stays in the range's first cell, as Excel keeps only that one.
                let anchor = CellReference(row: range.first.row, column: 1)
                numbered.cells[anchor] = numbered.cells.removeValue(forKey: range.first)
                numbered.merges[index] = CellRange(first: anchor, last: range.last)
            }
            numbered.cells[CellReference(row: header.lowerBound, column: 1)] = .text("序号")
            if header.count > 1 {
                numbered.merges.append(CellRange(first: CellReference(row: header.lowerBound, column: 1), last: CellReference(row: header.upperBound, column: 1)))
            }
            for (index, row) in taskRows.enumerated() { numbered.cells[CellReference(row: row, column: 1)] = .number(Double(index + 1)) }
            return (numbered, 0)
        case .unitsUnderOneHeading:
            // 责任单位 over 牵头单位 | 配合单位 on a second header row, the other headings merged down over both rows.
            guard header.count == 1, let lead = fields[.leadUnit], let coop = fields[.coopUnit], coop == lead + 1 else { return nil }
            var twoRows = sheet.moved { row, column in (row > header.upperBound ? row + 1 : row, column) }
            let top = header.lowerBound, below = top + 1
            for column in 1...sheet.width {
                let reference = CellReference(row: top, column: column)
                if column == lead || column == coop {
                    twoRows.cells[CellReference(row: below, column: column)] = twoRows.cells[reference]
                    twoRows.cells[reference] = column == lead ? .text("责任单位") : nil
                } else if twoRows.cells[reference] != nil {
                    twoRows.merges.append(CellRange(first: reference, last: CellReference(row: below, column: column)))
                }
            }
            twoRows.merges.append(CellRange(first: CellReference(row: top, column: lead), last: CellReference(row: top, column: coop)))
            return (twoRows, 1)
        case .categoryNotMerged:
            // The category written once at the top of its run, its cells below left empty instead of merged. Only where
            // runs are long (at most one category for two tasks): a category on nearly every row, once unmerged, reads
            // as well as the task column its header may name (工作任务 over 具体要求), and a table cannot tell them apart.
            // One level of grouping only: under a second merged level (工作任务 over 一、… and (一)…) an unmerged one is
            // another table's shape.
            guard let category = fields[.category], taskRows.count >= 4,
                  Set(taskRows.compactMap { sheet.cells[CellReference(row: $0, column: category)] }).count * 2 <= taskRows.count,
                  !sheet.merges.contains(where: { $0.first.row > header.upperBound && $0.last.row > $0.first.row && $0.first.column != category
                                                  && $0.first.column < (fields[.task] ?? fields[.requirement] ?? 0) }) else { return nil }
            var unmerged = sheet
            unmerged.merges.removeAll { $0.first.column == category && $0.last.column == category && $0.first.row > header.upperBound }
            return unmerged.merges.count < sheet.merges.count ? (unmerged, 0) : nil
        case .sectionsNotMerged:
            // Section rows (一、…, or unnumbered as 加强基础设施建设) written in their first cell alone, not merged across.
            var plain = sheet
            plain.merges.removeAll { $0.first.row > header.upperBound && $0.first.row == $0.last.row && $0.first.column == 1 && $0.last.column >= sheet.width }
            return plain.merges.count < sheet.merges.count ? (plain, 0) : nil
        case .sameCellsMergedDown:
            // Units and deadlines the same on consecutive tasks merged down over them, as offices tidy a table.
            var tidy = sheet
            let columns = [fields[.leadUnit], fields[.coopUnit], fields[.respUnit], fields[.deadline]].compactMap { $0 }
            let merged = Set(sheet.merges.flatMap { range in (range.first.row...range.last.row).map { $0 } })
            var start = 0
            while start < taskRows.count {
                var end = start
                while end + 1 < taskRows.count, taskRows[end + 1] == taskRows[end] + 1, !merged.contains(taskRows[end + 1]) { end += 1 }
                for column in columns {
                    var first = start
                    while first < end {
                        let value = sheet.cells[CellReference(row: taskRows[first], column: column)]
                        var last = first
                        while last < end, value != nil, sheet.cells[CellReference(row: taskRows[last + 1], column: column)] == value { last += 1 }
                        if last > first {
                            tidy.merges.append(CellRange(first: CellReference(row: taskRows[first], column: column), last: CellReference(row: taskRows[last], column: column)))
                            for index in (first + 1)...last { tidy.cells[CellReference(row: taskRows[index], column: column)] = nil }
                        }
                        first = last + 1
                    }
                }
                start = end + 1
            }
            return tidy.merges.count > sheet.merges.count ? (tidy, 0) : nil
        case .headersBrokenAndSpaced:
            // Header cells typed with a line break in the middle (牵头\n单位) or spaced out (完 成 时 限).
            var typed = sheet
            var changed = false
            for (reference, value) in sheet.cells where header.contains(reference.row) {
                guard case .text(let text) = value, text.count >= 4, !text.contains(where: \.isWhitespace) else { continue }
                let characters = Array(text)
                typed.cells[reference] = .text(reference.column % 2 == 0 ? String(characters[..<(characters.count / 2)]) + "\n" + String(characters[(characters.count / 2)...])
                                                                     : characters.map(String.init).joined(separator: " "))
                changed = true
            }
            return changed ? (typed, 0) : nil
        case .noTitle:
            // The table alone: no title or 附件 line above the header.
            guard header.lowerBound > 1 else { return nil }
            let cut = header.lowerBound - 1
            var bare = sheet
            bare.cells = bare.cells.filter { $0.key.row > cut }
            bare.merges = bare.merges.filter { $0.first.row > cut }
            return (bare.moved { row, column in (row - cut, column) }, -cut)
        case .headerTwoRowsTall:
            // Each header cell merged down over two rows, as a taller header is often drawn.
            guard header.count == 1 else { return nil }
            var tall = sheet.moved { row, column in (row > header.upperBound ? row + 1 : row, column) }
            for column in 1...sheet.width where sheet.cells[CellReference(row: header.lowerBound, column: column)] != nil
                && !sheet.merges.contains(where: { $0.contains(CellReference(row: header.lowerBound, column: column)) }) {
                tall.merges.append(CellRange(first: CellReference(row: header.lowerBound, column: column), last: CellReference(row: header.lowerBound + 1, column: column)))
            }
            return (tall, 1)
        case .deadlineBeforeUnits:
            let units = [fields[.leadUnit], fields[.respUnit], fields[.coopUnit]].compactMap { $0 }
            guard let deadline = fields[.deadline], let first = units.min(), first < deadline else { return nil }
            // A range over several columns among those that move would be split: only whole-width ones may stay.
            let split = sheet.merges.contains { range in
                range.first.column != range.last.column && range.last.column >= first && range.first.column <= deadline
                    && !(range.first.column == 1 && range.last.column >= sheet.width)
            }
            guard !split else { return nil }
            return (sheet.moved { row, column in
                (row, column == deadline ? first : (first..<deadline).contains(column) ? column + 1 : column)
            }, 0)
        }
    }

    @Test("each corpus plan in another layout is read as the plan itself", arguments: Variant.allCases)
    func variants(_ variant: Variant) throws {
        let folder = Fixture.directory()
        var made = 0
        for id in try RealPlanCorpusTests.plans() {
            let path = RealPlanCorpusTests.root + "/" + id + "/plan.xlsx"
            let original = try RealPlanCorpusTests.score(id)
            let table = try PlanSheet.open(path: path)
            let taskRows = try PlanImport.read(path: path).tasks.compactMap(\.source.cell?.row)
            guard let (sheet, offset) = Self.variant(variant, of: try Sheet(path: path), header: table.layout.headerRows,
                                                     fields: table.columns.fields, taskRows: taskRows) else { continue }
            let out = folder + "/\(id)-\(variant.rawValue).xlsx"
            try sheet.write(to: out)
            made += 1
            let score = try RealPlanCorpusTests.score(id, path: out, rowOffset: offset)
            let lost = try RealPlanCorpusTests.lostCells(out, year: 2023)
            #expect(lost.isEmpty, "\(variant.rawValue) of \(id): cells in no task, heading or issue: \(lost)")
            #expect(score.foundTasks == original.foundTasks && score.extraTasks == original.extraTasks && score.textsRight == original.textsRight
                    && score.deadlinesRight == original.deadlinesRight && score.f1 >= original.f1 - 1e-9,
                    "\(variant.rawValue) of \(score) — the plan itself: \(original); \(score.problems.prefix(3).joined(separator: "; "))")
        }
        #expect(made >= 3, "the variant applies to enough plans (\(made))")
        print("VARIANT \(variant.rawValue): \(made) plans")
    }
}

extension RealPlanVariantsTests {
    @Test("each corpus plan with all the layouts that apply to it at once is read as the plan itself")
    func combined() throws {
        let folder = Fixture.directory()
        let steps: [Variant] = [.sectionsNotMerged, .sameCellsMergedDown, .serialNumbers, .otherHeaderWords, .headersBrokenAndSpaced,
                               .headerTwoRowsTall, .extraColumns, .preamble, .footer]
        var changed = 0
        for id in try RealPlanCorpusTests.plans() {
            var path = RealPlanCorpusTests.root + "/" + id + "/plan.xlsx"
            var offset = 0, applied: [String] = []
            for step in steps {
                // Each step sees the table as the previous one left it, its header and tasks read again.
                let table = try PlanSheet.open(path: path)
                let taskRows = try PlanImport.read(path: path, options: PlanOptions(year: 2023)).tasks.compactMap(\.source.cell?.row)
                guard let (sheet, moved) = Self.variant(step, of: try Sheet(path: path), header: table.layout.headerRows,
                                                        fields: table.columns.fields, taskRows: taskRows) else { continue }
                path = folder + "/\(id)-\(applied.count).xlsx"
                try sheet.write(to: path)
                offset += moved
                applied.append(step.rawValue)
            }
            changed += applied.count >= 4 ? 1 : 0
            let original = try RealPlanCorpusTests.score(id)
            let score = try RealPlanCorpusTests.score(id, path: path, rowOffset: offset)
            #expect(score.foundTasks == original.foundTasks && score.extraTasks == original.extraTasks && score.textsRight == original.textsRight
                    && score.deadlinesRight == original.deadlinesRight && score.f1 >= original.f1 - 1e-9,
                    "\(applied.joined(separator: "+")) of \(score) — the plan itself: \(original); \(score.problems.prefix(3).joined(separator: "; "))")
        }
        #expect(changed >= 20, "plans laid out with four layouts or more at once: \(changed)")
    }
}
