/// An OLE2 compound file (MS-CFB), the container of .xls and .et workbooks, read from its bytes.
///
/// Every chain is walked with a step bound (a chain can hold no more sectors than the file has), so a
/// crafted file with a FAT cycle, a sector past the end or a huge declared size fails at once.
struct CompoundFile {
    struct Entry {
        let name: String
        let isStream: Bool
        let start: UInt32
        let size: UInt64
    }

    private let bytes: [UInt8]
    private let sectorSize: Int
    private let miniSectorSize: Int
    private let miniCutoff: UInt64
    private let fat: [UInt32]
    private let miniFAT: [UInt32]
    private let miniStream: [UInt8]
    let entries: [Entry]

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let free: UInt32 = 0xFFFF_FFFF

    init(bytes: [UInt8]) throws(XLSReadError.Kind) {
        guard bytes.count >= 512, Array(bytes[0..<8]) == Self.signature else { throw .corrupt("不是复合文档（no OLE2 signature）") }
        self.bytes = bytes
        let sectorShift = Int(Self.u16(bytes, 0x1E)), miniShift = Int(Self.u16(bytes, 0x20))
        guard sectorShift == 9 || sectorShift == 12, miniShift == 6 else { throw .corrupt("扇区大小异常（sector shift \(sectorShift)）") }
        sectorSize = 1 << sectorShift
        miniSectorSize = 1 << miniShift
        miniCutoff = UInt64(Self.u32(bytes, 0x38))
        let sectorCount = (bytes.count + sectorSize - 1) / sectorSize - 1
        // A count past the file (fuzzed or cut files) is read as far as the file goes, as other readers do.
        let fatSectorCount = min(Int(Self.u32(bytes, 0x2C)), sectorCount)

        // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
        var fatSectors: [UInt32] = []
        for i in 0..<109 where fatSectors.count < fatSectorCount {
            fatSectors.append(Self.u32(bytes, 0x4C + 4 * i))
        }
        var difat = Self.u32(bytes, 0x44)
        var steps = 0
        let perDIFAT = sectorSize / 4 - 1
        while fatSectors.count < fatSectorCount && difat != Self.endOfChain && difat != Self.free {
            steps += 1
            guard steps <= sectorCount, Int(difat) < sectorCount else { throw .corrupt("DIFAT 链异常（循环或越界）") }
            let base = (Int(difat) + 1) * sectorSize
            for i in 0..<perDIFAT where fatSectors.count < fatSectorCount {
                fatSectors.append(Self.u32(bytes, base + 4 * i))
            }
            difat = Self.u32(bytes, base + 4 * perDIFAT)
        }
        var fat: [UInt32] = []
        fat.reserveCapacity(fatSectors.count * sectorSize / 4)
        for sector in fatSectors {
            // A FAT sector that is not in the file keeps the places of those after it, as free entries.
            let base = Int(sector) < sectorCount ? (Int(sector) + 1) * sectorSize : bytes.count
            for i in 0..<(sectorSize / 4) { fat.append(Self.u32(bytes, base + 4 * i)) }
        }
        self.fat = fat

        let directory = try Self.chain(from: Self.u32(bytes, 0x30), fat: fat, limit: sectorCount, what: "目录")
        var entries: [Entry] = []
        for sector in directory {
            let base = (Int(sector) + 1) * sectorSize
            guard base + sectorSize <= bytes.count else { throw .corrupt("目录扇区越界") }
            for offset in stride(from: base, to: base + sectorSize, by: 128) {
                let nameLength = min(Int(Self.u16(bytes, offset + 0x40)), 64)
                var units: [UInt16] = []
                for i in stride(from: 0, to: max(nameLength - 2, 0), by: 2) { units.append(Self.u16(bytes, offset + i)) }
                let type = bytes[offset + 0x42]
                let size = sectorSize == 512 ? UInt64(Self.u32(bytes, offset + 0x78)) : Self.u64(bytes, offset + 0x78)
                entries.append(Entry(name: String(decoding: units, as: UTF16.self), isStream: type == 2 || type == 5,
                                     start: Self.u32(bytes, offset + 0x74), size: size))
            }
        }
        guard let root = entries.first else { throw .corrupt("没有目录项") }
        self.entries = entries

        // Small streams live in the mini stream (the root entry's data), in 64-byte sectors chained by the mini FAT.
        var miniFAT: [UInt32] = []
        let miniFATSectors = try Self.chain(from: Self.u32(bytes, 0x3C), fat: fat, limit: sectorCount, what: "Mini FAT")
        for sector in miniFATSectors {
            let base = (Int(sector) + 1) * sectorSize
            for i in 0..<(sectorSize / 4) { miniFAT.append(Self.u32(bytes, base + 4 * i)) }
        }
        self.miniFAT = miniFAT
        // The whole chain, whatever the root entry's size says: some writers understate it, and streams reach past it.
        miniStream = try Self.read(start: root.start, size: .max, fat: fat, bytes: bytes, sectorSize: sectorSize, limit: sectorCount, what: "Mini 流")
    }

