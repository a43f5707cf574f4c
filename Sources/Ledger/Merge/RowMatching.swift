import Table

/// Finds the plan task a return row is about: by task id, else by text (exact once normalized, then a unique
/// close match, which the caller reports).
struct RowMatcher: Sendable {
    let tasks: [PlanTask]
    private let byId: [String: PlanTask]
    private let byText: [String: PlanTask]

    init(plan: Plan) {
        tasks = plan.tasks
        byId = Dictionary(plan.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        byText = Dictionary(plan.tasks.map { (Self.key($0.task.text, $0.requirement?.text), $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The task of a row with the given id and texts; `fuzzy` when only a close match was found.
    func match(id: String?, task taskText: String?, requirement: String?) -> (task: PlanTask, fuzzy: Bool)? {
        if let id = id?.trimmingWhitespace, let task = byId[id] { return (task, false) }
        // A row whose task cell is empty: in a plan without a task column the requirement is the task.
        guard let written = taskText ?? requirement else { return nil }
        let normalized = Self.comparable(written)
        let requirement = taskText == nil ? nil : requirement.map(Self.comparable)
        if let task = byText[Self.key(normalized, requirement)] { return (task, false) }
        if taskText == nil, let task = tasks.first(where: { $0.requirement.map { Self.comparable($0.text) } == normalized }) { return (task, false) }
        return Self.bestFuzzyMatch(normalized, requirement, in: tasks).map { ($0, true) }
    }

    /// A text as compared: normalized, its outline number ((一), 1.) set aside.
    static func comparable(_ text: String) -> String {
        let normalized = TextNormalization.normalize(text)
        return SectionNumber.parse(normalized).map { TextNormalization.normalize($0.rest) } ?? normalized
    }

    static func key(_ task: String, _ requirement: String?) -> String { task + "\u{1F}" + (requirement ?? "") }

    /// The one plan task whose text is close enough (character-bigram similarity ≥ 0.8, and clearly ahead of the next).
    static func bestFuzzyMatch(_ task: String, _ requirement: String?, in tasks: [PlanTask]) -> PlanTask? {
        let target = bigrams(task + (requirement ?? ""))
        guard !target.isEmpty else { return nil }
        let scored = tasks.map { ($0, similarity(target, bigrams($0.task.text + ($0.requirement?.text ?? "")))) }.sorted { $0.1 > $1.1 }
        guard let best = scored.first, best.1 >= 0.8, scored.count < 2 || best.1 - scored[1].1 >= 0.05 else { return nil }
        return best.0
    }

    static func bigrams(_ text: String) -> [String: Int] {
        let chars = Array(text.filter { !$0.isWhitespace })
        var counts: [String: Int] = [:]
        for i in 0..<max(chars.count - 1, 0) { counts[String(chars[i...(i + 1)]), default: 0] += 1 }
        return counts
    }

    static func similarity(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let shared = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        return total == 0 ? 0 : 2 * Double(shared) / Double(total)
    }
}
