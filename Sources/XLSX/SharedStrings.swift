/// The shared-string table, kept compact: all text in one byte buffer plus one offset per string.
public struct SharedStrings: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    public init() {}

    /// The number of strings.
    public var count: Int { starts.count - 1 }

    /// The bytes of text held, a measure of the table's memory.
    public var byteCount: Int { bytes.count }

    public subscript(index: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[starts[index]..<starts[index + 1]]), as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of a string without copying them.
    public func withUTF8<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[starts[index]..<starts[index + 1]])) }
    }

    /// The whole table: all text bytes, and the start offset of each string (plus one past the last).
    func withStorage<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { b in try starts.withUnsafeBufferPointer { s in try body(b, s) } }
    }

    /// Reserves room for the text of a part of this many bytes, so the buffer does not grow by copying.
    mutating func reserve(partBytes: Int) {
        bytes.reserveCapacity(partBytes)
    }

    mutating func append(_ text: some Sequence<UInt8>) {
        bytes.append(contentsOf: text)
        starts.append(bytes.count)
    }

    fileprivate mutating func appendBytes(_ chunk: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: chunk) }

    fileprivate mutating func closeString() {
        let start = starts[starts.count - 1]
        if bytes.count - start >= 7 { EscapedText.decode(&bytes, from: start) }
        starts.append(bytes.count)
    }

    fileprivate var pendingBytes: Int { bytes.count - starts[starts.count - 1] }
}

/// Builds the table from `sharedStrings.xml`: rich-text runs joined, phonetic runs (`rPh`) left out.
final class SharedStringsHandler: XMLEventHandler {
    private(set) var table = SharedStrings()
    private let limit: Int
    private let location: XLSXLocation
    private var inItem = false
    private var textDepth = 0
    private var phoneticDepth = 0

    init(limit: Int, location: XLSXLocation, partBytes: Int) {
        self.limit = limit
        self.location = location
        // The text is always shorter than the XML around it: reserving the part's size avoids regrowth
        // (pages never written are never resident).
        table.reserve(partBytes: min(partBytes, limit))
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
            table.closeString()
        } else if inItem {
            if name.is("t") { textDepth -= 1 } else if name.is("rPh") { phoneticDepth -= 1 }
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard textDepth > 0, phoneticDepth == 0 else { return }
        table.appendBytes(bytes)
        if table.byteCount > limit, failure == nil {
            failure = .zipBomb(location, "共享字符串超过 \(limit) 字节")
        }
    }
}
