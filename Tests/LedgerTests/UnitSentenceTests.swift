import Testing
@testable import Ledger

/// Unit cells written as sentences: the names, a role word, then the work they do.
@Suite("Unit cells written as sentences")
struct UnitSentenceTests {
    @Test("区司法局牵头…工作，区各…主体具体落实；各成员单位负责做好…: a lead and two responsible groups, the work left out of the names")
    func sentences() {
        #expect(unitReferences("区司法局牵头区级规范性文件集中公开工作,区各行政规范性文件制定主体具体落实;各成员单位负责做好本单位行政规范性文件集中公开工作")
                == ["区司法局|lead", "区各行政规范性文件制定主体|responsible", "各成员单位|responsible"])
        #expect(unitReferences("办公室负责做好信息发布") == ["办公室|responsible"])
        #expect(unitReferences("各镇负责本辖区") == ["各镇|responsible"])
    }

    @Test("an office's other name in brackets is a note; a place or a group's part in brackets stays in the name")
    func otherName() {
        #expect(unitReferences("市安委办 (工作专班办公室)") == ["市安委办|responsible"])
        #expect(unitReferences("区教体局(区国资公司代建)") == ["区教体局|responsible"])
        #expect(unitReferences("区人社局（区委人才办）、区财政局") == ["区人社局|responsible", "区财政局|responsible"])
        #expect(unitReferences("经开区高新园(邹区镇)") == ["经开区高新园（邹区镇）|responsible"])
        #expect(unitReferences("各县(市、区)政府(管委会)") == ["各县（市、区）政府（管委会）|responsible"])
    }

    @Test("role words side by side, a role word naming the column, and words that are no office stay as they were")
    func notCut() {
        #expect(unitReferences("区发改委牵头负责") == ["区发改委|lead"])
        #expect(unitReferences("市卫健委牵头，市医保局配合") == ["市卫健委|lead", "市医保局|cooperating"])
        #expect(unitReferences("做好牵头工作") == ["做好牵头工作|responsible"])
    }
}
