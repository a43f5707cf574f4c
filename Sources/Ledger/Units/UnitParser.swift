/// Reads unit cells ("办公室牵头，法规科配合", "局属各单位、机关各科室") into `UnitAssignment`s.
///
/// The steps, after normalising the text (spaces between CJK characters kept for now):
/// 1. labelled parts ("牵头单位：A；责任单位：B") give their role to what follows the label;
/// 2. clauses split at `，；` and line breaks; "A会同B" makes A lead and B cooperating;
/// 3. peers split at `、/` (never inside brackets); role words at a clause's end ("牵头", "配合",
///    "按职能分工落实", …) apply to the whole clause, a bracket marker ("(牵头)") to its peer only;
/// 4. a peer cut at spaces and 和/及/与 only where that yields names the registry knows, so
///    "法规科 规划科" is two units and "政 务 科" one;
/// 5. names resolved through the registry: groups expanded, unknown names kept with a suggestion;
/// 6. unmarked units cooperate when a lead is written, else are responsible; the primary unit is
///    the first lead, or with `firstListedIsLead` the first listed unit.
public struct UnitParser: Sendable {
    public var registry: UnitRegistry
    /// "First listed unit is the lead" (on by default, §3.2): a per-document switch.
    public var firstListedIsLead: Bool

    public init(registry: UnitRegistry, firstListedIsLead: Bool = true) {
        self.registry = registry
        self.firstListedIsLead = firstListedIsLead
    }

    /// One unit cell whose roles are written in its text (the seed's 牵头落实单位, a 责任单位 column).
    public func parse(_ cell: String) -> UnitAssignment {
        let simplified = SimplifiedScript.convert(cell)
        var draft = Draft()
        let text = TextNormalization.normalize(simplified, joiningCJK: false)
        for (role, part) in Self.labelledParts(text) {
            read(part, role: role, into: &draft)
        }
        return Self.restoring(resolve(draft), from: cell, simplified: simplified)
    }

    /// A table with separate unit columns: plain names in the 牵头单位 column lead, in the
    /// 配合单位 column cooperate, in the 责任单位 column are responsible. With no lead written,
    /// the first responsible unit becomes primary ("responsible acts as lead", §3.2).
    public func parse(lead: String = "", cooperating: String = "", responsible: String = "") -> UnitAssignment {
        var draft = Draft()
        for (cell, role) in [(lead, UnitRole.lead), (cooperating, .cooperating), (responsible, .responsible)] {
            for (labelled, part) in Self.labelledParts(TextNormalization.normalize(SimplifiedScript.convert(cell), joiningCJK: false)) {
                read(part, role: labelled ?? role, into: &draft)
            }
        }
        let original = lead + "\n" + cooperating + "\n" + responsible
        return Self.restoring(resolve(draft), from: original, simplified: SimplifiedScript.convert(original))
    }

    /// Names read from a traditional-script cell, written back as the cell writes them; registry names stay as the registry has them.
    private static func restoring(_ assignment: UnitAssignment, from original: String, simplified: String) -> UnitAssignment {
        guard original != simplified else { return assignment }
        var restored = assignment
        for index in restored.references.indices where restored.references[index].kind != .unit {
            restored.references[index].name = SimplifiedScript.restore(restored.references[index].name, from: original, simplified: simplified)
        }
        return restored
    }

    // MARK: Reading the text

    private struct Mention {
        var name: String
        var role: UnitRole?
    }

    private struct Draft {
        var mentions: [Mention] = []
        var openList = false
    }

    private static let labelRoles: [String: UnitRole] = [
        "牵头": .lead, "主办": .lead, "主责": .lead,
        "配合": .cooperating, "协办": .cooperating, "协助": .cooperating, "参与": .cooperating,
        "责任": .responsible,
    ]

    /// Built once: a regex literal inside the function is compiled again on every call.
    nonisolated(unsafe) private static let label = /(牵头|主办|主责|配合|协办|协助|参与|责任)(?:单位|部门|科室|处室|股室)?\s*:/

