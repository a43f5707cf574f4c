/// The role a cell gives a unit. The raw values are part of the JSON output.
public enum UnitRole: String, Hashable, Sendable, Codable, CaseIterable {
    /// 牵头: owns the task and consolidates its report.
    case lead
    /// 配合: contributes to the lead's report.
    case cooperating
    /// 责任 / 按职能分工落实: responsible for its own part, no lead written.
    case responsible
}

/// One unit (or group term) a unit cell names, with the role the cell gives it.
public struct UnitReference: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A unit of the registry; `name` is its canonical name.
        case unit
        /// A group outside the registry's organisation (各县（市、区）), kept as written.
        case externalGroup = "external-group"
        /// A group nobody can expand without asking (各有关单位), kept as written.
        case unresolvedGroup = "unresolved-group"
        /// A name the registry does not know.
        case unknown
    }

    /// The canonical name for a unit; for the other kinds, the name as written (normalised, with
    /// Chinese brackets).
    public var name: String
    public var kind: Kind
    public var role: UnitRole
    /// The group term the unit was expanded from (局属各单位), nil when the cell names it directly.
    public var viaGroup: String?
    /// For an unknown name: the closest registry unit, to offer the user.
    public var suggestion: String?

    public init(_ name: String, kind: Kind = .unit, role: UnitRole, viaGroup: String? = nil, suggestion: String? = nil) {
        self.name = name
        self.kind = kind
        self.role = role
        self.viaGroup = viaGroup
        self.suggestion = suggestion
    }
}

/// Something about a unit cell that a person should know or check.
public enum UnitFlag: String, Hashable, Sendable, Codable, CaseIterable {
    /// No lead was written; the first listed unit is taken as the primary one.
    case leadInferred = "lead-inferred"
    /// The list ends in 等: there may be more units than the ones named.
    case openList = "open-list"
    /// A unit was named more than once.
    case duplicate
    /// A name is not in the registry.
    case unknownUnit = "unknown-unit"
    /// Only cooperating units: nobody leads.
    case noLead = "no-lead"
    /// A group term (各有关单位) needs a person to say who it means.
    case needsManual = "needs-manual"
    /// The cell names only groups, so no single unit is primary.
    case groupOnly = "group-only"
}

/// Everything one task's unit cell (or cells) says about who does the work.
///
/// Two facts are kept apart: the roles written in the cell (`references`), and the `primary`
/// unit derived from them that summaries count the task under.
public struct UnitAssignment: Hashable, Sendable, Codable {
    /// In the order the cell names them; groups expanded in the registry's member order.
    public var references: [UnitReference]
    /// The explicit lead, or, when none is written and first-listed-is-lead is on, the first
    /// listed unit; nil when the first listed item is not a single known unit.
    public var primary: String?
    /// In `UnitFlag.allCases` order, each once.
    public var flags: [UnitFlag]

    public init(references: [UnitReference], primary: String?, flags: [UnitFlag]) {
        self.references = references
        self.primary = primary
        self.flags = flags
    }

    /// The registry units with this role, canonical names in order.
    public func units(_ role: UnitRole) -> [String] {
        references.filter { $0.kind == .unit && $0.role == role }.map(\.name)
    }

    /// The units that own the task in every count (汇总, 简报, 未报送): its leads, or, when the table names no
    /// lead (a lone 责任单位 column), its responsible units.
    public var owners: [String] {
        let leads = units(.lead)
        return leads.isEmpty ? units(.responsible) : leads
    }

    /// The names of one role as the plan writes them, a group once by its name rather than member by member.
    public func written(_ role: UnitRole) -> String {
        var names: [String] = []
        for reference in references where reference.role == role {
            let name = reference.viaGroup ?? reference.name
            if !names.contains(name) { names.append(name) }
        }
        return names.joined(separator: "、")
    }

    /// Every reference of this kind, whatever its role.
    public func names(_ kind: UnitReference.Kind) -> [String] {
        references.filter { $0.kind == kind }.map(\.name)
    }

    public func has(_ flag: UnitFlag) -> Bool { flags.contains(flag) }
}
