internal import CLibxml2

/// Receives the SAX events of one part. Names are local names, so any namespace prefix (or none) matches.
class XMLEventHandler {
    /// Set by a handler to stop parsing with this error.
    var failure: XLSXError? {
        didSet { failed = failure != nil }
    }
    /// Cheap to test after every event, unlike the error itself.
    private(set) var failed = false

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {}
    func endElement(_ name: XMLName) {}
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// A NUL-terminated local name as libxml2 hands it over; compared without making a String.
struct XMLName {
    let pointer: UnsafePointer<UInt8>

    @inline(__always)
    func `is`(_ name: StaticString) -> Bool {
        let expected = name.utf8Start
        var i = 0
        while true {
            let a = pointer[i], b = expected[i]
            if a != b { return false }
            if a == 0 { return true }
            i += 1
        }
    }

    var string: String { String(cString: pointer) }
}

/// The attributes of one start tag: libxml2's five pointers per attribute (local name, prefix, URI, value start, value end).
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// The value of the attribute with this local name (any prefix).
    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for i in 0..<count {
            let entry = base + i * 5
            if let local = entry[0], XMLName(pointer: local).is(name), let start = entry[3], let end = entry[4] {
                return UnsafeBufferPointer(start: start, count: end - start)
            }
        }
        return nil
    }

    /// The value of a namespaced attribute with this local name, such as `r:id` under any prefix.
    func namespacedValue(_ name: StaticString) -> String? {
        guard let base else { return nil }
        var fallback: String?
        for i in 0..<count {
            let entry = base + i * 5
            guard let local = entry[0], XMLName(pointer: local).is(name), let start = entry[3], let end = entry[4] else { continue }
            let text = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            if entry[2] != nil { return text }
            fallback = text
        }
        return fallback
    }

    /// Every attribute by local name (for parts small enough that Strings cost nothing).
    var all: [String: String] {
        guard let base else { return [:] }
        var values: [String: String] = [:]
        for i in 0..<count {
            let entry = base + i * 5
            guard let local = entry[0], let start = entry[3], let end = entry[4] else { continue }
            values[String(cString: local)] = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return values
    }

    func string(_ name: StaticString) -> String? {
        value(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `1` or `true` (OOXML booleans), `0`/`false` or absent as false.
    func flag(_ name: StaticString) -> Bool {
        guard let v = value(name), let first = v.first else { return false }
        return first == UInt8(ascii: "1") || first == UInt8(ascii: "t") || first == UInt8(ascii: "T")
    }

    func integer(_ name: StaticString) -> Int? {
        guard let v = value(name), !v.isEmpty else { return nil }
        var n = 0
        for byte in v {
            guard byte >= 48 && byte <= 57 else { return nil }
            n = n &* 10 &+ Int(byte - 48)
            if n > Int(Int32.max) { return nil }
        }
        return n
    }
}

/// libxml2's SAX2 push parser, hardened: no DTD (so no entity expansion and no external entities), no network.
final class XMLPushParser {
    // Unowned: the parser lives inside its handler's reader, and skipping reference counting
    // in the per-event trampolines is a measurable share of parse time.
    private unowned(unsafe) let handler: XMLEventHandler
    private let location: XLSXLocation
    private var context: xmlParserCtxtPtr?
    private var refusedDTD = false

    private static let initialized: Void = { xmlInitParser() }()

    init(handler: XMLEventHandler, location: XLSXLocation) {
        _ = Self.initialized
        self.handler = handler
        self.location = location
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, _, _, _, _, attributeCount, _, attributes in
            Unmanaged<XMLPushParser>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { parser in
                parser.handler.startElement(XMLName(pointer: localname!), XMLAttributes(base: attributes, count: Int(attributeCount)))
                if parser.handler.failed { xmlStopParser(parser.context) }
            }
        }
        sax.endElementNs = { ctx, localname, _, _ in
            Unmanaged<XMLPushParser>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { parser in
                parser.handler.endElement(XMLName(pointer: localname!))
                if parser.handler.failed { xmlStopParser(parser.context) }
            }
        }
        sax.characters = { ctx, bytes, length in
            Unmanaged<XMLPushParser>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { parser in
                parser.handler.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
            }
        }
        sax.cdataBlock = sax.characters
        sax.ignorableWhitespace = sax.characters
        // A DOCTYPE never appears in OOXML; refusing it at once rules out entity bombs and external entities.
        sax.internalSubset = { ctx, _, _, _ in
            let parser = Unmanaged<XMLPushParser>.fromOpaque(ctx!).takeUnretainedValue()
            parser.refusedDTD = true
            xmlStopParser(parser.context)
        }
        sax.entityDecl = { ctx, _, _, _, _, _ in
            let parser = Unmanaged<XMLPushParser>.fromOpaque(ctx!).takeUnretainedValue()
            parser.refusedDTD = true
            xmlStopParser(parser.context)
        }
        // Errors are read from the context after each chunk; this keeps libxml2 from printing them.
        sax.serror = { _, _ in }
        let me = Unmanaged.passUnretained(self).toOpaque()
        context = xmlCreatePushParserCtxt(&sax, me, nil, 0, nil)
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue))
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Parses the next chunk of the part; `final` marks its end.
    func feed(_ bytes: UnsafeRawBufferPointer, final: Bool) throws {
        let status = xmlParseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), final ? 1 : 0)
        if refusedDTD { throw XLSXError.forbiddenDTD(location) }
        if let failure = handler.failure { throw failure }
        if status != 0 {
            var where_ = location
            var detail = "XML error \(status)"
            if let error = xmlCtxtGetLastError(context) {
                where_.line = Int(error.pointee.line)
                if let message = error.pointee.message {
                    detail = String(String(cString: message).reversed().drop { $0.isWhitespace }.reversed())
                }
            }
            throw XLSXError.malformedXML(where_, detail)
        }
    }

    /// Parses a whole part from a stream in fixed-size chunks.
    func parse(_ stream: PartStream, chunkSize: Int = 1 << 18) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = try stream.read(into: buffer.baseAddress!, count: chunkSize)
            try feed(UnsafeRawBufferPointer(rebasing: buffer[..<n]), final: n == 0)
            if n == 0 { return }
        }
    }
}
