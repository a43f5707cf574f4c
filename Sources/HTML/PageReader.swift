internal import CLibxml2
import Foundation
import XLSX

/// Walks a parsed page: its title, its top-level tables, and the text just above each table for its title.
struct PageReader {
    struct Table {
        var title: String?
        var rows: [Row]
        var mergedRanges: [CellRange]
    }

    private(set) var tables: [Table] = []
    private(set) var pageTitle: String?
    /// Headings and short paragraphs since the last table.
    private var recent: [String] = []

    private static let skipped: Set<String> = ["script", "style", "noscript", "template", "select", "option"]
    private static let blocks: Set<String> = ["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "center", "section", "article"]

    mutating func walk(_ first: xmlNodePtr?) {
        var node = first
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                let name = Self.name(current)
                switch name {
                case "title": pageTitle = pageTitle ?? Self.clean(Self.text(current)).nonEmpty
                case "table":
                    var table = Self.table(current)
                    table.title = table.title ?? recent.last
                    tables.append(table)
                    recent = []
                case "h1", "h2", "h3", "h4", "h5", "h6", "p" where !Self.contains(current, "table"):
                    if let text = Self.clean(Self.text(current)).nonEmpty, text.count <= 120 { recent = Array((recent + [text]).suffix(3)) }
                default:
                    if !Self.skipped.contains(name) { walk(current.pointee.children) }
                }
            }
            node = current.pointee.next
        }
    }

    /// A table's rows by the HTML table model: rowspan and colspan take cells below and beside, which the next cells skip.
    static func table(_ node: xmlNodePtr) -> Table {
        var caption: String?
        var rowNodes: [xmlNodePtr] = []
        for child in children(node) {
            switch name(child) {
            case "caption": caption = clean(text(child)).nonEmpty
            case "tr": rowNodes.append(child)
            case "thead", "tbody", "tfoot": rowNodes += children(child).filter { name($0) == "tr" }
            default: break
            }
        }
        var taken: [Int: Set<Int>] = [:]
        var rows: [Row] = []
        var merged: [CellRange] = []
        for (index, rowNode) in rowNodes.enumerated() {
            let number = index + 1
            var column = 1
            var cells: [Cell] = []
            for cellNode in children(rowNode) where ["td", "th"].contains(name(cellNode)) {
                while taken[number]?.contains(column) == true { column += 1 }
                let across = min(max(integer(cellNode, "colspan") ?? 1, 1), 1000)
                let down = min(max(integer(cellNode, "rowspan") ?? 1, 1), 65_535)
                let last = CellReference(row: number + down - 1, column: column + across - 1)
                if across > 1 || down > 1 {
                    merged.append(CellRange(first: CellReference(row: number, column: column), last: last))
                    for r in number...(number + down - 1) { taken[r, default: []].formUnion(column...(column + across - 1)) }
                }
                let value = clean(text(cellNode))
                if !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { cells.append(Cell(column: column, value: .text(value))) }
                column += across
            }
            if !cells.isEmpty { rows.append(Row(number: number, cells: cells.sorted { $0.column < $1.column })) }
        }
        return Table(title: caption, rows: rows, mergedRanges: merged)
    }

    /// An element's text as a reader sees it: `<br>` and block ends as line breaks, a nested table's cells by tabs.
    static func text(_ node: xmlNodePtr) -> String {
        var out = ""
        func visit(_ node: xmlNodePtr) {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = xmlNodeGetContent(node) {
                    // A line feed in the page's source is a space on screen; breaks come from <br> and blocks.
                    out += String(cString: content).replacingOccurrences(of: "\n", with: " ")
                    taizhang_xml_free(content)
                }
            case XML_ELEMENT_NODE:
                let tag = name(node)
                if skipped.contains(tag) { return }
                if tag == "br" { out += "\n"; return }
                if tag == "table" {
                    let nested = table(node).rows.map { $0.cells.map(\.value.text).joined(separator: cellSeparator) }.joined(separator: "\n")
                    out += "\n" + nested + "\n"
                    return
                }
                let block = blocks.contains(tag)
                if block { out += "\n" }
                for child in children(node) { visit(child) }
                if block { out += "\n" }
                if tag == "td" || tag == "th" { out += " " }
            default:
                break
            }
        }
        for child in children(node) { visit(child) }
        return out
    }

    /// Runs of spaces, tabs and line feeds as HTML shows them (one space), `\n` marks kept as line breaks, lines
    /// trimmed and empty ones dropped; a no-break space is a space the page meant, so it stays.
    static func clean(_ raw: String) -> String {
        var lines: [String] = []
        var line = ""
        var space = false
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "\n":
                lines.append(line)
                line = ""
                space = false
            case " ", "\t", "\r", "\u{0C}":
                space = true
            default:
                if space && !line.isEmpty { line += " " }
                space = false
                line.unicodeScalars.append(scalar == "\u{A0}" ? " " : scalar)
            }
        }
        lines.append(line)
        return lines.filter { !$0.isEmpty }.joined(separator: "\n").replacingOccurrences(of: cellSeparator, with: "\t")
    }

    /// Stands for the tab between a nested table's cells until spaces are cleaned, which would take a real tab.
    private static let cellSeparator = "\u{E000}"

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            out.append(current)
            child = current.pointee.next
        }
        return out
    }

    static func contains(_ node: xmlNodePtr, _ tag: String) -> Bool {
        children(node).contains { $0.pointee.type == XML_ELEMENT_NODE && (name($0) == tag || contains($0, tag)) }
    }

    static func integer(_ node: xmlNodePtr, _ attribute: String) -> Int? {
        guard let value = xmlGetProp(node, attribute) else { return nil }
        defer { taizhang_xml_free(value) }
        return Int(String(cString: value).trimmingCharacters(in: .whitespaces))
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
