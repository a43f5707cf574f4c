/// The height a row needs for its wrapped text to show whole. LibreOffice does not re-measure rows when it
/// opens a file, so without it long text in a wrapped cell is printed over the next rows.
enum RowHeight {
    /// Excel's width for a column nobody sized, in characters.
    static let defaultColumnWidth = 8.43

    /// Lines the text takes in a column `columnWidth` characters wide: each paragraph (ended by a line feed,
    /// alone or after a carriage return) wraps on its own. Widths are in column-width units (the width of
    /// "0"): East Asian wide and full-width characters take two, the rest one.
    static func lines(_ text: String, columnWidth: Double, fontSize: Double = 11) -> Int {
        // Characters scale with the font; the cell's padding takes about one character.
        let usable = max(1, (columnWidth - 1) * 11 / fontSize)
        // One pass over the scalars: splitting into Characters costs more than the rest of writing a row.
        var lines = 0
        var paragraph = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                lines += max(1, Int((paragraph / usable).rounded(.up)))
                paragraph = 0
            case "\r":
                break
            default:
                paragraph += isWide(scalar) ? 2 : 1
            }
        }
        return lines + max(1, Int((paragraph / usable).rounded(.up)))
    }

    /// Points for `lines` lines of a `fontSize` font: Excel gives an 11-point line 14.25 points; 409 is its limit.
    static func points(lines: Int, fontSize: Double = 11) -> Double {
        min(409, (Double(lines) * fontSize * 14.25 / 11 * 4).rounded(.up) / 4)
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
