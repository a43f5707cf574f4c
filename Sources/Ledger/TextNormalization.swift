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
        if isNormal(text) { return text }
        var source = mayHoldEscape(text) ? text.replacingOccurrences(of: "_x000D_", with: "\r", options: .caseInsensitive) : text
        var needsFullNFKC = false
        // One pass over the UTF-8 bytes, writing straight into the result: this runs for every text of every
        // row of a plan. The output is never longer than the input (spaces only shrink, full-width forms
        // become one-byte ASCII), so the input's length is enough room.
        let joined = source.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var pass = NormalizingPass(out: out, joiningCJK: joiningCJK)
                pass.run(bytes)
                needsFullNFKC = pass.needsFullNFKC
                return pass.count
            }
        }
        return needsFullNFKC ? trim(joined.precomposedStringWithCompatibilityMapping) : joined
    }

    private static func trim(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, isWhitespace(first) { scalars.removeFirst() }
        while let last = scalars.last, isWhitespace(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// Text of only printable ASCII (no `_`, which may start an escape) and CJK characters that NFKC keeps
    /// (U+3001–U+31FF, U+3400–U+D7FF): normalizing it would give the same text back, so the string is kept
    /// rather than copied. Tested on the UTF-8 bytes, as most cells pass.
    private static func isNormal(_ text: String) -> Bool {
        func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                switch lead {
                case 0x21...0x5E, 0x60...0x7E:
                    i += 1
                case 0xE3:
                    // U+3000–U+3FFF: not U+3000 (ideographic space) nor U+3200–U+33FF (NFKC maps those).
                    let second = bytes[i + 1]
                    if (second == 0x80 && bytes[i + 2] == 0x80) || (0x88...0x8F).contains(second) { return false }
                    i += 3
                case 0xE4...0xED:
                    i += 3
                default:
                    return false
                }
            }
            return true
        }
        return text.utf8.withContiguousStorageIfAvailable(check) ?? false
    }

    /// An `_x` or `_X` in the bytes (a quick scan: Foundation's search would cost more than the rest).
    private static func mayHoldEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            for i in 0..<(bytes.count - 1) where bytes[i] == UInt8(ascii: "_") && bytes[i + 1] | 0x20 == UInt8(ascii: "x") {
                return true
            }
            return false
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.isWhiteSpace }

    static func isWhitespace(_ scalar: UInt32) -> Bool { Unicode.Scalar(scalar)?.isWhiteSpace ?? false }

    static func isZeroWidth(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x200B...0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    /// Han ideographs, kana, hangul, CJK punctuation and full-width punctuation (not full-width
    /// letters and digits, which NFKC turns into Latin ones). Curly quotes count as neutral:
    /// they are shared with English text.
    static func isCJK(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: false
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x2FF0...0x2FFF, 0x3001...0x303F, 0x3040...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF: true
        default: false
        }
    }
}

/// The state of one normalizing pass over UTF-8 bytes (see `TextNormalization.normalize`).
private struct NormalizingPass {
    let out: UnsafeMutableBufferPointer<UInt8>
    let joiningCJK: Bool
    private(set) var count = 0
    /// Set when a character NFKC may change was written: the caller then applies full NFKC.
    private(set) var needsFullNFKC = false
    /// The last scalar written (before compatibility mapping).
    private var previous: UInt32?
    private var pendingSpace = false
    private var previousWasCR = false

    init(out: UnsafeMutableBufferPointer<UInt8>, joiningCJK: Bool) {
        self.out = out
        self.joiningCJK = joiningCJK
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < bytes.count {
            let start = i
            let lead = bytes[i]
            // Most of a plan's text: Han ideographs (U+4000–U+9FFF) and printable ASCII, which no rule changes.
            if !pendingSpace {
                if lead >= 0xE4 && lead <= 0xE9 {
                    out[count] = lead
                    out[count + 1] = bytes[i + 1]
                    out[count + 2] = bytes[i + 2]
                    previous = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    count += 3
                    i += 3
                    previousWasCR = false
                    continue
                }
                if lead > 0x20 && lead < 0x7F {
                    out[count] = lead
                    previous = UInt32(lead)
                    count += 1
                    i += 1
                    previousWasCR = false
                    continue
                }
            }
            let scalar = Self.decode(bytes, at: &i)
            write(scalar, copying: bytes[start..<i])
        }
        // Spaces are never written at either end, so only line breaks remain to trim.
        while count > 0, out[count - 1] == 0x0A { count -= 1 }
    }

    /// The scalar starting at `i`, moving `i` past it. Native strings hold valid UTF-8, so the continuation bytes are there.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32 {
        let lead = bytes[i]
        if lead < 0x80 {
            i += 1
            return UInt32(lead)
        } else if lead < 0xE0 {
            defer { i += 2 }
            return UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        } else if lead < 0xF0 {
            defer { i += 3 }
            return UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        }
        defer { i += 4 }
        return UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
    }

    /// One scalar off the slow path: line breaks unified, zero-width dropped, white space collapsed or joined,
    /// full-width ASCII mapped; anything else is copied as its `original` bytes.
    @inline(__always)
    private mutating func write(_ decoded: UInt32, copying original: Slice<UnsafeBufferPointer<UInt8>>) {
        var scalar = decoded
        switch scalar {
        case 0x0D:
            scalar = 0x0A
            previousWasCR = true
        case 0x0A where previousWasCR:
            previousWasCR = false
            return
        case 0x2028, 0x2029, 0x85, 0x0B, 0x0C:
            scalar = 0x0A
            previousWasCR = false
        default:
            previousWasCR = false
        }
        if TextNormalization.isZeroWidth(scalar) { return }
        // Leading line breaks would only be trimmed away.
        if scalar == 0x0A && count == 0 { return }
        if scalar != 0x0A, TextNormalization.isWhitespace(scalar) {
            pendingSpace = true
            return
        }
        if pendingSpace {
            pendingSpace = false
            if let previous, previous != 0x0A, scalar != 0x0A, !(joiningCJK && TextNormalization.isCJK(previous) && TextNormalization.isCJK(scalar)) {
                out[count] = 0x20
                count += 1
            }
        }
        previous = scalar
        switch scalar {
        case 0xFF01...0xFF5E:
            out[count] = UInt8(scalar - 0xFEE0)
            count += 1
            return
        case 0x0A:
            out[count] = 0x0A
            count += 1
            return
        case 0x00A0...0x036F, 0x2000...0x2BFF, 0x2E80...0x2FDF, 0x3200...0x33FF, 0xF900...0xFB4F, 0xFE10...0xFE6F,
             0xFF5F...0xFFEF, 0x1D400...0x1D7FF, 0x1F100...0x1F2FF:
            needsFullNFKC = true
        default: break
        }
        for byte in original {
            out[count] = byte
            count += 1
        }
    }
}