    /// The first stream whose name is one of `names` (case-insensitive), as bytes; nil when there is none.
    func stream(named names: [String]) throws(XLSReadError.Kind) -> [UInt8]? {
        let wanted = Set(names.map { $0.lowercased() })
        guard let entry = entries.dropFirst().first(where: { $0.isStream && wanted.contains($0.name.lowercased()) }) else { return nil }
        if entry.size < miniCutoff {
            let limit = (miniStream.count + miniSectorSize - 1) / miniSectorSize
            return try Self.read(start: entry.start, size: entry.size, fat: miniFAT, bytes: miniStream, sectorSize: miniSectorSize,
                                 limit: limit, what: entry.name, offset: 0)
        }
        return try Self.read(start: entry.start, size: entry.size, fat: fat, bytes: bytes, sectorSize: sectorSize,
                             limit: (bytes.count + sectorSize - 1) / sectorSize - 1, what: entry.name)
    }

    /// Whether a stream of this name exists (an `EncryptedPackage` marks an encrypted .xlsx).
    func hasStream(_ name: String) -> Bool { entries.contains { $0.isStream && $0.name == name } }

    /// The sectors of a chain, at most `limit` of them, stopping once `needed` sectors are found.
    private static func chain(from start: UInt32, fat: [UInt32], limit: Int, what: String, needed: Int = .max) throws(XLSReadError.Kind) -> [UInt32] {
        var sectors: [UInt32] = []
        var seen = [Bool](repeating: false, count: max(limit, 0))
        var sector = start
        while sector != endOfChain && sector != free && sectors.count < needed {
            guard Int(sector) < fat.count, Int(sector) < limit, !seen[Int(sector)] else { throw .corrupt("\(what)扇区链异常（循环或越界）") }
            seen[Int(sector)] = true
            sectors.append(sector)
            sector = fat[Int(sector)]
        }
        return sectors
    }

    /// A stream's bytes by its chain; a declared size past what the chain holds is cut to the chain.
    private static func read(start: UInt32, size: UInt64, fat: [UInt32], bytes: [UInt8], sectorSize: Int, limit: Int, what: String,
                             offset: Int = 1) throws(XLSReadError.Kind) -> [UInt8] {
        guard size > 0 else { return [] }
        // What follows the declared size in a chain is never read, so damage there does not matter.
        let needed = Int(min(size, UInt64(limit) * UInt64(sectorSize)) + UInt64(sectorSize) - 1) / sectorSize
        let sectors = try chain(from: start, fat: fat, limit: limit, what: what, needed: needed)
        let wanted = Int(min(size, UInt64(sectors.count * sectorSize)))
        var out: [UInt8] = []
        out.reserveCapacity(wanted)
        for sector in sectors where out.count < wanted {
            let base = (Int(sector) + offset) * sectorSize
            let end = min(base + sectorSize, bytes.count, base + wanted - out.count)
            guard base < end else { throw .corrupt("\(what)扇区越界") }
            out.append(contentsOf: bytes[base..<end])
        }
        return out
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { i + 2 <= b.count ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : 0 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        i + 4 <= b.count ? UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24 : free
    }
    static func u64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32 }
}