    /// The text cut at labels such as "牵头单位:" or "配合部门:", each part with the label's role;
    /// text before the first label has none.
    private static func labelledParts(_ text: String) -> [(UnitRole?, String)] {
        // Most cells have no label at all; skip the regex (whose matching dominates a 100k-task plan) for them.
        guard text.contains(":") else { return [(nil, text)] }
        let label = Self.label
        var parts: [(UnitRole?, String)] = []
        var role: UnitRole?
        var start = text.startIndex
        for match in text.matches(of: label) {
            parts.append((role, String(text[start..<match.range.lowerBound])))
            role = labelRoles[String(match.output.1)]
            start = match.range.upperBound
        }
        parts.append((role, String(text[start...])))
        return parts
    }

    private func read(_ text: String, role: UnitRole?, into draft: inout Draft) {
        for clause in UnitTokenizer.split(text, at: UnitTokenizer.clauseSeparators).map(trimmingWork) {
            if let together = clause.range(of: "会同") {
                readClause(String(clause[..<together.lowerBound]), role: .lead, into: &draft)
                readClause(String(clause[together.upperBound...]), role: .cooperating, into: &draft)
            } else {
                readClause(clause, role: role, into: &draft)
            }
        }
    }

    private func readClause(_ clause: String, role: UnitRole?, into draft: inout Draft) {
        let written = UnitTokenizer.split(clause, at: UnitTokenizer.peerSeparators).flatMap(UnitTokenizer.splittingRunTogether)
        var peers = UnitTokenizer.splittingOpenLists(UnitTokenizer.joiningGroupTerms(written)).map(Peer.init)
        for (index, name) in UnitTokenizer.sharingAffixes(peers.map(\.name)).enumerated() { peers[index].name = name }
        guard let last = peers.last else { return }
        let clauseRole = Self.stronger(role, last.suffixRole)
        for (index, peer) in peers.enumerated() {
            draft.openList = draft.openList || peer.openList
            let peerRole = peer.bracketRole ?? (index == peers.count - 1 ? clauseRole : peer.suffixRole ?? clauseRole)
            for name in segments(peer.name) {
                draft.mentions.append(Mention(name: name, role: peerRole))
            }
        }
    }

    /// "区司法局牵头区级规范性文件集中公开工作", "各成员单位负责做好本单位…": names, a role word, then the work they do.
    /// The clause read is the names and the role word; the work stays in the cell's text, shown with the task. Cut only
    /// where every name before the word reads as an office or a group.
    private func trimmingWork(_ clause: String) -> String {
        for word in ["具体落实", "具体负责", "牵头", "负责", "配合", "协助", "落实"] {
            // The work after the word, not another role word (牵头负责) nor what names the role (牵头单位).
            guard let range = clause.range(of: word), range.lowerBound > clause.startIndex, clause[range.upperBound...].count >= 2,
                  !["负责", "落实", "配合", "单位", "部门", "科室"].contains(where: clause[range.upperBound...].hasPrefix) else { continue }
            let names = String(clause[..<range.lowerBound])
            let peers = UnitTokenizer.split(names, at: UnitTokenizer.peerSeparators)
            guard !peers.isEmpty, peers.allSatisfy({ Self.looksLikeOrganisation($0) || registry.recognises($0) }) else { continue }
            return names + word
        }
        return clause
    }

    /// Lead outranks cooperating outranks responsible: "配合落实" cooperates, "牵头负责" leads.
    private static func stronger(_ a: UnitRole?, _ b: UnitRole?) -> UnitRole? {
        let rank: [UnitRole: Int] = [.responsible: 1, .cooperating: 2, .lead: 3]
        guard let a else { return b }
        guard let b else { return a }
        return rank[a]! >= rank[b]! ? a : b
    }

    /// One peer with its role words, bracket marker, 等 and leading 由 taken off.
    private struct Peer {
        var name: String
        var suffixRole: UnitRole?
        var bracketRole: UnitRole?
        var openList = false

        static let roleSuffixes: [(String, UnitRole)] = [
            ("按职能分工落实", .responsible), ("按职责分工落实", .responsible), ("按职责分工负责", .responsible),
            ("按职能分工负责", .responsible), ("分工负责", .responsible), ("分别负责", .responsible), ("具体落实", .responsible),
            ("具体负责", .responsible),
            ("分别落实", .responsible), ("负责", .responsible), ("落实", .responsible),
            ("牵头", .lead), ("为主", .lead), ("主办", .lead), ("主责", .lead),
            ("配合", .cooperating), ("参与", .cooperating), ("协助", .cooperating), ("协办", .cooperating),
            ("协同", .cooperating),
        ].sorted { $0.0.count > $1.0.count }
        static let openListSuffixes = ["等单位", "等部门", "等科室", "等处室", "等"]

