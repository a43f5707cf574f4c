import Table

/// The outline numbering of plans: 一、 (一) 1. （1） ①, each a level, read from the start of a heading.
public struct SectionNumber: Sendable, Hashable, CustomStringConvertible {
    /// 1 for 一、, 2 for (一), 3 for 1. or 1、, 4 for (1), 5 for ①.
    public var level: Int
    public var value: Int
    /// The marker as written, such as `(一)` or `1.`.
    public var marker: String

    public var description: String { marker }

    /// Reads the number at the start of `text` and returns it with the rest of the text; nil when there is none.
    public static func parse(_ text: String) -> (number: SectionNumber, rest: String)? {
        // Most texts are not headings: look at the first visible character before building anything.
        guard let lead = text.unicodeScalars.first(where: { !TextNormalization.isWhitespace($0) }),
              lead == "(" || lead == "（" || (lead.isASCII && ("0"..."9").contains(lead)) || (0x2460...0x2473).contains(lead.value)
                || ChineseNumeral.isDigit(lead) else { return nil }
        // Markers are short: only the first few characters are looked at.
        let trimmed = text.trimmingWhitespace
        let scalars = Array(trimmed.prefix(8))
        func rest(after count: Int) -> String { String(trimmed.dropFirst(count)).trimmingWhitespace }
        guard let first = scalars.first else { return nil }
        // ① … ⑳
        if let circled = circledValue(first) {
            return (SectionNumber(level: 5, value: circled, marker: String(first)), rest(after: 1))
        }
        // (一) （一） (1) （1）
        if first == "(" || first == "（", let close = scalars.firstIndex(where: { $0 == ")" || $0 == "）" }), close > 1, close <= 5 {
            let inner = String(scalars[1..<close])
            let marker = String(scalars[...close])
            if let n = ChineseNumeral.value(inner) { return (SectionNumber(level: 2, value: n, marker: marker), rest(after: close + 1)) }
            if let n = Int(inner) { return (SectionNumber(level: 4, value: n, marker: marker), rest(after: close + 1)) }
            return nil
        }
        // 一、 十二、
        var i = 0
        while i < scalars.count, ChineseNumeral.digits[scalars[i]] != nil { i += 1 }
        if i > 0, i < scalars.count, scalars[i] == "、", let n = ChineseNumeral.value(String(scalars[..<i])) {
            return (SectionNumber(level: 1, value: n, marker: String(scalars[...i])), rest(after: i + 1))
        }
        // 1. 1、 1．（but not 1.5 or a date such as 2023.6）
        i = 0
        while i < scalars.count, scalars[i].isASCII, scalars[i].isNumber { i += 1 }
        if i > 0, i <= 3, i < scalars.count, [".", "、", "．"].contains(scalars[i]),
           !(i + 1 < scalars.count && scalars[i + 1].isASCII && scalars[i + 1].isNumber), let n = Int(String(scalars[..<i])) {
            return (SectionNumber(level: 3, value: n, marker: String(scalars[...i])), rest(after: i + 1))
        }
        return nil
    }

    private static func circledValue(_ c: Character) -> Int? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x2460...0x2473: return Int(scalar.value - 0x2460) + 1
        default: return nil
        }
    }
}

/// Chinese numerals as plans write them: 一 to 九十九, with 〇/零.
enum ChineseNumeral {
    static let digits: [Character: Int] = ["〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    /// One of the characters of `digits`, tested without building a Character.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true
        default: false
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十.
    static func name(_ value: Int) -> String {
        let names = Array("〇一二三四五六七八九")
        if value < 10 { return String(names[value]) }
        let tens = value / 10, ones = value % 10
        return (tens == 1 ? "" : String(names[tens])) + "十" + (ones == 0 ? "" : String(names[ones]))
    }

    static func value(_ text: String) -> Int? {
        let chars = Array(text)
        guard !chars.isEmpty, chars.allSatisfy({ digits[$0] != nil }) else { return nil }
        if let ten = chars.firstIndex(of: "十") {
            let tens = ten == 0 ? 1 : (chars[..<ten].count == 1 ? digits[chars[0]]! : -1)
            let ones = ten == chars.count - 1 ? 0 : (chars.count - ten == 2 ? digits[chars[ten + 1]]! : -1)
            guard tens > 0, ones >= 0, ones < 10 else { return nil }
            return tens * 10 + ones
        }
        return chars.count == 1 ? digits[chars[0]] : nil
    }
}
