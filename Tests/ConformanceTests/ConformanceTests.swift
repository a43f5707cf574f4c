import Foundation
import Testing
import XLSX

/// Reads every corpus file and compares our values with the oracle wherever openpyxl and calamine agree.
@Suite("Conformance with the shared corpus")
struct ConformanceTests {
    struct Outcome {
        var agreedFiles = 0
        var agreedFilesExact = 0
        var agreedSheets = 0
        var agreedSheetsExact = 0
        var failureFiles = 0
        var failureFilesCleanError = 0
        var otherFilesRead = 0
        var otherFilesTypedErrors: [String] = []
        var otherFilesErrors: [String] = []
        var mismatches: [String] = []
        var failureErrors: [String] = []
        /// For files the oracles disagree on: which oracle's CSV each of our sheets matches.
        var disagreements: [String] = []
    }

    static func run() throws -> Outcome {
        let corpus = try #require(Corpus.locate(), "../shared/corpus not found; set TAIZHANG_CORPUS")
        var outcome = Outcome()
        for entry in corpus.entries {
            let oracle = try corpus.oracle(entry)
            let expectFailure = !entry.openpyxlOK && !entry.calamineOK
            let workbook: Workbook
            do {
                workbook = try Workbook(path: corpus.path(entry), displayName: entry.file)
            } catch let error as XLSXError {
                if expectFailure {
                    outcome.failureFiles += 1
                    outcome.failureFilesCleanError += 1
                    outcome.failureErrors.append("\(entry.file): \(error.code)")
                } else {
                    outcome.otherFilesErrors.append("\(entry.file): \(error)")
                    if entry.agree == "true" { outcome.agreedFiles += 1; outcome.mismatches.append("\(entry.file): \(error)") }
                }
                continue
            }
            if expectFailure {
                // Opened although both oracles failed: it must then read every sheet or fail cleanly.
                outcome.failureFiles += 1
                do {
                    for sheet in workbook.sheets { _ = try workbook.read(sheet) }
                    outcome.failureErrors.append("\(entry.file): read (both oracles failed)")
                    outcome.failureFilesCleanError += 1
                } catch let error as XLSXError {
                    outcome.failureFilesCleanError += 1
                    outcome.failureErrors.append("\(entry.file): \(error.code)")
                }
                continue
            }
            guard entry.agree == "true", let expected = oracle["expected"] as? [[String: Any]] else {
                // No values to check: the file must read, or fail with a typed, located error.
                do {
                    for sheet in workbook.sheets {
                        let content = try workbook.read(sheet)
                        outcome.disagreements.append("\(entry.file) \(sheet.name): " + matchingOracles(content, oracle))
                    }
                    outcome.otherFilesRead += 1
                } catch let error as XLSXError {
                    outcome.otherFilesTypedErrors.append("\(entry.file): \(error.code) \(error.location)")
                } catch {
                    outcome.otherFilesErrors.append("\(entry.file): \(error)")
                }
                continue
            }
            outcome.agreedFiles += 1
            var fileExact = true
            let worksheets = workbook.sheets.filter { $0.kind == .worksheet || $0.kind == .macrosheet }
            for sheetExpected in expected {
                let name = sheetExpected["name"] as! String
                outcome.agreedSheets += 1
                guard let sheet = worksheets.first(where: { $0.name == name }) else {
                    fileExact = false
                    outcome.mismatches.append("\(entry.file) \(name): sheet missing; we have \(workbook.sheets.map(\.name))")
                    continue
                }
                do {
                    let content = try workbook.read(sheet)
                    let diff: String?
                    if let rows = sheetExpected["rows"] as? [[Any]] {
                        diff = compare(content, rows)
                    } else {
                        let digest = try OracleCSV.sha256(OracleCSV.render(content))
                        diff = digest == sheetExpected["csv_sha256"] as? String ? nil : "csv sha256 differs"
                    }
                    if let diff {
                        fileExact = false
                        outcome.mismatches.append("\(entry.file) \(name)!\(diff)")
                    } else {
                        outcome.agreedSheetsExact += 1
                    }
                } catch {
                    fileExact = false
                    outcome.mismatches.append("\(entry.file) \(name): \(error)")
                }
            }
            if fileExact { outcome.agreedFilesExact += 1 }
        }
        return outcome
    }

