#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One part's bytes, streamed in, deflated in 1 MiB chunks on the pool's threads and spooled in order to a
/// temporary file, so a million-row sheet never sits in memory. Each chunk is primed with the 32 KiB before
/// it and ends with a sync flush, so the spooled chunks together are one valid deflate stream.
final class DeflatePipeline: @unchecked Sendable {
    struct ChunkResult {
        let compressed: [UInt8]
        let crc: UInt32
        let length: Int
    }

    private let pool: CompressionPool
    private let chunkSize: Int
    private let maxInFlight: Int
    private var buffer: [UInt8] = []
    private var dictionary: [UInt8] = []
    private var submitted = 0
    private var written = 0
    private var results: [Int: ChunkResult] = [:]

    private let spool: UnsafeMutablePointer<FILE>
    let spoolPath: String
    private(set) var compressedSize = 0
    private(set) var uncompressedSize = 0
    private(set) var crc: UInt32 = 0

    init(pool: CompressionPool, temporaryDirectory: String, chunkSize: Int = 1 << 20) throws {
        self.pool = pool
        self.chunkSize = chunkSize
        maxInFlight = 4
        var template = Array((temporaryDirectory + "/.taizhang-part-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0, let file = fdopen(fd, "w+b") else {
            throw XLSXWriteError.io(path: temporaryDirectory, detail: String(cString: strerror(errno)))
        }
        spool = file
        spoolPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        buffer.reserveCapacity(chunkSize + 4096)
    }

    deinit {
        fclose(spool)
        unlink(spoolPath)
    }

    /// Appends bytes to the part.
    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { try submitChunk() }
    }

    /// Appends a byte buffer to the part and empties it (the sheet writer's row buffer).
    func drain(_ bytes: inout [UInt8]) throws {
        if buffer.isEmpty && bytes.count >= chunkSize {
            swap(&buffer, &bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
        bytes.removeAll(keepingCapacity: true)
        if buffer.count >= chunkSize { try submitChunk() }
    }

    /// Compresses what is left and waits for every chunk; the spooled stream is left open (sync-flushed),
    /// to be followed by a final piece.
    func finish() throws {
        if !buffer.isEmpty { try submitChunk() }
        try writeReady(waitForAll: true)
        if fflush(spool) != 0 { throw XLSXWriteError.io(path: spoolPath, detail: String(cString: strerror(errno))) }
    }

    /// Reads the spooled compressed bytes from `offset`; used by the zip writer.
    func readSpool(at offset: Int, into destination: UnsafeMutableRawPointer, count: Int) -> Int {
        fseeko(spool, off_t(offset), SEEK_SET)
        return fread(destination, 1, count, spool)
    }

    private func submitChunk() throws {
        let input = buffer
        let sequence = submitted
        submitted += 1
        pool.submit(.init(part: self, sequence: sequence, input: input, dictionary: dictionary, ending: .sync))
        dictionary = Array(buffer.suffix(32 * 1024))
        buffer.removeAll(keepingCapacity: true)
        try writeReady(waitForAll: false)
    }

    /// Writes finished chunks to the spool in order; waits while too many are in flight (or for all).
    private func writeReady(waitForAll: Bool) throws {
        while written < submitted {
            var next: ChunkResult?
            let mustWait = waitForAll || submitted - written > maxInFlight
            if mustWait {
                pool.wait { results[written] != nil }
            }
            pool.locked { next = results.removeValue(forKey: written) }
            guard let result = next else { return }
            let n = result.compressed.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, spool) }
            guard n == result.compressed.count else {
                throw XLSXWriteError.io(path: spoolPath, detail: String(cString: strerror(errno)))
            }
            crc = Deflate.combine(crc, result.crc, lengthOfB: result.length)
            compressedSize += result.compressed.count
            uncompressedSize += result.length
            written += 1
        }
    }

    /// Called by a worker with the pool's lock held.
    func storeLocked(sequence: Int, result: ChunkResult) { results[sequence] = result }

    /// Called when the pool has no threads and compressed on the caller's thread.
    func store(sequence: Int, result: ChunkResult) { pool.locked { results[sequence] = result } }
}
