/// The writer's XML output: bytes appended to a buffer, with Excel's escaping.
enum XMLBytes {
    @inline(__always)
    static func append(_ text: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    static func append(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: text.utf8)
    }

    /// A non-negative or negative integer in decimal, without making a String.
    @inline(__always)
    static func append(_ value: Int, to buffer: inout [UInt8]) {
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
            append(UInt(value.magnitude), to: &buffer)
        } else {
            append(UInt(value), to: &buffer)
        }
    }

    @inline(__always)
    static func append(_ value: UInt, to buffer: inout [UInt8]) {
        if value < 10 {
            buffer.append(UInt8(48 + value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            var n = value, i = raw.count
            while n > 0 {
                i -= 1
                raw[i] = UInt8(48 + n % 10)
                n /= 10
            }
            buffer.append(contentsOf: raw[i...])
        }
    }

    /// A number as the shortest text that reads back to the same double (`0.1`, `1e-05`, `45000`).
    static func append(_ value: Double, to buffer: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15 {
            append(Int(value), to: &buffer)
        } else {
            append("\(value)", to: &buffer)
        }
    }

    /// Whether `<t>` needs `xml:space="preserve"`: leading or trailing white space, which XML would drop.
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        return space(first) || space(last)
    }

    /// Element text: `&`, `<`, `>` escaped; control characters (and CR, which XML would turn into LF) as
    /// `_xHHHH_`; a literal `_xHHHH_` protected as `_x005F_xHHHH_`, as Excel does.
    static func appendText(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var clean = true
            for b in bytes where b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x5F {
                clean = false
                break
            }
            if clean {
                buffer.append(contentsOf: bytes)
                return
            }
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case 0x26: append("&amp;", to: &buffer)
                case 0x3C: append("&lt;", to: &buffer)
                case 0x3E: append("&gt;", to: &buffer)
                case 0x09, 0x0A: buffer.append(b)
                case 0x5F where isEscapeLike(bytes, i):
                    append("_x005F_", to: &buffer)
                case ..<0x20:
                    appendEscape(b, to: &buffer)
                default: buffer.append(b)
                }
                i += 1
            }
        }
    }

    /// Attribute values: also `"` escaped, and line breaks as character references so they survive.
    static func appendAttribute(_ text: String, to buffer: inout [UInt8]) {
        for b in text.utf8 {
            switch b {
            case 0x26: append("&amp;", to: &buffer)
            case 0x3C: append("&lt;", to: &buffer)
            case 0x3E: append("&gt;", to: &buffer)
            case 0x22: append("&quot;", to: &buffer)
            case 0x0A: append("&#10;", to: &buffer)
            case 0x0D: append("&#13;", to: &buffer)
            case 0x09: append("&#9;", to: &buffer)
            case ..<0x20: break // not representable in XML 1.0 attributes
            default: buffer.append(b)
            }
        }
    }

    private static func appendEscape(_ b: UInt8, to buffer: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        append("_x00", to: &buffer)
        buffer.append(hex[Int(b >> 4)])
        buffer.append(hex[Int(b & 0xF)])
        buffer.append(UInt8(ascii: "_"))
    }

    /// `_xHHHH_` at `i`, which a reader would decode unless protected.
    private static func isEscapeLike(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_") else { return false }
        for j in (i + 2)...(i + 5) {
            let c = bytes[j]
            guard (48...57).contains(c) || (65...70).contains(c) || (97...102).contains(c) else { return false }
        }
        return true
    }
}
