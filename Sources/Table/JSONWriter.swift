/// Writes JSON text incrementally, with keys in the order given, so the same input gives the same bytes.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A string with JSON's escapes (control characters as \u00XX; everything else as UTF-8).
    public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most texts need no escape and are copied whole.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for b in text.utf8 {
            switch b {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                raw("\\u00")
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A number; integers without a fraction, others in the shortest form that reads back the same.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        if value == value.rounded() && abs(value) < 1e15 { raw(String(Int64(value))) } else { raw("\(value)") }
    }

    /// Hands the bytes written so far to `output` and forgets them.
    public mutating func flush(_ output: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { try output($0) }
        bytes.removeAll(keepingCapacity: true)
    }
}