    /// "openpyxl", "calamine", "both" or "neither": whose CSV of this sheet ours equals.
    static func matchingOracles(_ content: SheetContent, _ oracle: [String: Any]) -> String {
        let ours = OracleCSV.render(content)
        // For investigating differences: TAIZHANG_CONFORMANCE_DUMP=DIR writes our CSV of each unchecked sheet.
        if let dir = ProcessInfo.processInfo.environment["TAIZHANG_CONFORMANCE_DUMP"], let file = oracle["file"] as? String {
            let name = (file + "__" + content.info.name).replacingOccurrences(of: "/", with: "__")
            try? ours.write(toFile: dir + "/" + name + ".csv", atomically: true, encoding: .utf8)
        }
        let names = ["openpyxl", "calamine"].filter { name in
            let sheets = (oracle[name] as? [String: Any])?["sheets"] as? [[String: Any]] ?? []
            guard let csv = sheets.first(where: { $0["name"] as? String == content.info.name })?["csv"] as? String else { return false }
            return csv == ours
        }
        return names.count == 2 ? "both" : names.first ?? "neither"
    }

    /// The first differing cell as `B3: ours … oracle …`, or nil when the sheet matches.
    static func compare(_ content: SheetContent, _ expected: [[Any]]) -> String? {
        var ours: [Int: Row] = [:]
        for row in content.rows { ours[row.number] = row }
        let lastRow = max(expected.count, content.rows.last(where: { $0.cells.contains { OracleValue($0.value) != .empty } })?.number ?? 0)
        for r in 0..<lastRow {
            let expectedRow = r < expected.count ? expected[r] : []
            let ourRow = ours[r + 1]
            let width = max(expectedRow.count, ourRow?.cells.last?.column ?? 0)
            for c in 0..<width {
                let want = OracleValue(json: c < expectedRow.count ? expectedRow[c] : nil)
                let got = OracleValue(ourRow?[c + 1])
                if !got.matches(want) {
                    return "\(CellReference(row: r + 1, column: c + 1)): ours \(got), oracle \(want)"
                }
            }
        }
        return nil
    }

    @Test("every corpus file opens or fails with a typed error, and agreed sheets equal the oracle")
    func corpus() throws {
        let outcome = try Self.run()
        let summary = """
        agreed files: \(outcome.agreedFilesExact)/\(outcome.agreedFiles) exact; agreed sheets: \(outcome.agreedSheetsExact)/\(outcome.agreedSheets)
        files both oracles failed: \(outcome.failureFilesCleanError)/\(outcome.failureFiles) with a clean result
        other files read: \(outcome.otherFilesRead), typed errors: \(outcome.otherFilesTypedErrors.count), untyped errors: \(outcome.otherFilesErrors.count)
        """
        print(summary)
        for line in outcome.mismatches { print("MISMATCH " + line) }
        for line in outcome.otherFilesTypedErrors { print("TYPED-ERROR " + line) }
        for line in outcome.otherFilesErrors { print("ERROR " + line) }
        for line in outcome.failureErrors { print("FAILURE-FILE " + line) }
        for line in outcome.disagreements { print("UNCHECKED " + line) }
        #expect(outcome.agreedFiles > 250)
        #expect(outcome.mismatches.isEmpty, "\(outcome.mismatches.count) agreed sheets differ")
        #expect(outcome.failureFilesCleanError == outcome.failureFiles)
        #expect(outcome.otherFilesErrors.isEmpty)
    }
}
