import Testing
@testable import Ledger

@Suite("Text normalisation")
struct TextNormalizationTests {
    @Test("the seed's stray spaces between Chinese characters are removed", arguments: [
        ("提升政府信息公 开申请 办理工 作规范 化程度", "提升政府信息公开申请办理工作规范化程度"),
        ("规范发布政府信息公开工作年 度报告。", "规范发布政府信息公开工作年度报告。"),
        ("围绕扩大有效投资、 推 动 国 家 重 大 发 展 战 略", "围绕扩大有效投资、推动国家重大发展战略"),
        ("政府信息公 开申请", "政府信息公开申请"),
    ])
    func cjkSpaces(written: String, expected: String) {
        #expect(TextNormalization.normalize(written) == expected)
    }

    @Test("spaces between Latin words and digits stay, one each", arguments: [
        ("Excel 2016 版本", "Excel 2016 版本"),
        ("Excel   2016", "Excel 2016"),
        ("每年至少听取 1 次政务公开工作汇报", "每年至少听取 1 次政务公开工作汇报"),
        ("WPS Office", "WPS Office"),
    ])
    func latinSpaces(written: String, expected: String) {
        #expect(TextNormalization.normalize(written) == expected)
    }

    @Test("NFKC: full-width letters, digits, brackets and punctuation become ASCII")
    func fullWidth() {
        #expect(TextNormalization.normalize("ＷＰＳ２０２３（试行）") == "WPS2023(试行)")
        #expect(TextNormalization.normalize("政务科（牵头），热线科") == "政务科(牵头),热线科")
        #expect(TextNormalization.normalize("２０２３年９月３０日前") == "2023年9月30日前")
    }

    @Test("a space after full-width punctuation counts as a space between CJK characters")
    func fullWidthPunctuation() {
        #expect(TextNormalization.normalize("改进政策解读方式， 加强传播") == "改进政策解读方式,加强传播")
    }

    @Test("U+3000, NBSP and zero-width characters: removed between CJK, one space between Latin words")
    func invisibleAndWideSpaces() {
        #expect(TextNormalization.normalize("政务\u{3000}科") == "政务科")
        #expect(TextNormalization.normalize("政务\u{00A0}科") == "政务科")
        #expect(TextNormalization.normalize("政务\u{200B}科") == "政务科")
        #expect(TextNormalization.normalize("\u{FEFF}办公室") == "办公室")
        #expect(TextNormalization.normalize("Excel\u{3000}2016") == "Excel 2016")
        #expect(TextNormalization.normalize("Excel\u{00A0}2016") == "Excel 2016")
        #expect(TextNormalization.normalize("Excel \u{200B} 2016") == "Excel 2016")
    }

    @Test("a zero-width character alone is invisible, so it never becomes a space, even between Latin letters")
    func zeroWidthAlone() {
        #expect(TextNormalization.normalize("Ex\u{200B}cel") == "Excel")
    }

    @Test("_x000D_, CR LF and CR become LF; line breaks between CJK characters stay")
    func lineBreaks() {
        #expect(TextNormalization.normalize("法规科_x000D_\n规划科") == "法规科\n规划科")
        #expect(TextNormalization.normalize("法规科_x000d_规划科") == "法规科\n规划科")
        #expect(TextNormalization.normalize("a\r\nb\rc\nd") == "a\nb\nc\nd")
        #expect(TextNormalization.normalize("第一行 \n 第二行") == "第一行\n第二行")
    }

    @Test("trimmed at both ends, whatever the whitespace")
    func trimming() {
        #expect(TextNormalization.normalize(" \u{3000}办公室\u{00A0}\n") == "办公室")
        #expect(TextNormalization.normalize("\n\n") == "")
    }

    @Test("one-, two-, three- and four-byte characters, and the CJK blocks NFKC changes, decoded alike")
    func utf8Forms() {
        #expect(TextNormalization.normalize("㈠加强") == "(一)加强")           // U+3220, in the E3 lead-byte block
        #expect(TextNormalization.normalize("〇一二、三") == "〇一二、三")       // U+3007 and U+3001 kept as they are
        #expect(TextNormalization.normalize("café  办公室") == "café 办公室")   // two-byte é, run of spaces
        #expect(TextNormalization.normalize("🙂 办公室") == "🙂 办公室")       // four bytes, not CJK: the space stays
        #expect(TextNormalization.normalize("\n\r\n办公室\u{2028}规划科\r") == "办公室\n规划科")
        #expect(TextNormalization.normalize("办_公室") == "办_公室")
    }

    @Test("without joining, spaces between CJK characters become one plain space")
    func keepingCJKSpaces() {
        #expect(TextNormalization.normalize("法规科\u{3000} 规划科", joiningCJK: false) == "法规科 规划科")
    }

    @Test("NormalizedText keeps the original beside the normalised text")
    func normalizedText() {
        let text = NormalizedText("年 度报告\u{3000}")
        #expect(text.original == "年 度报告\u{3000}")
        #expect(text.text == "年度报告")
        #expect(NormalizedText("年度报告") != text)
    }
}
