import Ledger
import Testing

/// Status vocabulary and inference: domain.md §4.1, §4.2 and the cases of §8.3 (named after their ids).
@Suite("Status")
struct StatusTests {
    func infer(_ progress: String?, cell: String? = nil) -> StatusInference {
        StatusInference(statusCell: cell, progress: progress)
    }

    // MARK: §8.3

    @Test("S01 已完成 → completed")
    func s01() {
        #expect(infer("已完成").status == .completed)
        #expect(infer(nil, cell: "已完成").evidence == .statusCell("已完成"))
    }

    @Test("S02 尚未完成 → not completed; the deadline decides lagging or overdue")
    func s02() {
        let inferred = infer("尚未完成")
        #expect(inferred.status == nil)
        #expect(inferred.evidence == .negated("尚未完成", .completed))
    }

    // The decision at the top of domain.md agrees with §8.3 here: 基本完成 is partial, never completed.
    @Test("S03 基本完成 → partial")
    func s03() {
        #expect(infer("基本完成").status == .partial)
        #expect(infer("目前已基本完成，正在完善细节").status == .partial)
    }

    @Test("S04 正在推进中 → onTrack")
    func s04() {
        #expect(infer("正在推进中").status == .onTrack)
        #expect(infer("正在推进中").evidence == .keyword("正在推进"))
    }

    @Test("S05 未启动 → notStarted")
    func s05() {
        #expect(infer("未启动").status == .notStarted)
    }

    @Test("S06 已完成80% → onTrack, 80%")
    func s06() {
        let inferred = infer("已完成80%")
        #expect(inferred.status == .onTrack)
        #expect(inferred.percent == 80)
        #expect(inferred.evidence == .percent("80%"))
    }

    @Test("S07 100% → completed")
    func s07() {
        let inferred = infer("100%")
        #expect(inferred.status == .completed)
        #expect(inferred.percent == 100)
    }

    @Test("S08 该项工作已按要求完成，下一步将持续巩固 → completed")
    func s08() {
        let inferred = infer("该项工作已按要求完成，下一步将持续巩固")
        #expect(inferred.status == .completed)
        #expect(inferred.evidence == .keyword("完成"))
    }

    @Test("S09 进度滞后，主要原因是… → lagging")
    func s09() {
        let inferred = infer("进度滞后，主要原因是资金未到位")
        #expect(inferred.status == .lagging)
        #expect(inferred.evidence == .keyword("进度滞后"))
    }

    @Test("S10 暂缓实施 → suspended")
    func s10() {
        #expect(infer("暂缓实施").status == .suspended)
    }

    @Test("S11 √ → completed")
    func s11() {
        #expect(StatusWords.status(for: "√") == .completed)
        #expect(infer(nil, cell: "√").status == .completed)
        #expect(infer("√").status == .completed)
    }

    @Test("S12 blank, period report due → noReport")
    func s12() {
        for blank in [nil, "", "  \n", "　", "/", "—"] {
            let inferred = infer(blank, cell: blank)
            #expect(inferred.status == .noReport)
            #expect(inferred.evidence == .blank)
        }
    }

    // MARK: §4.1 vocabulary

    static let allWords: [(String, Status)] = StatusWords.table.flatMap { entry in entry.words.map { ($0, entry.status) } }

    @Test("every §4.1 word in a status cell maps to its status", arguments: allWords)
    func everyWordInACell(word: String, status: Status) {
        #expect(StatusWords.status(for: word) == status)
        #expect(infer(nil, cell: word).status == status)
        #expect(infer(word).status == status, "the word alone as progress text")
    }

    @Test("every §4.1 word that is safe in a sentence is found inside one",
          arguments: allWords.filter { !["是", "√", "✓", "✔", "100%", "提前", "调整", "取消", "落后", "在办"].contains($0.0) })
    func everyWordInASentence(word: String, status: Status) {
        let inferred = infer("目前该项工作\(word)，情况已报局领导。")
        #expect(inferred.status == status)
        #expect(inferred.evidence == .keyword(word))
    }

