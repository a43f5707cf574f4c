/// Part names and relationship targets, resolved the tolerant way real files need.
enum PackagePath {
    /// Backslashes become slashes, leading slashes and empty or `.` segments go, `..` climbs.
    static func normalize(_ name: String) -> String {
        var segments: [Substring] = []
        for segment in String(name.map { $0 == "\\" ? "/" : $0 }).split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// The folder of a part (`xl` for `xl/workbook.xml`, empty for a root part).
    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// Resolves a relationship target against the part that holds the relationship.
    static func resolve(target: String, from sourcePart: String) -> String {
        let cleaned = String(target.map { $0 == "\\" ? "/" : $0 })
        if cleaned.hasPrefix("/") { return normalize(cleaned) }
        let base = directory(of: sourcePart)
        return normalize(base.isEmpty ? cleaned : base + "/" + cleaned)
    }

    /// The relationships part of a part: `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`.
    static func relationships(of part: String) -> String {
        let base = directory(of: part)
        let file = part.split(separator: "/").last.map(String.init) ?? part
        return normalize((base.isEmpty ? "" : base + "/") + "_rels/" + file + ".rels")
    }
}
