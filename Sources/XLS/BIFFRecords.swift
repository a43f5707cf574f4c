/// One BIFF record: its type and where its data lies in the stream.
struct BIFFRecord {
    let type: UInt16
    let data: Range<Int>
    /// Where the next record starts.
    var next: Int { data.upperBound }
}

enum BIFF {
    static let bof: UInt16 = 0x0809, eof: UInt16 = 0x000A, `continue`: UInt16 = 0x003C
    static let filePass: UInt16 = 0x002F, codePage: UInt16 = 0x0042, dateMode: UInt16 = 0x0022
    static let boundSheet: UInt16 = 0x0085, sst: UInt16 = 0x00FC, format: UInt16 = 0x041E, xf: UInt16 = 0x00E0
    static let row: UInt16 = 0x0208, labelSST: UInt16 = 0x00FD, label: UInt16 = 0x0204, richString: UInt16 = 0x00D6
    static let number: UInt16 = 0x0203, rk: UInt16 = 0x027E, mulRK: UInt16 = 0x00BD, boolErr: UInt16 = 0x0205
    static let formula: UInt16 = 0x0006, string: UInt16 = 0x0207, mergedCells: UInt16 = 0x00E5

    /// The record at `offset`; nil at the end of the stream or where a record would run past it.
    static func record(in bytes: [UInt8], at offset: Int) -> BIFFRecord? {
        guard offset + 4 <= bytes.count else { return nil }
        let type = CompoundFile.u16(bytes, offset), length = Int(CompoundFile.u16(bytes, offset + 2))
        guard offset + 4 + length <= bytes.count else { return nil }
        return BIFFRecord(type: type, data: (offset + 4)..<(offset + 4 + length))
    }

    /// A number stored as RK: a 30-bit integer or the top 30 bits of a double, optionally divided by 100.
    static func rk(_ value: UInt32) -> Double {
        let number = value & 2 != 0 ? Double(Int32(bitPattern: value) >> 2) : Double(bitPattern: UInt64(value & 0xFFFF_FFFC) << 32)
        return value & 1 != 0 ? number / 100 : number
    }

    /// Excel's text for a BOOLERR error code.
    static func errorText(_ code: UInt8) -> String {
        switch code {
        case 0x00: "#NULL!"
        case 0x07: "#DIV/0!"
        case 0x0F: "#VALUE!"
        case 0x17: "#REF!"
        case 0x1D: "#NAME?"
        case 0x24: "#NUM!"
        case 0x2A: "#N/A"
        case 0x2B: "#GETTING_DATA"
        default: "#ERR!"
        }
    }
}

/// Reads a record's data together with the CONTINUE records after it, as one run of bytes, except where
/// a string's characters cross into a CONTINUE: there the first byte says whether the rest is compressed.
struct ContinuedReader {
    private let bytes: [UInt8]
    private var segments: [Range<Int>]
    private var segment = 0
    private var position: Int
    /// Where the record after the last CONTINUE starts.
    let next: Int

    init(_ bytes: [UInt8], record: BIFFRecord) {
        self.bytes = bytes
        var segments = [record.data]
        var next = record.next
        while let more = BIFF.record(in: bytes, at: next), more.type == BIFF.continue {
            segments.append(more.data)
            next = more.next
        }
        self.segments = segments
        self.next = next
        position = record.data.lowerBound
    }

    var isAtEnd: Bool {
        var copy = self
        return !copy.advanceIfNeeded()
    }

    /// Moves to the next segment when the current one is used up; false at the very end.
    private mutating func advanceIfNeeded() -> Bool {
        while position >= segments[segment].upperBound {
            guard segment + 1 < segments.count else { return false }
            segment += 1
            position = segments[segment].lowerBound
        }
        return true
    }

    mutating func u8() throws(XLSReadError.Kind) -> UInt8 {
        guard advanceIfNeeded() else { throw .corrupt("记录数据不完整") }
        position += 1
        return bytes[position - 1]
    }

    mutating func u16() throws(XLSReadError.Kind) -> UInt16 {
        UInt16(try u8()) | UInt16(try u8()) << 8
    }

    mutating func u32() throws(XLSReadError.Kind) -> UInt32 {
        UInt32(try u16()) | UInt32(try u16()) << 16
    }

