internal import CLibzip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stores already-deflated parts in a zip with libzip: libzip writes the headers, the central directory and
/// ZIP64 records only when an entry needs them; entry times are fixed so the same parts give the same bytes.
enum ZipWriter {
    static func write(_ parts: [StoredPart], to path: String) throws {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw XLSXWriteError.io(path: path, detail: message(code))
        }
        var readers: [PartReader] = []
        for part in parts {
            let reader = PartReader(part: part)
            readers.append(reader)
            guard let source = zip_source_function(archive, { userdata, data, length, command in
                Unmanaged<PartReader>.fromOpaque(userdata!).takeUnretainedValue().handle(data, length, command)
            }, Unmanaged.passUnretained(reader).toOpaque()) else {
                zip_discard(archive)
                throw XLSXWriteError.io(path: path, detail: "zip_source_function")
            }
            let index = zip_file_add(archive, part.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(source)
                let detail = String(cString: zip_error_strerror(zip_get_error(archive)))
                zip_discard(archive)
                throw XLSXWriteError.io(path: path, detail: detail)
            }
            zip_file_set_mtime(archive, zip_uint64_t(index), fixedTime, 0)
        }
        guard zip_close(archive) == 0 else {
            let detail = String(cString: zip_error_strerror(zip_get_error(archive)))
            zip_discard(archive)
            throw XLSXWriteError.io(path: path, detail: detail)
        }
        withExtendedLifetime(readers) {}
    }

    /// 1980-01-01 00:00, the earliest zip time, as Excel and libxlsxwriter write it. libzip converts with
    /// the local time zone, so the time is made in it too, and the stored fields are the same everywhere.
    private static var fixedTime: time_t {
        var parts = tm()
        parts.tm_year = 80
        parts.tm_mon = 0
        parts.tm_mday = 1
        parts.tm_isdst = -1
        return mktime(&parts)
    }

    private static func message(_ code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error))
    }

    /// Serves one part to libzip as data that is already deflated, with its sizes and CRC, so libzip copies it.
    private final class PartReader {
        let part: StoredPart
        var offset = 0

        init(part: StoredPart) { self.part = part }

        func handle(_ data: UnsafeMutableRawPointer?, _ length: zip_uint64_t, _ command: zip_source_cmd_t) -> zip_int64_t {
            switch command {
            case ZIP_SOURCE_OPEN:
                offset = 0
                return 0
            case ZIP_SOURCE_READ:
                guard let data else { return -1 }
                let n = part.read(at: offset, into: data, count: Int(min(length, 1 << 20)))
                offset += n
                return zip_int64_t(n)
            case ZIP_SOURCE_CLOSE:
                return 0
            case ZIP_SOURCE_STAT:
                guard let data else { return -1 }
                let stat = data.assumingMemoryBound(to: zip_stat_t.self)
                zip_stat_init(stat)
                stat.pointee.size = zip_uint64_t(part.size)
                stat.pointee.comp_size = zip_uint64_t(part.compressedSize)
                stat.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
                stat.pointee.crc = part.crc
                stat.pointee.valid = zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC)
                return zip_int64_t(MemoryLayout<zip_stat_t>.size)
            case ZIP_SOURCE_ERROR:
                guard let data else { return -1 }
                let codes = data.assumingMemoryBound(to: Int32.self)
                codes[0] = 0
                codes[1] = 0
                return zip_int64_t(2 * MemoryLayout<Int32>.size)
            case ZIP_SOURCE_FREE:
                return 0
            case ZIP_SOURCE_SUPPORTS:
                let commands = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
                return commands.reduce(0) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
            default:
                return -1
            }
        }
    }
}
