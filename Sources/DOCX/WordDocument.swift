import Foundation
import XLSX

typealias DocumentPackage = OOXMLPackage

/// The tables of a Word .docx document, each as rows of text cells with merged ranges, in document order.
///
/// Word keeps what a reader sees in more places than the text runs: list numbers (`一、`) are generated from
/// numbering.xml, merged cells are a `gridSpan` across and `vMerge` down, and a cell holds paragraphs and line
/// breaks. All of it is kept: numbers as text before their paragraph, paragraphs and breaks as line feeds.
public final class WordDocument {
    /// One table: its caption or the heading above it, and its cells by row and grid column (A1 = top left).
    public struct Table: Sendable {
        public var title: String?
        public var rows: [Row]
        public var mergedRanges: [CellRange]
    }

    public let displayName: String
    /// Tables at the top level of the body; a table inside a cell becomes text of that cell.
    public let tables: [Table]
    /// `dcterms:modified` from docProps/core.xml (ISO 8601), as for a workbook.
    public private(set) var modified: String?
    /// The application that saved the document (docProps/app.xml).
    public private(set) var application: String?
    /// Custom document properties by name (docProps/custom.xml).
    public private(set) var customProperties: [String: String] = [:]

    /// Reads the document; a file that is not a Word document (no `word/document.xml`) is refused.
    public init(path: String, displayName: String? = nil) throws {
        let name = displayName ?? path
        self.displayName = name
        let package = try DocumentPackage(path: path, displayName: name)
        guard package.has("word/document.xml") else { throw WordDocumentError.notWord(file: name) }
        var builder = BodyBuilder(numbering: try WordNumbering(package: package), captionStyles: try Self.captionStyles(package))
        try package.parse("word/document.xml", start: { builder.start($0) }, end: { builder.end($0) }, text: { builder.text($0) })
        tables = builder.tables
        try readProperties(package)
    }

    /// The document's own facts, read as a workbook's are: the last save, the application, custom properties.
    private func readProperties(_ package: DocumentPackage) throws {
        var property: String?, text = ""
        let collect = { (part: String, done: @escaping (String, String) -> Void) in
            guard package.has(part) else { return }
            try package.parse(part, start: { e in
                text = ""
                if e.name == "property" { property = e.attributes["name"] }
            }, end: { name in done(name, text) }, text: { text += $0 })
        }
        try collect("docProps/core.xml") { [unowned self] name, value in if name == "modified" { modified = value } }
        try collect("docProps/app.xml") { [unowned self] name, value in if name == "Application", !value.isEmpty { application = value } }
        try collect("docProps/custom.xml") { [unowned self] name, value in
            if name == "property" { property = nil } else if let property, name != "property" { customProperties[property] = value }
        }
    }

    /// The document when the zip at `path` is a Word document, nil when it is another kind of package.
    public static func ifWord(path: String, displayName: String? = nil) throws -> WordDocument? {
        let package = try DocumentPackage(path: path, displayName: displayName ?? path)
        return package.has("word/document.xml") ? try WordDocument(path: path, displayName: displayName) : nil
    }

    /// Style ids whose name says caption (题注 in Chinese Word), whatever the id is.
    private static func captionStyles(_ package: DocumentPackage) throws -> Set<String> {
        guard package.has("word/styles.xml") else { return ["Caption"] }
        var styles: Set<String> = ["Caption"]
        var current: String?
        try package.parse("word/styles.xml", start: { element in
            if element.name == "style" { current = element.attributes["styleId"] }
            if element.name == "name", let current, let name = element.attributes["val"]?.lowercased(), name == "caption" || name == "题注" {
                styles.insert(current)
            }
        }, end: { _ in }, text: { _ in })
        return styles
    }
}

/// Why a Word document could not be read.
public enum WordDocumentError: Error, Sendable, CustomStringConvertible {
    case notWord(file: String)

    public var description: String {
        switch self {
        case .notWord(let file): "\(file)：不是 Word 文档（缺少 word/document.xml），请确认文件，或另存为 .docx 后再试。"
        }
    }
}

/// Follows document.xml's events and builds the tables.
private struct BodyBuilder {
    struct CellDraft {
        var column: Int
        var span = 1
        var text: [String] = []
        /// nil: not merged down; true: starts a vertical merge; false: continues the one above.
        var verticalStart: Bool?
    }

    struct TableDraft {
        var rows: [[CellDraft]] = []
        var row: [CellDraft] = []
        var cell: CellDraft?
        var nextColumn = 1
    }

    var numbering: WordNumbering
    let captionStyles: Set<String>
    private(set) var tables: [WordDocument.Table] = []
    private var stack: [TableDraft] = []
    private var paragraph = ""
    private var inText = false
    private var paragraphStyle: String?
    private var numId: String?, level = 0
    /// The last paragraphs of the body before the table being read, for its title.
    private var recentParagraphs: [(text: String, caption: Bool)] = []
    /// A table just ended that a caption paragraph right after it may name.
    private var awaitingCaption: Int?
    /// Tables titled by a caption above them, which a caption below does not replace.
    private var captioned: Set<Int> = []
    /// A caption right after a table: the next table's if that follows at once (表题 above, the usual way),
    /// else the one before.
    private var pendingCaption: (table: Int, text: String)?
    /// Inside `<w:tabs>`, where `<w:tab>` defines a tab stop rather than typing a tab.
    private var inTabStops = false

    init(numbering: WordNumbering, captionStyles: Set<String>) {
        self.numbering = numbering
        self.captionStyles = captionStyles
    }