        init(_ text: String) {
            var name = text
            if name.hasPrefix("由"), name.count > 2 { name.removeFirst() }
            while true {
                name = name.trimmingCharacters(in: .whitespaces)
                if let last = name.last, "。.．!！".contains(last) {
                    // Prose copied into a cell ends its list with a full stop ("市发展改革委。").
                    name.removeLast()
                } else if let (suffix, role) = Self.roleSuffixes.first(where: { name.hasSuffix($0.0) }) {
                    name.removeLast(suffix.count)
                    suffixRole = UnitParser.stronger(suffixRole, role)
                } else if let suffix = Self.openListSuffixes.first(where: name.hasSuffix) {
                    name.removeLast(suffix.count)
                    openList = true
                } else if name.hasSuffix(")"), let open = name.lastIndex(of: "("),
                          let role = Self.bracketMarker(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                    name = String(name[..<open])
                    bracketRole = role
                } else if name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex,
                          Self.isNote(name[name.index(after: open)..<name.index(before: name.endIndex)])
                            || Self.isOtherName(name[name.index(after: open)..<name.index(before: name.endIndex)], of: name[..<open]) {
                    // "市财政局(第一责任单位为牵头单位,下同)": a note to the reader, not part of the name.
                    name = String(name[..<open])
                } else {
                    break
                }
            }
            self.name = name
        }

        /// A bracket that explains rather than names: long, or with words no name holds (各县(市、区) is a name).
        static func isNote(_ inner: Substring) -> Bool {
            inner.count > 8 || ["下同", "为牵头", "为主", "负责", "单位为", "含", "代建", "代管", "承建", "配建"].contains { inner.contains($0) }
        }

        /// The office's other name in brackets (市安委办(工作专班办公室), 区人社局(区委人才办)): both read as offices and the
        /// one outside is no group, so the bracket is a note. A place (高新园(邹区镇)) or a group's part (各县(市、区)政府
        /// (管委会)) is not.
        static func isOtherName(_ inner: Substring, of outside: Substring) -> Bool {
            let before = outside.trimmingCharacters(in: .whitespaces)
            return UnitParser.looksLikeOrganisation(String(inner)) && UnitParser.looksLikeOrganisation(before)
                && GroupTerm(UnitRegistry.comparable(before)) == nil && !before.contains("(") && !before.contains("（")
        }

        /// "牵头", "配合单位", "负责": the role a bracket after a name gives it.
        static func bracketMarker(_ inner: Substring) -> UnitRole? {
            var word = inner.trimmingCharacters(in: .whitespaces)
            for suffix in ["单位", "部门"] where word.hasSuffix(suffix) { word.removeLast(suffix.count) }
            return roleSuffixes.first { $0.0 == word }?.1 ?? UnitParser.labelRoles[word]
        }
    }

    /// The names in one peer: cut at spaces and 和/及/与 where that leaves fewer characters in
    /// names the registry does not know, else (and on a tie) kept whole.
    private func segments(_ peer: String) -> [String] {
        let (pieces, joins) = UnitTokenizer.candidatePieces(peer)
        guard pieces.count > 1, pieces.count <= 16 else { return peer.isEmpty ? [] : [peer] }
        func text(_ range: Range<Int>) -> String {
            range.dropFirst().reduce(pieces[range.lowerBound]) { $0 + joins[$1 - 1] + pieces[$1] }
        }
        // best[j]: the cheapest cut of pieces[0..<j] as (unknown characters, names, last start).
        var best: [(unknown: Int, names: Int, start: Int)?] = Array(repeating: nil, count: pieces.count + 1)
        best[0] = (0, 0, 0)
        for end in 1...pieces.count {
            for start in 0..<end {
                guard let before = best[start] else { continue }
                let name = text(start..<end)
                // Without the registry, only spaces cut between names that read as offices: 和 stays inside 区发展和改革局.
                let spaced = start + 1 == end && (start == 0 || joins[start - 1].isEmpty) && (end == pieces.count || joins[end - 1].isEmpty)
                let unknown = registry.recognises(name) || (spaced && Self.looksLikeOrganisation(name))
                    ? 0 : pieces[start..<end].reduce(0) { $0 + $1.count }
                let candidate = (unknown: before.unknown + unknown, names: before.names + 1, start: start)
                if let current = best[end], (current.unknown, current.names) <= (candidate.unknown, candidate.names) { continue }
                best[end] = candidate
            }
        }
        var names: [String] = []
        var end = pieces.count
        while end > 0, let step = best[end] {
            names.insert(text(step.start..<end), at: 0)
            end = step.start
        }
        // Two group terms joined (市级各有关部门及各县市区政府) read as one by their wording: they are two when every
        // piece is one on its own, as a name the registry knows or a group term; 各县(市、区)党委和人民政府 stays whole.
        if names == [peer], registry.unit(named: peer) == nil, joins.allSatisfy({ !$0.isEmpty }), pieces.allSatisfy(registry.recognises) {
            return pieces
        }
        return names
    }

