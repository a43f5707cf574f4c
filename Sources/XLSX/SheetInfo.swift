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
}
