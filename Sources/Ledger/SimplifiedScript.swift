import Foundation

/// Traditional-script text (重點任務 | 工作內容 | 負責科室) read through its simplified form, character for
/// character, so that header words, role words (牽頭 → 牵头), deadlines and status words match, while
/// the original text is what the ledger keeps. One character maps to one, so positions stay where they are.
public enum SimplifiedScript {
    /// OpenCC's character table (`Resources/traditional-to-simplified.txt`, made by scripts/make_ts_table.py).
    static let table: [UInt32: Unicode.Scalar] = {
        guard let url = Bundle.module.url(forResource: "traditional-to-simplified", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var table: [UInt32: Unicode.Scalar] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let scalars = Array(line.unicodeScalars)
            for i in stride(from: 0, to: scalars.count - 1, by: 2) { table[scalars[i].value] = scalars[i + 1] }
        }
        return table
    }()

    /// The text with every traditional character replaced by its simplified one; the text itself when it has none.
    public static func convert(_ text: String) -> String {
        // Most texts are simplified already: look before copying.
        guard text.unicodeScalars.contains(where: { $0.value >= 0x3400 && table[$0.value] != nil }) else { return text }
        var converted = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { converted.append(table[scalar.value] ?? scalar) }
        return String(converted)
    }

    /// Names read from the simplified form of `original`, written back in the original's characters: each
    /// simplified character becomes the one it came from in this text.
    static func restore(_ name: String, from original: String, simplified: String) -> String {
        guard original != simplified else { return name }
        var back: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (o, s) in zip(original.unicodeScalars, simplified.unicodeScalars) where o != s && back[s] == nil { back[s] = o }
        var restored = String.UnicodeScalarView()
        for scalar in name.unicodeScalars { restored.append(back[scalar] ?? scalar) }
        return String(restored)
    }
}
