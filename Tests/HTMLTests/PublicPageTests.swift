import Foundation
@testable import HTML
import Testing

/// Web pages other projects keep as test data (Tests/Fixtures/public, sources and licences in its MANIFEST.tsv).
@Suite("Public web pages")
struct PublicPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/public")

    @Test("every page gives as many top-level tables as an independent count finds, its text decoded (no replacement characters)")
    func open() throws {
        let lines = try String(contentsOf: Self.root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8).split(separator: "\n").dropFirst()
        let entries = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }.filter { $0[1] == "html" }
        #expect(entries.count >= 10)
        for entry in entries {
            let page = try WebPage(path: Self.root.appendingPathComponent("html").appendingPathComponent(entry[0]).path, displayName: entry[0])
            #expect(page.tables.count == Int(entry[7]), "\(entry[0])")
            let text = page.tables.flatMap { $0.rows.flatMap { $0.cells.map(\.value.text) } }.joined()
            #expect(!text.contains("\u{FFFD}"), "\(entry[0])")
            // jsoup's page of elements misplaced inside tables has no cell text at all: a browser shows its text above the table.
            #expect(!text.isEmpty || entry[9].contains("invalid content"), "\(entry[0])")
        }
    }
}
