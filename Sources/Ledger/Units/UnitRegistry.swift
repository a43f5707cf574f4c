import Foundation

/// What kind of unit a registry entry is. Open-ended: a registry file may name its own kinds.
public struct UnitKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// An internal section of the bureau (机关科室).
    public static let section = UnitKind(rawValue: "科室")
    /// A subordinate institution (局属单位: centres, stations).
    public static let affiliated = UnitKind(rawValue: "局属单位")
    /// Outside the bureau (another department, a county government).
    public static let external = UnitKind(rawValue: "外部单位")
    public static let other = UnitKind(rawValue: "其他")

    /// The kind a bare name suggests, for registries inferred from a plan.
    static func guess(_ name: String) -> UnitKind {
        if ["科", "室", "股", "处"].contains(where: name.hasSuffix) { return .section }
        if ["中心", "站", "所", "院", "队", "馆"].contains(where: name.hasSuffix) { return .affiliated }
        return .other
    }

    public var description: String { rawValue }
}

/// One unit, under its canonical name (the one summaries print), with the other names it goes by.
public struct Unit: Hashable, Sendable {
    public var name: String
    public var kind: UnitKind
    public var aliases: [String]

    public init(_ name: String, kind: UnitKind, aliases: [String] = []) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
    }
}

/// A group term (机关各科室, 局属各单位) and the units or groups it stands for.
public struct UnitGroup: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    public var members: [String]

    public init(_ name: String, aliases: [String] = [], members: [String]) {
        self.name = name
        self.aliases = aliases
        self.members = members
    }
}

/// What a name written in a unit cell refers to.
public enum UnitMatch: Hashable, Sendable {
    /// A unit of the registry, by canonical name.
    case unit(String)
    /// A group of the registry and its member units (groups inside it already expanded).
    case group(String, members: [String])
    /// A group outside the bureau (各县（市、区）, 市直有关部门): kept as written.
    case externalGroup
    /// "Whoever is concerned" (各有关单位) or a group term the registry does not define: someone
    /// has to decide by hand who it means.
    case unresolvedGroup
    /// Not a name the registry knows; `suggestion` is the closest canonical name, if any is close.
    case unknown(suggestion: String?)
}

public enum UnitRegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    case emptyName
    case duplicateName(String)
    case unknownMember(group: String, member: String)
    case groupCycle(String)
    case invalidYAML(String)

    public var description: String {
        switch self {
        case .emptyName: "单位名册：有一个单位或分组没有名称。"
        case .duplicateName(let name): "单位名册：名称“\(name)”出现了不止一次（名称和别名都不能重复）。"
        case .unknownMember(let group, let member): "单位名册：分组“\(group)”的成员“\(member)”不是名册里的单位或分组。"
        case .groupCycle(let group): "单位名册：分组“\(group)”直接或间接包含了它自己。"
        case .invalidYAML(let detail): "单位名册文件无法读取：\(detail)"
        }
    }
}

/// The units of one organisation in official (三定) order, their aliases, kinds and groups.
///
/// Matching a written name: normalise (`TextNormalization`, all spaces removed) → exact canonical
/// name or alias → the same after stripping one level prefix (市/区/县/局) on both sides → group
/// terms outside the registry (external or unresolved) → unknown, with a suggestion.
public struct UnitRegistry: Hashable, Sendable {
    public var organisation: String?
    public private(set) var units: [Unit]
    public private(set) var groups: [UnitGroup]

    private enum Entry: Hashable, Sendable { case unit(Int), group(Int) }
    private var exact: [String: Entry] = [:]
    private var byKey: [String: Entry] = [:]

    public static let empty = try! UnitRegistry(units: [])

    public init(organisation: String? = nil, units: [Unit], groups: [UnitGroup] = []) throws(UnitRegistryError) {
        self.organisation = organisation
        self.units = units
        self.groups = groups
        for (index, unit) in units.enumerated() {
            try add([unit.name] + unit.aliases, as: .unit(index))
        }
        for (index, group) in groups.enumerated() {
            try add([group.name] + group.aliases, as: .group(index))
        }
        for group in groups {
            for member in group.members where entry(for: member) == nil {
                throw .unknownMember(group: group.name, member: member)
            }
            _ = try expand(group, visiting: [])
        }
    }

    private mutating func add(_ names: [String], as entry: Entry) throws(UnitRegistryError) {
        for name in names {
            let written = Self.comparable(name)
            guard !written.isEmpty else { throw .emptyName }
            guard exact[written] == nil else { throw .duplicateName(name) }
            exact[written] = entry
            if byKey[Self.key(written)] == nil { byKey[Self.key(written)] = entry }
        }
    }

    // MARK: Looking names up

    /// The unit with this canonical name or alias.
    public func unit(named name: String) -> Unit? {
        if case .unit(let index)? = entry(for: name) { units[index] } else { nil }
    }

    /// The position of a unit in official order, for sorting summaries.
    public func order(of name: String) -> Int? {
        if case .unit(let index)? = entry(for: name) { index } else { nil }
    }

    /// What a name written in a unit cell refers to.
    public func match(_ name: String) -> UnitMatch {
        switch entry(for: name) {
        case .unit(let index)?:
            return .unit(units[index].name)
        case .group(let index)?:
            let members = (try? expand(groups[index], visiting: [])) ?? []
            return .group(groups[index].name, members: members)
        case nil:
            switch GroupTerm(Self.comparable(name)) {
            case .external: return .externalGroup
            case .unresolved, .internalGroup: return .unresolvedGroup
            case nil: return .unknown(suggestion: suggestion(for: name))
            }
        }
    }

