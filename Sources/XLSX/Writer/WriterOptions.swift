/// Choices for a written workbook.
public struct WriterOptions: Sendable {
    /// Shared strings (smaller files, what Excel writes) or inline strings.
    public var sharedStrings = true
    /// zlib's deflate level, 1–9; 6 is zlib's and Excel's default.
    public var compressionLevel: Int32 = 6
    /// Threads that deflate parts; by default one per core.
    public var compressionThreads: Int = max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1)
    /// Where parts are spooled while rows are written; the system's temporary folder by default.
    public var temporaryDirectory: String? = nil
    public var properties = DocumentProperties()

    public init(sharedStrings: Bool = true, compressionLevel: Int32 = 6, properties: DocumentProperties = DocumentProperties()) {
        self.sharedStrings = sharedStrings
        self.compressionLevel = compressionLevel
        self.properties = properties
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
