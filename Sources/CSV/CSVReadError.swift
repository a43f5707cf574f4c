/// A place in a CSV file: the file and, when known, the row (as Excel numbers it) and the 1-based column.
public struct CSVLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var row: Int?
    public var column: Int?

    public init(file: String, row: Int? = nil, column: Int? = nil) {
        self.file = file
        self.row = row
        self.column = column
    }

    /// `计划表.csv!C12`, `计划表.csv 第12行`, or the file alone.
    public var description: String {
        switch (row, column) {
        case let (row?, column?): return file + "!" + Self.columnName(column) + String(row)
        case let (row?, nil): return file + " 第\(row)行"
        default: return file
        }
    }

    /// Column letters for a 1-based column: 1 → A, 27 → AA (as XLSX's CellReference, which this module cannot import).
    public static func columnName(_ column: Int) -> String {
        var n = column
        var letters: [UInt8] = []
        while n > 0 {
            letters.append(UInt8(65 + (n - 1) % 26))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}

/// Every way reading a CSV file can fail, each naming the file and saying what to do.
public enum CSVReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(file: String)
    case unreadable(file: String, detail: String)
    /// Neither valid UTF-8 nor valid GB18030; `line` is where the bytes stop making sense.
    case undecodable(file: String, line: Int)
    case unsupportedEncoding(file: String, encoding: String)

    /// A short stable code for scripts and tests.
    public var code: String {
        switch self {
        case .fileNotFound: "file-not-found"
        case .unreadable: "unreadable"
        case .undecodable: "undecodable"
        case .unsupportedEncoding: "unsupported-encoding"
        }
    }

    public var description: String {
        switch self {
        case .fileNotFound(let file):
            return "\(file)：找不到文件，请检查路径是否正确。"
        case .unreadable(let file, let detail):
            return "\(file)：无法读取文件（\(detail)），请检查文件权限。"
        case .undecodable(let file, let line):
            return "\(file)：第\(line)行附近的内容既不是 UTF-8 也不是 GB18030（GBK）编码，无法识别。"
                + "请用 Excel 或 WPS 打开后另存为“CSV UTF-8（逗号分隔）”，或另存为 .xlsx。"
        case .unsupportedEncoding(let file, let encoding):
            return "\(file)：系统不支持 \(encoding) 编码，无法读取。请用 Excel 另存为“CSV UTF-8（逗号分隔）”。"
        }
    }
}
