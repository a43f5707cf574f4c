internal import CLibzip
#if canImport(Glibc)
import Glibc
#endif

/// Files on disk put together in one zip, as they are (workbooks are compressed already): the return templates of a
/// plan handed out as one download. Entry times are fixed, so the same files give the same zip.
public enum FileBundle {
    /// Writes `files` (each under its name in the zip) to `path`.
    public static func write(_ files: [(name: String, path: String)], to path: String) throws {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw XLSXWriteError.io(path: path, detail: "zip_open \(code)")
        }
        for file in files {
            guard let source = zip_source_file(archive, file.path, 0, -1) else {
                zip_discard(archive)
                throw XLSXWriteError.io(path: file.path, detail: "cannot read")
            }
            let index = zip_file_add(archive, file.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(source)
                zip_discard(archive)
                throw XLSXWriteError.io(path: path, detail: "zip_file_add \(file.name)")
            }
            zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0)
            zip_file_set_mtime(archive, zip_uint64_t(index), 315_532_800, 0)
        }
        guard zip_close(archive) == 0 else {
            let detail = String(cString: zip_error_strerror(zip_get_error(archive)))
            zip_discard(archive)
            throw XLSXWriteError.io(path: path, detail: detail)
        }
    }
}
