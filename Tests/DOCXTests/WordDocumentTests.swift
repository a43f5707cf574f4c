import Foundation
@testable import DOCX
import TestSupport
import Testing
import XLSX

/// Word documents built part by part, so that each way Word keeps text is pinned.
@Suite("Word .docx tables")
struct WordDocumentTests {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func paragraph(_ text: String, style: String? = nil, list: (id: Int, level: Int)? = nil) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if let list { properties += "<w:numPr><w:ilvl w:val=\"\(list.level)\"/><w:numId w:val=\"\(list.id)\"/></w:numPr>" }
        // Tab stops are settings, not typed tabs.
        properties += "<w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs>"
        return "<w:p><w:pPr>\(properties)</w:pPr><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func cell(_ content: String, span: Int = 1, merge: String? = nil) -> String {
        var properties = span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : ""
        if let merge { properties += merge == "restart" ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>" }
        return "<w:tc><w:tcPr>\(properties)</w:tcPr>\(content)</w:tc>"
    }

    static func document(_ body: String, numbering: String? = nil, styles: String? = nil) throws -> String {
        var zip = ZipBuilder()
        zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        zip.add("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"\(w)\"><w:body>\(body)</w:body></w:document>")
        if let numbering { zip.add("word/numbering.xml", "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"\(w)\">\(numbering)</w:numbering>") }
        if let styles { zip.add("word/styles.xml", "<?xml version=\"1.0\"?><w:styles xmlns:w=\"\(w)\">\(styles)</w:styles>") }
        return try Fixture.write(zip, name: "通知.docx")
    }

    /// Level 0 counts 一、二、, level 1 （一）（二）.
    static let chineseList = """
    <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>\
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>\
    <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
    """

    @Test("a plan table: heading above as its title, spans and merges down as merged ranges, paragraphs and breaks kept, list numbers recovered")
    func planTable() throws {
        let header: [String] = ["序号", "工作任务", "具体内容", "责任单位", "完成时限"].map { Self.cell(Self.paragraph($0)) }
        let twoParagraphs: String = Self.paragraph("持续完善分类展示；") + "<w:p><w:r><w:t>提高搜索准确性。</w:t><w:br/><w:t>按月更新</w:t></w:r></w:p>"
        let first: [String] = [Self.cell(Self.paragraph("1")), Self.cell(Self.paragraph("深化规章公开", list: (3, 1)), merge: "restart"),
                               Self.cell(twoParagraphs), Self.cell(Self.paragraph("法规科"), merge: "restart"), Self.cell(Self.paragraph("长期推进"))]
        let second: [String] = [Self.cell(Self.paragraph("2")), Self.cell(Self.paragraph(""), merge: "continue"), Self.cell(Self.paragraph("公开规范性文件")),
                                Self.cell(Self.paragraph(""), merge: "continue"), Self.cell(Self.paragraph("6月底前"))]
        let third: [String] = [Self.cell(Self.paragraph("3")), Self.cell(Self.paragraph("做好解读", list: (3, 1))), Self.cell(Self.paragraph("解读与文件同步")),
                               Self.cell(Self.paragraph("办公室")), Self.cell(Self.paragraph("12月底前"))]
        let rows: [[String]] = [header, [Self.cell(Self.paragraph("优化政务公开工作基础", list: (3, 0)), span: 5)], first, second,
                                [Self.cell(Self.paragraph("加强政策解读", list: (3, 0)), span: 5)], third]
        let grid = String(repeating: "<w:gridCol w:w=\"1000\"/>", count: 5)
        let tableXML = "<w:tbl><w:tblGrid>" + grid + "</w:tblGrid>" + rows.map { "<w:tr>" + $0.joined() + "</w:tr>" }.joined() + "</w:tbl>"
        let body = Self.paragraph("关于印发2023年政务公开工作要点分工方案的通知") + Self.paragraph("2023年政务公开工作要点分工方案") + tableXML
        let document = try WordDocument(path: try Self.document(body, numbering: Self.chineseList))
        let table = try #require(document.tables.first)
        #expect(table.title == "2023年政务公开工作要点分工方案")
        let text = table.rows.map { row in row.cells.map { "\(CellReference(row: row.number, column: $0.column))=\($0.value.text)" } }
        #expect(text == [
            ["A1=序号", "B1=工作任务", "C1=具体内容", "D1=责任单位", "E1=完成时限"],
            ["A2=一、优化政务公开工作基础"],
            ["A3=1", "B3=（一）深化规章公开", "C3=持续完善分类展示；\n提高搜索准确性。\n按月更新", "D3=法规科", "E3=长期推进"],
            ["A4=2", "C4=公开规范性文件", "E4=6月底前"],
            ["A5=二、加强政策解读"],
            ["A6=3", "B6=（一）做好解读", "C6=解读与文件同步", "D6=办公室", "E6=12月底前"],
        ])
        #expect(table.mergedRanges.map(\.description) == ["A2:E2", "B3:B4", "D3:D4", "A5:E5"])
    }

    @Test("every table of the document with its caption (题注, told by style name), the heading above it, or a caption below the last; a table in a cell is that cell's text")
    func captionsAndNesting() throws {
        let styles = "<w:style w:styleId=\"a5\"><w:name w:val=\"caption\"/></w:style>"
        let inner = "<w:tbl><w:tr>" + Self.cell(Self.paragraph("甲")) + Self.cell(Self.paragraph("乙")) + "</w:tr></w:tbl>"
        let table = { (text: String) in "<w:tbl><w:tr>" + Self.cell(Self.paragraph(text)) + "</w:tr></w:tbl>" }
        let body = Self.paragraph("表1 任务清单", style: "a5") + table("一")
            + Self.paragraph("正文段落，说明情况。") + table("二") + Self.paragraph("表3 配合事项", style: "a5")
            + "<w:tbl><w:tr>" + Self.cell(Self.paragraph("外") + inner + Self.paragraph("")) + "</w:tr></w:tbl>"
            + Self.paragraph("") + table("四") + Self.paragraph("表4 附表", style: "a5")
        let document = try WordDocument(path: try Self.document(body, styles: styles))
        #expect(document.tables.map(\.title) == ["表1 任务清单", "正文段落，说明情况。", "表3 配合事项", "表4 附表"])
        #expect(document.tables[2].rows.first?.cells.first?.value.text == "外\n甲\t乙")
    }

    @Test("Word's counting formats", arguments: [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"), (20, "chineseCounting", "二十"),
        (35, "chineseCountingThousand", "三十五"), (101, "chineseCounting", "一百零一"), (110, "chineseCounting", "一百一十"),
        (3, "chineseLegalSimplified", "叁"), (2, "ideographTraditional", "乙"), (3, "decimalEnclosedCircleChinese", "③"),
        (12, "decimalFullWidth", "１２"), (28, "upperLetter", "BB"), (4, "lowerRoman", "iv"), (7, "decimal", "7"),
    ])
    func formats(n: Int, format: String, expected: String) {
        #expect(WordNumbering.format(n, format) == expected)
    }

    @Test("a zip that is not a Word document is refused with the file named")
    func notWord() throws {
        var zip = ZipBuilder()
        zip.add("xl/workbook.xml", "<workbook/>")
        let path = try Fixture.write(zip, name: "表格.docx")
        let error = #expect(throws: WordDocumentError.self) { try WordDocument(path: path, displayName: "表格.docx") }
        #expect(error?.description.contains("表格.docx") == true)
    }
}
