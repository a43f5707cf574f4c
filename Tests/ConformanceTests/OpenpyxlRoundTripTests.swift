import Foundation
import Table
import Testing
import XLSX

/// Every agreed corpus workbook, copied by our writer (xlsx→xlsx), must read back in openpyxl with the
/// oracle's values: an independent reader checks that what we write is what we meant.
@Suite("Writer round trip through openpyxl")
struct OpenpyxlRoundTripTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A venv with openpyxl under .build, made once; nil with the reason when Python is missing.
    static func python() throws -> String {
        let venv = repository.appendingPathComponent(".build/openpyxl-venv").path
        let python = venv + "/bin/python"
        if run(python, ["-c", "import openpyxl"]) == 0 { return python }
        guard run("/usr/bin/env", ["python3", "--version"]) == 0 else {
            throw Missing(reason: "python3 is not installed: the openpyxl round trip needs it (apt-get install python3 python3-venv)")
        }
        guard run("/usr/bin/env", ["python3", "-m", "venv", venv]) == 0,
              run(python, ["-m", "pip", "install", "--quiet", "openpyxl==3.1.5"]) == 0 else {
            throw Missing(reason: "could not make a venv with openpyxl at \(venv) (python3-venv and PyPI needed)")
        }
        return python
    }

    struct Missing: Error, CustomStringConvertible { let reason: String; var description: String { reason } }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], output: Pipe? = nil) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        if let output {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            output.fileHandleForWriting.write(data)
            return process.terminationStatus
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("xlsx→xlsx copies of every agreed corpus file read back in openpyxl as the oracle")
    func roundTrip() throws {
        let corpus = try #require(Corpus.locate(), "../shared/corpus not found; set TAIZHANG_CORPUS")
        let python = try Self.python()
        let dir = NSTemporaryDirectory() + "taizhang-roundtrip-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var pairs = ""
        var copied = 0
        for (i, entry) in corpus.entries.enumerated() where entry.agree == "true" {
            let copy = "\(dir)/\(i).xlsx"
            let workbook = try Workbook(path: corpus.path(entry), displayName: entry.file)
            let writer = try WorkbookWriter(path: copy)
            do {
                _ = try WorkbookCopy.copy(workbook, to: writer)
            } catch is SheetExport.RowsOutOfOrder {
                let again = try WorkbookWriter(path: copy)
                _ = try WorkbookCopy.copy(workbook, to: again, buffered: true)
                try again.close()
                pairs += "\(copy)\t\(corpus.root.path)/oracle/\(entry.file).json\n"
                copied += 1
                continue
            }
            try writer.close()
            pairs += "\(copy)\t\(corpus.root.path)/oracle/\(entry.file).json\n"
            copied += 1
        }
        try pairs.write(toFile: dir + "/pairs.tsv", atomically: true, encoding: .utf8)
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.repository.appendingPathComponent("scripts/openpyxl_roundtrip.py").path,
                             corpus.root.appendingPathComponent("tools").path, dir + "/pairs.tsv"]
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(text.split(separator: "\n").suffix(30).joined(separator: "\n"))
        #expect(copied == 289)
        #expect(text.contains("\(copied) passed, 0 failed"), "\(text.split(separator: "\n").filter { $0.hasPrefix("MISMATCH") }.prefix(20))")
    }
}
