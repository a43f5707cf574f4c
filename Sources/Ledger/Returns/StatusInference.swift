import Foundation

/// The status a return states for a task in one period, read from its status cell and progress text
/// (domain.md §4.2), with the evidence that decided it so that messages can explain themselves.
///
/// Precedence: a status word in the status cell > a percent in the progress text > a status word in the
/// progress text > nothing. "Nothing" leaves `status` nil: the deadline comparison decides, which needs the
/// deadline and the as-of date and is not done here.
///
/// Rules beyond §4.2, decided here:
/// - A percent below 100 refines only "completed" and "on track" words ("已完成80%" is on track); any other
///   status word in the text stands and keeps the percent ("进度滞后，已完成60%" is lagging, 60).
///   0% reads as not started. Only a percent whose clause names the work counts (完成, 进度, 进展, 计划,
///   目标, 任务, or the percent alone), so "满意度达100%" or "同比增长15%" decide nothing; the last one counts
///   (texts are cumulative), and 序时进度 (the expected pace, not the actual one) never counts.
/// - Follow-up plans do not state a status: text from 下一步, 下步, 下阶段, 接下来 or 今后 on is ignored,
///   unless the text starts with one.
/// - Several status words: the most alarming decides (`Status.severity`), because "已完成方案制定，正在推进实施"
///   is not done.
/// - "同上月", "同上", "无新进展" and the like (the whole text) mean the unit reported but repeated itself: the
///   status is nil with evidence `sameAsBefore`; the caller carries the previous period's status forward.
/// - A status cell reading 否, × or ✗ (a 是否完成 column) denies completion like 未完成.
public struct StatusInference: Equatable, Sendable {
    /// The inferred status, or nil when the texts do not decide it (see `evidence`).
    public var status: Status?
    /// The completion percent written in the status cell or the progress text (80 for "已完成80%").
    public var percent: Double?
    /// What decided, for messages.
    public var evidence: Evidence
    /// A non-blank status cell with no status in it: the caller reports `bad-status` (inference used the progress).
    public var ignoredStatusCell: String?

    public enum Evidence: Equatable, Sendable {
        /// The status cell's word or percent, as normalised ("已完成", "√", "80%").
        case statusCell(String)
        /// A percent in the progress text ("80%").
        case percent(String)
        /// A status word in the progress text ("进度滞后").
        case keyword(String)
        /// A status word under negation ("尚未完成" denies `completed`): the deadline decides between lagging and
        /// overdue (domain.md §8.3 S02).
        case negated(String, Status)
        /// "同上月", "无新进展": carry the previous period's status.
        case sameAsBefore(String)
        /// Nothing written: `noReport`.
        case blank
        /// Text without a status word: the deadline decides.
        case noStatusWord
    }

    public init(statusCell: String? = nil, progress: String?) {
        let cell = Reading(statusCell ?? "", isStatusCell: true)
        let text = Reading(progress ?? "", isStatusCell: false)
        percent = cell.percent ?? text.percent
        ignoredStatusCell = nil
        if let decided = cell.decided {
            status = decided.status
            evidence = .statusCell(decided.word)
            return
        }
        if !cell.isBlank, cell.negated == nil, cell.sameAsBefore == nil { ignoredStatusCell = statusCell }
        if let decided = text.decided, decided.status != cell.negated?.status {
            status = decided.status
            evidence = decided.byPercent ? .percent(decided.word) : .keyword(decided.word)
        } else if let negated = cell.negated ?? text.negated {
            status = nil
            evidence = .negated(negated.phrase, negated.status)
        } else if let same = cell.sameAsBefore ?? text.sameAsBefore {
            status = nil
            evidence = .sameAsBefore(same)
        } else if cell.isBlank, text.isBlank {
            status = .noReport
            evidence = .blank
        } else {
            status = nil
            evidence = .noStatusWord
        }
    }
}

/// What one text (a status cell or a progress text) says.
private struct Reading {
    var isBlank = false
    var decided: (status: Status, word: String, byPercent: Bool)?
    var percent: Double?
    var negated: (phrase: String, status: Status)?
    var sameAsBefore: String?

