#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Failures creating or committing an output file.
struct OutputError: Error, CustomStringConvertible {
    let path: String
    let detail: String

    var description: String { "\(path)：无法写入（\(detail)），请检查目录是否存在、是否有写权限、磁盘是否已满，如文件正在 Excel 或 WPS 中打开，请先关闭。" }
}

/// An output written to a temporary file beside its target and renamed into place on `commit`,
/// so the target is either the complete new file or untouched. `-` means standard output.
final class OutputFile {
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var committed = false

    init(path: String) throws {
        self.path = path
        let directory: String
        if path == "-" {
            directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        } else if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        var template = Array((directory + "/.taizhang-XXXXXX").utf8CString)
        descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw OutputError(path: path, detail: String(cString: strerror(errno))) }
        temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        if !committed {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporaryPath)
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, detail: String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    /// Empties the file to start the output again.
    func reset() throws {
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw OutputError(path: path, detail: String(cString: strerror(errno)))
        }
    }

    /// Makes the output visible: renamed over the target, or copied to standard output.
    func commit() throws {
        if path == "-" {
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw OutputError(path: path, detail: String(cString: strerror(errno))) }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = read(descriptor, &buffer, buffer.count)
                if n <= 0 { break }
                var offset = 0
                while offset < n {
                    let w = buffer.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, n - offset) }
                    if w < 0 { throw OutputError(path: "标准输出", detail: String(cString: strerror(errno))) }
                    offset += w
                }
            }
            close(descriptor)
            descriptor = -1
            return
        }
        guard fsync(descriptor) == 0 || errno == EINVAL, close(descriptor) == 0 else {
            throw OutputError(path: path, detail: String(cString: strerror(errno)))
        }
        descriptor = -1
        // mkstemp creates files readable by the owner only; outputs are ordinary documents.
        let mask = umask(0)
        umask(mask)
        chmod(temporaryPath, 0o666 & ~mask)
        guard rename(temporaryPath, path) == 0 else {
            throw OutputError(path: path, detail: String(cString: strerror(errno)))
        }
        committed = true
    }
}
