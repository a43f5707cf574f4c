#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV file opened for reading: the encoding it was found in, its delimiter, and its records one at a time.
public struct CSVDocument: Sendable {
    /// The name used in messages: the path unless the caller gives a friendlier one.
    public let displayName: String
    public let encoding: CSVSourceEncoding
    public let delimiter: UInt8
    /// The records from the first; each iteration starts again from the first record.
    public let records: CSVReader

    /// Decodes `bytes` and prepares its records; the delimiter is sniffed when not given.
    public init(bytes: [UInt8], displayName: String, delimiter: UInt8? = nil) throws(CSVReadError) {
        let decoded = try CSVDecoding(bytes: bytes, file: displayName)
        self.displayName = displayName
        encoding = decoded.encoding
        records = CSVReader(utf8: decoded.utf8, delimiter: delimiter)
        self.delimiter = records.delimiter
    }

    /// Reads the file at `path` whole into memory, then decodes it; records are still split one at a time.
    public static func read(path: String, displayName: String? = nil, delimiter: UInt8? = nil) throws(CSVReadError) -> CSVDocument {
        let name = displayName ?? path
        return try CSVDocument(bytes: readFile(path: path, displayName: name), displayName: name, delimiter: delimiter)
    }
}

/// The whole file; a free function so `read` means the system call, not `CSVDocument.read`.
private func readFile(path: String, displayName: String) throws(CSVReadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
        if errno == ENOENT { throw .fileNotFound(file: displayName) }
        throw .unreadable(file: displayName, detail: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if n == 0 { return bytes }
        if n < 0 {
            if errno == EINTR { continue }
            throw .unreadable(file: displayName, detail: String(cString: strerror(errno)))
        }
        bytes.append(contentsOf: chunk[..<n])
    }
}
