internal import CZlib

/// Raw deflate (no zlib or gzip wrapper), as zip entries hold it, and the CRC-32 zip needs.
enum Deflate {
    /// How a compressed chunk ends: `sync` leaves the stream open for the next chunk, `finish` ends it.
    enum Ending {
        case sync
        case finish
    }

    /// Compresses `input` as one piece of a raw deflate stream. With `dictionary` (the 32 KiB before this
    /// piece) back-references can reach into the previous chunk, so chunked output is as small as one stream.
    static func compress(_ input: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer?, level: Int32, ending: Ending) -> [UInt8] {
        var stream = z_stream()
        // windowBits -15: raw deflate; memLevel 8 is zlib's default.
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            preconditionFailure("zlib deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        if let dictionary, dictionary.count > 0 {
            deflateSetDictionary(&stream, dictionary.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(dictionary.count))
        }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        let produced = output.withUnsafeMutableBytes { out -> Int in
            stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(out.count)
            let status = deflate(&stream, ending == .finish ? Z_FINISH : Z_SYNC_FLUSH)
            precondition(status == Z_STREAM_END || status == Z_OK, "zlib deflate failed: \(status)")
            return out.count - Int(stream.avail_out)
        }
        output.removeSubrange(produced...)
        return output
    }

    static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        UInt32(CZlib.crc32(uLong(crc), bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }

    /// The CRC of `a` followed by `b`, from the CRCs of each and the length of `b`.
    static func combine(_ a: UInt32, _ b: UInt32, lengthOfB: Int) -> UInt32 {
        UInt32(crc32_combine(uLong(a), uLong(b), off_t(lengthOfB)))
    }
}
