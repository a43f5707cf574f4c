import Ledger
import Testing

/// Header vocabulary and normalisation: domain.md §1.1, §1.2 and the lexical cases of §8.4 (named after their ids).
@Suite("Header vocabulary")
struct HeaderVocabularyTests {
    func field(_ header: String) -> HeaderField? { HeaderVocabulary.match(header)?.field }

    // MARK: §8.4

    @Test("H01 牵头落实单位 → leadUnit")
    func h01() { #expect(field("牵头落实单位") == .leadUnit) }

    @Test("H02 责任单位（牵头） → leadUnit")
    func h02() {
        #expect(field("责任单位（牵头）") == .leadUnit)
        #expect(HeaderVocabulary.match("责任单位（牵头）")?.isExact == true)
    }

    @Test("H03 完成时限 → deadline")
    func h03() { #expect(field("完成时限") == .deadline) }

    @Test("H04 时限要求 → deadline")
    func h04() { #expect(field("时限要求") == .deadline) }

    // Lexical part only: the hint stays text; 截至6月底 → 2023-06-30 needs the plan year and the deadline parser.
    @Test("H05 进展情况⏎（截至6月底） → progress, period hint 截至6月底")
    func h05() {
        let match = HeaderVocabulary.match("进展情况\n（截至6月底）")
        #expect(match?.field == .progress)
        #expect(match?.isExact == true)
        #expect(match?.periodHint == "截至6月底")
    }

    @Test("H06 序 号 → seq")
    func h06() { #expect(field("序 号") == .seq) }

    // The name-and-phone split is a matter of the contact value, not of the header: contact holds both.
    @Test("H07 联系人及电话 → contact")
    func h07() {
        #expect(field("联系人及电话") == .contact)
        #expect(HeaderVocabulary.match("联系人及电话")?.combined == [])
    }

    // Structural (§1.3): a leftmost, vertically merged column is the category. Lexically the word names the
    // requirement and offers the category as the alternative the grid rule picks.
    @Test("H08 工作要求 (leftmost, vertically merged) → category is offered to the structural rule")
    func h08() { #expect(HeaderVocabulary.match("工作要求")?.alternatives == [.category]) }

    @Test("H09 工作要求 (not merged, right of 具体任务) → requirement")
    func h09() { #expect(field("工作要求") == .requirement) }

    @Test("H10 佐证材料（附件名称） → evidence")
    func h10() {
        let match = HeaderVocabulary.match("佐证材料（附件名称）")
        #expect(match?.field == .evidence)
        #expect(match?.annotations == ["附件名称"])
        #expect(match?.periodHint == nil)
    }

    // MARK: §1.1 vocabulary

    static let allSynonyms: [(String, HeaderField)] = HeaderField.allCases.flatMap { field in field.synonyms.map { ($0, field) } }

    @Test("every §1.1 synonym names its field, as the default or as the alternative", arguments: allSynonyms)
    func everySynonym(synonym: String, field: HeaderField) {
        let match = HeaderVocabulary.match(synonym)
        #expect(match?.isExact == true)
        #expect(match?.field == field || match?.alternatives.contains(field) == true)
    }

    @Test("every display name reads back as its field", arguments: HeaderField.allCases)
    func displayNames(field: HeaderField) {
        #expect(HeaderVocabulary.match(field.displayName)?.field == field)
    }

    @Test("words that name two fields: the finer one by default, the other as the alternative")
    func sharedWords() {
        #expect(HeaderVocabulary.match("工作任务").map { [$0.field] + $0.alternatives } == [.task, .category])
        #expect(HeaderVocabulary.match("存在问题").map { [$0.field] + $0.alternatives } == [.problems, .task])
        #expect(HeaderVocabulary.match("时间节点").map { [$0.field] + $0.alternatives } == [.deadline, .milestones])
        #expect(field("任务编号") == .taskId)
    }

    // MARK: §1.2 normalisation

    @Test("full-width forms, whitespace of every kind, _x000D_, trailing colons and required-column stars do not matter")
    func normalisation() {
        #expect(field("ＮＯ．") == .seq)
        #expect(field("牵头单位：") == .leadUnit)
        #expect(field("牵头\u{3000}单位\u{00A0}") == .leadUnit)
        #expect(field("完成_x000D_\n时限") == .deadline)
        #expect(field("*具体任务") == .task)
        #expect(field("备\u{200B}注") == .remarks)
        #expect(HeaderVocabulary.fold("责任单位【牵头】") == "责任单位(牵头)")
    }

    @Test("trailing annotations come off and are kept; role brackets stay")
    func annotations() {
        let match = HeaderVocabulary.match("进展情况（截至6月底）（必填）")
        #expect(match?.field == .progress)
        #expect(match?.annotations == ["截至6月底", "必填"])
        #expect(field("完成进度（%）") == .percent)
        #expect(field("进度(%)") == .percent)
        #expect(HeaderVocabulary.stripAnnotations("责任单位(牵头)(必填)") == ("责任单位(牵头)", ["必填"]))
    }

    @Test("a role bracket makes any unit column the lead or cooperating one")
    func roleBrackets() {
        #expect(field("责任单位（配合）") == .coopUnit)
        #expect(field("责任科室（牵头）") == .leadUnit)
        #expect(field("责任科室(协办)") == .coopUnit)
    }

    // MARK: §1.2 step 5 and what §1.3 needs

    @Test("a synonym inside a longer header matches, marked not exact")
    func contained() {
        let match = HeaderVocabulary.match("截至6月底进展")
        #expect(match?.field == .progress)
        #expect(match?.isExact == false)
        #expect(match?.periodHint == "截至6月底")
        #expect(field("主要牵头落实单位名称") == .leadUnit)
    }

    @Test("two-row headers flattened to parent/child")
    func twoRow() {
        let lead = HeaderVocabulary.match("责任单位/牵头")
        #expect(lead?.field == .leadUnit)
        #expect(lead?.parent == .respUnit)
        #expect(field("责任单位/配合") == .coopUnit)
        let status = HeaderVocabulary.match("完成情况/完成状态")
        #expect(status?.field == .status)
        #expect(status?.parent == .progress)
        let january = HeaderVocabulary.match("序时进度/1月")
        #expect(january?.field == .milestones)
        #expect(january?.periodHint == "1月")
        #expect(HeaderVocabulary.match("完成情况/一季度")?.periodHint == "一季度")
        #expect(HeaderVocabulary.match("完成情况/一季度")?.field == .progress)
    }

    @Test("headers joining two fields are combined columns")
    func combined() {
        let match = HeaderVocabulary.match("责任单位及责任人")
        #expect(match?.field == .respUnit)
        #expect(match?.combined == [.respUnit, .person])
        #expect(HeaderVocabulary.match("完成情况及存在问题")?.combined == [.progress, .problems])
    }

    @Test("per-period columns are milestones")
    func periodColumns() {
        #expect(field("3月") == .milestones)
        #expect(field("十二月份") == .milestones)
        #expect(field("第二季度") == .milestones)
        #expect(field("Q4") == .milestones)
    }

    @Test("headers outside the vocabulary are nil")
    func unknown() {
        #expect(field("") == nil)
        #expect(field("  ") == nil)
        #expect(field("得分") == nil)
    }
}

@Suite("Traditional script")
struct TraditionalScriptTests {
    @Test("the character table is bundled and converts, one character for one")
    func converts() {
        #expect(SimplifiedScript.convert("重點任務｜工作內容｜負責科室") == "重点任务｜工作内容｜负责科室")
        #expect(SimplifiedScript.convert("办公室牵头") == "办公室牵头")
        #expect(SimplifiedScript.convert("長期推進").count == 4)
    }

    @Test("headers, role words and deadlines in traditional script are understood; names keep the cell's script")
    func understood() {
        #expect(HeaderVocabulary.match("工作內容")?.field == .task)
        #expect(HeaderVocabulary.match("負責單位")?.field != nil)
        #expect(HeaderVocabulary.match("完成時限")?.field == .deadline)
        let result = UnitParser(registry: .empty).parse("辦公室牽頭，法規科配合")
        #expect(result.references.map(\.name) == ["辦公室", "法規科"])
        #expect(result.references.map(\.role) == [.lead, .cooperating])
        let parser = DeadlineParser(planYear: 2023)
        #expect(parser.parse(SimplifiedScript.convert("長期推進")).kind.name == "ongoing")
    }

    @Test("a registry finds a unit written in the other script")
    func registryAcrossScripts() throws {
        let registry = try UnitRegistry(units: [Unit("办公室", kind: .section)])
        #expect(registry.match("辦公室") == .unit("办公室"))
    }
}
