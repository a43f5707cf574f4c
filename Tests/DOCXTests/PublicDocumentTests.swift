import Foundation
@testable import DOCX
import Testing

/// Word files other projects keep as test data (Tests/Fixtures/public, sources and licences in its MANIFEST.tsv).
@Suite("Public .docx test files")
struct PublicDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/public")

    /// file, top-level tables counted by the collector's own parser, note.
    static func entries(_ kind: String) throws -> [(file: String, tables: Int, note: String)] {
        let lines = try String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0[1] == kind }.map { ($0[0], Int($0[7]) ?? 0, $0[9]) }
    }

    @Test("every document opens and gives as many tables as an independent count finds; the broken ones are refused naming the file")
    func open() throws {
        let entries = try Self.entries("docx")
        #expect(entries.count >= 10)
        var opened = 0
        for entry in entries {
            let path = Self.root.appendingPathComponent("docx").appendingPathComponent(entry.file).path
            if entry.note.contains("broken") {
                let error = #expect(throws: (any Error).self) { try WordDocument(path: path, displayName: entry.file) }
                #expect("\(error.map { "\($0)" } ?? "")".contains(entry.file), "\(entry.file)")
                continue
            }
            let document = try WordDocument(path: path, displayName: entry.file)
            #expect(document.tables.count == entry.tables, "\(entry.file)")
            #expect(!document.tables.contains { $0.rows.contains { $0.cells.contains { $0.value.text.contains("\u{FFFD}") } } }, "\(entry.file)")
            opened += 1
        }
        #expect(opened >= 10)
    }
}
