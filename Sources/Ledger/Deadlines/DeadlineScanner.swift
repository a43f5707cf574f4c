import Foundation

/// A cursor over the normalised characters of a deadline text; a parse that fails puts `position` back.
struct DeadlineScanner {
    let characters: [Character]
    var position = 0

    /// Normalises first: NFKC turns full-width digits and punctuation into ASCII (２０２３ → 2023, ～ → ~, ， → ,),
    /// line breaks become clause breaks (units type one milestone per line) and other spaces go.
    init(_ text: String) {
        var characters: [Character] = []
        for character in text.precomposedStringWithCompatibilityMapping {
            if character.isNewline {
                characters.append(";")
            } else if !character.isWhitespace {
                characters.append(character)
            }
        }
        self.characters = characters
    }

    init(characters: ArraySlice<Character>) {
        self.characters = Array(characters)
    }

    /// Runs `body`; when it gives nil, puts the position back where it was, so a failed reading consumes nothing.
    mutating func attempt<T>(_ body: (inout DeadlineScanner) -> T?) -> T? {
        let start = position
        if let result = body(&self) { return result }
        position = start
        return nil
    }

    var atEnd: Bool { position >= characters.count }
    var current: Character? { atEnd ? nil : characters[position] }
    var rest: String { String(characters[min(position, characters.count)...]) }

    /// Consumes `word` when the text continues with it.
    mutating func take(_ word: String) -> Bool {
        guard lookingAt(word) else { return false }
        position += word.count
        return true
    }

    /// Consumes the first of `words` the text continues with; list longer words before their prefixes.
    mutating func take(anyOf words: [String]) -> String? {
        words.first { take($0) }
    }

    func lookingAt(_ word: String) -> Bool {
        var index = position
        for character in word {
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
        }
        return true
    }

    /// A number written in ASCII digits (2023, 06) or Chinese numerals (二〇二三, 十二, 三十一).
    struct Number {
        var value: Int
        /// How many digits it was written with, to tell 2023 from 23 and 20231231 from 1215.
        var digits: Int
    }

    mutating func number() -> Number? {
        asciiNumber() ?? chineseNumber()
    }

    /// A number in a range of values, or nothing consumed.
    mutating func number(in range: ClosedRange<Int>) -> Number? {
        attempt { s in s.number().flatMap { range.contains($0.value) ? $0 : nil } }
    }

    /// Consumes one range separator: - — – ― ~ 〜 至 到 (a doubled dash —— counts as one).
    mutating func takeRangeSeparator() -> Bool {
        if take(anyOf: ["至", "到"]) != nil { return true }
        let dashes: Set<Character> = ["-", "—", "–", "―", "~", "〜"]
        guard let c = current, dashes.contains(c) else { return false }
        while let c = current, dashes.contains(c) { position += 1 }
        return true
    }

    private mutating func asciiNumber() -> Number? {
        let start = position
        var value = 0
        while let c = current, c.isASCIIDigit {
            value = value * 10 + Int(c.asciiValue! - 48)
            position += 1
            // Nine digits cover every date form (20231231); longer runs are not dates and must not overflow.
            if position - start > 9 {
                position = start
                return nil
            }
        }
        return position > start ? Number(value: value, digits: position - start) : nil
    }

    private static let chineseDigits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 二〇二三 reads digit by digit; with 十 it is tens and units (十 10, 十二 12, 二十五 25, 三十一 31).
    private mutating func chineseNumber() -> Number? {
        let start = position
        var digits: [Int] = []
        var tensAt: Int? = nil
        while let c = current {
            if let d = Self.chineseDigits[c] {
                digits.append(d)
            } else if c == "十", tensAt == nil {
                tensAt = digits.count
            } else if (c == "O" || c == "o"), !digits.isEmpty {
                // A Latin O typed for 〇 inside a year (二O二三).
                digits.append(0)
            } else {
                break
            }
            position += 1
        }
        guard position > start else { return nil }
        guard let tensAt else {
            return Number(value: digits.reduce(0) { $0 * 10 + $1 }, digits: digits.count)
        }
        let tens = digits[..<tensAt], units = digits[tensAt...]
        guard tens.count <= 1, units.count <= 1, tens.first != 0 else {
            position = start
            return nil
        }
        let value = (tens.first ?? 1) * 10 + (units.first ?? 0)
        return Number(value: value, digits: 2)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