    @Test("the words of §4.1 that mean something else inside a sentence decide only a whole cell")
    func cellOnlyWords() {
        #expect(infer("取消审批事项12项").status == nil)
        #expect(infer("淘汰落后产能").status == nil)
        #expect(infer("提前谋划，做好准备").status == nil)
        #expect(infer("是否需要调整方案").status == nil)
    }

    @Test("status cells tolerate spaces, line breaks, full-width forms and a trailing full stop")
    func tolerantCells() {
        #expect(StatusWords.status(for: "已 完 成") == .completed)
        #expect(StatusWords.status(for: "已完成。") == .completed)
        #expect(StatusWords.status(for: "１００％") == .completed)
        #expect(StatusWords.status(for: "100.0%") == .completed)
        #expect(StatusWords.status(for: "\u{3000}进行中\u{00A0}") == .onTrack)
        #expect(StatusWords.status(for: "已_x000D_\n完\u{200B}成") == .completed)
    }

    @Test("unknown status words are nil, for the caller to report bad-status")
    func unknownWords() {
        for word in ["良好", "未完成", "否", "80%", "", "完成中的完成"] {
            #expect(StatusWords.status(for: word) == nil, "\(word)")
        }
        let inferred = infer("正在推进", cell: "良好")
        #expect(inferred.ignoredStatusCell == "良好")
        #expect(inferred.status == .onTrack)
    }

    @Test("长期推进 and 持续推进 in progress text mean on track")
    func ongoingWords() {
        #expect(infer("长期推进").status == .onTrack)
        #expect(infer("该项工作持续推进中").status == .onTrack)
        #expect(infer("该项工作持续推进中").evidence == .keyword("持续推进"))
    }