    mutating func start(_ element: OOXMLPackage.Element) {
        let value = element.attributes["val"]
        switch element.name {
        case "tbl":
            if stack.isEmpty {
                awaitingCaption = nil
                if let pending = pendingCaption, recentParagraphs.last?.text != pending.text { settle(pending) }
                pendingCaption = nil
            }
            stack.append(TableDraft())
        case "tr" where !stack.isEmpty:
            stack[stack.count - 1].row = []
            stack[stack.count - 1].nextColumn = 1
        case "gridBefore" where !stack.isEmpty:
            stack[stack.count - 1].nextColumn += Int(value ?? "") ?? 0
        case "tc" where !stack.isEmpty:
            stack[stack.count - 1].cell = CellDraft(column: stack[stack.count - 1].nextColumn)
        case "gridSpan" where stack.last?.cell != nil:
            stack[stack.count - 1].cell!.span = max(1, min(Int(value ?? "") ?? 1, 1000))
        case "vMerge" where stack.last?.cell != nil:
            stack[stack.count - 1].cell!.verticalStart = value == "restart"
        case "p":
            paragraph = ""
            paragraphStyle = nil
            numId = nil
            level = 0
        case "pStyle": paragraphStyle = value
        case "numId": numId = value
        case "ilvl": level = Int(value ?? "") ?? 0
        case "t": inText = true
        case "tabs": inTabStops = true
        case "tab": if !inTabStops { paragraph += "\t" }
        case "br", "cr": paragraph += "\n"
        default: break
        }
    }

    mutating func end(_ name: String) {
        switch name {
        case "t": inText = false
        case "tabs": inTabStops = false
        case "body":
            if let pending = pendingCaption { settle(pending) }
            pendingCaption = nil
        case "p": endParagraph()
        case "tc" where !stack.isEmpty:
            guard var cell = stack[stack.count - 1].cell else { return }
            stack[stack.count - 1].cell = nil
            stack[stack.count - 1].nextColumn = cell.column + cell.span
            // A table inside a cell: its text is the cell's, row by row.
            cell.text = cell.text.filter { !$0.isEmpty }
            stack[stack.count - 1].row.append(cell)
        case "tr" where !stack.isEmpty:
            stack[stack.count - 1].rows.append(stack[stack.count - 1].row)
        case "tbl" where !stack.isEmpty:
            let draft = stack.removeLast()
            if stack.isEmpty {
                if recentParagraphs.last?.caption == true { captioned.insert(tables.count) }
                tables.append(Self.table(draft, title: title()))
                awaitingCaption = tables.count - 1
                recentParagraphs = []
            } else {
                let text = draft.rows.map { $0.map { $0.text.joined(separator: "\n") }.filter { !$0.isEmpty }.joined(separator: "\t") }
                stack[stack.count - 1].cell?.text.append(text.filter { !$0.isEmpty }.joined(separator: "\n"))
            }
        default: break
        }
    }

    mutating func text(_ text: String) {
        if inText { paragraph += text }
    }

    private mutating func endParagraph() {
        var text = paragraph
        if let numId, let label = numbering.next(numId: numId, level: level) { text = label + text }
        if stack.last?.cell != nil {
            stack[stack.count - 1].cell!.text.append(text)
        } else if stack.isEmpty {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return }
            let caption = paragraphStyle.map(captionStyles.contains) ?? false
            if let pending = pendingCaption {
                // Text between the caption and any next table: the caption was the table's above.
                settle(pending)
                pendingCaption = nil
            }
            if caption, let index = awaitingCaption, !captioned.contains(index) { pendingCaption = (index, trimmed) }
            awaitingCaption = nil
            recentParagraphs.append((trimmed, caption))
            if recentParagraphs.count > 3 { recentParagraphs.removeFirst() }
        }
    }

    private mutating func settle(_ caption: (table: Int, text: String)) {
        tables[caption.table].title = caption.text
        captioned.insert(caption.table)
    }

    /// The caption just above the table, else the last short paragraph above it (its heading).
    private func title() -> String? {
        if let caption = recentParagraphs.last(where: \.caption) { return caption.text }
        return recentParagraphs.last.map(\.text).flatMap { $0.count <= 120 ? $0 : nil }
    }

    /// Rows of text cells; spans across and merges down become merged ranges.
    static func table(_ draft: TableDraft, title: String?) -> WordDocument.Table {
        var rows: [Row] = []
        var merged: [CellRange] = []
        for (r, drafts) in draft.rows.enumerated() {
            let number = r + 1
            var cells: [Cell] = []
            for cell in drafts {
                if cell.verticalStart == false { continue }
                var last = number
                if cell.verticalStart == true {
                    while last < draft.rows.count, draft.rows[last].contains(where: { $0.column == cell.column && $0.verticalStart == false }) { last += 1 }
                }
                if cell.span > 1 || last > number {
                    merged.append(CellRange(first: CellReference(row: number, column: cell.column), last: CellReference(row: last, column: cell.column + cell.span - 1)))
                }
                // Spaces typed in the cell are kept (the workbook a plan came from has them); empty paragraphs around the text are not.
                var paragraphs = cell.text[...]
                while paragraphs.first?.isEmpty == true { paragraphs.removeFirst() }
                while paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
                let text = paragraphs.joined(separator: "\n")
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { cells.append(Cell(column: cell.column, value: .text(text))) }
            }
            if !cells.isEmpty { rows.append(Row(number: number, cells: cells)) }
        }
        return WordDocument.Table(title: title, rows: rows, mergedRanges: merged)
    }
}
