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
        guard bytes.count - start >= 7 else { return false }
        let newEnd = bytes.withUnsafeMutableBufferPointer { decode(UnsafeMutableBufferPointer(rebasing: $0[start...])) } + start
        guard newEnd < bytes.count else { return false }
        bytes.removeSubrange(newEnd...)
        return true
    }

    /// Decodes `_xHHHH_` escapes in place; returns the new length.
    static func decode(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let end = bytes.count
        guard end >= 7, let base = bytes.baseAddress else { return end }
        // Almost no string has an escape: find the first `_x` with a fast scan before doing any work.
        var first = -1
        var i = 0
        while i + 6 < end {
            guard let hit = memchr(base + i, 0x5F, end - 6 - i) else { break }
            i = hit.assumingMemoryBound(to: UInt8.self) - base
            if bytes[i + 1] == UInt8(ascii: "x") { first = i; break }
            i += 1
        }
        guard first >= 0 else { return end }
        var read = first, write = first
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
                // Every escape is 7 bytes or more and every decoding at most 4, so writing never overtakes reading.
                for byte in String(decoding: units, as: UTF16.self).utf8 {
                    bytes[write] = byte
                    write += 1
                }
                read = next
            } else {
                bytes[write] = bytes[read]
                write += 1
                read += 1
            }
        }
        return write
    }

    private static func hexValue(_ bytes: UnsafeMutableBufferPointer<UInt8>, _ at: Int) -> UInt16? {
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