    @Test("every status has its raw value, display name and default colour")
    func statusContract() {
        #expect(Status.allCases.map(\.rawValue) == ["completed", "partial", "onTrack", "ahead", "lagging", "notStarted",
                                                    "overdue", "extended", "suspended", "pending", "noReport"])
        #expect(Status.allCases.map(\.displayName) == ["已完成", "部分完成", "推进中", "超序时", "滞后", "未启动", "逾期",
                                                      "已延期", "暂缓", "待确认", "未报送"])
        #expect(Status.allCases.filter { $0.defaultColour == .green } == [.completed, .onTrack, .ahead])
        #expect(Status.allCases.filter { $0.defaultColour == .yellow } == [.lagging])
        #expect(Status.allCases.filter { $0.defaultColour == .red } == [.overdue])
    }

    // MARK: Negation

    @Test("a negator within two characters before a completion word denies it", arguments: [
        ("未完成", "未完成"), ("尚未完成", "尚未完成"), ("暂未完成", "暂未完成"), ("没有完成", "没有完成"),
        ("无法完成", "无法完成"), ("不能完成", "不能完成"), ("待完成", "待完成"), ("该项工作目前还未完成", "还未完成"),
        ("未能按期办结", "未能按期办结"), ("年底前无法全部完成", "无法全部完成"),
    ])
    func negatedCompletion(text: String, phrase: String) {
        let inferred = infer(text)
        #expect(inferred.status == nil)
        #expect(inferred.evidence == .negated(phrase, .completed))
    }

    @Test("negation applies to other status words too")
    func negatedOthers() {
        #expect(infer("无逾期").evidence == .negated("无逾期", .overdue))
        #expect(infer("没有滞后").evidence == .negated("没有滞后", .lagging))
        #expect(infer("本月无超期件，正常推进").status == .onTrack)
    }

    @Test("a negator further away, or a word that only looks like one, does not negate")
    func notNegated() {
        #expect(infer("不折不扣完成").status == .completed)
        #expect(infer("工作已全部完成").status == .completed)
        #expect(infer("未雨绸缪，已按要求完成").status == .completed)
    }

    @Test("negative status words are words, not negations")
    func negativeWords() {
        #expect(infer("尚未启动").status == .notStarted)
        #expect(infer("未达序时进度").status == .lagging)
        #expect(infer("逾期未完成").status == .overdue)
        #expect(infer("未按期完成").status == .overdue)
        #expect(infer("方案待审核").status == .pending)
    }

    @Test("否, × and ✗ in a status cell deny completion")
    func noInStatusCell() {
        #expect(infer(nil, cell: "否").evidence == .negated("否", .completed))
        #expect(infer(nil, cell: "否").ignoredStatusCell == nil)
        #expect(infer("正在推进", cell: "×").status == .onTrack)
    }

    // MARK: Precedence

    @Test("a status cell beats a percent and words in the progress text")
    func cellFirst() {
        let inferred = infer("已完成100%", cell: "滞后")
        #expect(inferred.status == .lagging)
        #expect(inferred.evidence == .statusCell("滞后"))
        #expect(inferred.percent == 100, "the percent is still reported")
        #expect(infer("已完成", cell: "80%").status == .onTrack)
        #expect(infer(nil, cell: "正在推进中").evidence == .statusCell("正在推进"))
    }

    @Test("a percent beats completion and on-track words; 100% and more is completed")
    func percentOverWords() {
        #expect(infer("正在推进，已完成年度任务的60%").status == .onTrack)
        #expect(infer("正在推进，完成率100%").status == .completed)
        #expect(infer("超额完成，完成进度120%").status == .completed)
        #expect(infer("完成0%").status == .notStarted)
        #expect(infer("截至6月底完成50%；截至9月底完成85.5%").percent == 85.5)
    }

    // A refinement of §4.2's order, decided here: a percent below 100 does not turn a stated problem green.
    @Test("other status words stand beside a percent below 100 and keep it")
    func wordsBesidePercent() {
        let inferred = infer("进度滞后，已完成60%")
        #expect(inferred.status == .lagging)
        #expect(inferred.percent == 60)
        #expect(infer("基本完成（95%）").status == .partial)
    }

    @Test("only a percent about the work counts")
    func percentContext() {
        #expect(infer("群众满意度达100%").status == nil)
        #expect(infer("同比增长15%，正在推进").percent == nil)
        #expect(infer("完成45%，序时进度50%").percent == 45)
        #expect(infer("完成４５％").percent == 45)
    }

    @Test("words decide when there is no percent; nothing leaves it to the deadline")
    func wordsThenNothing() {
        #expect(infer("已印发实施方案").status == nil)
        #expect(infer("已印发实施方案").evidence == .noStatusWord)
        #expect(infer(nil, cell: "良好").evidence == .noStatusWord)
        #expect(infer(nil, cell: "良好").status == nil, "a unit wrote something: not noReport")
    }

    @Test("a status cell that denies completion is not overruled by the progress text")
    func cellDenialStands() {
        #expect(infer("已按要求完成", cell: "未完成").evidence == .negated("未完成", .completed))
        #expect(infer("正在推进", cell: "未完成").status == .onTrack)
    }

    @Test("among several status words the most alarming decides")
    func mostAlarming() {
        #expect(infer("已完成方案制定，正在推进实施").status == .onTrack)
        #expect(infer("正在推进，但进度滞后").status == .lagging)
        #expect(infer("已申请延期，目前逾期").status == .overdue)
    }

    @Test("follow-up plans state no status")
    func followUp() {
        #expect(infer("正在推进。下一步力争完成100%").status == .onTrack)
        #expect(infer("方案已印发。下步将持续推进").status == nil)
        #expect(infer("下一步将持续推进").status == .onTrack, "a text that is all plan is read whole")
    }

    @Test("同上月 and 无新进展 carry the previous status forward")
    func sameAsBefore() {
        for text in ["同上月", "同上", "无新进展", "暂无新进展。"] {
            let inferred = infer(text)
            #expect(inferred.status == nil)
            #expect(inferred.evidence == .sameAsBefore(String(text.filter { $0 != "。" })))
        }
        #expect(infer("本月无新进展，正在推进").status == .onTrack, "only the whole text repeats itself")
    }
}
