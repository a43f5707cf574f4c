/// Builds legacy .xls files byte by byte: BIFF records, and the OLE2 compound file that holds them.
public enum XLSFixture {
    /// One BIFF record.
    public static func record(_ type: UInt16, _ data: [UInt8]) -> [UInt8] {
        le16(type) + le16(UInt16(data.count)) + data
    }

    public static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    public static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    public static func double(_ v: Double) -> [UInt8] { (0..<8).map { UInt8((v.bitPattern >> (8 * UInt64($0))) & 0xFF) } }

    /// A BIFF8 (or, with version 0x0500, BIFF5) BOF record; type 5 is the workbook globals, 0x10 a worksheet.
    public static func bof(type: UInt16, version: UInt16 = 0x0600) -> [UInt8] {
        record(0x0809, le16(version) + le16(type) + [UInt8](repeating: 0, count: version == 0x0600 ? 12 : 4))
    }

    public static let eof = record(0x000A, [])

    /// A string as BIFF8 writes it: 16-bit count (8-bit with `short`), flags, then Latin-1 or UTF-16LE characters.
    public static func unicode(_ text: String, short: Bool = false) -> [UInt8] {
        let units = Array(text.utf16)
        let wide = units.contains { $0 > 0xFF }
        let count = short ? [UInt8(units.count)] : le16(UInt16(units.count))
        return count + [wide ? 1 : 0] + (wide ? units.flatMap(le16) : units.map { UInt8($0) })
    }

    /// An SST record and CONTINUE records of at most `limit` bytes each; strings cut inside their characters
    /// go on after a flags byte, as Excel writes them.
    public static func sst(_ strings: [String], limit: Int = 8224) -> [UInt8] {
        var records: [[UInt8]] = [le32(UInt32(strings.count)) + le32(UInt32(strings.count))]
        for text in strings {
            let units = Array(text.utf16)
            let wide = units.contains { $0 > 0xFF }
            if records[records.count - 1].count + 3 > limit { records.append([]) }
            records[records.count - 1] += le16(UInt16(units.count)) + [wide ? 1 : 0]
            var index = 0
            while index < units.count {
                let room = (limit - records[records.count - 1].count) / (wide ? 2 : 1)
                if room == 0 {
                    records.append([wide ? 1 : 0])
                    continue
                }
                let n = min(room, units.count - index)
                records[records.count - 1] += wide ? units[index..<index + n].flatMap(le16) : units[index..<index + n].map { UInt8($0) }
                index += n
            }
        }
        return records.enumerated().flatMap { record($0.offset == 0 ? 0x00FC : 0x003C, $0.element) }
    }

    /// An XF record whose number format is `format`.
    public static func xf(format: UInt16) -> [UInt8] {
        record(0x00E0, le16(0) + le16(format) + [UInt8](repeating: 0, count: 16))
    }

    /// A cell's first six bytes: row and column (0-based) and XF index.
    public static func cell(_ row: Int, _ column: Int, xf: Int = 0) -> [UInt8] {
        le16(UInt16(row)) + le16(UInt16(column)) + le16(UInt16(xf))
    }

    /// A workbook stream: globals (with BOUNDSHEET offsets filled in) followed by each sheet's substream.
    /// `sheets` gives name, visibility state (0, 1, 2) and the records between the sheet's BOF and EOF.
    public static func workbook(globals: [UInt8], sheets: [(name: String, state: UInt8, records: [UInt8])], version: UInt16 = 0x0600,
                                rawNames: [[UInt8]]? = nil) -> [UInt8] {
        func boundSheets(_ offsets: [Int]) -> [UInt8] {
            sheets.enumerated().flatMap { i, sheet in
                let name = rawNames.map { [UInt8($0[i].count)] + $0[i] } ?? unicode(sheet.name, short: true)
                return record(0x0085, le32(UInt32(offsets[i])) + [sheet.state, 0] + name)
            }
        }
        let head = bof(type: 5, version: version) + globals
        let globalsSize = head.count + boundSheets(sheets.map { _ in 0 }).count + eof.count
        var offsets: [Int] = []
        var body: [UInt8] = []
        for sheet in sheets {
            offsets.append(globalsSize + body.count)
            body += bof(type: 0x10, version: version) + sheet.records + eof
        }
        return head + boundSheets(offsets) + eof + body
    }

