import Foundation

/// The words units write for a status (domain.md §4.1), and the lookup from a status cell to a canonical status.
public enum StatusWords {
    /// Every word of §4.1 by status, in the table's order. 长期推进 and 持续推进 are deadline words too; written
    /// where a status is expected they mean the work goes on (§4.1 note). ✔ is added beside √ and ✓ because WPS
    /// offers it in the same symbol menu. `noReport` has no words: it is derived from a blank return.
    public static let table: [(status: Status, words: [String])] = [
        (.completed, ["已完成", "完成", "已办结", "办结", "已落实", "已整改", "整改完成", "已销号", "销号", "提前完成",
                      "超额完成", "100%", "√", "✓", "✔", "是"]),
        (.partial, ["基本完成", "部分完成", "阶段性完成", "初步完成"]),
        (.onTrack, ["正在推进", "推进中", "进行中", "正常推进", "有序推进", "稳步推进", "序时推进", "按序时推进", "达序时",
                    "达进度", "正在落实", "在办", "长期推进", "持续推进"]),
        (.ahead, ["超序时", "超进度", "提前"]),
        (.lagging, ["滞后", "进度滞后", "滞后序时", "未达序时", "欠进度", "推进缓慢", "落后", "完成有一定困难"]),
        (.notStarted, ["未启动", "尚未启动", "未开展", "暂未开展", "未开始", "待启动"]),
        (.overdue, ["逾期", "超期", "逾期未完成", "超期未办结", "未按期完成"]),
        (.extended, ["已延期", "申请延期", "延期办理"]),
        (.suspended, ["暂缓", "暂停", "中止", "调整", "取消", "不再实施", "指标项目出现调整"]),
        (.pending, ["待确认", "待调整", "待审核"]),
    ]

    /// The status a cell names, or nil when its text is not a word of §4.1 (the caller reports `bad-status`).
    /// Spaces, line breaks, full-width forms and a trailing full stop do not matter: "已 完 成。" and "１００％" match.
    public static func status(for cell: String) -> Status? {
        let word = normalise(cell)
        if let status = byWord[word] { return status }
        if word.hasSuffix("%"), Double(word.dropLast()) == 100 { return .completed }  // "100.0%"
        return nil
    }

    static let byWord: [String: Status] = Dictionary(
        table.flatMap { entry in entry.words.map { ($0, entry.status) } }, uniquingKeysWith: { first, _ in first })

    /// Words trusted only as a whole cell: inside a sentence they mean something else ("是" is everywhere,
    /// "取消审批事项" and "淘汰落后产能" are tasks, "提前谋划" is not "ahead", "存在办事难" is not "在办").
    static let cellOnly: Set<String> = ["是", "√", "✓", "✔", "100%", "提前", "调整", "取消", "落后", "在办"]

    /// NFKC (full-width digits, letters and punctuation to half-width), without whitespace of any kind,
    /// zero-width characters or the `_x000D_` escape, and without trailing sentence punctuation.
    static func normalise(_ text: String) -> String {
        // The shared normalization (NFKC, line breaks, `_x000D_`), then no white space at all.
        let folded = TextNormalization.normalize(text)
        var kept = String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            !TextNormalization.isWhitespace($0) && !zeroWidth.contains($0)
        }))
        while let last = kept.last, "。.!;,".contains(last) { kept.removeLast() }
        return kept
    }

    private static let zeroWidth: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"]
}
