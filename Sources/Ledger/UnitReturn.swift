import CSV
import Foundation
import Table
import XLSX

/// One file a unit sent back, read: which unit it is from (and how that was found), its rows with the
/// fields the template has, and where each value came from.
public struct UnitReturn: Sendable {
    public enum UnitSource: String, Sendable {
        case option, property, reportingLine, fileName
    }

    public struct Row: Sendable {
        public var number: Int
        /// Values by field, for the columns the vocabulary knows (a merged value on every row it covers).
        public var fields: [HeaderField: CellValue]
        /// The fields typed in this row itself (not filled from a merge above): the cells to account for.
        public var typed: Set<HeaderField>
        /// Non-empty cells of columns the vocabulary does not know (a column the unit added, 本单位角色).
        public var extra: [(column: Int, header: String, value: CellValue)]
    }

    public var file: String
    public var sha256: String
    public var unit: String?
    public var unitSource: UnitSource?
    /// When the file was last saved: the workbook's modified property, else the file's time.
    public var saved: String
    /// The file had no modified property (a CSV), so `saved` is the file system's time, which a copy resets.
    public var savedFromFile: Bool
    public var grid: Grid
    public var columns: [HeaderField: Int]
    public var headers: [Int: String]
    /// The (last) header row.
    public var headerRow: Int
    public var rows: [Row]

    /// Non-empty cells of the data block: what the merge must account for.
    public var cellsRead: Int { rows.reduce(0) { $0 + $1.typed.count + $1.extra.count } }

    /// Reads a return. `unit` (from `--unit FILE=UNIT`) wins; else the 填报单位 property, the 填报单位 line
    /// above the header, a unit name in the file name. A return whose unit cannot be found has `unit` nil.
    public static func read(path: String, registry: UnitRegistry, unit: String? = nil,
                            vocabulary: PlanColumns.Vocabulary = returnVocabulary()) throws -> UnitReturn {
        let lower = path.lowercased()
        var grid: Grid
        var property: String?
        var saved: String?
        if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") || lower.hasSuffix(".tsv") {
            grid = Grid(csv: try CSVDocument.read(path: path))
        } else {
            let workbook = try Workbook(path: path)
            property = workbook.customProperties[ReturnTemplate.unitProperty]
            saved = workbook.modified
            let worksheets = workbook.sheets.filter { $0.kind == .worksheet }
            let preferred = worksheets.first { $0.name == ReturnTemplate.sheetName } ?? worksheets.first { $0.visibility == .visible }
            guard let sheet = preferred ?? worksheets.first else { throw PlanSheetError.noTable(file: path) }
            grid = try Grid(workbook: workbook, sheet: sheet)
        }
        grid.file = path
        guard let sheet = PlanSheet(grid: grid, vocabulary: vocabulary) else {
            throw PlanSheetError.noTable(file: path)
        }
        var found: (String, UnitSource)?
        if let unit { found = (unit, .option) }
        if found == nil, let property, case .unit(let canonical) = registry.match(property) { found = (canonical, .property) }
        if found == nil, let line = sheet.layout.preamble.flatMap({ $0.cells.map(\.value.text) }).first(where: { $0.contains("填报单位") }) {
            let name = line.split(whereSeparator: { "：:".contains($0) }).dropFirst().first.map { String($0).trimmingWhitespace } ?? ""
            if case .unit(let canonical) = registry.match(name) { found = (canonical, .reportingLine) }
        }
        if found == nil {
            let fileName = path.split(separator: "/").last.map(String.init) ?? path
            let names = registry.units.flatMap { unit in ([unit.name] + unit.aliases).map { ($0, unit.name) } }
            if let match = names.filter({ fileName.contains($0.0) }).max(by: { $0.0.count < $1.0.count }) { found = (match.1, .fileName) }
        }
        let fields = sheet.columns.fields
        let byColumn = Dictionary(fields.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        let rows = sheet.layout.data.map { row in
            var values: [HeaderField: CellValue] = [:]
            var extra: [(Int, String, CellValue)] = []
            for cell in row.cells where !cell.filledFromMerge && !cell.value.text.isEmpty {
                if let field = byColumn[cell.column] { values[field] = cell.value } else { extra.append((cell.column, sheet.layout.headers[cell.column] ?? "", cell.value)) }
            }
            // Merged values count once, at their anchor, but every row of the merge still reads them.
            for cell in row.cells where cell.filledFromMerge {
                if let field = byColumn[cell.column], values[field] == nil { values[field] = cell.value }
            }
            let typed = Set(row.cells.filter { !$0.filledFromMerge && !$0.value.text.isEmpty }.compactMap { byColumn[$0.column] })
            return Row(number: row.number, fields: values, typed: typed, extra: extra)
        }
        return UnitReturn(file: path, sha256: SHA256.file(path) ?? "", unit: found?.0, unitSource: found?.1,
                          saved: saved ?? Self.fileTime(path), savedFromFile: saved == nil, grid: grid, columns: fields, headers: sheet.layout.headers,
                          headerRow: sheet.layout.headerRows.upperBound, rows: rows)
    }

    /// The header words of a return: in a return, 完成时间 is when the unit finished, beside the plan's 完成时限.
    public static func returnVocabulary() -> PlanColumns.Vocabulary {
        PlanColumns.Vocabulary(synonyms: [.completedOn: ["完成时间"], .taskId: ["任务编号"]])
    }

    private static func fileTime(_ path: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let date = attributes?[.modificationDate] as? Date else { return "" }
        // `2023-07-03T08:15:00Z`, as ISO8601DateFormatter writes it; making one of those per file cost more than the hash.
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let (year, month, day) = ExcelDateTime.civilFromDays(days)
        let time = ExcelDateTime(year: year, month: month, day: day, millisecondOfDay: (seconds - days * 86_400) * 1000, isTimeOnly: true)
        return ExcelDateTime(year: year, month: month, day: day).description + "T" + time.description + "Z"
    }
}
