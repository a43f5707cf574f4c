/// Where a value came from: file, sheet and cell, printed as users read it (`计划表.xlsx 工作表1!E12`).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// nil for a CSV file, which has no sheets.
    public var sheet: String?
    public var cell: CellAddress?

    public init(file: String, sheet: String? = nil, cell: CellAddress? = nil) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }

    public var description: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        switch (sheet, cell) {
        case let (sheet?, cell?): return "\(name) \(sheet)!\(cell)"
        case let (nil, cell?): return "\(name)!\(cell)"
        case let (sheet?, nil): return "\(name) \(sheet)"
        case (nil, nil): return name
        }
    }
}