    /// A version 3 compound file (512-byte sectors) holding the streams, each padded to at least 4096 bytes so
    /// that all live in regular sectors (up to 7 MB in all: the header lists 109 FAT sectors, and no DIFAT sector is written).
    /// `corrupt` may rewrite the FAT before it is written.
    public static func compoundFile(_ streams: [(name: String, bytes: [UInt8])], corrupt: (inout [UInt32]) -> Void = { _ in }) -> [UInt8] {
        let endOfChain: UInt32 = 0xFFFF_FFFE, free: UInt32 = 0xFFFF_FFFF
        var sectors: [[UInt8]] = []
        var fat: [UInt32] = []
        var starts: [UInt32] = []
        for stream in streams {
            var data = stream.bytes
            if data.count < 4096 { data += [UInt8](repeating: 0, count: 4096 - data.count) }
            starts.append(UInt32(sectors.count))
            let count = (data.count + 511) / 512
            for i in 0..<count {
                var sector = Array(data[(i * 512)..<min((i + 1) * 512, data.count)])
                sector += [UInt8](repeating: 0, count: 512 - sector.count)
                sectors.append(sector)
                fat.append(i == count - 1 ? endOfChain : UInt32(sectors.count))
            }
        }
        // Directory: the root entry, then one entry per stream, four to a sector.
        func entry(_ name: String, type: UInt8, start: UInt32, size: UInt32, child: UInt32 = free, right: UInt32 = free) -> [UInt8] {
            var e = [UInt8](repeating: 0, count: 128)
            let units = Array(name.utf16)
            for (i, u) in units.enumerated() { e[2 * i] = UInt8(u & 0xFF); e[2 * i + 1] = UInt8(u >> 8) }
            e[0x40] = UInt8((units.count + 1) * 2)
            e[0x42] = type
            e[0x43] = 1
            e.replaceSubrange(0x44..<0x48, with: le32(free))
            e.replaceSubrange(0x48..<0x4C, with: le32(right))
            e.replaceSubrange(0x4C..<0x50, with: le32(child))
            e.replaceSubrange(0x74..<0x78, with: le32(start))
            e.replaceSubrange(0x78..<0x7C, with: le32(size))
            return e
        }
        var directory = entry("Root Entry", type: 5, start: endOfChain, size: 0, child: streams.isEmpty ? free : 1)
        for (i, stream) in streams.enumerated() {
            directory += entry(stream.name, type: 2, start: starts[i], size: UInt32(max(stream.bytes.count, 4096)),
                               right: i + 1 < streams.count ? UInt32(i + 2) : free)
        }
        while directory.count % 512 != 0 { directory += entry("", type: 0, start: 0, size: 0) }
        let directoryStart = UInt32(sectors.count)
        for i in 0..<(directory.count / 512) {
            sectors.append(Array(directory[(i * 512)..<((i + 1) * 512)]))
            fat.append(i == directory.count / 512 - 1 ? endOfChain : UInt32(sectors.count))
        }
        let fatSectorCount = (sectors.count + 127) / 127
        let fatStart = UInt32(sectors.count)
        for _ in 0..<fatSectorCount { fat.append(0xFFFF_FFFD) }
        corrupt(&fat)
        while fat.count % 128 != 0 { fat.append(free) }
        for i in 0..<fatSectorCount { sectors.append(fat[(i * 128)..<((i + 1) * 128)].flatMap(le32)) }

        var header = [UInt8](repeating: 0, count: 512)
        header.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        header.replaceSubrange(0x18..<0x1A, with: le16(0x003E))
        header.replaceSubrange(0x1A..<0x1C, with: le16(3))
        header.replaceSubrange(0x1C..<0x1E, with: le16(0xFFFE))
        header.replaceSubrange(0x1E..<0x20, with: le16(9))
        header.replaceSubrange(0x20..<0x22, with: le16(6))
        header.replaceSubrange(0x2C..<0x30, with: le32(UInt32(fatSectorCount)))
        header.replaceSubrange(0x30..<0x34, with: le32(directoryStart))
        header.replaceSubrange(0x38..<0x3C, with: le32(4096))
        header.replaceSubrange(0x3C..<0x40, with: le32(endOfChain))
        header.replaceSubrange(0x44..<0x48, with: le32(endOfChain))
        for i in 0..<109 { header.replaceSubrange((0x4C + 4 * i)..<(0x50 + 4 * i), with: le32(i < fatSectorCount ? fatStart + UInt32(i) : free)) }
        return header + sectors.flatMap { $0 }
    }
}