    init(_ raw: String, isStatusCell: Bool) {
        // Line breaks end clauses; everything else about spacing is noise.
        let unbroken = raw.replacingOccurrences(of: "_x000D_", with: "", options: .caseInsensitive)
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "。")
        let text = StatusWords.normalise(unbroken)
        guard !text.isEmpty, !text.allSatisfy({ "/-—–\\".contains($0) }) else {
            isBlank = true
            return
        }
        if let status = StatusWords.status(for: text) {
            decided = (status, text, false)
            percent = Reading.percents(in: Array(text), wholeTextOnly: true).last?.value
            return
        }
        if isStatusCell, ["否", "×", "✗"].contains(text) {
            negated = (text, .completed)
            return
        }
        if Reading.sameAsBefore.contains(text) {
            sameAsBefore = text
            return
        }
        var chars = Array(text)
        if let followUp = Reading.firstFollowUp(in: chars), followUp > 0 { chars = Array(chars[..<followUp]) }
        let found = Reading.percents(in: chars, wholeTextOnly: false).last
        percent = found?.value
        let (keyword, negation) = Reading.scan(chars)
        negated = negation
        if let found, found.value >= 100 {
            decided = (.completed, found.written, true)
        } else if let keyword, keyword.status != .completed, keyword.status != .onTrack {
            decided = (keyword.status, keyword.word, false)
        } else if let found {
            decided = (found.value == 0 ? .notStarted : .onTrack, found.written, true)
        } else if let keyword {
            decided = (keyword.status, keyword.word, false)
        }
    }

    static let sameAsBefore: Set<String> = ["同上", "同上月", "同上期", "同上季度", "同前", "无新进展", "暂无新进展", "无变化"]
    static let followUps = ["下一步", "下步", "下阶段", "下一阶段", "接下来", "今后"].map(Array.init)
    static let percentContext = ["完成", "进度", "进展", "计划", "目标", "任务"]
    static let clauseEnds: Set<Character> = ["。", ",", ";", "!", "?", "、", ":"]

    /// Status words that may appear inside a sentence, longest first so that 未达序时 wins over 达序时.
    static let keywords: [(word: [Character], status: Status)] = StatusWords.table
        .flatMap { entry in entry.words.filter { !StatusWords.cellOnly.contains($0) }.map { (Array($0), entry.status) } }
        .sorted { $0.word.count > $1.word.count }
    static func rank(_ status: Status) -> Int { Status.severity.firstIndex(of: status) ?? Status.severity.count }

    /// Negators of §4.2, two-character forms first so that the evidence reads "尚未完成", not "未完成". 无 is
    /// added for 无逾期 and 无超期; 不 alone is not, because of 不折不扣完成.
    static let negators = ["尚未", "暂未", "还未", "未能", "没有", "无法", "不能", "未", "无", "待"].map(Array.init)
    /// Words that may stand between a negator and its keyword without lifting the negation (未按时完成).
    static let qualifiers = ["按时", "按期", "如期", "全部", "全面", "完全", "及时"].map(Array.init)

    /// The most alarming status word that is not negated, and the first negated one.
    static func scan(_ chars: [Character]) -> (keyword: (status: Status, word: String)?, negated: (phrase: String, status: Status)?) {
        var best: (status: Status, word: String)?
        var negated: (phrase: String, status: Status)?
        var index = 0
        while index < chars.count {
            guard let match = keywords.first(where: { chars[index...].starts(with: $0.word) }) else {
                index += 1
                continue
            }
            let end = index + match.word.count
            if let start = negatorStart(before: index, in: chars) {
                if negated == nil { negated = (String(chars[start..<end]), match.status) }
            } else if best.map({ rank(match.status) < rank($0.status) }) ?? true {
                best = (match.status, String(match.word))
            }
            index = end
        }
        return (best, negated)
    }

    /// Where a negator starts within the two characters before `index` (after skipping one qualifier), if any.
    static func negatorStart(before index: Int, in chars: [Character]) -> Int? {
        var end = index
        if let qualifier = qualifiers.first(where: { chars[..<end].reversed().starts(with: $0.reversed()) }) {
            end -= qualifier.count
        }
        let windowStart = max(0, end - 2)
        for negator in negators {
            for start in windowStart..<end where start + negator.count <= end && chars[start...].starts(with: negator) {
                return start
            }
        }
        return nil
    }

    static func firstFollowUp(in chars: [Character]) -> Int? {
        chars.indices.first { index in followUps.contains { chars[index...].starts(with: $0) } }
    }

    /// Percents in the text, in order, that speak about the work's completion.
    static func percents(in chars: [Character], wholeTextOnly: Bool) -> [(value: Double, written: String)] {
        var found: [(value: Double, written: String)] = []
        for end in chars.indices where chars[end] == "%" {
            var start = end
            while start > 0, chars[start - 1].isASCII, chars[start - 1].isNumber || chars[start - 1] == "." { start -= 1 }
            guard start < end, let value = Double(String(chars[start..<end])) else { continue }
            let whole = start == 0 && end == chars.count - 1
            let clauseStart = chars[..<start].lastIndex(where: { clauseEnds.contains($0) }).map { $0 + 1 } ?? 0
            let clause = String(chars[clauseStart..<start])
            let speaksOfWork = percentContext.contains { clause.contains($0) } && !clause.contains("序时")
            if whole || (!wholeTextOnly && speaksOfWork) { found.append((value, String(chars[start...end]))) }
        }
        return found
    }
}
