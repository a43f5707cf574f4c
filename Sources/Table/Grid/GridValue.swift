import XLSX

/// A typed value of a grid cell, the same for every input format. Empty cells are absent from the grid.
public enum GridValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A date, date-time or time of day: a spreadsheet number whose format says it is one.
    case date(GridDate)
    /// An error value as the spreadsheet shows it, such as `#N/A`.
    case error(String)

    /// The value as plain text: dates as `YYYY-MM-DD[THH:MM:SS]`, numbers to Excel's 15 significant digits,
    /// booleans as TRUE/FALSE, errors as written.
    public var text: String {
        switch self {
        case .text(let s): s
        case .number(let n): CellValue.format(number: n)
        case .bool(let b): b ? "TRUE" : "FALSE"
        case .date(let d): d.description
        case .error(let e): e
        }
    }

    init(_ value: CellValue) {
        switch value {
        case .text(let s): self = .text(s)
        case .number(let n): self = .number(n)
        case .bool(let b): self = .bool(b)
        case .date(let d): self = .date(GridDate(d))
        // An elapsed time has no calendar meaning here: it is kept as the clock text the sheet shows.
        case .duration: self = .text(value.text)
        case .error(let e): self = .error(e)
        }
    }
}

/// A calendar date with an optional time of day, or a time of day alone, to the millisecond.
public struct GridDate: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var millisecondOfDay: Int
    /// True for a time of day with no date.
    public var isTimeOnly: Bool

    public init(year: Int, month: Int, day: Int, millisecondOfDay: Int = 0, isTimeOnly: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.millisecondOfDay = millisecondOfDay
        self.isTimeOnly = isTimeOnly
    }

    init(_ date: ExcelDateTime) {
        self.init(year: date.year, month: date.month, day: date.day, millisecondOfDay: date.millisecondOfDay, isTimeOnly: date.isTimeOnly)
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[.mmm]` or `HH:MM:SS`, as `convert` writes it.
    public var description: String {
        ExcelDateTime(year: year, month: month, day: day, millisecondOfDay: millisecondOfDay, isTimeOnly: isTimeOnly).description
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (negative before), for date arithmetic without Foundation.
    public static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int { ExcelDateTime.daysFromCivil(year, month, day) }

    /// The date `days` after 1970-01-01.
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let (y, m, d) = ExcelDateTime.civilFromDays(days)
        return (y, m, d)
    }
}
