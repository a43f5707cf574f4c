import Table

/// The year a plan is for (P in domain.md): nothing in its cells carries it, so it comes from the user,
/// a config file, the title row (“…2023年工作要点…”) or the file name, in that order; failing all of them, the
/// year the workbook was last saved, which the reader is told to check.
public enum PlanYear {
    /// Where the year was found, for messages.
    public enum Source: String, Sendable {
        case option, config, title, fileName, saved
    }

    /// The first plausible year (2000–2099) written as `2023年` in the title, or as four digits in the file name,
    /// else the year of `saved` (an ISO 8601 save time).
    public static func find(title: String?, fileName: String, saved: String? = nil) -> (year: Int, source: Source)? {
        if let title, let year = yearBefore年(title) { return (year, .title) }
        if let year = fourDigitYear(fileName.split(separator: "/").last.map(String.init) ?? fileName) { return (year, .fileName) }
        if let saved, saved.count >= 4, let year = Int(saved.prefix(4)), (2000...2099).contains(year) { return (year, .saved) }
        return nil
    }

    static func yearBefore年(_ text: String) -> Int? {
        let chars = Array(text)
        for i in chars.indices where chars[i] == "年" && i >= 4 {
            let digits = String(chars[(i - 4)..<i])
            if let year = Int(digits), (2000...2099).contains(year), i < 5 || !chars[i - 5].isNumber { return year }
        }
        return nil
    }

    static func fourDigitYear(_ text: String) -> Int? {
        let chars = Array(text)
        var i = 0
        while i + 4 <= chars.count {
            let run = chars[i..<(i + 4)]
            let before = i > 0 ? chars[i - 1] : " ", after = i + 4 < chars.count ? chars[i + 4] : " "
            if run.allSatisfy({ $0.isASCII && $0.isNumber }), !before.isNumber, !after.isNumber, let year = Int(String(run)), (2000...2099).contains(year) {
                return year
            }
            i += 1
        }
        return nil
    }
}
