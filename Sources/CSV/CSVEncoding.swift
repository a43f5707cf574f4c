#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings Chinese office users meet in CSV files.
public enum CSVEncoding: String, Sendable, CaseIterable {
    /// UTF-8 with a byte-order mark: what Excel on Chinese Windows needs to read UTF-8 correctly.
    case utf8BOM = "utf8-bom"
    case utf8 = "utf8"
    /// GB18030 (a superset of GBK): what Excel on Chinese Windows saves as "CSV".
    case gb18030 = "gb18030"

    /// Bytes written before the first row.
    public var preamble: [UInt8] { self == .utf8BOM ? [0xEF, 0xBB, 0xBF] : [] }
}

/// Converts UTF-8 to a legacy encoding with the C library's iconv.
public final class Transcoder {
    private let handle: iconv_t
    public let target: String

    public init?(from source: String = "UTF-8", to target: String) {
        guard let h = iconv_open(target, source), h != iconv_t(bitPattern: -1) else { return nil }
        handle = h
        self.target = target
    }

    deinit { iconv_close(handle) }

    /// Converts a complete run of text; nil when a character cannot be encoded or the input is invalid.
    public func convert(_ input: [UInt8]) -> [UInt8]? {
        var stoppedAt = 0
        return convert(input, stoppedAt: &stoppedAt)
    }

    /// Converts like `convert(_:)`; on failure `stoppedAt` is the offset of the first input byte not converted,
    /// so a reader can say where a file stops being valid.
    public func convert(_ input: [UInt8], stoppedAt: inout Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var produced = 0
        var inCopy = input
        let ok: Bool = inCopy.withUnsafeMutableBufferPointer { inBuffer in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            while true {
                let status: Int = output.withUnsafeMutableBufferPointer { outBuffer in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + produced).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count - produced
                    let r = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
                    produced = outBuffer.count - outLeft
                    stoppedAt = inBuffer.count - inLeft
                    return r == -1 ? Int(errno) : 0
                }
                if status == 0 { return true }
                if status == E2BIG {
                    output.append(contentsOf: [UInt8](repeating: 0, count: output.count))
                    continue
                }
                return false
            }
        }
        iconv(handle, nil, nil, nil, nil)
        guard ok else { return nil }
        output.removeSubrange(produced...)
        return output
    }
}
