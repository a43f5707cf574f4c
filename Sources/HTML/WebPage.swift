internal import CLibxml2
import Foundation
import XLSX

/// The tables of a saved web page or an .htm exported by Word or WPS, each as rows of text cells with merged
/// ranges, read with libxml2's HTML parser (which mends broken markup as browsers do).
public final class WebPage {
    /// One table: its caption or the heading above it (else the page's title), and its cells by row and column.
    public struct Table: Sendable {
        public var title: String?
        public var rows: [Row]
        public var mergedRanges: [CellRange]
    }

    public let displayName: String
    /// The page's `<title>`.
    public let title: String?
    /// The charset the text was read in (`UTF-8`, `GB18030` …).
    public let encoding: String
    /// Tables not inside another table, in page order; a table in a cell is that cell's text.
    public let tables: [Table]

    /// Reads a page; the charset comes from a byte-order mark, the page's meta tag, or else the bytes (UTF-8 when
    /// they are valid UTF-8, GB18030 otherwise, as Chinese pages without a meta tag are).
    public init(path: String, displayName: String? = nil) throws {
        let name = displayName ?? path
        self.displayName = name
        guard let data = FileManager.default.contents(atPath: path) else { throw WebPageError.unreadable(file: name) }
        let bytes = [UInt8](data)
        let encoding = Self.charset(of: bytes)
        self.encoding = encoding
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { htmlReadMemory($0, Int32(buffer.count), nil, encoding, options) }
            } ?? nil
        }
        guard let document else { throw WebPageError.unreadable(file: name) }
        defer { xmlFreeDoc(document) }
        var reader = PageReader()
        reader.walk(xmlDocGetRootElement(document))
        title = reader.pageTitle
        tables = reader.tables.map { table in
            Table(title: table.title ?? reader.pageTitle, rows: table.rows, mergedRanges: table.mergedRanges)
        }
    }

    /// Whether bytes look like an HTML page (for files named .htm/.html or saved without an extension).
    public static func looksLikeHTML(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head.prefix(1024), as: UTF8.self).lowercased()
        return text.contains("<html") || text.contains("<!doctype html") || text.contains("<table")
    }

    /// The charset to read with: a BOM, a declared charset (GB2312 and GBK read as GB18030, their superset, since
    /// pages that say GB2312 use GBK characters), else by the bytes.
    static func charset(of bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        if let range = head.range(of: "charset=") {
            let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            let utf8 = String(validating: bytes, as: UTF8.self) != nil
            switch value {
            // Pages copied between sites keep a meta tag that no longer fits: valid UTF-8 is UTF-8.
            case "gb2312", "gbk", "x-gbk", "gb18030", "cp936", "euc-cn": return utf8 ? "UTF-8" : "GB18030"
            case "": break
            default: return String(value).uppercased()
            }
        }
        return String(validating: bytes, as: UTF8.self) != nil ? "UTF-8" : "GB18030"
    }
}

/// Why a page could not be read.
public enum WebPageError: Error, Sendable, CustomStringConvertible {
    case unreadable(file: String)

    public var description: String {
        switch self {
        case .unreadable(let file): "\(file)：无法读取网页文件，请确认文件完整，或用浏览器打开后另存为“网页，仅 HTML”再试。"
        }
    }
}
