/// The shared-string table as the workbook is written: each new string's `<si>` is streamed into its own
/// compressed part at once, so memory holds only the index from string to number.
final class SharedStringsWriter {
    private var indexes = StringIndex()
    private(set) var references = 0
    private let body: DeflatePipeline
    private var pending: [UInt8] = []

    init(body: DeflatePipeline) {
        self.body = body
        pending.reserveCapacity(1 << 16)
    }

    var uniqueCount: Int { indexes.count }

    /// The index of `text`, adding it on first use.
    func index(of text: String) throws -> Int {
        references += 1
        var text = text
        let (index, inserted) = text.withUTF8 { indexes.insert($0) }
        guard inserted else { return index }
        XMLBytes.append(XMLBytes.needsPreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>", to: &pending)
        XMLBytes.appendText(text, to: &pending)
        XMLBytes.append("</t></si>", to: &pending)
        if pending.count >= 1 << 16 { try body.drain(&pending) }
        return index
    }

    /// The finished part: the head carries the counts, known only now.
    func finish(level: Int32) throws -> StoredPart {
        try body.drain(&pending)
        try body.finish()
        var head: [UInt8] = []
        XMLBytes.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"", to: &head)
        XMLBytes.append(references, to: &head)
        XMLBytes.append("\" uniqueCount=\"", to: &head)
        XMLBytes.append(indexes.count, to: &head)
        XMLBytes.append("\">", to: &head)
        var tail: [UInt8] = []
        XMLBytes.append("</sst>", to: &tail)
        return StoredPart(name: "xl/sharedStrings.xml", head: head, body: body, tail: tail, level: level)
    }
}
