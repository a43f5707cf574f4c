/// What a number format makes of a number: a plain number, a date or time, or an elapsed duration.
public enum NumberFormatKind: Sendable, Equatable {
    case number
    case date
    case duration

    /// The kind of a built-in format id, including the East Asian ids 27–36 and 50–58 that Chinese Excel and WPS write.
    public static func builtIn(_ id: Int) -> NumberFormatKind {
        switch id {
        case 14...22, 45, 47, 27...36, 50...58: .date
        case 46: .duration
        default: .number
        }
    }

    /// The code of a built-in format id, as Chinese (zh-CN) Excel shows it; nil for General and unknown ids.
    public static func builtInCode(_ id: Int) -> String? {
        switch id {
        case 1: "0"
        case 2: "0.00"
        case 3: "#,##0"
        case 4: "#,##0.00"
        case 9: "0%"
        case 10: "0.00%"
        case 11: "0.00E+00"
        case 12: "# ?/?"
        case 13: "# ??/??"
        case 14: "yyyy/m/d"
        case 15: "d-mmm-yy"
        case 16: "d-mmm"
        case 17: "mmm-yy"
        case 18: "h:mm AM/PM"
        case 19: "h:mm:ss AM/PM"
        case 20: "h:mm"
        case 21: "h:mm:ss"
        case 22: "yyyy/m/d h:mm"
        case 27, 36, 50: "yyyy\"年\"m\"月\""
        case 28, 29, 51, 56: "m\"月\"d\"日\""
        case 30: "m-d-yy"
        case 31, 55: "yyyy\"年\"m\"月\"d\"日\""
        case 32: "h\"时\"mm\"分\""
        case 33: "h\"时\"mm\"分\"ss\"秒\""
        case 34, 52: "上午/下午h\"时\"mm\"分\""
        case 35, 53: "上午/下午h\"时\"mm\"分\"ss\"秒\""
        case 54: "m\"月\"d\"日\""
        case 57: "yyyy\"年\"m\"月\""
        case 58: "m\"月\"d\"日\""
        case 37: "#,##0 ;(#,##0)"
        case 38: "#,##0 ;[Red](#,##0)"
        case 39: "#,##0.00;(#,##0.00)"
        case 40: "#,##0.00;[Red](#,##0.00)"
        case 45: "mm:ss"
        case 46: "[h]:mm:ss"
        case 47: "mmss.0"
        case 48: "##0.0E+0"
        case 49: "@"
        default: nil
        }
    }

    /// Classifies a custom format code by its tokens outside quotes, escapes and brackets.
    public static func classify(code: String) -> NumberFormatKind {
        var iterator = code.unicodeScalars.makeIterator()
        var sawDate = false
        while let c = iterator.next() {
            switch c {
            case "\"":
                while let q = iterator.next(), q != "\"" {}
            case "\\", "_", "*":
                _ = iterator.next()
            case "[":
                // `[h]`, `[mm]`, `[ss]` are elapsed time; `[$-804]`, `[DBNum1]`, `[Red]`, `[>100]` say nothing of dates.
                var inside = ""
                while let b = iterator.next(), b != "]" { inside.unicodeScalars.append(b) }
                let lower = inside.lowercased()
                if !lower.isEmpty, lower.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { return .duration }
            case ";":
                // Only the first section decides; the others are for negatives, zero and text.
                return sawDate ? .date : .number
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
                sawDate = true
            default:
                break
            }
        }
        return sawDate ? .date : .number
    }
}
