internal import CLibzip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only zip package opened with libzip, with part names normalized the way Office tolerates them.
/// Shared between threads: the entry table never changes, and every libzip call holds `lock`.
final class ZipArchive: @unchecked Sendable {
    struct Entry {
        let name: String
        let index: UInt64
        let size: UInt64
        let compressedSize: UInt64
        let encrypted: Bool
    }

    let displayName: String
    let entries: [Entry]
    private let handle: OpaquePointer
    private let byFoldedName: [String: Int]
    /// libzip's archive is not thread-safe, and parts may be inflated on read-ahead threads.
    private var lock = pthread_mutex_t()

    init(path: String, displayName: String) throws {
        self.displayName = displayName
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY, &code) else {
            let location = XLSXLocation(file: displayName)
            switch code {
            case ZIP_ER_NOZIP: throw XLSXError.notAZip(location)
            case ZIP_ER_NOENT: throw XLSXError.fileNotFound(location)
            case ZIP_ER_OPEN, ZIP_ER_READ: throw XLSXError.unreadable(location, Self.message(forCode: code))
            default: throw XLSXError.corruptZip(location, Self.message(forCode: code))
            }
        }
        self.handle = handle
        var entries: [Entry] = []
        var byFoldedName: [String: Int] = [:]
        let count = zip_get_num_entries(handle, 0)
        if count > 0 {
            for index in 0..<UInt64(count) {
                var stat = zip_stat_t()
                zip_stat_init(&stat)
                guard zip_stat_index(handle, index, 0, &stat) == 0, let rawName = stat.name else { continue }
                let name = PackagePath.normalize(String(cString: rawName))
                let entry = Entry(name: name, index: index, size: stat.size, compressedSize: stat.comp_size,
                                  encrypted: stat.encryption_method != UInt16(ZIP_EM_NONE))
                // When a name occurs twice, the later entry wins, as with Python's zipfile and calamine.
                byFoldedName[name.lowercased()] = entries.count
                entries.append(entry)
            }
        }
        self.entries = entries
        self.byFoldedName = byFoldedName
        pthread_mutex_init(&lock, nil)
    }

    deinit {
        zip_discard(handle)
        pthread_mutex_destroy(&lock)
    }

    /// Runs `body` holding the archive's lock.
    func locked<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return try body()
    }

    /// The entry for a part name, ignoring letter case and leading slashes.
    func entry(named name: String) -> Entry? {
        byFoldedName[PackagePath.normalize(name).lowercased()].map { entries[$0] }
    }

    /// Opens a part for streaming, refusing it up front when its declared sizes look like a zip bomb.
    func open(_ entry: Entry, limits: ReadLimits) throws -> PartStream {
        let location = XLSXLocation(file: displayName, part: entry.name)
        if entry.encrypted { throw XLSXError.encryptedWorkbook(location) }
        if entry.size > limits.maxPartBytes {
            throw XLSXError.zipBomb(location, "解压后 \(entry.size) 字节，超过上限 \(limits.maxPartBytes) 字节")
        }
        if entry.size > limits.ratioCheckFloor,
           entry.size / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
            throw XLSXError.zipBomb(location, "压缩比 \(entry.size / max(entry.compressedSize, 1)):1，超过上限 \(limits.maxCompressionRatio):1")
        }
        let file = try locked { () throws -> OpaquePointer in
            guard let file = zip_fopen_index(handle, entry.index, 0) else {
                throw XLSXError.corruptZip(location, String(cString: zip_error_strerror(zip_get_error(handle))))
            }
            return file
        }
        return PartStream(archive: self, file: file, declaredSize: entry.size, location: location)
    }

    /// Reads a whole (small) part into memory.
    func readAll(_ entry: Entry, limits: ReadLimits) throws -> [UInt8] {
        let stream = try open(entry, limits: limits)
        var bytes = [UInt8](repeating: 0, count: Int(entry.size))
        var filled = 0
        while filled < bytes.count {
            let n = try bytes.withUnsafeMutableBytes { try stream.read(into: $0.baseAddress! + filled, count: $0.count - filled) }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    private static func message(forCode code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error))
    }
}

/// One part being inflated; never yields more bytes than the central directory declared.
/// Parts over a megabyte are inflated on a read-ahead thread while the caller parses.
final class PartStream {
    private let inflater: Inflater
    private let readAhead: ReadAhead?
    let location: XLSXLocation

    init(archive: ZipArchive, file: OpaquePointer, declaredSize: UInt64, location: XLSXLocation) {
        let inflater = Inflater(archive: archive, file: file, declaredSize: declaredSize, location: location)
        self.inflater = inflater
        self.location = location
        readAhead = declaredSize > 1 << 20 ? ReadAhead { try inflater.read(into: $0, count: $1) } : nil
    }

    deinit { readAhead?.stop() }

    /// Fills up to `count` bytes; 0 means the part has ended.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        if let readAhead { return try readAhead.read(into: buffer, count: count) }
        return try inflater.read(into: buffer, count: count)
    }
}

/// libzip's inflation of one entry, with the declared-size check.
private final class Inflater: @unchecked Sendable {
    private let archive: ZipArchive
    private let file: OpaquePointer
    private let declaredSize: UInt64
    private var delivered: UInt64 = 0
    private let location: XLSXLocation

    init(archive: ZipArchive, file: OpaquePointer, declaredSize: UInt64, location: XLSXLocation) {
        self.archive = archive
        self.file = file
        self.declaredSize = declaredSize
        self.location = location
    }

    deinit { archive.locked { _ = zip_fclose(file) } }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        // Ask for one byte more than may remain, so that data beyond the declared size is caught.
        let allowed = Int(min(UInt64(count), declaredSize - delivered + 1))
        let n = archive.locked { zip_fread(file, buffer, UInt64(allowed)) }
        if n < 0 {
            throw XLSXError.corruptZip(location, String(cString: zip_error_strerror(zip_file_get_error(file))))
        }
        delivered += UInt64(n)
        if delivered > declaredSize {
            throw XLSXError.zipBomb(location, "实际解压数据超过声明的 \(declaredSize) 字节")
        }
        return Int(n)
    }
}
