#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors writing delimited text.
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    case unencodable(encoding: String, row: Int)
    case writeFailed(String)
    case unsupportedEncoding(String)

    public var description: String {
        switch self {
        case .unencodable(let encoding, let row):
            return "第 \(row) 行含有 \(encoding) 无法表示的字符，请改用 --encoding utf8-bom。"
        case .writeFailed(let detail):
            return "写入失败（\(detail)），请检查磁盘空间和目录权限。"
        case .unsupportedEncoding(let name):
            return "系统不支持编码 \(name)。"
        }
    }
}

/// Writes RFC 4180 rows: fields quoted only when they hold the delimiter, a quote or a line break; CRLF line ends.
public final class CSVWriter {
    private let output: (UnsafeRawBufferPointer) throws -> Void
    private let encoding: CSVEncoding
    private let transcoder: Transcoder?
    private let delimiter: UInt8
    private let lineEnd: [UInt8]
    private var buffer: [UInt8] = []
    private var rowsInBuffer = 0
    private var fieldsInRow = 0
    public private(set) var rowsWritten = 0
    /// Rows with fewer fields are ended with empty ones up to this many, as Excel saves a sheet as CSV:
    /// every row as wide as the widest, so that tools reading the first line as the width see all columns.
    public var rowWidth: Int?

    /// `output` receives encoded bytes in large chunks.
    public init(encoding: CSVEncoding = .utf8BOM, delimiter: UInt8 = UInt8(ascii: ","), lineEnd: String = "\r\n",
                output: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        self.output = output
        self.encoding = encoding
        self.delimiter = delimiter
        self.lineEnd = Array(lineEnd.utf8)
        if encoding == .gb18030 {
            guard let t = Transcoder(to: "GB18030") else { throw CSVError.unsupportedEncoding("GB18030") }
            transcoder = t
        } else {
            transcoder = nil
        }
        buffer.reserveCapacity(1 << 20)
        buffer.append(contentsOf: encoding.preamble)
    }

    /// Appends one row of fields.
    public func write<S: Sequence>(row fields: S) throws where S.Element == String {
        var count = 0
        for field in fields {
            if count > 0 { buffer.append(delimiter) }
            count += 1
            append(field)
        }
        pad(count)
        buffer.append(contentsOf: lineEnd)
        rowsInBuffer += 1
        rowsWritten += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends one field of the current row from UTF-8 bytes (rows built field by field end with `endRow()`).
    public func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        if fieldsInRow > 0 { buffer.append(delimiter) }
        fieldsInRow += 1
        append(bytes)
    }

    /// Appends `count` empty fields to the current row.
    public func emptyFields(_ count: Int) {
        for _ in 0..<count {
            if fieldsInRow > 0 { buffer.append(delimiter) }
            fieldsInRow += 1
        }
    }

    /// Ends the row begun with `field(_:)`.
    public func endRow() throws {
        pad(fieldsInRow)
        buffer.append(contentsOf: lineEnd)
        fieldsInRow = 0
        rowsInBuffer += 1
        rowsWritten += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// The delimiters that make a row of `count` fields `rowWidth` wide (an empty row is one empty field).
    private func pad(_ count: Int) {
        guard let rowWidth, rowWidth > max(count, 1) else { return }
        buffer.append(contentsOf: repeatElement(delimiter, count: rowWidth - max(count, 1)))
    }

    private func append(_ field: String) {
        var field = field
        field.withUTF8 { append($0) }
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        var needsQuotes = false
        for b in bytes where b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(0x22)
        for b in bytes {
            if b == 0x22 { buffer.append(0x22) }
            buffer.append(b)
        }
        buffer.append(0x22)
    }

    /// Hands buffered rows to the output.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        if let transcoder {
            guard let converted = transcoder.convert(buffer) else {
                throw CSVError.unencodable(encoding: "GB18030", row: rowsWritten - rowsInBuffer + 1)
            }
            try converted.withUnsafeBytes { try output($0) }
        } else {
            try buffer.withUnsafeBytes { try output($0) }
        }
        buffer.removeAll(keepingCapacity: true)
        rowsInBuffer = 0
    }
}
