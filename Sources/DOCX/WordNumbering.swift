/// Word's list numbering (`word/numbering.xml`): the text Word generates before a numbered paragraph, such as
/// `一、` or `（二）`, which is in no `<w:t>` of the document and would otherwise be lost.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
    }

    private var abstractLevels: [String: [Int: Level]] = [:]
    private var instances: [String: (abstract: String, starts: [Int: Int])] = [:]
    /// Current counters per list instance and level.
    private var counters: [String: [Int: Int]] = [:]

    init() {}

    /// Reads numbering.xml's abstract definitions and the instances that use them.
    init(package: DocumentPackage) throws {
        guard package.has("word/numbering.xml") else { return }
        var abstract: String?, instance: String?, level: Int?
        var levels: [String: [Int: Level]] = [:]
        var instances: [String: (abstract: String, starts: [Int: Int])] = [:]
        try package.parse("word/numbering.xml", start: { element in
            let value = element.attributes["val"]
            switch element.name {
            case "abstractNum": abstract = element.attributes["abstractNumId"]
            case "num":
                instance = element.attributes["numId"]
                if let instance { instances[instance] = ("", [:]) }
            case "abstractNumId": if let instance, let value { instances[instance]?.abstract = value }
            case "lvl", "lvlOverride": level = element.attributes["ilvl"].flatMap { Int($0) }
            case "start": if let abstract, let level, instance == nil, let n = value.flatMap({ Int($0) }) { levels[abstract, default: [:]][level, default: Level()].start = n }
            case "startOverride": if let instance, let level, let n = value.flatMap({ Int($0) }) { instances[instance]?.starts[level] = n }
            case "numFmt": if let abstract, let level, instance == nil, let value { levels[abstract, default: [:]][level, default: Level()].format = value }
            case "lvlText": if let abstract, let level, instance == nil, let value { levels[abstract, default: [:]][level, default: Level()].text = value }
            default: break
            }
        }, end: { name in
            if name == "abstractNum" { abstract = nil }
            if name == "num" { instance = nil }
            if name == "lvl" || name == "lvlOverride" { level = nil }
        }, text: { _ in })
        abstractLevels = levels
        self.instances = instances
    }

    /// The label of the next paragraph of list `numId` at `level`, counting it; nil for unnumbered paragraphs.
    mutating func next(numId: String, level: Int) -> String? {
        guard numId != "0", let instance = instances[numId], let levels = abstractLevels[instance.abstract], let definition = levels[level] else { return nil }
        var counts = counters[numId] ?? [:]
        let start = instance.starts[level] ?? definition.start
        counts[level] = (counts[level] ?? start - 1) + 1
        for deeper in counts.keys where deeper > level { counts[deeper] = nil }
        counters[numId] = counts
        guard definition.format != "none" else { return nil }
        if definition.format == "bullet" { return nil }
        var label = definition.text
        for n in (1...9).reversed() where label.contains("%\(n)") {
            let lvl = n - 1
            let format = levels[lvl]?.format ?? "decimal"
            label = label.replacingOccurrences(of: "%\(n)", with: Self.format(counts[lvl] ?? (levels[lvl]?.start ?? 1), format))
        }
        return label
    }

    /// A counter in one of Word's number formats; formats we do not know are written as digits.
    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting", "japaneseCounting":
            return chinese(n, legal: format == "chineseLegalSimplified")
        case "ideographTraditional": return n >= 1 && n <= 10 ? String(Array("甲乙丙丁戊己庚辛壬癸")[n - 1]) : String(n)
        case "ideographZodiac": return n >= 1 && n <= 12 ? String(Array("子丑寅卯辰巳午未申酉戌亥")[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return n >= 1 && n <= 20 ? String(Character(Unicode.Scalar(0x2460 + n - 1)!)) : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "upperLetter", "lowerLetter":
            let letter = String(repeating: Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26))), count: (n - 1) / 26 + 1)
            return format == "upperLetter" ? letter : letter.lowercased()
        case "upperRoman", "lowerRoman":
            let roman = Self.roman(n)
            return format == "upperRoman" ? roman : roman.lowercased()
        default: return String(n)
        }
    }

    /// 一 … 九, 十, 十一 … 九十九, 一百 …, as Word counts in Chinese.
    static func chinese(_ n: Int, legal: Bool = false) -> String {
        let digits = Array(legal ? "零壹贰叁肆伍陆柒捌玖" : "零一二三四五六七八九")
        let units = Array(legal ? "拾佰仟" : "十百千")
        guard n > 0, n < 10000 else { return String(n) }
        if n < 10 { return String(digits[n]) }
        if n < 20 && !legal { return String(units[0]) + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        var out = ""
        var zero = false
        for (power, unit) in [(1000, units[2]), (100, units[1]), (10, units[0])] where n >= power {
            let d = n / power % 10
            if d == 0 { zero = !out.isEmpty; continue }
            if zero { out.append(digits[0]); zero = false }
            out.append(digits[d])
            out.append(unit)
        }
        if n % 10 != 0 {
            if zero || (n / 10 % 10 == 0 && n >= 100) { out.append(digits[0]) }
            out.append(digits[n % 10])
        }
        return out
    }

    private static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        var n = n, out = ""
        for (value, symbol) in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while n >= value { out += symbol; n -= value }
        }
        return out
    }
}
