/// The encodings a CSV file from Excel or WPS is found in when read.
public enum CSVSourceEncoding: String, Sendable, CaseIterable {
    /// UTF-8 with a byte-order mark: Excel's "CSV UTF-8".
    case utf8BOM = "utf8-bom"
    case utf8 = "utf8"
    /// UTF-16 with a byte-order mark: Excel's "Unicode text" (tab-separated).
    case utf16LE = "utf16le"
    case utf16BE = "utf16be"
    /// GB18030 (a superset of GBK): Excel's plain "CSV" on Chinese Windows.
    case gb18030 = "gb18030"
}

/// A CSV file's bytes as UTF-8 text, with the encoding they were found in.
public struct CSVDecoding: Sendable {
    public let encoding: CSVSourceEncoding
    /// The text as UTF-8, without a byte-order mark.
    public let utf8: [UInt8]

    /// Detects the encoding (a BOM, then valid UTF-8, then GB18030) and converts; `file` names the file in errors.
    public init(bytes: [UInt8], file: String) throws(CSVReadError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            // A BOM states the encoding, so invalid bytes after it are damage, not a hint to try GB18030.
            if let bad = Self.firstInvalidUTF8(body) { throw .undecodable(file: file, line: Self.line(at: bad, in: body)) }
            encoding = .utf8BOM
            utf8 = body
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            encoding = littleEndian ? .utf16LE : .utf16BE
            utf8 = try Self.utf8(fromUTF16: bytes.dropFirst(2), littleEndian: littleEndian, file: file)
        } else if let badUTF8 = Self.firstInvalidUTF8(bytes) {
            guard let transcoder = Transcoder(from: "GB18030", to: "UTF-8") else {
                throw .unsupportedEncoding(file: file, encoding: "GB18030")
            }
            var badGB = 0
            guard let converted = transcoder.convert(bytes, stoppedAt: &badGB) else {
                // The encoding that got further is most likely the intended one, so its stop is the damage to report.
                let bad = max(badUTF8, badGB)
                throw .undecodable(file: file, line: Self.line(at: bad, in: bytes))
            }
            encoding = .gb18030
            utf8 = converted
        } else {
            encoding = .utf8
            utf8 = bytes
        }
    }

    /// Offset of the first byte that is not part of valid UTF-8, or nil when all of it is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // The standard library validates fast; the slow walk below only runs to locate the damage.
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            if String(validating: bytes, as: UTF8.self) != nil { return nil }
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// The 1-based line (counted by line feeds, as a text editor shows it) holding byte `offset`.
    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for b in bytes[..<min(offset, bytes.count)] where b == 0x0A { line += 1 }
        return line
    }

    private static func utf8(fromUTF16 body: ArraySlice<UInt8>, littleEndian: Bool, file: String) throws(CSVReadError) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i + 1 < body.endIndex {
            let (low, high) = littleEndian ? (body[i], body[i + 1]) : (body[i + 1], body[i])
            units.append(UInt16(high) << 8 | UInt16(low))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 2)
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { out.append($0) }
        // An odd byte count or a lone surrogate means the file was cut short or damaged.
        if failed || body.count % 2 != 0 { throw .undecodable(file: file, line: line(at: out.count, in: out)) }
        return out
    }
}