    /// Whether a name means something without asking: a unit or group of the registry, or a
    /// group term recognised by its wording.
    func recognises(_ name: String) -> Bool {
        entry(for: name) != nil || GroupTerm(Self.comparable(name)) != nil
    }

    /// The canonical unit name closest to an unknown one, when close enough to be worth asking
    /// about ("法规科室" → 法规科): names and aliases are compared by the characters they share
    /// in order (longest common subsequence), as 2·shared / (both lengths) ≥ 0.6.
    public func suggestion(for name: String) -> String? {
        let written = Array(Self.key(Self.comparable(name)))
        guard !written.isEmpty else { return nil }
        var best: (score: Double, name: String)?
        for unit in units {
            for candidate in [unit.name] + unit.aliases {
                let other = Array(Self.key(Self.comparable(candidate)))
                let shared = Self.commonSubsequenceLength(written, other)
                let score = 2 * Double(shared) / Double(written.count + other.count)
                if score >= 0.6, score > (best?.score ?? 0) { best = (score, unit.name) }
            }
        }
        return best?.name
    }

    private func entry(for name: String) -> Entry? {
        let written = Self.comparable(name)
        return exact[written] ?? byKey[Self.key(written)]
    }

    private func expand(_ group: UnitGroup, visiting: Set<String>) throws(UnitRegistryError) -> [String] {
        guard !visiting.contains(group.name) else { throw .groupCycle(group.name) }
        var result: [String] = []
        for member in group.members {
            switch entry(for: member) {
            case .unit(let index)?: result.append(units[index].name)
            case .group(let index)?: result += try expand(groups[index], visiting: visiting.union([group.name]))
            case nil: break
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    // MARK: Comparison forms

    /// Normalised, in simplified script, with every space removed: the form names are compared in.
    static func comparable(_ name: String) -> String {
        TextNormalization.normalize(SimplifiedScript.convert(name)).filter { !$0.isWhitespace }
    }

    /// `comparable` without one leading level prefix, so 市政务服务大厅管理中心 meets 政务服务大厅管理中心.
    static func key(_ comparable: String) -> String {
        guard let first = comparable.first, "市区县局".contains(first), comparable.count > 2 else { return comparable }
        return String(comparable.dropFirst())
    }

    static func commonSubsequenceLength(_ a: [Character], _ b: [Character]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [0]
            for (j, y) in b.enumerated() {
                current.append(x == y ? previous[j] + 1 : max(previous[j + 1], current[j]))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Group terms recognised by their wording when the registry does not define them (§3.3).
enum GroupTerm {
    /// Outside the bureau: counties, districts, towns, city-level departments, task forces.
    case external
    /// "Whoever is concerned": 各有关单位, 相关部门.
    case unresolved
    /// An internal group (机关各科室, 局属各单位) the registry lacks.
    case internalGroup

    init?(_ name: String) {
        let externalPrefixes = ["各县", "各区", "各市", "各乡", "各镇", "各街道", "市直", "区直", "县直",
                                "省直", "市级", "区级", "县级", "省级", "全市", "全区", "全县"]
        if externalPrefixes.contains(where: name.hasPrefix) || name.contains("专班") {
            self = .external
        } else if name.contains("有关") || name.contains("相关") {
            self = .unresolved
        } else if name.contains("各") || name.hasSuffix("属单位") {
            self = .internalGroup
        } else {
            return nil
        }
    }
}

extension UnitRegistry {
    /// A registry read off a plan's unit cells when no file is given: every name that is not a group term
    /// becomes a unit, in order of first appearance, its kind guessed from its ending (…科 → 科室, …中心 →
    /// 局属单位). Cells are read without a registry, so two units separated only by a space are taken as one.
    ///
    /// Group terms (机关各科室, 各科室) are left out: which units a group holds cannot be read from the table,
    /// and guessing it from the units the table happens to name would send a group's tasks to a few of them.
    /// With `draftingGroups` (for `taizhang units init`, whose file the office edits) internal group terms
    /// become groups of the units of the kind they name (机关各科室 → the 科室, 局属各单位 → the 局属单位,
    /// 全局各单位 → all), for the office to check.
    public static func inferred(fromUnitCells cells: [String], organisation: String? = nil, draftingGroups: Bool = false) -> UnitRegistry {
        let parser = UnitParser(registry: .empty)
        var units: [Unit] = []
        var groupNames: [String] = []
        var seen = Set<String>()
        // Plans repeat their unit cells: a cell met before names no new unit.
        var parsed = Set<TextKey>()
        for cell in cells where parsed.insert(TextKey(cell)).inserted {
            for reference in parser.parse(cell).references where seen.insert(comparable(reference.name)).inserted {
                if reference.kind == .unknown {
                    units.append(Unit(reference.name, kind: .guess(reference.name)))
                } else if draftingGroups, GroupTerm(comparable(reference.name)) == .internalGroup {
                    groupNames.append(reference.name)
                }
            }
        }
        let groups = groupNames.map { name in
            UnitGroup(name, members: units.filter { unit in
                if name.contains("全局") { return true }
                if ["科室", "处室", "股室"].contains(where: name.contains) { return unit.kind == .section }
                if ["属", "中心"].contains(where: name.contains) { return unit.kind == .affiliated }
                return false
            }.map(\.name))
        }
        return (try? UnitRegistry(organisation: organisation, units: units, groups: groups)) ?? .empty
    }
}
