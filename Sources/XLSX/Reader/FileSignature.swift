#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises what a file is from its first bytes, before zip parsing, so an .xls or an encrypted workbook gets the right message.
public enum FileSignature: Sendable, Equatable {
    case zip
    case compoundFile(encrypted: Bool)
    case other

    public static func of(path: String, displayName: String) throws -> FileSignature {
        guard let file = fopen(path, "rb") else {
            let location = XLSXLocation(file: displayName)
            if errno == ENOENT { throw XLSXError.fileNotFound(location) }
            throw XLSXError.unreadable(location, String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: 8)
        let n = fread(&head, 1, 8, file)
        if n >= 4 && head[0] == 0x50 && head[1] == 0x4B { return .zip }
        if n == 8 && head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            return .compoundFile(encrypted: containsEncryptedPackage(file))
        }
        return .other
    }

    /// An OLE compound file is an encrypted OOXML package when its directory names an `EncryptedPackage` stream.
    /// Directory entries store names in UTF-16LE; scanning the bytes avoids parsing the FAT chains.
    private static func containsEncryptedPackage(_ file: UnsafeMutablePointer<FILE>) -> Bool {
        let needle = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var carry: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        fseek(file, 0, SEEK_SET)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n == 0 { return false }
            let window = carry + chunk[0..<n]
            if window.count >= needle.count {
                for i in 0...(window.count - needle.count) where window[i] == needle[0] {
                    if window[i..<(i + needle.count)].elementsEqual(needle) { return true }
                }
            }
            carry = Array(window.suffix(needle.count - 1))
        }
    }
}