    /// A name that reads as an office on its own, for cutting at spaces without a registry ("示范区自贸办
    /// 示范区工业商务局"): at least three characters, ending in a word offices end in. 市政务服务 (before 和) is not.
    static func looksLikeOrganisation(_ name: String) -> Bool {
        name.count >= 3 && organisationEndings.contains { name.hasSuffix($0) }
    }

    static let organisationEndings = ["局", "委", "办", "厅", "院", "所", "站", "队", "中心", "公司", "集团", "政府", "管委会", "部",
                                      "科", "室", "处", "股", "馆", "协会", "联合会", "学会", "银行", "支行", "海关", "法院", "检察院"]

    // MARK: Resolving names and roles

    private func resolve(_ draft: Draft) -> UnitAssignment {
        var flags: Set<UnitFlag> = draft.openList ? [.openList] : []
        let hasLead = draft.mentions.contains { $0.role == .lead }
        let matches = draft.mentions.map { registry.match($0.name) }
        let named = Set(matches.compactMap { if case .unit(let name) = $0 { name } else { nil } })

        var references: [UnitReference] = []
        var listed: [(role: UnitRole, match: UnitMatch)] = []
        var seen = Set<String>()
        for (mention, match) in zip(draft.mentions, matches) {
            let role = mention.role ?? (hasLead ? .cooperating : .responsible)
            let written = Self.display(mention.name)
            let identity: String
            switch match {
            case .unit(let name), .group(let name, _): identity = name
            default: identity = written
            }
            guard seen.insert(identity).inserted else {
                flags.insert(.duplicate)
                continue
            }
            listed.append((role, match))
            switch match {
            case .unit(let name):
                references.append(UnitReference(name, role: role))
            case .group(let group, let members):
                for member in members where !named.contains(member) && seen.insert(member).inserted {
                    references.append(UnitReference(member, role: role, viaGroup: group))
                }
            case .externalGroup:
                references.append(UnitReference(written, kind: .externalGroup, role: role))
            case .unresolvedGroup:
                references.append(UnitReference(written, kind: .unresolvedGroup, role: role))
                flags.insert(.needsManual)
            case .unknown(let suggestion):
                references.append(UnitReference(written, kind: .unknown, role: role, suggestion: suggestion))
                flags.insert(.unknownUnit)
            }
        }

        var primary: String?
        if hasLead {
            primary = listed.lazy.compactMap { item -> String? in
                if item.role == .lead, case .unit(let name) = item.match { name } else { nil }
            }.first
        } else if firstListedIsLead {
            let responsible = listed.filter { $0.role == .responsible }
            if case .unit(let name)? = responsible.first?.match {
                primary = name
                if responsible.count > 1 { flags.insert(.leadInferred) }
            }
        }
        if !references.isEmpty, !references.contains(where: { $0.role != .cooperating }) {
            flags.insert(.noLead)
        }
        let groupsOnly = !listed.contains { if case .unit = $0.match { true } else { false } }
        if groupsOnly, references.contains(where: { $0.viaGroup != nil }) {
            flags.insert(.groupOnly)
        }
        return UnitAssignment(references: references, primary: primary,
                              flags: UnitFlag.allCases.filter(flags.contains))
    }

    /// A name as written, for group terms and unknown names: stray CJK spaces removed, Chinese
    /// brackets ("各县（市、区）").
    private static func display(_ name: String) -> String {
        String(TextNormalization.normalize(name).map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
    }
}
