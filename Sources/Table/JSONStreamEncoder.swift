/// Encodes a Codable value straight into JSON bytes, with keys in the order the value encodes them, one
/// record per line: each key of the outer object and each element of its arrays starts a new line.
///
/// Foundation's JSONEncoder first builds the whole document as a tree, which for a ledger of 200,000
/// reports cost seconds and hundreds of megabytes; this writes as it goes. A container is closed when its
/// parent writes again or the value that opened it returns, which is how Codable types encode.
public enum JSONStreamEncoder {
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let sink = JSONSink()
        try sink.value(value, codingPath: [])
        sink.writer.raw("\n")
        return sink.writer.bytes
    }
}

/// The bytes written so far and the containers still open.
final class JSONSink {
    var writer = JSONWriter()
    /// Open containers, outermost first: the byte that closes each, whether it has an element yet, and whether it is an array.
    private var open: [(close: String, empty: Bool, isArray: Bool)] = []

    /// Writes a value in place (after its key or separator): a container it opens is closed before this returns.
    func value(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        let depth = open.count, before = writer.bytes.count
        try value.encode(to: StreamEncoder(sink: self, codingPath: codingPath))
        closeAbove(depth)
        // A value that encoded nothing is an empty object, as JSONEncoder writes it.
        if writer.bytes.count == before { writer.raw("{}") }
    }

    /// Opens an object or array; returns its depth, which its container passes back with each element.
    func begin(array: Bool) -> Int {
        writer.raw(array ? "[" : "{")
        open.append((array ? "]" : "}", true, array))
        return open.count
    }

    /// Starts the next element of the container at `depth`: closes anything opened inside it since, then the separator.
    func element(of depth: Int, key: String?) {
        closeAbove(depth)
        if !open[depth - 1].empty { writer.raw(",") }
        open[depth - 1].empty = false
        if (depth == 1 && !open[0].isArray) || (depth == 2 && open[1].isArray) { writer.raw("\n") }
        if let key {
            writer.string(key)
            writer.raw(":")
        }
    }

    func closeAbove(_ depth: Int) {
        while open.count > depth {
            let closing = open.removeLast()
            if !closing.empty && (open.count == 0 && !closing.isArray || open.count == 1 && closing.isArray) { writer.raw("\n") }
            writer.raw(closing.close)
        }
    }

    func scalar(_ value: Double, codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "JSON has no \(value)"))
        }
        writer.number(value)
    }
}

/// The Encoder handed to each value's `encode(to:)`. Its coding path is the outermost one only: building a
/// path for each of a million values cost more than writing them, and it serves only error messages.
struct StreamEncoder: Encoder {
    let sink: JSONSink
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedStream<Key>(sink: sink, depth: sink.begin(array: false), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedStream(sink: sink, depth: sink.begin(array: true), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueStream(sink: sink, codingPath: codingPath) }
}

struct KeyedStream<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let depth: Int
    let codingPath: [any CodingKey]

    private func start(_ key: Key) { sink.element(of: depth, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { start(key); sink.writer.raw("null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { start(key); sink.writer.raw(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { start(key); sink.writer.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { start(key); try sink.scalar(value, codingPath: codingPath) }
    mutating func encode(_ value: Float, forKey key: Key) throws { start(key); try sink.scalar(Double(value), codingPath: codingPath) }
    mutating func encode(_ value: Int, forKey key: Key) throws { start(key); sink.writer.raw(String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        start(key)
        try sink.value(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        start(key)
        return KeyedEncodingContainer(KeyedStream<NestedKey>(sink: sink, depth: sink.begin(array: false), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        start(key)
        return UnkeyedStream(sink: sink, depth: sink.begin(array: true), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        start(key)
        return StreamEncoder(sink: sink, codingPath: codingPath)
    }
}

struct UnkeyedStream: UnkeyedEncodingContainer {
    let sink: JSONSink
    let depth: Int
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(sink: JSONSink, depth: Int, codingPath: [any CodingKey]) {
        (self.sink, self.depth, self.codingPath) = (sink, depth, codingPath)
    }

    private mutating func start() {
        sink.element(of: depth, key: nil)
        count += 1
    }

    mutating func encodeNil() throws { start(); sink.writer.raw("null") }
    mutating func encode(_ value: Bool) throws { start(); sink.writer.raw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { start(); sink.writer.string(value) }
    mutating func encode(_ value: Double) throws { start(); try sink.scalar(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { start(); sink.writer.raw(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        start()
        try sink.value(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        start()
        return KeyedEncodingContainer(KeyedStream<NestedKey>(sink: sink, depth: sink.begin(array: false), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        start()
        return UnkeyedStream(sink: sink, depth: sink.begin(array: true), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        start()
        return StreamEncoder(sink: sink, codingPath: codingPath)
    }
}

struct SingleValueStream: SingleValueEncodingContainer {
    let sink: JSONSink
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { sink.writer.raw("null") }
    mutating func encode(_ value: Bool) throws { sink.writer.raw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { sink.writer.string(value) }
    mutating func encode(_ value: Double) throws { try sink.scalar(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { try sink.scalar(Double(value), codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { sink.writer.raw(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.value(value, codingPath: codingPath) }
}
