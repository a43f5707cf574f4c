import Foundation
@testable import HTML
import TestSupport
import Testing
import XLSX

/// Pages written by hand for each way a page holds a table: spans, breaks, charsets, several tables.
@Suite("Web page tables")
struct WebPageTests {
    static func page(_ html: String, bytes: [UInt8]? = nil, name: String = "page.html") throws -> WebPage {
        let path = Fixture.directory() + "/" + name
        try Data(bytes ?? Array(html.utf8)).write(to: URL(fileURLWithPath: path))
        return try WebPage(path: path)
    }

    static func text(_ table: WebPage.Table) -> [[String]] {
        table.rows.map { row in row.cells.map { "\(CellReference(row: row.number, column: $0.column))=\($0.value.text)" } }
    }

    @Test("rowspan and colspan as the HTML table model places them; <br> and paragraphs as line breaks; spaces as a browser shows them")
    func spans() throws {
        let page = try Self.page("""
        <html><head><title>通知公告</title><script>var t = "<table>";</script></head><body>
        <h2>2023年政务公开工作要点分工方案</h2>
        <table><thead><tr><th>工作要求</th><th>具体任务</th><th colspan="2">落实</th></tr></thead>
        <tbody><tr><td rowspan="2">一、优化基础</td><td>(一)深化
            规章公开</td><td>法规科<br>政务科</td><td rowspan="2"><p>11月底前</p><p>长期推进</p></td></tr>
        <tr><td>&nbsp;(二)推进标准化</td><td></td></tr>
        <tr><td colspan="3">合计</td><td>2项</td></tr></tbody></table></body></html>
        """)
        #expect(page.title == "通知公告")
        let table = try #require(page.tables.first)
        #expect(page.tables.count == 1)
        #expect(table.title == "2023年政务公开工作要点分工方案")
        #expect(Self.text(table) == [
            ["A1=工作要求", "B1=具体任务", "C1=落实"],
            ["A2=一、优化基础", "B2=(一)深化 规章公开", "C2=法规科\n政务科", "D2=11月底前\n长期推进"],
            ["B3= (二)推进标准化"],
            ["A4=合计", "D4=2项"],
        ])
        #expect(table.mergedRanges.map(\.description) == ["C1:D1", "A2:A3", "D2:D3", "A4:C4"])
    }

    @Test("GBK pages: declared as gb2312 (read as GB18030, so characters beyond GB2312 survive), or not declared at all")
    func gbk() throws {
        // 喆 is in GBK, not in GB2312; pages that say gb2312 use it anyway.
        let body = "<table><caption>任务清单</caption><tr><td>张喆</td><td>政务科</td></tr></table>"
        let gbk: [UInt8] = [0xD5, 0xC5, 0x86, 0xB4]  // 张喆
        func encode(_ html: String) -> [UInt8] {
            var out: [UInt8] = []
            for (i, part) in html.components(separatedBy: "张喆").enumerated() { if i > 0 { out += gbk }; out += encodeGBTable(part) }
            return out
        }
        for head in ["<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", ""] {
            let page = try Self.page("", bytes: encode("<html><head>\(head)</head><body>\(body)</body></html>"))
            #expect(page.encoding == "GB18030")
            #expect(page.tables.first?.title == "任务清单")
            #expect(page.tables.first.map(Self.text) == [["A1=张喆", "B1=政务科"]])
        }
    }

    @Test("several tables: layout tables around the content do not hide it; a table in a cell is that cell's text; the page title when nothing is above")
    func severalTables() throws {
        let page = try Self.page("""
        <html><head><title>汕尾市政务服务数据管理局</title></head><body>
        <table><tr><td>首页</td><td>通知公告</td></tr></table>
        <div><table><tr><td>外层<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table></td></tr></table></div>
        </body></html>
        """)
        #expect(page.tables.count == 2)
        #expect(page.tables[0].title == "汕尾市政务服务数据管理局")
        #expect(page.tables[1].rows.first?.cells.first?.value.text == "外层\n甲\t乙\n丙")
    }

    @Test("charset detection: the tag, unless a GB tag sits on bytes that are valid UTF-8 (pages copied between sites)", arguments: [
        ("<meta charset=\"utf-8\">", true, "UTF-8"), ("<meta charset=GBK>", false, "GB18030"), ("<meta charset=gb2312>", true, "UTF-8"),
        ("<meta charset='big5'>", true, "BIG5"), ("", true, "UTF-8"), ("", false, "GB18030"),
    ])
    func charsets(head: String, utf8: Bool, expected: String) {
        let html = "<html><head>\(head)</head><body>政务</body></html>"
        #expect(WebPage.charset(of: utf8 ? Array(html.utf8) : encodeGBTable(html)) == expected)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Text in GB18030, by iconv.
func encodeGBTable(_ text: String) -> [UInt8] {
    let handle = iconv_open("GB18030", "UTF-8")
    defer { iconv_close(handle) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 8)
    let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count, outLeft = outBuffer.count
            _ = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
            return outBuffer.count - outLeft
        }
    }
    return Array(output.prefix(produced))
}
