import Foundation
import Testing
import XLS
import XLSX

/// Our .xls reader against xlrd and python-calamine on real legacy workbooks from public test suites
/// (corpus/xls, sources and licences in its MANIFEST.tsv): every sheet where the two agree must equal them.
@Suite("Conformance with the .xls corpus")
struct XLSConformanceTests {
    struct Entry {
        let file: String
        let xlrdOK: Bool
        let calamineOK: Bool
        let agree: Bool
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus/xls")

    static func entries() throws -> [Entry] {
        let manifest = try String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        var lines = manifest.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        return lines.map { Entry(file: $0[column("file")], xlrdOK: $0[column("xlrd_ok")] == "true",
                                 calamineOK: $0[column("calamine_ok")] == "true", agree: $0[column("agree")] == "true") }
    }

    @Test("every .xls of the corpus opens or fails with a message naming it; every sheet xlrd and calamine agree on equals theirs")
    func corpus() throws {
        var agreedFiles = 0, agreedSheets = 0, exactSheets = 0, cleanFailures = 0, otherRead = 0
        var mismatches: [String] = [], untypedErrors: [String] = []
        for entry in try Self.entries() {
            let path = Self.root.appendingPathComponent("files").appendingPathComponent(entry.file).path
            let workbook: XLSWorkbook
            do {
                workbook = try XLSWorkbook(path: path, displayName: entry.file)
            } catch {
                #expect(error.description.contains(entry.file))
                if entry.agree { mismatches.append("\(entry.file): \(error)") } else { cleanFailures += 1 }
                continue
            }
            guard entry.agree else {
                // Nothing agreed to compare with: every sheet must read, or fail with the file named.
                do {
                    for sheet in workbook.sheets { _ = try workbook.read(sheet) }
                    otherRead += 1
                } catch {
                    if !error.description.contains(entry.file) { untypedErrors.append("\(entry.file): \(error)") }
                    cleanFailures += 1
                }
                continue
            }
            agreedFiles += 1
            let data = try Data(contentsOf: Self.root.appendingPathComponent("oracle").appendingPathComponent(entry.file + ".json"))
            let oracle = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            for expected in oracle["expected"] as? [[String: Any]] ?? [] {
                let name = expected["name"] as? String ?? ""
                agreedSheets += 1
                guard let sheet = workbook.sheets.first(where: { $0.name == name && $0.kind != .chartsheet }) else {
                    mismatches.append("\(entry.file) \(name): sheet missing; we have \(workbook.sheets.map(\.name))")
                    continue
                }
                do {
                    if let diff = ConformanceTests.compare(try workbook.read(sheet), expected["rows"] as? [[Any]] ?? []) {
                        mismatches.append("\(entry.file) \(name)!\(diff)")
                    } else {
                        exactSheets += 1
                    }
                } catch {
                    mismatches.append("\(entry.file) \(name): \(error)")
                }
            }
        }
        print("xls corpus: \(agreedFiles) agreed files, \(exactSheets)/\(agreedSheets) agreed sheets equal; \(otherRead) others read, \(cleanFailures) refused with the file named")
        #expect(agreedFiles >= 100)
        #expect(mismatches == [])
        #expect(untypedErrors == [])
    }
}
