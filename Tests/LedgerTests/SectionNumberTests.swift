import Testing
@testable import Ledger

@Suite("Section numbering")
struct SectionNumberTests {
    @Test("the five levels of plan outlines", arguments: [
        ("一、优化政务公开工作基础", 1, 1, "优化政务公开工作基础"),
        ("十二、其他", 1, 12, "其他"),
        ("(一)深化行政规章", 2, 1, "深化行政规章"),
        ("（二十三）加强", 2, 23, "加强"),
        ("1.积极推进", 3, 1, "积极推进"),
        ("12、完善", 3, 12, "完善"),
        ("（1）制定方案", 4, 1, "制定方案"),
        ("③落实", 5, 3, "落实"),
        ("  二、 前有空格", 1, 2, "前有空格"),
    ])
    func levels(text: String, level: Int, value: Int, rest: String) throws {
        let parsed = try #require(SectionNumber.parse(text))
        #expect(parsed.number.level == level)
        #expect(parsed.number.value == value)
        #expect(parsed.rest == rest)
    }

    @Test("text that only looks numbered is not a section", arguments: ["2023.6月底前", "1.5倍", "一流营商环境", "(注)说明", "局属各单位", ""])
    func notSections(text: String) {
        #expect(SectionNumber.parse(text) == nil)
    }
}
