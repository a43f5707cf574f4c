import Table

/// Which column holds which field of a plan: the header vocabulary first, then the structural rule of
/// domain.md 1.3 that beats it (a leftmost column merged down over its rows is the category, whatever its
/// header says, as 工作要求 in the seed).
public struct PlanColumns: Sendable {
    public private(set) var fields: [HeaderField: Int] = [:]
    /// Header text by column, as written.
    public var headers: [Int: String]

    public subscript(field: HeaderField) -> Int? { fields[field] }

    /// The built-in header vocabulary plus an office's own words, which are tried first. It remembers what
    /// it matched, so that reading two hundred returns with the same header looks each text up once.
    public final class Vocabulary: @unchecked Sendable {
        private var extra: [String: HeaderField] = [:]
        private var known: [String: HeaderMatch?] = [:]

        public init(synonyms: [HeaderField: [String]] = [:]) {
            for (field, words) in synonyms {
                for word in words { extra[HeaderVocabulary.fold(word)] = field }
            }
        }

        public func match(_ header: String) -> HeaderMatch? {
            if let remembered = known[header] { return remembered }
            let folded = HeaderVocabulary.fold(header)
            let found: HeaderMatch?
            if let field = extra[folded] ?? extra[HeaderVocabulary.stripAnnotations(folded).base] {
                found = HeaderMatch(field: field, synonym: folded, isExact: true)
            } else {
                found = HeaderVocabulary.match(header)
            }
            known[header] = found
            return found
        }
    }

    public init(layout: TableLayout, vocabulary: Vocabulary = Vocabulary()) {
        headers = layout.headers
        var matches: [Int: HeaderMatch] = [:]
        for (column, text) in layout.headers {
            if let match = vocabulary.match(text) { matches[column] = match }
        }
        // The leftmost column that could be the category (by its words) is the category when its values are
        // merged down over rows, or (in a CSV, which has no merges) blank under a value in many rows.
        if let leftmost = layout.headers.keys.sorted().first(where: { [.category, .requirement, .task].contains(matches[$0]?.field) }) {
            let merged = layout.data.contains { $0[leftmost]?.filledFromMerge == true }
            func blankBelowValues() -> Bool {
                let blanks = layout.data.reduce(0) { $0 + ($1.text(leftmost) == nil ? 1 : 0) }
                return layout.data.first?.text(leftmost) != nil && blanks * 3 >= layout.data.count
            }
            if merged || blankBelowValues() {
                fields[.category] = leftmost
                matches[leftmost] = nil
            }
        }
        // Of two columns naming one field, a header that names only it wins over one that could be another.
        for column in matches.keys.sorted() {
            guard let match = matches[column], !match.alternatives.isEmpty else { continue }
            let rival = matches.contains { $0.key != column && $0.value.field == match.field && $0.value.alternatives.isEmpty }
            if rival, let other = match.alternatives.first(where: { field in !matches.values.contains { $0.field == field } && fields[field] == nil }) {
                fields[other] = column
                matches[column] = nil
            }
        }
        for column in matches.keys.sorted() {
            guard let match = matches[column] else { continue }
            if fields[match.field] == nil {
                fields[match.field] = column
            } else if let other = match.alternatives.first(where: { fields[$0] == nil }) {
                fields[other] = column
            }
        }
    }

    /// Rows that end the data block: notes, instructions and sign-off lines.
    public static func isFooter(_ text: String) -> Bool {
        // Called for every data row: most first cells are data, told apart by their first character.
        switch text.unicodeScalars.first(where: { !$0.isWhiteSpace }) {
        case "注", "备", "填", "说", "审", "制", "联", "註", "備", "說", "審", "製", "聯": break
        default: return false
        }
        let folded = SimplifiedScript.convert(text.trimmingWhitespace)
        return ["注：", "注:", "备注：", "填表说明", "说明：", "审核人", "填报人", "制表人", "联系人：", "联系电话："].contains { folded.hasPrefix($0) }
    }
}
