/// What the reader needs of `styles.xml`: for each cell style index, whether its number format makes a date or duration.
public struct Styles: Sendable {
    /// Format codes by id, as the file declares them.
    public private(set) var formatCodes: [Int: String] = [:]
    /// The number format id of each cell style (`cellXfs`), by `s` index.
    public private(set) var cellFormatIds: [Int] = []
    private var kinds: [NumberFormatKind] = []

    public init() {}

    /// The kind of number the cell style `index` shows; unknown indexes are plain numbers.
    @inline(__always)
    public func kind(ofStyle index: Int) -> NumberFormatKind {
        index >= 0 && index < kinds.count ? kinds[index] : .number
    }

    /// The built-in number format id of a cell style (below 164), when the file does not redefine it.
    public func builtInFormatId(ofStyle index: Int) -> Int? {
        guard index >= 0 && index < cellFormatIds.count else { return nil }
        let id = cellFormatIds[index]
        return id < 164 && formatCodes[id] == nil ? id : nil
    }

    /// The format code of a cell style, when the file declares one.
    public func formatCode(ofStyle index: Int) -> String? {
        guard index >= 0 && index < cellFormatIds.count else { return nil }
        let id = cellFormatIds[index]
        return formatCodes[id] ?? NumberFormatKind.builtInCode(id)
    }

    mutating func finish() {
        kinds = cellFormatIds.map { id in
            if let code = formatCodes[id] { return NumberFormatKind.classify(code: code) }
            return NumberFormatKind.builtIn(id)
        }
    }

    fileprivate mutating func addFormat(id: Int, code: String) { formatCodes[id] = code }
    fileprivate mutating func addCellFormat(id: Int) { cellFormatIds.append(id) }
}

/// Reads `numFmts` and `cellXfs`; everything else in the part is ignored.
final class StylesHandler: XMLEventHandler {
    private(set) var styles = Styles()
    private var inCellXfs = false
    private var xfDepth = 0

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("numFmt") {
            if let id = attributes.integer("numFmtId"), let code = attributes.string("formatCode") {
                styles.addFormat(id: id, code: code)
            }
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs && name.is("xf") {
            styles.addCellFormat(id: attributes.integer("numFmtId") ?? 0)
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("cellXfs") { inCellXfs = false }
    }
}
