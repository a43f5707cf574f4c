/// What kind of sheet a workbook entry is; only worksheets hold cells.
public enum SheetKind: String, Sendable, Equatable {
    case worksheet
    case chartsheet
    case dialogsheet
    case macrosheet
}

/// Whether a sheet shows in Excel's tabs.
public enum SheetVisibility: String, Sendable, Equatable {
    case visible
    case hidden
    case veryHidden
}

/// A sheet as the workbook lists it.
public struct SheetInfo: Sendable, Equatable {
    public var name: String
    public var kind: SheetKind
    public var visibility: SheetVisibility
    /// The part holding the sheet (`xl/worksheets/sheet1.xml`); nil when the workbook names a part that is not there.
    public var part: String?

    public init(name: String, kind: SheetKind, visibility: SheetVisibility, part: String?) {
        self.name = name
        self.kind = kind
        self.visibility = visibility
        self.part = part
    }
}

/// A run of columns as `<cols>` describes it: width in characters, visibility, default style.
public struct ColumnInfo: Sendable, Equatable {
    public var first: Int
    public var last: Int
    public var width: Double?
    public var isHidden: Bool
    public var style: Int

    public init(first: Int, last: Int, width: Double? = nil, isHidden: Bool = false, style: Int = 0) {
        self.first = first
        self.last = last
        self.width = width
        self.isHidden = isHidden
        self.style = style
    }
}
