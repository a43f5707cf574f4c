import Foundation

/// Writes zip files byte by byte, so tests control what real writers would never produce
/// (stored or hand-made deflate data, declared sizes that lie, odd names).
public struct ZipBuilder {
    public struct Entry {
        public var name: String
        public var data: [UInt8]
        /// 0 stored, 8 deflate (then `data` is the raw deflate stream).
        public var method: UInt16 = 0
        public var declaredSize: UInt32? = nil
        public var crc: UInt32? = nil

        public init(name: String, data: [UInt8], method: UInt16 = 0, declaredSize: UInt32? = nil, crc: UInt32? = nil) {
            self.name = name
            self.data = data
            self.method = method
            self.declaredSize = declaredSize
            self.crc = crc
        }
    }

    public var entries: [Entry] = []

    public init() {}

    public mutating func add(_ name: String, _ text: String) {
        entries.append(Entry(name: name, data: Array(text.utf8)))
    }

    public mutating func add(_ entry: Entry) { entries.append(entry) }

    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(out.count)
            let name = Array(entry.name.utf8)
            let size = entry.declaredSize ?? UInt32(entry.data.count)
            let crc = entry.crc ?? (entry.method == 0 ? CRC32.checksum(entry.data) : 0)
            var local: [UInt8] = []
            local.le32(0x0403_4B50); local.le16(20); local.le16(0); local.le16(entry.method)
            local.le16(0); local.le16(0x21) // 1980-01-01
            local.le32(crc); local.le32(UInt32(entry.data.count)); local.le32(size)
            local.le16(UInt16(name.count)); local.le16(0)
            out += local + name + entry.data
            central.le32(0x0201_4B50); central.le16(20); central.le16(20); central.le16(0); central.le16(entry.method)
            central.le16(0); central.le16(0x21)
            central.le32(crc); central.le32(UInt32(entry.data.count)); central.le32(size)
            central.le16(UInt16(name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(0); central.le32(offset)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out.le32(0x0605_4B50); out.le16(0); out.le16(0)
        out.le16(UInt16(entries.count)); out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count)); out.le32(centralOffset); out.le16(0)
        return out
    }

    public func write(to path: String) throws {
        try Data(bytes()).write(to: URL(fileURLWithPath: path))
    }
}

extension [UInt8] {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
}

public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { i in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

/// A raw deflate stream (fixed Huffman) of `prefix`, then `unit` repeated about `repeats` times, then `suffix`,
/// built from back-references, so gigabytes of output cost a few megabytes: the shape of a zip bomb.
public enum DeflateBomb {
    public static func stream(prefix: String, unit: String, matches: Int, suffix: String) -> (data: [UInt8], inflatedSize: Int) {
        var w = BitWriter()
        w.bits(1, 1); w.bits(1, 2) // final block, fixed Huffman
        for b in Array((prefix + unit).utf8) { w.literal(b) }
        let distanceCode = UInt32(unit.utf8.count - 1) // distances 1–4 have codes 0–3 without extra bits
        precondition(unit.utf8.count <= 4)
        var done = 0
        while done < matches && w.bitCount % 8 != 0 { w.match(distanceCode); done += 1 }
        if matches - done >= 8 {
            var block = BitWriter()
            for _ in 0..<8 { block.match(distanceCode) }
            let chunk = block.bytes
            let blocks = (matches - done) / 8
            w.bytes.reserveCapacity(w.bytes.count + blocks * chunk.count + 64)
            for _ in 0..<blocks { w.bytes.append(contentsOf: chunk) }
            done += blocks * 8
        }
        while done < matches { w.match(distanceCode); done += 1 }
        for b in Array(suffix.utf8) { w.literal(b) }
        w.code(0, length: 7) // end of block
        return (w.bytes, prefix.utf8.count + unit.utf8.count + matches * 258 + suffix.utf8.count)
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        var bitCount = 0

        /// Writes `count` bits of `value`, least significant first (deflate's header and extra bits).
        mutating func bits(_ value: UInt32, _ count: Int) {
            for i in 0..<count {
                if bitCount % 8 == 0 { bytes.append(0) }
                if value >> UInt32(i) & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << (bitCount % 8)) }
                bitCount += 1
            }
        }

        /// Writes a Huffman code, most significant bit first.
        mutating func code(_ value: UInt32, length: Int) {
            for i in stride(from: length - 1, through: 0, by: -1) { bits(value >> UInt32(i) & 1, 1) }
        }

        mutating func literal(_ byte: UInt8) {
            if byte < 144 { code(0x30 + UInt32(byte), length: 8) } else { code(0x190 + UInt32(byte) - 144, length: 9) }
        }

        /// Length 258 (symbol 285, code 0xC5 in 8 bits), then the 5-bit distance code.
        mutating func match(_ distanceCode: UInt32) {
            code(0xC5, length: 8)
            code(distanceCode, length: 5)
        }
    }
}
