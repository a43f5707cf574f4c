import XLSX

/// What a compound file says about itself in its property-set streams (MS-OLEPS): the application and the
/// last save time from `SummaryInformation`, and the custom properties (such as a return's 填报单位) from
/// the user-defined section of `DocumentSummaryInformation`, which Excel keeps when an .xlsx is saved as .xls.
public struct PropertySets: Sendable, Equatable {
    public var application: String?
    /// The last save time, UTC.
    public var lastSaved: ExcelDateTime?
    public var custom: [String: String] = [:]

    static let userDefined: [UInt8] = [0x05, 0xD5, 0xCD, 0xD5, 0x9C, 0x2E, 0x1B, 0x10, 0x93, 0x97, 0x08, 0x00, 0x2B, 0x2C, 0xF9, 0xAE]

    /// Reads both streams where present; anything malformed is left out rather than failing the workbook.
    init(summary: [UInt8]?, documentSummary: [UInt8]?) {
        if let summary, let section = Self.sections(summary).first {
            let values = Self.values(summary, section: section)
            if case .text(let name)? = values[0x12] { application = name.isEmpty ? nil : name }
            if case .time(let time)? = values[0x0D] { lastSaved = time }
        }
        if let documentSummary {
            for section in Self.sections(documentSummary) where section.id == Self.userDefined {
                let values = Self.values(documentSummary, section: section)
                for (id, name) in Self.dictionary(documentSummary, section: section) {
                    switch values[id] {
                    case .text(let text)?: custom[name] = text
                    case .number(let n)?: custom[name] = CellValue.number(n).text
                    case .time(let time)?: custom[name] = time.description
                    case nil: break
                    }
                }
            }
        }
    }

    init() {}

    private struct Section {
        let id: [UInt8]
        let start: Int
    }

    private enum Value {
        case text(String)
        case number(Double)
        case time(ExcelDateTime)
    }

    private static func sections(_ b: [UInt8]) -> [Section] {
        guard b.count >= 48, CompoundFile.u16(b, 0) == 0xFFFE else { return [] }
        let count = min(Int(CompoundFile.u32(b, 24)), 2)
        return (0..<count).compactMap { i in
            let at = 28 + 20 * i
            guard at + 20 <= b.count else { return nil }
            let start = Int(CompoundFile.u32(b, at + 16))
            return start + 8 <= b.count ? Section(id: Array(b[at..<(at + 16)]), start: start) : nil
        }
    }

    /// The section's properties by id: text, numbers and times; the code page (id 1) decides 8-bit text.
    private static func values(_ b: [UInt8], section: Section) -> [UInt32: Value] {
        let offsets = propertyOffsets(b, section: section)
        var codePage = CodePage(1252)
        if let at = offsets[1], CompoundFile.u32(b, at) == 2 { codePage = CodePage(Int(CompoundFile.u16(b, at + 4))) }
        var values: [UInt32: Value] = [:]
        for (id, at) in offsets where id > 1 {
            switch CompoundFile.u32(b, at) {
            case 0x1E:  // VT_LPSTR: byte count with the terminating zero, then code-page bytes
                let count = Int(CompoundFile.u32(b, at + 4))
                guard count <= b.count - at - 8 else { continue }
                let bytes = b[(at + 8)..<(at + 8 + count)].prefix { $0 != 0 }
                values[id] = .text(codePage.number == 1200 ? String(decoding: utf16(b[(at + 8)..<(at + 8 + count)]), as: UTF16.self)
                                                          : codePage.decode(bytes))
            case 0x1F:  // VT_LPWSTR: character count, then UTF-16LE
                let count = Int(CompoundFile.u32(b, at + 4))
                guard count <= (b.count - at - 8) / 2 else { continue }
                values[id] = .text(String(decoding: utf16(b[(at + 8)..<(at + 8 + 2 * count)]), as: UTF16.self))
            case 0x02: values[id] = .number(Double(Int16(bitPattern: CompoundFile.u16(b, at + 4))))
            case 0x03: values[id] = .number(Double(Int32(bitPattern: CompoundFile.u32(b, at + 4))))
            case 0x05: values[id] = .number(Double(bitPattern: CompoundFile.u64(b, at + 4)))
            case 0x0B: values[id] = .text(CompoundFile.u16(b, at + 4) == 0 ? "FALSE" : "TRUE")
            case 0x40:  // VT_FILETIME: 100 ns since 1601-01-01
                let ticks = CompoundFile.u64(b, at + 4)
                guard ticks > 0, ticks < 0x0300_0000_0000_0000 else { continue }
                let days = Double(ticks) / 864_000_000_000
                // 1601-01-01 is 109,205 days before Excel's 1899-12-30.
                if let time = ExcelDateTime(serial: days - 109_205, system: .system1900) { values[id] = .time(time) }
            default:
                continue
            }
        }
        return values
    }

    /// The names of the user-defined properties (property 0, the dictionary), by id.
    private static func dictionary(_ b: [UInt8], section: Section) -> [(UInt32, String)] {
        let offsets = propertyOffsets(b, section: section)
        guard var at = offsets[0] else { return [] }
        var wide = false
        if let cp = offsets[1], CompoundFile.u32(b, cp) == 2 { wide = CompoundFile.u16(b, cp + 4) == 1200 }
        let codePage = CodePage(wide ? 1252 : offsets[1].map { Int(CompoundFile.u16(b, $0 + 4)) } ?? 1252)
        let count = min(Int(CompoundFile.u32(b, at)), 1000)
        at += 4
        var names: [(UInt32, String)] = []
        for _ in 0..<count {
            guard at + 8 <= b.count else { break }
            let id = CompoundFile.u32(b, at), length = Int(CompoundFile.u32(b, at + 4))
            let size = wide ? 2 * length : length
            guard length > 0, size <= b.count - at - 8 else { break }
            let raw = b[(at + 8)..<(at + 8 + size)]
            let name = wide ? String(decoding: utf16(raw), as: UTF16.self) : codePage.decode(raw.prefix { $0 != 0 })
            names.append((id, name))
            at += 8 + size
            if wide { at = (at + 3) & ~3 }
        }
        return names
    }

    private static func propertyOffsets(_ b: [UInt8], section: Section) -> [UInt32: Int] {
        let count = min(Int(CompoundFile.u32(b, section.start + 4)), 4096)
        var offsets: [UInt32: Int] = [:]
        for i in 0..<count {
            let at = section.start + 8 + 8 * i
            guard at + 8 <= b.count else { break }
            let offset = section.start + Int(CompoundFile.u32(b, at + 4))
            if offset + 8 <= b.count { offsets[CompoundFile.u32(b, at)] = offset }
        }
        return offsets
    }

    /// UTF-16LE code units up to the first zero.
    private static func utf16(_ bytes: ArraySlice<UInt8>) -> [UInt16] {
        var units: [UInt16] = []
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let unit = UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
            if unit == 0 { break }
            units.append(unit)
            i += 2
        }
        return units
    }
}
