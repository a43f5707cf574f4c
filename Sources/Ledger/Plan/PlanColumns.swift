import Table

/// Which column holds which field of a plan: the header vocabulary first, then what the columns hold, which
/// beats it (domain.md 1.3): a leftmost column merged down over its rows is the category, whatever its header
/// says (工作要求 in the seed); a column of bare numbers is numbering; with no task named, the column of
/// sentences is the task.
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

        /// Reading units' returns, where a 存在问题 column is the unit's own problems, never the task.
        public let readsReturns: Bool

        public init(synonyms: [HeaderField: [String]] = [:], readsReturns: Bool = false) {
            self.readsReturns = readsReturns
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

    public init(layout: TableLayout, mergedRanges: [CellArea] = [], vocabulary: Vocabulary = Vocabulary()) {
        headers = layout.headers
        var matches: [Int: HeaderMatch] = [:]
        for (column, text) in layout.headers {
            if let match = vocabulary.match(text) { matches[column] = match }
        }
        let profiles = ColumnProfile.profiles(of: layout, mergedRanges: mergedRanges)
        // A column of bare numbers is numbering, whatever header stands over it (工作任务 merged over 一、… and 1, 2, 3).
        for (column, profile) in profiles where profile.isNumbering && [nil, .seq, .task, .category, .requirement].contains(matches[column]?.field) {
            matches[column] = HeaderMatch(field: .seq, synonym: matches[column]?.synonym ?? "", isExact: false)
        }
        Self.categoryByStructure(&matches, &fields, layout: layout, profiles: profiles)
        Self.settleTwoTaskColumns(&matches, profiles: profiles)
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
        if !vocabulary.readsReturns {
            promoteTask(profiles: profiles)
            finestTask(profiles: profiles, headersFromMerge: layout.headersFromMerge)
        }
    }

    /// A task column merged down over rows, its header only a neighbour's merged over it, or merged over the next
    /// column too (项目名称 over a project and its parts), groups the rows (工作任务 over 一、… and (一)…): the task is
    /// the column of sentences with one value per row, the merged one the category.
    private mutating func finestTask(profiles: [Int: ColumnProfile], headersFromMerge: Set<Int>) {
        // A header that names its own column (the seed's 具体任务 over tasks with several 具体要求) is kept.
        guard let task = fields[.task], profiles[task]?.mergedDown == true,
              headersFromMerge.contains(task) || headers[task] == nil || (headersFromMerge.contains(task + 1) && headers[task + 1] == headers[task])
        else { return }
        let taken = Set(fields.filter { $0.key != .requirement }.values)
        guard let finer = profiles.filter({ $0.key > task && $0.value.isProse && !taken.contains($0.key) }).keys.min() else { return }
        if fields[.requirement] == finer { fields[.requirement] = nil }
        if fields[.category].map({ $0 < task }) ?? true { fields[.category] = task }
        fields[.task] = finer
    }

    /// domain.md 1.3: the leftmost column that could be the category (by its words) is the category when its
    /// values are merged down over rows, or (in a CSV, which has no merges) blank under a value in many rows.
    private static func categoryByStructure(_ matches: inout [Int: HeaderMatch], _ fields: inout [HeaderField: Int],
                                            layout: TableLayout, profiles: [Int: ColumnProfile]) {
        guard let leftmost = layout.headers.keys.sorted().first(where: { [.category, .requirement, .task].contains(matches[$0]?.field) }) else { return }
        func blankBelowValues() -> Bool {
            let blanks = layout.data.reduce(0) { $0 + ($1.text(leftmost) == nil ? 1 : 0) }
            return layout.data.first?.text(leftmost) != nil && blanks * 3 >= layout.data.count
        }
        if profiles[leftmost]?.mergedDown == true || blankBelowValues() {
            fields[.category] = leftmost
            matches[leftmost] = nil
        }
    }

    /// Two columns both named as the task (重点任务 | 工作内容): the one with the longer texts is the task; one to
    /// its left is the category, one to its right the requirement.
    private static func settleTwoTaskColumns(_ matches: inout [Int: HeaderMatch], profiles: [Int: ColumnProfile]) {
        let tasks = matches.filter { $0.value.field == .task && $0.value.alternatives.isEmpty }.map(\.key).sorted()
        guard tasks.count == 2 else { return }
        let task = tasks.max { (profiles[$0]?.averageLength ?? 0) < (profiles[$1]?.averageLength ?? 0) }!
        let other = tasks.first { $0 != task }!
        let field: HeaderField = other < task ? .category : .requirement
        guard !matches.values.contains(where: { $0.field == field }) else { return }
        matches[other]?.field = field
    }

    /// A plan whose headers name no task (重点工作 read as a category, 存在问题 in a 整改 table): the column of
    /// sentences that differ from row to row is the task.
    private mutating func promoteTask(profiles: [Int: ColumnProfile]) {
        // A 整改 table: the problem is the task, the 整改要求 its requirement.
        if fields[.task] == nil, let problems = fields[.problems], profiles[problems]?.isProse == true {
            fields[.problems] = nil
            fields[.task] = problems
            return
        }
        guard fields[.task] == nil, fields[.requirement] == nil else { return }
        let taken = Set(fields.values)
        let candidates = profiles.filter { column, profile in
            profile.isProse && (!taken.contains(column) || fields[.category] == column || fields[.problems] == column)
        }
        guard let column = candidates.max(by: { ($0.value.averageLength, -$0.key) < ($1.value.averageLength, -$1.key) })?.key else { return }
        for (field, assigned) in fields where assigned == column { fields[field] = nil }
        fields[.task] = column
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
