import Table

/// The outline position while rows are read, checking that numbering runs 1, 2, 3 at each level.
struct SectionOutline {
    /// The current number at each level (index 0 is level 1).
    private var current: [SectionNumber?] = Array(repeating: nil, count: 5)
    /// The markers of the current position, outermost first, such as `一、(一)`.
    private(set) var path = ""

    mutating func enter(_ number: SectionNumber, at location: @autoclosure () -> SourceLocation, issues: inout [ValidationIssue]) {
        let level = number.level - 1
        let previous = current[level]
        // A merged heading repeats on every row of its block: the same number again is no news.
        if let previous, previous.value == number.value { return }
        let expected = (previous?.value ?? 0) + 1
        if number.value > expected {
            let missing = (expected..<number.value).map { SectionOutline.marker(level: number.level, value: $0) }.joined(separator: "、")
            issues.append(.init(.warning, "section-gap", at: location(), "编号从 \(number.marker) 开始，缺少 \(missing)；请核对是否漏了条目或编号有误。"))
        } else if number.value < expected {
            issues.append(.init(.warning, "section-duplicate", at: location(), "编号 \(number.marker) 与前面的编号重复或倒序，请核对。"))
        }
        current[level] = number
        for deeper in (level + 1)..<current.count { current[deeper] = nil }
        path = current.compactMap { $0?.marker }.joined()
    }

    static func marker(level: Int, value: Int) -> String {
        let chinese = ChineseNumeral.name(value)
        switch level {
        case 1: return chinese + "、"
        case 2: return "(" + chinese + ")"
        case 3: return "\(value)."
        case 4: return "(\(value))"
        default: return String(Character(Unicode.Scalar(0x2460 + UInt32(value - 1))!))
        }
    }
}
