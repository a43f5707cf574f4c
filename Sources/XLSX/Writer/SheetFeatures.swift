/// A dropdown list (data validation of type list) over a range.
public struct Dropdown: Sendable, Equatable {
    public var range: CellRange
    public var items: [String]
    /// Shown when the cell is selected.
    public var prompt: String?

    public init(range: CellRange, items: [String], prompt: String? = nil) {
        self.range = range
        self.items = items
        self.prompt = prompt
    }
}

/// Sheet protection without a password: locked cells cannot be edited, unlocked ones (`CellFormat.locked = false`) can.
public struct SheetProtection: Sendable, Equatable {
    public var allowFormatColumns = true
    public var allowFormatRows = true
    public var allowSort = false
    public var allowAutoFilter = true

    public init(allowFormatColumns: Bool = true, allowFormatRows: Bool = true, allowSort: Bool = false, allowAutoFilter: Bool = true) {
        self.allowFormatColumns = allowFormatColumns
        self.allowFormatRows = allowFormatRows
        self.allowSort = allowSort
        self.allowAutoFilter = allowAutoFilter
    }
}

/// How a sheet prints.
public struct PrintSetup: Sendable, Equatable {
    public var landscape = true
    /// A4 is paper size 9.
    public var paperSize = 9
    public var fitToWidth = true
    /// Rows repeated at the top of every page, such as 1...2.
    public var repeatRows: ClosedRange<Int>?
    /// A footer with 第 N 页，共 M 页.
    public var pageNumbers = true

    public init(landscape: Bool = true, paperSize: Int = 9, fitToWidth: Bool = true, repeatRows: ClosedRange<Int>? = nil, pageNumbers: Bool = true) {
        self.landscape = landscape
        self.paperSize = paperSize
        self.fitToWidth = fitToWidth
        self.repeatRows = repeatRows
        self.pageNumbers = pageNumbers
    }
}

/// A link from a cell to a web address or to a place in the workbook.
public struct Hyperlink: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case url(String)
        /// A place such as `'逾期事项'!A1`.
        case location(String)
    }

    public var cell: CellReference
    public var target: Target
    public var tooltip: String?

    public init(cell: CellReference, target: Target, tooltip: String? = nil) {
        self.cell = cell
        self.target = target
        self.tooltip = tooltip
    }
}

/// Estimates column widths from text, as Excel's autofit would: CJK and other wide characters count two.
public enum ColumnWidth {
    /// The width (in Excel's character units) that shows `text` on one line, within `minimum...maximum`.
    public static func estimate(_ text: String, minimum: Double = 6, maximum: Double = 60) -> Double {
        var units = 0.0
        var longest = 0.0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                longest = max(longest, units)
                units = 0
                continue
            }
            units += isWide(scalar) ? 2 : 1
        }
        longest = max(longest, units)
        return min(max(longest + 2, minimum), maximum)
    }

    /// East Asian wide and full-width characters: CJK ideographs, kana, hangul, full-width forms and punctuation.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// Document properties: title and author in `core.xml`, custom properties (such as the reporting unit) in `custom.xml`.
public struct DocumentProperties: Sendable, Equatable {
    public var title: String?
    public var subject: String?
    public var creator: String?
    public var description: String?
    /// Written only when set, so that the same input gives the same bytes.
    public var created: ExcelDateTime?
    /// Name–text pairs, in order, such as ("填报单位", "法规科").
    public var custom: [(String, String)] = []

    public init(title: String? = nil, subject: String? = nil, creator: String? = nil, description: String? = nil,
                created: ExcelDateTime? = nil, custom: [(String, String)] = []) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.description = description
        self.created = created
        self.custom = custom
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.title == b.title && a.subject == b.subject && a.creator == b.creator && a.description == b.description
            && a.created == b.created && a.custom.map(\.0) == b.custom.map(\.0) && a.custom.map(\.1) == b.custom.map(\.1)
    }
}
