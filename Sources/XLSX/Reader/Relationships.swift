/// One relationship of a part: its id, type and resolved target part.
struct Relationship {
    let id: String
    let type: String
    let target: String
    let external: Bool

    /// The last segment of the type URI, so transitional and strict (purl.oclc.org) types compare equal.
    var kind: Substring { type.split(separator: "/").last ?? "" }
}

/// Parses a `.rels` part; targets are resolved against the part the relationships belong to.
final class RelationshipsHandler: XMLEventHandler {
    private let sourcePart: String
    private(set) var relationships: [Relationship] = []

    init(sourcePart: String) { self.sourcePart = sourcePart }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        guard name.is("Relationship"), let target = attributes.string("Target") else { return }
        let external = attributes.string("TargetMode")?.lowercased() == "external"
        relationships.append(Relationship(
            id: attributes.string("Id") ?? "",
            type: attributes.string("Type") ?? "",
            target: external ? target : PackagePath.resolve(target: target, from: sourcePart),
            external: external))
    }
}
