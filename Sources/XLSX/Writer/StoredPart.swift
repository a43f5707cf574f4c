/// A part ready for the zip: its deflate stream in up to three pieces (a head compressed at the end, the
/// spooled body, a final tail) and the sizes and CRC that zip records, so libzip stores it as it is.
final class StoredPart: @unchecked Sendable {
    let name: String
    private let head: [UInt8]
    private let body: DeflatePipeline?
    private let tail: [UInt8]
    let size: Int
    let compressedSize: Int
    let crc: UInt32

    /// A whole small part, compressed in one go.
    convenience init(name: String, xml: [UInt8], level: Int32) {
        self.init(name: name, head: [], body: nil, tail: xml, level: level)
    }

    /// `head` + the pipeline's spooled body + `tail`; the pipeline must be finished.
    init(name: String, head: [UInt8], body: DeflatePipeline?, tail: [UInt8], level: Int32) {
        self.name = name
        self.body = body
        var compressedHead: [UInt8] = []
        var crc: UInt32 = 0
        if !head.isEmpty {
            compressedHead = head.withUnsafeBytes { Deflate.compress($0, dictionary: nil, level: level, ending: .sync) }
            crc = head.withUnsafeBytes { Deflate.crc32($0) }
        }
        if let body {
            crc = Deflate.combine(crc, body.crc, lengthOfB: body.uncompressedSize)
        }
        let compressedTail = tail.withUnsafeBytes { Deflate.compress($0, dictionary: nil, level: level, ending: .finish) }
        crc = Deflate.combine(crc, tail.withUnsafeBytes { Deflate.crc32($0) }, lengthOfB: tail.count)
        self.head = compressedHead
        self.tail = compressedTail
        self.crc = crc
        size = head.count + (body?.uncompressedSize ?? 0) + tail.count
        compressedSize = compressedHead.count + (body?.compressedSize ?? 0) + compressedTail.count
    }

    /// Copies compressed bytes from `offset` of the whole stream; libzip reads the part through this.
    func read(at offset: Int, into destination: UnsafeMutableRawPointer, count: Int) -> Int {
        var offset = offset
        if offset < head.count {
            let n = min(count, head.count - offset)
            head.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
            return n
        }
        offset -= head.count
        let bodySize = body?.compressedSize ?? 0
        if offset < bodySize, let body {
            return body.readSpool(at: offset, into: destination, count: min(count, bodySize - offset))
        }
        offset -= bodySize
        guard offset < tail.count else { return 0 }
        let n = min(count, tail.count - offset)
        tail.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        return n
    }
}
