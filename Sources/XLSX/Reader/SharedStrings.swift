#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
internal import CFileSystem

/// The shared-string table, kept compact: all text in one byte buffer plus one offset per string.
///
/// The table loads on its own thread while the sheet is parsed on the caller's: Excel writes strings in
/// order of first use, so the string a row needs is almost always loaded already, and when it is not the
/// reader waits for it. Storage is reserved once from the part's size (text is never longer than its XML)
/// and mapped lazily, so it never moves while it is read and only pages actually written count.
///
/// A large table (a million-row ledger holds 230 MB of text) keeps its text in an unlinked file on disk
/// mapped shared: pages are released from the process as loading and reading move on, and come back
/// from the page cache when a string is read again, so memory stays near a constant instead of the
/// table's size. Releasing a shared file page never loses data, so readers need no coordination.
public final class SharedStrings: @unchecked Sendable {
    public enum Availability {
        case available
        case missing
        case failed(XLSXError)
    }

    private let bytes: UnsafeMutablePointer<UInt8>
    private let byteCapacity: Int
    private let starts: UnsafeMutablePointer<Int>
    private let startCapacity: Int
    private let mapping: UnsafeMutableRawPointer?
    private let mappingSize: Int
    /// The text's own file mapping when the table is spilled to disk; nil when the text lives in `mapping`.
    private let textMapping: UnsafeMutableRawPointer?
    private let textMappingSize: Int
    /// Text bytes written when the loader last released pages.
    private var releasedAt = 0

    // Written by the loading thread only.
    private var length = 0
    private var written = 0
    private var stringStart = 0

    private let published = Atomic<Int>(0)
    private let hasWaiter = Atomic<Bool>(false)
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var finished = false
    private var failure: XLSXError?

    /// A table with room for the text of a part of `partBytes` bytes; parts over `spillBytes` keep their text on disk.
    init(partBytes: Int, spillBytes: Int = .max) {
        byteCapacity = max(partBytes, 0)
        // `<si/>` is the shortest string item: five bytes.
        startCapacity = byteCapacity / 5 + 2
        let spilled = byteCapacity > spillBytes ? Self.mapFile(size: byteCapacity + 16) : nil
        textMapping = spilled
        textMappingSize = spilled == nil ? 0 : byteCapacity + 16
        let startBytes = startCapacity * MemoryLayout<Int>.stride
        let size = startBytes + (spilled == nil ? byteCapacity + 16 : 0)
        let raw = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        if let raw, raw != MAP_FAILED {
            mapping = raw
            mappingSize = size
            starts = raw.bindMemory(to: Int.self, capacity: startCapacity)
            let text = spilled ?? (raw + startBytes)
            bytes = text.bindMemory(to: UInt8.self, capacity: byteCapacity + 1)
        } else {
            mapping = nil
            mappingSize = 0
            starts = .allocate(capacity: 1)
            bytes = .allocate(capacity: 1)
        }
        starts[0] = 0
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    /// Whether the text is kept in a file on disk rather than in memory.
    public var isSpilled: Bool { textMapping != nil }

    /// A shared mapping of `size` bytes of a new unlinked file, with its blocks reserved so that writing
    /// through it cannot fail for want of disk space; nil where no disk-backed directory has the room.
    private static func mapFile(size: Int) -> UnsafeMutableRawPointer? {
        let environment = getenv("TMPDIR").map { String(cString: $0) }
        for directory in [environment, "/var/tmp", "/tmp"].compactMap({ $0 }) where !directory.isEmpty {
            var info = statfs()
            // A memory file system would only move the text from the process to the kernel.
            guard statfs(directory, &info) == 0, !Self.memoryFileSystems.contains(Int64(info.f_type)) else { continue }
            var template = Array((directory + "/taizhang-strings-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { continue }
            defer { close(fd) }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            guard posix_fallocate(fd, 0, off_t(size)) == 0 else { continue }
            let raw = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
            if let raw, raw != MAP_FAILED { return raw }
        }
        return nil
    }

    /// tmpfs and ramfs: files there are memory.
    private static let memoryFileSystems: Set<Int64> = [0x0102_1994, 0x8584_58f6]

    /// Gives the pages of a spilled table back to the page cache; strings read again come back from it.
    /// Cheap when nothing is resident; safe while other threads read, since the file keeps the text.
    public func releaseResidentPages() {
        guard let textMapping else { return }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = starts[published.load(ordering: .acquiring)] / pageSize * pageSize
        if end > 0 { madvise(textMapping, end, MADV_DONTNEED) }
    }

    /// An empty table, for workbooks without shared strings.
    convenience init() {
        self.init(partBytes: 0)
        finish(nil)
    }

    deinit {
        if let textMapping { munmap(textMapping, textMappingSize) }
        if let mapping { munmap(mapping, mappingSize) } else {
            starts.deallocate()
            bytes.deallocate()
        }
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// The number of strings, once the table has finished loading.
    public var count: Int {
        waitUntilLoaded()
        return published.load(ordering: .acquiring)
    }

    /// The bytes of text held, a measure of the table's memory.
    public var byteCount: Int {
        waitUntilLoaded()
        return starts[published.load(ordering: .acquiring)]
    }

    /// The string at `index`, waiting for it to load; traps when it does not exist, like an array.
    public subscript(index: Int) -> String {
        guard case .available = ensure(index) else { preconditionFailure("shared string \(index) does not exist") }
        return String(decoding: UnsafeBufferPointer(start: bytes + starts[index], count: starts[index + 1] - starts[index]), as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of a string without copying them; the string must be available.
    public func withUTF8<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: bytes + starts[index], count: starts[index + 1] - starts[index]))
    }

    /// Waits until the string at `index` is loaded, or the table is complete without it, or loading failed.
    public func ensure(_ index: Int) -> Availability {
        if index >= 0 && index < published.load(ordering: .acquiring) { return .available }
        guard index >= 0 else { return .missing }
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while index >= published.load(ordering: .acquiring) && !finished {
            hasWaiter.store(true, ordering: .sequentiallyConsistent)
            pthread_cond_wait(&changed, &mutex)
        }
        if index < published.load(ordering: .acquiring) { return .available }
        if let failure { return .failed(failure) }
        return .missing
    }

    /// Waits for the whole table; the error that stopped loading, if any.
    @discardableResult
    public func waitUntilLoaded() -> XLSXError? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while !finished {
            hasWaiter.store(true, ordering: .sequentiallyConsistent)
            pthread_cond_wait(&changed, &mutex)
        }
        return failure
    }

    /// The storage of the loaded strings: text bytes and start offsets (each string ends where the next starts).
    func withStorage<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) throws -> R) rethrows -> R {
        let n = published.load(ordering: .acquiring)
        return try body(UnsafeBufferPointer(start: bytes, count: starts[n]), UnsafeBufferPointer(start: starts, count: n + 1))
    }

