/// Which day serial number 0 or 1 is: Excel for Windows counts from 1900, old Mac files from 1904.
public enum DateSystem: Sendable, Equatable {
    case system1900
    case system1904
}

/// A calendar date with an optional time of day, or a time of day alone, to the millisecond.
public struct ExcelDateTime: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var millisecondOfDay: Int
    /// True for a time of day with no date (a serial number below 1).
    public var isTimeOnly: Bool

    public init(year: Int, month: Int, day: Int, millisecondOfDay: Int = 0, isTimeOnly: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.millisecondOfDay = millisecondOfDay
        self.isTimeOnly = isTimeOnly
    }

    public var hour: Int { millisecondOfDay / 3_600_000 }
    public var minute: Int { millisecondOfDay / 60_000 % 60 }
    public var second: Int { millisecondOfDay / 1000 % 60 }
    public var millisecond: Int { millisecondOfDay % 1000 }

    /// Converts a serial number; nil when it is negative or past 9999-12-31, which Excel cannot show as a date.
    public init?(serial: Double, system: DateSystem) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var ms = Int(((serial - Double(days)) * 86_400_000).rounded())
        if ms >= 86_400_000 {
            days += 1
            ms -= 86_400_000
        }
        if days == 0 && serial < 1 {
            self.init(year: 1899, month: 12, day: 30, millisecondOfDay: ms, isTimeOnly: true)
            return
        }
        let epochOffset: Int
        switch system {
        case .system1904:
            epochOffset = Self.daysFromCivil(1904, 1, 1)
        case .system1900:
            // Excel pretends 1900 was a leap year: serials 1–59 are one day later than a plain count from 1899-12-30.
            epochOffset = Self.daysFromCivil(1899, 12, 30) + (days < 60 ? 1 : 0)
        }
        let (y, m, d) = Self.civilFromDays(epochOffset + days)
        self.init(year: y, month: m, day: d, millisecondOfDay: ms)
    }

    /// Parses an ISO 8601 date, date-time or time (`t="d"` cells); nil when it is not one.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var n = 0
            for b in bytes[from..<from + count] {
                guard b >= 48 && b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        func time(_ at: Int) -> Int? {
            guard let h = number(at, 2), bytes.count > at + 4, bytes[at + 2] == UInt8(ascii: ":"), let mi = number(at + 3, 2) else { return nil }
            var ms = (h * 60 + mi) * 60_000
            if bytes.count > at + 7, bytes[at + 5] == UInt8(ascii: ":"), let s = number(at + 6, 2) {
                ms += s * 1000
                if bytes.count > at + 9, bytes[at + 8] == UInt8(ascii: ".") {
                    var fraction = 0.0, scale = 0.1, i = at + 9
                    while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57 {
                        fraction += Double(bytes[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                    ms += Int((fraction * 1000).rounded())
                }
            }
            return ms
        }
        if let y = number(0, 4), bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), let m = number(5, 2), bytes[7] == UInt8(ascii: "-"), let d = number(8, 2) {
            guard (1...12).contains(m), (1...31).contains(d) else { return nil }
            var ms = 0
            if bytes.count > 10 {
                guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), let t = time(11) else { return nil }
                ms = t
            }
            self.init(year: y, month: m, day: d, millisecondOfDay: ms)
        } else if let t = time(0) {
            self.init(year: 1899, month: 12, day: 30, millisecondOfDay: t, isTimeOnly: true)
        } else {
            return nil
        }
    }

    /// Parses an ISO 8601 duration such as `PT1H30M0.5S` or `P1DT2H` (what Strict files put in `t="d"` time cells).
    public static func isoDurationMilliseconds(_ text: String) -> Int64? {
        var scalars = Substring(text)
        var negative = false
        if scalars.first == "-" { negative = true; scalars = scalars.dropFirst() }
        guard scalars.first == "P", scalars.count > 1 else { return nil }
        scalars = scalars.dropFirst()
        var total = 0.0, number = "", inTime = false, sawComponent = false
        for c in scalars {
            switch c {
            case "0"..."9", ".": number.append(c)
            case "T": inTime = true
            default:
                guard let n = Double(number) else { return nil }
                number = ""
                sawComponent = true
                switch (c, inTime) {
                case ("D", false): total += n * 86_400_000
                case ("W", false): total += n * 7 * 86_400_000
                case ("H", true): total += n * 3_600_000
                case ("M", true): total += n * 60_000
                case ("S", true): total += n * 1000
                default: return nil
                }
            }
        }
        guard number.isEmpty, sawComponent, total.isFinite, total < 9e15 else { return nil }
        return Int64((negative ? -total : total).rounded())
    }

    /// The Excel serial number of this value in the given date system; nil for a date before the system's
    /// first day (1900-01-01 or 1904-01-01), which Excel cannot hold as a number.
    public func serial(in system: DateSystem) -> Double? {
        let fraction = Double(millisecondOfDay) / 86_400_000
        if isTimeOnly { return fraction }
        let days = Self.daysFromCivil(year, month, day)
        switch system {
        case .system1904:
            let count = days - Self.daysFromCivil(1904, 1, 1)
            return count < 0 ? nil : Double(count) + fraction
        case .system1900:
            // Serials 1–59 run from 1900-01-01; 60 is Excel's fictitious 1900-02-29.
            let count = days - Self.daysFromCivil(1899, 12, 30)
            if count < 2 { return nil }
            return Double(count < 61 ? count - 1 : count) + fraction
        }
    }

    /// `YYYY-MM-DD`, with `THH:MM:SS[.fff]` when there is a time; `HH:MM:SS[.fff]` for a time alone.
    public var description: String {
        let time = Self.clock(millisecondOfDay)
        if isTimeOnly { return time }
        let date = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        return millisecondOfDay == 0 ? date : date + "T" + time
    }

    /// `HH:MM:SS` with `.fff` when there are milliseconds; hours may pass 24 (for durations).
    static func clock(_ ms: Int) -> String {
        var text = pad(ms / 3_600_000, 2) + ":" + pad(ms / 60_000 % 60, 2) + ":" + pad(ms / 1000 % 60, 2)
        if ms % 1000 != 0 { text += "." + pad(ms % 1000, 3) }
        return text
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's civil-date algorithm).
    public static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The (year, month, day) of a day number from `daysFromCivil`.
    public static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
