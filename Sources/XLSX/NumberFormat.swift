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
