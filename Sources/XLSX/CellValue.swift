/// A typed cell value. Absent cells have no value at all; an empty string is `.text("")`.
public enum CellValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A date, date-time or time of day, converted from the serial number because the style says so.
    case date(ExcelDateTime)
    /// An elapsed time (`[h]:mm:ss` formats), in milliseconds.
    case duration(milliseconds: Int64)
    /// An error value as Excel writes it, such as `#N/A`.
    case error(String)

    /// The value as plain text: dates as `YYYY-MM-DD[THH:MM:SS]`, numbers to Excel's 15 significant digits,
    /// booleans as TRUE/FALSE, errors as written.
    public var text: String {
        switch self {
        case .text(let s): s
        case .number(let n): Self.format(number: n)
        case .bool(let b): b ? "TRUE" : "FALSE"
        case .date(let d): d.description
        case .duration(let ms): (ms < 0 ? "-" : "") + ExcelDateTime.clock(Int(ms.magnitude))
        case .error(let e): e
        }
    }

    /// The shortest decimal that shows the number as Excel does (15 significant digits): 0.3, not 0.30000000000000004.
    public static func format(number: Double) -> String {
        if number.isNaN { return "#NUM!" }
        if number.isInfinite { return "#NUM!" }
        if number == 0 { return "0" }
        if number.rounded() == number && abs(number) < 1e15 { return String(Int64(number)) }
        let shortest = "\(number)"
        if significantDigits(shortest) <= 15 { return plain(shortest) }
        var buffer = [CChar](repeating: 0, count: 40)
        _ = withVaList([number]) { vsnprintf(&buffer, buffer.count, "%.15g", $0) }
        let rounded = Double(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)) ?? number
        return plain("\(rounded)")
    }

    private static func significantDigits(_ text: String) -> Int {
        var count = 0, leading = true
        for c in text.utf8 {
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { break }
            guard c >= 48 && c <= 57 else { continue }
            if leading && c == 48 { continue }
            leading = false
            count += 1
        }
        // Trailing zeros of an integer part are not significant for this purpose.
        return count
    }

    /// Swift prints `1e-05` and `1.5e+20` as `1e-05`/`1.5e+20`; keep that but drop a needless `.0`.
    private static func plain(_ text: String) -> String {
        text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CellValue {
    /// An elapsed time of `days` (a number under an `[h]:mm` format) in milliseconds; the number itself when it is
    /// too large to be one (a crafted or damaged cell must not stop the reader).
    public static func elapsed(days: Double) -> CellValue {
        let milliseconds = (days * 86_400_000).rounded()
        guard milliseconds.isFinite, abs(milliseconds) < 9e15 else { return .number(days) }
        return .duration(milliseconds: Int64(milliseconds))
    }
}
