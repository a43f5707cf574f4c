/// How a cell looks: font, fill, borders, alignment, number format and whether it is locked.
/// Equal formats share one style in the file.
public struct CellFormat: Hashable, Sendable {
    public enum HorizontalAlignment: String, Sendable { case left, center, right }
    public enum VerticalAlignment: String, Sendable { case top, center, bottom }

    public var bold = false
    public var italic = false
    public var fontSize: Double = 11
    public var fontName = "等线"
    /// An RGB colour such as `C00000`.
    public var fontColor: String?
    /// An RGB background colour such as `D9D9D9`.
    public var fill: String?
    /// Thin borders on all four sides.
    public var border = false
    public var horizontal: HorizontalAlignment?
    public var vertical: VerticalAlignment?
    public var wrap = false
    /// A number format code such as `yyyy-mm-dd` or `yyyy"年"m"月"d"日"`; nil for General.
    public var numberFormat: String?
    /// False marks a cell users may edit on a protected sheet.
    public var locked = true

    public init(bold: Bool = false, italic: Bool = false, fontSize: Double = 11, fontName: String = "等线", fontColor: String? = nil,
                fill: String? = nil, border: Bool = false, horizontal: HorizontalAlignment? = nil, vertical: VerticalAlignment? = nil,
                wrap: Bool = false, numberFormat: String? = nil, locked: Bool = true) {
        self.bold = bold
        self.italic = italic
        self.fontSize = fontSize
        self.fontName = fontName
        self.fontColor = fontColor
        self.fill = fill
        self.border = border
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrap = wrap
        self.numberFormat = numberFormat
        self.locked = locked
    }

    /// The default: 11-point 等线 (what Chinese Excel uses), General.
    public static let standard = CellFormat()
    /// The date format dates get when their style has none.
    public static let isoDate = "yyyy-mm-dd"
}

/// A registered format's index in `cellXfs`.
public struct StyleID: Hashable, Sendable {
    public let index: Int
    public static let standard = StyleID(index: 0)
}
