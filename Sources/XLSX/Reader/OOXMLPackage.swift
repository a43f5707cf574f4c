/// Any Office Open XML package (a Word document too), opened with the workbook reader's zip and XML
/// limits, for the other input formats of this package: parts parse into closures with local names.
package final class OOXMLPackage {
    /// One start tag: its local name and attributes by local name (any prefix).
    package struct Element {
        package let name: String
        package let attributes: [String: String]
    }

    private let archive: ZipArchive
    private let limits: ReadLimits
    package var displayName: String { archive.displayName }

    package init(path: String, displayName: String, limits: ReadLimits = .standard) throws {
        archive = try ZipArchive(path: path, displayName: displayName)
        self.limits = limits
    }

    /// Whether the package has a part of this name.
    package func has(_ part: String) -> Bool { archive.entry(named: part) != nil }

    /// Streams a part's start tags, end tags and text to the closures, within the reader's limits.
    package func parse(_ part: String, start: @escaping (Element) -> Void, end: @escaping (String) -> Void,
                       text: @escaping (String) -> Void) throws {
        try Workbook.parse(part, in: archive, limits: limits, with: ClosureHandler(start: start, end: end, text: text))
    }

    /// The targets of a part's relationships by id (`rId5` → `media/image1.png`), resolved against the part.
    package func relationships(of part: String) throws -> [String: String] {
        let relsPart = PackagePath.relationships(of: part)
        guard has(relsPart) else { return [:] }
        let handler = RelationshipsHandler(sourcePart: part)
        try Workbook.parse(relsPart, in: archive, limits: limits, with: handler)
        return Dictionary(handler.relationships.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Hands SAX events to closures, making Strings: for small parts of other formats, not for sheets.
private final class ClosureHandler: XMLEventHandler {
    let start: (OOXMLPackage.Element) -> Void
    let end: (String) -> Void
    let text: (String) -> Void

    init(start: @escaping (OOXMLPackage.Element) -> Void, end: @escaping (String) -> Void, text: @escaping (String) -> Void) {
        self.start = start
        self.end = end
        self.text = text
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        start(OOXMLPackage.Element(name: name.string, attributes: attributes.all))
    }

    override func endElement(_ name: XMLName) { end(name.string) }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) { text(String(decoding: bytes, as: UTF8.self)) }
}
