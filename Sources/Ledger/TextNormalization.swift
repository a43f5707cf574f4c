import Foundation
import Table

/// A cell's text as written, beside the form used to compare it.
///
/// Plans and returns are typed, pasted from web pages and re-saved by Excel and WPS, so the same
/// words arrive with stray spaces between Chinese characters ("政府信息公 开申请"), full-width
/// letters and brackets, invisible characters and three kinds of line break. `text` is what
/// matching and parsing use; `original` is what the user wrote and what the ledger shows.
public struct NormalizedText: Hashable, Sendable, CustomStringConvertible {
    public let original: String
    public let text: String

    public init(_ original: String) {
        self.original = original
        self.text = TextNormalization.normalize(original)
    }

    public var description: String { text }
}

/// The normalisation rules, as pure functions over strings.
public enum TextNormalization {
    /// Normalises text for comparison:
    /// - `_x000D_` escapes, CR LF and lone CR (and U+2028/U+2029/U+0085) become LF;
    /// - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are removed;
    /// - a run of other horizontal whitespace (ASCII space, tab, NBSP, U+3000, …) is removed
    ///   between two CJK characters, at the start or end of a line, and otherwise becomes one
    ///   ASCII space, so "Excel 2016 版本" keeps its spaces;
    /// - NFKC: full-width letters, digits and punctuation become ASCII ("（" → "(", "，" → ",");
    /// - the result is trimmed.
    ///
    /// With `joiningCJK` false, spaces between CJK characters become one ASCII space instead of
    /// disappearing: the unit parser needs them to tell "法规科 规划科" (two units) from
    /// "政 务 科" (one unit with stray spaces).
    public static func normalize(_ text: String, joiningCJK: Bool = true) -> String {
        // One pass, writing UTF-8: this runs for every text of every row of a plan.
        let source = mayHoldEscape(text) ? text.replacingOccurrences(of: "_x000D_", with: "\r", options: .caseInsensitive) : text
        var out: [UInt8] = []
        out.reserveCapacity(source.utf8.count)
        var previous: Unicode.Scalar?     // the last scalar written (before compatibility mapping)
        var pendingSpace = false
        var previousWasCR = false
        var needsFullNFKC = false
        func emit(_ scalar: Unicode.Scalar) {
            var mapped = scalar
            switch scalar.value {
            case 0xFF01...0xFF5E: mapped = Unicode.Scalar(scalar.value - 0xFEE0)!
            case 0x00A0...0x036F, 0x2000...0x2BFF, 0x2E80...0x2FDF, 0x3200...0x33FF, 0xF900...0xFB4F, 0xFE10...0xFE6F,
                 0xFF5F...0xFFEF, 0x1D400...0x1D7FF, 0x1F100...0x1F2FF:
                needsFullNFKC = true
            default: break
            }
            out.append(contentsOf: UTF8.encode(mapped)!)
            previous = scalar
        }
        for raw in source.unicodeScalars {
            var scalar = raw
            switch raw {
            case "\r":
                scalar = "\n"
                previousWasCR = true
            case "\n" where previousWasCR:
                previousWasCR = false
                continue
            case "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}":
                scalar = "\n"
                previousWasCR = false
            default:
                previousWasCR = false
            }
            if isZeroWidth(scalar) { continue }
            if scalar != "\n", isWhitespace(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace {
                pendingSpace = false
                if let previous, previous != "\n", scalar != "\n", !(joiningCJK && isCJK(previous) && isCJK(scalar)) {
                    out.append(0x20)
                }
            }
            emit(scalar)
        }
        let joined = String(decoding: out, as: UTF8.self)
        return trim(needsFullNFKC ? joined.precomposedStringWithCompatibilityMapping : joined)
    }

    private static func trim(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, isWhitespace(first) { scalars.removeFirst() }
        while let last = scalars.last, isWhitespace(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// An `_x` or `_X` in the bytes (a quick scan: Foundation's search would cost more than the rest).
    private static func mayHoldEscape(_ text: String) -> Bool {
        var previousUnderscore = false
        for byte in text.utf8 {
            if previousUnderscore && (byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X")) { return true }
            previousUnderscore = byte == UInt8(ascii: "_")
        }
        return false
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.isWhiteSpace }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    /// Han ideographs, kana, hangul, CJK punctuation and full-width punctuation (not full-width
    /// letters and digits, which NFKC turns into Latin ones). Curly quotes count as neutral:
    /// they are shared with English text.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: false
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x2FF0...0x2FFF, 0x3001...0x303F, 0x3040...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF: true
        default: false
        }
    }
}
