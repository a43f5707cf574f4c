import Foundation
import Testing

/// The shape the architecture promises (docs/guide.md): a pure Ledger between the input door (Table) and
/// the output door (Reports), a thin command line, and functions short enough to read.
@Suite("Layers and sizes")
struct LayerTests {
    static func files(under folder: String) throws -> [(path: String, lines: [Substring])] {
        let root = CLI.repository + "/Sources/" + folder
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files: [(String, [Substring])] = []
        while let name = enumerator?.nextObject() as? String {
            guard name.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: root + "/" + name, encoding: .utf8)
            files.append((folder + "/" + name, text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test("Ledger reads no file format: it imports neither XLSX nor CSV")
    func ledgerIsPure() throws {
        let files = try Self.files(under: "Ledger")
        #expect(files.count > 20)
        for file in files {
            let imports = file.lines.filter { $0.hasPrefix("import ") || $0.contains(" import ") }
            #expect(!imports.contains { $0.hasSuffix("import XLSX") || $0.hasSuffix("import XLS") || $0.hasSuffix("import CSV") }, "\(file.path)")
        }
    }

    @Test("the command line parses, shows progress and prints: no file of it is over 150 lines")
    func thinCommandLine() throws {
        for file in try Self.files(under: "taizhang") {
            #expect(file.lines.count <= 151, "\(file.path) has \(file.lines.count) lines")
        }
    }

    @Test("no function, initializer or subscript in Sources is over 80 lines")
    func shortFunctions() throws {
        var files: [(path: String, lines: [Substring])] = []
        for module in ["XLSX", "XLS", "CSV", "Table", "Ledger", "Reports", "taizhang"] { files += try Self.files(under: module) }
        for file in files {
            for (start, length, head) in Self.functions(in: file.lines) where length > 80 {
                Issue.record("\(file.path):\(start) is \(length) lines: \(head)")
            }
        }
    }

    /// Each declaration's first line (1-based), its length from there to its closing brace, and the line itself.
    static func functions(in lines: [Substring]) -> [(Int, Int, String)] {
        let starts = ["func ", "init(", "init?(", "init<", "deinit", "subscript("]
        var found: [(Int, Int, String)] = []
        for (index, line) in lines.enumerated() {
            let code = line.trimmingCharacters(in: .whitespaces)
            guard !code.hasPrefix("//"), starts.contains(where: { code.hasPrefix($0) || code.contains(" " + $0) }) else { continue }
            var depth = 0, opened = false, end = index
            scan: while end < lines.count {
                var inString = false, previous: Character = " "
                for char in lines[end] {
                    if char == "\"" && previous != "\\" { inString.toggle() }
                    if !inString && char == "/" && previous == "/" { break }
                    if !inString && char == "{" { depth += 1; opened = true }
                    if !inString && char == "}" { depth -= 1 }
                    previous = char
                }
                if opened && depth <= 0 { break scan }
                // A declaration without a body (a protocol requirement) ends at its line.
                if !opened && end > index + 5 { end = index; break scan }
                end += 1
            }
            found.append((index + 1, end - index + 1, code))
        }
        return found
    }
}
