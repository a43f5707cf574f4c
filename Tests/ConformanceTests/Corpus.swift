import Foundation
import XLSX

/// The shared real-world corpus (../shared/corpus): its manifest and each file's oracle.
struct Corpus {
    struct Entry {
        let file: String
        let features: Set<String>
        let openpyxlOK: Bool
        let calamineOK: Bool
        let agree: String
    }

    let root: URL
    let entries: [Entry]

    /// Finds the corpus beside the repository, or where TAIZHANG_CORPUS points.
    static func locate() -> Corpus? {
        let env = ProcessInfo.processInfo.environment["TAIZHANG_CORPUS"]
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let root = env.map { URL(fileURLWithPath: $0) } ?? repo.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        guard let manifest = try? String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8) else { return nil }
        var lines = manifest.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let entries = lines.map { f in
            Entry(file: f[column("file")],
                  features: Set(f[column("features")].split(separator: ",").map(String.init)),
                  openpyxlOK: f[column("openpyxl_ok")] == "true",
                  calamineOK: f[column("calamine_ok")] == "true",
                  agree: f[column("agree")])
        }
        return Corpus(root: root, entries: entries)
    }

    func path(_ entry: Entry) -> String { root.appendingPathComponent("files").appendingPathComponent(entry.file).path }

    func oracle(_ entry: Entry) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("oracle").appendingPathComponent(entry.file + ".json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

/// One cell compared with the oracle's normalized value.
enum OracleValue: Equatable, CustomStringConvertible {
    case empty
    case number(Double)
    case text(String)
    case bool(Bool)
    case date(String)
    case duration(String)
    case error(String)

    init(json: Any?) {
        switch json {
        case nil, is NSNull: self = .empty
        case let n as NSNumber where String(cString: n.objCType) == "c": self = .bool(n.boolValue)
        case let n as NSNumber: self = .number(n.doubleValue)
        case let s as String: self = s.isEmpty ? .empty : .text(s)
        case let d as [String: Any]:
            if let v = d["date"] as? String { self = .date(v) } else if let v = d["duration"] as? String { self = .duration(v) } else { self = .error(d["error"] as? String ?? "?") }
        default: self = .text("\(json!)")
        }
    }

    init(_ value: CellValue?) {
        switch value {
        case nil: self = .empty
        case .text(let s)?: self = s.isEmpty ? .empty : .text(s)
        case .number(let n)?: self = .number(n)
        case .bool(let b)?: self = .bool(b)
        case .date(let d)?: self = .date(d.description)
        case .duration?: self = .duration(value!.text)
        case .error(let e)?: self = .error(e)
        }
    }

    /// Numbers compare with a relative tolerance of 1e-12, as the oracle's own comparison does.
    func matches(_ other: OracleValue) -> Bool {
        if case .number(let a) = self, case .number(let b) = other {
            return a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
        }
        return self == other
    }

    var description: String {
        switch self {
        case .empty: "empty"
        case .number(let n): "number \(n)"
        case .text(let s): "text \(s.debugDescription)"
        case .bool(let b): "bool \(b)"
        case .date(let d): "date \(d)"
        case .duration(let d): "duration \(d)"
        case .error(let e): "error \(e)"
        }
    }
}

/// Renders a sheet the way the oracle script writes its `csv` (for the one oversized file, compared by sha256):
/// a rectangle trimmed of empty trailing rows and columns, `\n` line ends, Python's minimal quoting.
enum OracleCSV {
    static func render(_ content: SheetContent) -> String {
        var grid: [Int: [Int: String]] = [:]
        var lastRow = 0, width = 0
        for row in content.rows {
            for cell in row.cells {
                let text = text(OracleValue(cell.value))
                guard !text.isEmpty else { continue }
                grid[row.number, default: [:]][cell.column] = text
                lastRow = max(lastRow, row.number)
                width = max(width, cell.column)
            }
        }
        var out = ""
        for r in stride(from: 1, through: lastRow, by: 1) {
            let fields = (1...max(width, 1)).map { grid[r]?[$0] ?? "" }
            if fields.count == 1 && fields[0].isEmpty { out += "\"\"\n"; continue }
            out += fields.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    static func sha256(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let digest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: digest.prefix(64), as: UTF8.self)
    }

    private static func text(_ value: OracleValue) -> String {
        switch value {
        case .empty: ""
        case .number(let n): n.rounded() == n && abs(n) < 1e16 ? String(Int64(n)) : "\(n)"
        case .text(let s): s
        case .bool(let b): b ? "TRUE" : "FALSE"
        case .date(let d), .duration(let d), .error(let d): d
        }
    }

    private static func quote(_ field: String) -> String {
        // Python's csv module (lineterminator "\n") quotes a field holding a comma, a quote or a line feed; a lone CR is not quoted.
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