    mutating func skip(_ count: Int) throws(XLSReadError.Kind) {
        var left = count
        while left > 0 {
            guard advanceIfNeeded() else { throw .corrupt("记录数据不完整") }
            let step = min(left, segments[segment].upperBound - position)
            position += step
            left -= step
        }
    }

    /// A BIFF8 XLUnicodeString (`count` UInt16 characters) or, with `shortCount`, a ShortXLUnicodeString.
    /// A cell's string cut short by its record (files other writers made) keeps what the record holds.
    mutating func unicodeString(shortCount: Bool = false) throws(XLSReadError.Kind) -> String {
        guard !isAtEnd else { return "" }
        let count = shortCount ? Int(try u8()) : Int(try u16())
        guard !isAtEnd else { return "" }
        let flags = try u8()
        return try characters(count, flags: flags, lenient: true)
    }

    /// A BIFF8 XLUnicodeRichExtendedString, as the SST holds them: rich-text runs and phonetic data skipped.
    mutating func richExtendedString() throws(XLSReadError.Kind) -> String {
        let count = Int(try u16())
        let flags = try u8()
        let runs = flags & 0x08 != 0 ? Int(try u16()) : 0
        let extended = flags & 0x04 != 0 ? Int(try u32()) : 0
        let text = try characters(count, flags: flags)
        try skip(4 * runs + extended)
        return text
    }

    /// `count` characters, one byte each (Latin-1) or two (UTF-16LE) as the flags say; a CONTINUE in the
    /// middle starts with a new flags byte for the characters after it.
    private mutating func characters(_ count: Int, flags: UInt8, lenient: Bool = false) throws(XLSReadError.Kind) -> String {
        var wide = flags & 0x01 != 0
        // Transcoded to UTF-8 here: String's own UTF-16 decoding was half the time of reading a large table.
        var text = UTF8Builder(capacity: count)
        var read = 0
        while true {
            let available = max(segments[segment].upperBound - position, 0)
            if wide {
                let n = min(count - read, available / 2)
                for i in 0..<n { text.append(unit: UInt16(bytes[position + 2 * i]) | UInt16(bytes[position + 2 * i + 1]) << 8) }
                position += 2 * n
                read += n
            } else {
                let n = min(count - read, available)
                for i in 0..<n { text.append(latin1: bytes[position + i]) }
                position += n
                read += n
            }
            if read == count { break }
            // The characters go on in the next CONTINUE, which starts with its own flags byte.
            guard segment + 1 < segments.count, !segments[segment + 1].isEmpty else {
                if lenient { break }
                throw .corrupt("字符串数据不完整")
            }
            segment += 1
            position = segments[segment].lowerBound
            wide = bytes[position] & 0x01 != 0
            position += 1
        }
        return text.string()
    }
}

/// UTF-16 code units or Latin-1 bytes as UTF-8; a lone surrogate becomes U+FFFD, as String would make it.
struct UTF8Builder {
    private var bytes: [UInt8] = []
    private var highSurrogate: UInt16?

    init(capacity: Int) { bytes.reserveCapacity(capacity * 3) }

    mutating func append(latin1 byte: UInt8) {
        flushSurrogate()
        if byte < 0x80 {
            bytes.append(byte)
        } else {
            bytes.append(0xC0 | byte >> 6)
            bytes.append(0x80 | byte & 0x3F)
        }
    }

    mutating func append(unit: UInt16) {
        if let high = highSurrogate {
            highSurrogate = nil
            if unit & 0xFC00 == 0xDC00 {
                scalar(0x10000 + (UInt32(high & 0x3FF) << 10 | UInt32(unit & 0x3FF)))
                return
            }
            scalar(0xFFFD)
        }
        switch unit {
        case 0..<0x80: bytes.append(UInt8(unit))
        case 0xD800..<0xDC00: highSurrogate = unit
        case 0xDC00..<0xE000: scalar(0xFFFD)
        default: scalar(UInt32(unit))
        }
    }

    private mutating func flushSurrogate() {
        if highSurrogate != nil {
            highSurrogate = nil
            scalar(0xFFFD)
        }
    }

    private mutating func scalar(_ value: UInt32) {
        switch value {
        case 0..<0x80: bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }

    mutating func string() -> String {
        flushSurrogate()
        return String(decoding: bytes, as: UTF8.self)
    }
}
