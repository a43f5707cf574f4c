#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OOXML's `_xHHHH_` escapes, which Excel uses for control characters and for a literal `_x` (`_x005F_`).
enum EscapedText {
    /// Decodes `_xHHHH_` escapes in place in `bytes[from...]`; returns false when there were none.
    @discardableResult
    static func decode(_ bytes: inout [UInt8], from start: Int) -> Bool {
        let end = bytes.count
        guard end - start >= 7 else { return false }
        // Almost no string has an escape: find the first `_x` with a fast scan before doing any work.
        guard let first = bytes.withUnsafeBufferPointer({ buffer -> Int? in
            var i = start
            while i + 6 < end {
                guard let hit = memchr(buffer.baseAddress! + i, 0x5F, end - 6 - i) else { return nil }
                i = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - buffer.baseAddress!
                if buffer[i + 1] == UInt8(ascii: "x") { return i }
                i += 1
            }
            return nil
        }) else { return false }
        var read = first, write = first, changed = false
        while read < end {
            if bytes[read] == UInt8(ascii: "_"), read + 6 < end, bytes[read + 1] == UInt8(ascii: "x"),
               bytes[read + 6] == UInt8(ascii: "_"), let scalar = hexValue(bytes, read + 2) {
                var units: [UInt16] = [scalar]
                var next = read + 7
                // A UTF-16 surrogate pair arrives as two escapes in a row.
                if UTF16.isLeadSurrogate(scalar), next + 6 < end, bytes[next] == UInt8(ascii: "_"),
                   bytes[next + 1] == UInt8(ascii: "x"), bytes[next + 6] == UInt8(ascii: "_"),
                   let low = hexValue(bytes, next + 2), UTF16.isTrailSurrogate(low) {
                    units.append(low)
                    next += 7
                }
                let decoded = String(decoding: units, as: UTF16.self).utf8
                // Every escape is 7 bytes or more and every decoding at most 4, so writing never overtakes reading.
                for byte in decoded {
                    bytes[write] = byte
                    write += 1
                }
                read = next
                changed = true
            } else {
                bytes[write] = bytes[read]
                write += 1
                read += 1
            }
        }
        if changed { bytes.removeSubrange(write..<end) }
        return changed
    }

    private static func hexValue(_ bytes: [UInt8], _ at: Int) -> UInt16? {
        var value: UInt16 = 0
        for i in at..<at + 4 {
            let b = bytes[i]
            let digit: UInt16
            switch b {
            case 48...57: digit = UInt16(b - 48)
            case 65...70: digit = UInt16(b - 55)
            case 97...102: digit = UInt16(b - 87)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