    // MARK: - Loading (one thread)

    /// Appends text to the string being built; false when the table's reserved room is exhausted.
    fileprivate func appendBytes(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = chunk.baseAddress, length + chunk.count <= byteCapacity else { return chunk.isEmpty }
        (bytes + length).update(from: base, count: chunk.count)
        length += chunk.count
        return true
    }

    /// Ends the string being built and makes it visible to readers.
    fileprivate func closeString() -> Bool {
        guard written + 1 < startCapacity else { return false }
        if length - stringStart >= 7 {
            length = stringStart + EscapedText.decode(UnsafeMutableBufferPointer(start: bytes + stringStart, count: length - stringStart))
        }
        written += 1
        starts[written] = length
        stringStart = length
        published.store(written, ordering: .releasing)
        if hasWaiter.load(ordering: .sequentiallyConsistent) { wakeWaiters() }
        if textMapping != nil, length - releasedAt > Self.releaseStep {
            releasedAt = length
            releaseResidentPages()
        }
        return true
    }

    /// Marks the table complete, with the error that stopped it if any.
    func finish(_ error: XLSXError?) {
        pthread_mutex_lock(&mutex)
        finished = true
        failure = error
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }

    /// How much text the loader writes between releasing pages.
    private static let releaseStep = 8 << 20

    private func wakeWaiters() {
        pthread_mutex_lock(&mutex)
        hasWaiter.store(false, ordering: .sequentiallyConsistent)
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }
}

/// Builds the table from `sharedStrings.xml`: rich-text runs joined, phonetic runs (`rPh`) left out.
final class SharedStringsHandler: XMLEventHandler {
    let table: SharedStrings
    private let limit: Int
    private let location: XLSXLocation
    private var inItem = false
    private var textDepth = 0
    private var phoneticDepth = 0
    private var total = 0

    init(table: SharedStrings, limit: Int, location: XLSXLocation) {
        self.table = table
        self.limit = limit
        self.location = location
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("si") {
            inItem = true
        } else if inItem {
            if name.is("t") { textDepth += 1 } else if name.is("rPh") { phoneticDepth += 1 }
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("si") {
            inItem = false
            textDepth = 0
            phoneticDepth = 0
            if !table.closeString(), failure == nil { failure = .zipBomb(location, "共享字符串数量超出部件大小所能容纳的数量") }
        } else if inItem {
            if name.is("t") { textDepth -= 1 } else if name.is("rPh") { phoneticDepth -= 1 }
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard textDepth > 0, phoneticDepth == 0, failure == nil else { return }
        total += bytes.count
        if total > limit || !table.appendBytes(bytes) {
            failure = .zipBomb(location, "共享字符串超过 \(min(limit, total)) 字节")
        }
    }
}
