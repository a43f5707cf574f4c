import Foundation
import Testing
@testable import Ledger

/// Everything about units; `swift test --filter UnitTests` runs all of it.
@Suite("Units")
enum UnitTests {}

/// The registry of domain.md §8.2, exactly as its table gives it.
private let caseRegistry = try! UnitRegistry(yaml: """
    units:
      - {name: 办公室, kind: 科室, aliases: [局办公室, 局办]}
      - {name: 法规科, kind: 科室, aliases: [政策法规科]}
      - {name: 规划科, kind: 科室}
      - {name: 政务科, kind: 科室, aliases: [政务服务科]}
      - {name: 基础科, kind: 科室}
      - {name: 热线科, kind: 科室, aliases: [12345热线科]}
      - {name: 市政务服务大厅管理中心, kind: 局属单位, aliases: [政务服务大厅管理中心, 大厅管理中心, 大厅中心]}
      - {name: 市公共资源交易中心, kind: 局属单位, aliases: [公共资源交易中心, 交易中心]}
    groups:
      - {name: 机关各科室, aliases: [各科室, 局机关各科室], members: [办公室, 法规科, 规划科, 政务科, 基础科, 热线科]}
      - {name: 局属各单位, aliases: [局属单位, 直属各单位], members: [市政务服务大厅管理中心, 市公共资源交易中心]}
      - {name: 全局各单位, members: [机关各科室, 局属各单位]}
    """)

private let sections = ["办公室", "法规科", "规划科", "政务科", "基础科", "热线科"]
private let affiliated = ["市政务服务大厅管理中心", "市公共资源交易中心"]

private func parse(_ cell: String) -> UnitAssignment {
    UnitParser(registry: caseRegistry).parse(cell)
}

/// R=[法规科, 规划科]; primary=法规科 {lead-inferred}: U06–U13 write this with different separators.
private func expectTwoResponsible(_ cell: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let result = parse(cell)
    #expect(result.units(.responsible) == ["法规科", "规划科"], sourceLocation: sourceLocation)
    #expect(result.references.count == 2, sourceLocation: sourceLocation)
    #expect(result.primary == "法规科", sourceLocation: sourceLocation)
    #expect(result.flags == [.leadInferred], sourceLocation: sourceLocation)
}

extension UnitTests {
    @Suite("Unit cells: domain.md §8.2")
    struct Cases {
        @Test("U01 办公室、法规科、规划科、政务科按职能分工落实: responsible, primary 办公室 inferred")
        func u01() {
            let result = parse("办公室、法规科、规划科、政务科按职能分工落实")
            #expect(result.units(.responsible) == ["办公室", "法规科", "规划科", "政务科"])
            #expect(result.references.count == 4)
            #expect(result.primary == "办公室")
            #expect(result.flags == [.leadInferred])
        }

        @Test("U02 局属各单位、机关各科室: both groups expanded via group, no primary, group-only")
        func u02() {
            let result = parse("局属各单位、机关各科室")
            #expect(result.units(.responsible) == affiliated + sections)
            let groups: [String?] = Array(repeating: "局属各单位", count: 2) + Array(repeating: "机关各科室", count: 6)
            #expect(result.references.map(\.viaGroup) == groups)
            #expect(result.primary == nil)
            #expect(result.flags == [.groupOnly])
        }

        @Test("U03 办公室牵头，法规科配合: lead 办公室, cooperating 法规科")
        func u03() {
            let result = parse("办公室牵头，法规科配合")
            #expect(result.units(.lead) == ["办公室"])
            #expect(result.units(.cooperating) == ["法规科"])
            #expect(result.references.count == 2)
            #expect(result.primary == "办公室")
            #expect(result.flags == [])
        }

        @Test("U04 政务科（牵头）、热线科: the bracket marks the lead, the rest cooperate")
        func u04() {
            let result = parse("政务科（牵头）、热线科")
            #expect(result.units(.lead) == ["政务科"])
            #expect(result.units(.cooperating) == ["热线科"])
            #expect(result.primary == "政务科")
            #expect(result.flags == [])
        }

        @Test("U05 政务科(牵头),热线科: half-width brackets and comma")
        func u05() {
            let result = parse("政务科(牵头),热线科")
            #expect(result.units(.lead) == ["政务科"])
            #expect(result.units(.cooperating) == ["热线科"])
            #expect(result.flags == [])
        }

        @Test("U06 法规科,规划科: half-width comma")
        func u06() { expectTwoResponsible("法规科,规划科") }

        @Test("U07 法规科，规划科: full-width comma")
        func u07() { expectTwoResponsible("法规科，规划科") }

        @Test("U08 法规科；规划科: full-width semicolon")
        func u08() { expectTwoResponsible("法规科；规划科") }

        @Test("U09 法规科/规划科: slash")
        func u09() { expectTwoResponsible("法规科/规划科") }

        @Test("U10 法规科 规划科: an ASCII space between two known units separates them")
        func u10() { expectTwoResponsible("法规科 规划科") }

        @Test("U11 法规科　规划科: U+3000 separates them too")
        func u11() { expectTwoResponsible("法规科\u{3000}规划科") }

        @Test("U12 法规科⏎规划科: a line break in the cell")
        func u12() { expectTwoResponsible("法规科\n规划科") }

        @Test("U13 法规科_x000D_⏎规划科: Excel's escaped carriage return before the line break")
        func u13() { expectTwoResponsible("法规科_x000D_\n规划科") }

        @Test("U14 政 务 科: stray spaces inside one name")
        func u14() {
            let result = parse("政 务 科")
            #expect(result.units(.responsible) == ["政务科"])
            #expect(result.references.count == 1)
            #expect(result.primary == "政务科")
            #expect(result.flags == [])
        }

        @Test("U15 政务服务大厅管理中心: alias without the level prefix")
        func u15() {
            #expect(parse("政务服务大厅管理中心").units(.responsible) == ["市政务服务大厅管理中心"])
        }

        @Test("U16 大厅中心: short alias")
        func u16() {
            #expect(parse("大厅中心").units(.responsible) == ["市政务服务大厅管理中心"])
        }

        @Test("U17 交易中心: short alias")
        func u17() {
            let result = parse("交易中心")
            #expect(result.units(.responsible) == ["市公共资源交易中心"])
            #expect(result.flags == [])
        }

        @Test("U18 热线科牵头，局属各单位配合: the group's members cooperate")
        func u18() {
            let result = parse("热线科牵头，局属各单位配合")
            #expect(result.units(.lead) == ["热线科"])
            #expect(result.units(.cooperating) == affiliated)
            #expect(result.references.filter { $0.role == .cooperating }.allSatisfy { $0.viaGroup == "局属各单位" })
            #expect(result.primary == "热线科")
            #expect(result.flags == [])
        }

        @Test("U19 机关各科室: the six sections, group-only")
        func u19() {
            let result = parse("机关各科室")
            #expect(result.units(.responsible) == sections)
            #expect(result.primary == nil)
            #expect(result.flags == [.groupOnly])
        }

        @Test("U20 各科室: a group alias, same as U19")
        func u20() {
            let result = parse("各科室")
            #expect(result.units(.responsible) == sections)
            #expect(result.references.allSatisfy { $0.viaGroup == "机关各科室" })
            #expect(result.flags == [.groupOnly])
        }

        @Test("U21 各有关单位: cannot be expanded, kept unresolved, needs-manual")
        func u21() {
            let result = parse("各有关单位")
            #expect(result.units(.responsible) == [])
            #expect(result.names(.unresolvedGroup) == ["各有关单位"])
            #expect(result.primary == nil)
            #expect(result.flags == [.needsManual])
        }

        // §8.2 lists only {needs-manual}; the decision "first listed unit is the lead" (top of
        // domain.md) also makes 办公室 primary, flagged lead-inferred, since two items are listed.
        @Test("U22 办公室、各有关科室: 办公室 resolved, 各有关科室 unresolved, needs-manual")
        func u22() {
            let result = parse("办公室、各有关科室")
            #expect(result.units(.responsible) == ["办公室"])
            #expect(result.names(.unresolvedGroup) == ["各有关科室"])
            #expect(result.primary == "办公室")
            #expect(result.flags == [.leadInferred, .needsManual])
        }

        @Test("U23 政务科牵头，各县（市、区）配合: the external group is one name, not split at its inner 、")
        func u23() {
            let result = parse("政务科牵头，各县（市、区）配合")
            #expect(result.units(.lead) == ["政务科"])
            #expect(result.units(.cooperating) == [])
            let external = result.references.filter { $0.kind == .externalGroup }
            #expect(external.map(\.name) == ["各县（市、区）"])
            #expect(external.map(\.role) == [.cooperating])
            #expect(result.flags == [])
        }

        @Test("U24 规划科、基础科等: open list, primary 规划科 inferred")
        func u24() {
            let result = parse("规划科、基础科等")
            #expect(result.units(.responsible) == ["规划科", "基础科"])
            #expect(result.primary == "规划科")
            #expect(result.flags == [.leadInferred, .openList])
        }

        @Test("U25 政务科（配合）: cooperating only, no lead")
        func u25() {
            let result = parse("政务科（配合）")
            #expect(result.units(.cooperating) == ["政务科"])
            #expect(result.references.count == 1)
            #expect(result.primary == nil)
            #expect(result.flags == [.noLead])
        }

        @Test("U26 法规科会同规划科: 会同 makes the first lead and the second cooperating")
        func u26() {
            let result = parse("法规科会同规划科")
            #expect(result.units(.lead) == ["法规科"])
            #expect(result.units(.cooperating) == ["规划科"])
            #expect(result.flags == [])
        }

        @Test("U27 办公室、法规科牵头，规划科、政务科配合: joint lead")
        func u27() {
            let result = parse("办公室、法规科牵头，规划科、政务科配合")
            #expect(result.units(.lead) == ["办公室", "法规科"])
            #expect(result.units(.cooperating) == ["规划科", "政务科"])
            #expect(result.primary == "办公室")
            #expect(result.flags == [])
        }

        @Test("U28 牵头单位：基础科；配合单位：热线科: labelled roles")
        func u28() {
            let result = parse("牵头单位：基础科；配合单位：热线科")
            #expect(result.units(.lead) == ["基础科"])
            #expect(result.units(.cooperating) == ["热线科"])
            #expect(result.references.count == 2)
            #expect(result.flags == [])
        }

        @Test("U29 市公共资源交易中心（牵头），市政务服务大厅管理中心: lead by bracket across a comma")
        func u29() {
            let result = parse("市公共资源交易中心（牵头），市政务服务大厅管理中心")
            #expect(result.units(.lead) == ["市公共资源交易中心"])
            #expect(result.units(.cooperating) == ["市政务服务大厅管理中心"])
            #expect(result.flags == [])
        }

        @Test("U30 局机关各科室、局属各单位: all eight units, group-only")
        func u30() {
            let result = parse("局机关各科室、局属各单位")
            #expect(result.units(.responsible) == sections + affiliated)
            #expect(result.flags == [.groupOnly])
        }

        @Test("U31 局属各单位按职责分工负责: the suffix is stripped, group-only")
        func u31() {
            let result = parse("局属各单位按职责分工负责")
            #expect(result.units(.responsible) == affiliated)
            #expect(result.flags == [.groupOnly])
        }

        @Test("U32 信息科: unknown, kept with its name, unknown-unit")
        func u32() {
            let result = parse("信息科")
            #expect(result.units(.responsible) == [])
            #expect(result.names(.unknown) == ["信息科"])
            #expect(result.references.first?.suggestion == nil)
            #expect(result.primary == nil)
            #expect(result.flags == [.unknownUnit])
        }

        @Test("U33 办公室、办公室: kept once, duplicate")
        func u33() {
            let result = parse("办公室、办公室")
            #expect(result.units(.responsible) == ["办公室"])
            #expect(result.references.count == 1)
            #expect(result.primary == "办公室")
            #expect(result.flags == [.duplicate])
        }

        @Test("U34 局办公室牵头，政策法规科、政务服务科配合: aliases resolve to canonical names")
        func u34() {
            let result = parse("局办公室牵头，政策法规科、政务服务科配合")
            #expect(result.units(.lead) == ["办公室"])
            #expect(result.units(.cooperating) == ["法规科", "政务科"])
            #expect(result.flags == [])
        }

        @Test("U35 牵头单位 column 规划科 + 责任单位 column 基础科、热线科: lead and responsible")
        func u35() {
            let parser = UnitParser(registry: caseRegistry)
            for lead in ["规划科", "牵头：规划科"] {
                let result = parser.parse(lead: lead, responsible: "基础科、热线科")
                #expect(result.units(.lead) == ["规划科"])
                #expect(result.units(.responsible) == ["基础科", "热线科"])
                #expect(result.primary == "规划科")
                #expect(result.flags == [])
            }
        }

        // The expected L=[热线科] is the derived lead: §3.2 keeps the roles written in the cell apart
        // from the derived primary unit, so 热线科 keeps its written role (responsible) and is primary.
        @Test("U36 empty 牵头单位 column, 责任单位 column 热线科: the responsible unit acts as lead")
        func u36() {
            let result = UnitParser(registry: caseRegistry).parse(lead: "", responsible: "热线科")
            #expect(result.units(.responsible) == ["热线科"])
            #expect(result.units(.lead) == [])
            #expect(result.primary == "热线科")
            #expect(result.flags == [])
        }
    }
}

extension UnitTests {
    @Suite("Unit cells: the other role forms of §3.2")
    struct RoleForms {
        @Test("A为主，B参与: lead A, cooperating B")
        func mainAndParticipating() {
            let result = parse("法规科为主，规划科参与")
            #expect(result.units(.lead) == ["法规科"])
            #expect(result.units(.cooperating) == ["规划科"])
        }

        @Test("A牵头，各有关部门按职责分工负责: lead A, the unresolved group responsible")
        func leadWithUnresolvedGroup() {
            let result = parse("政务科牵头，各有关部门按职责分工负责")
            #expect(result.units(.lead) == ["政务科"])
            #expect(result.references.last == UnitReference("各有关部门", kind: .unresolvedGroup, role: .responsible))
            #expect(result.flags == [.needsManual])
        }

        @Test("labelled roles on separate lines: 牵头单位：A⏎责任单位：B、C")
        func labelledLines() {
            let result = parse("牵头单位：规划科\n责任单位：基础科、热线科")
            #expect(result.units(.lead) == ["规划科"])
            #expect(result.units(.responsible) == ["基础科", "热线科"])
        }

        @Test("A、B分别负责 and 由A负责: co-equal and single responsible", arguments: [
            ("法规科、规划科分别负责", ["法规科", "规划科"]),
            ("由办公室负责", ["办公室"]),
            ("法规科和规划科按职责分工落实", ["法规科", "规划科"]),
            ("法规科 和 规划科", ["法规科", "规划科"]),
        ])
        func coEqual(cell: String, expected: [String]) {
            #expect(parse(cell).units(.responsible) == expected)
        }

        @Test("first-listed-is-lead switched off: no primary, no flag")
        func firstListedOff() {
            let result = UnitParser(registry: caseRegistry, firstListedIsLead: false).parse("法规科、规划科")
            #expect(result.units(.responsible) == ["法规科", "规划科"])
            #expect(result.primary == nil)
            #expect(result.flags == [])
        }

        @Test("a unit named directly is not repeated by a group that contains it")
        func directBeforeGroup() {
            let result = parse("办公室牵头，机关各科室配合")
            #expect(result.units(.lead) == ["办公室"])
            #expect(result.units(.cooperating) == Array(sections.dropFirst()))
            #expect(result.flags == [])
        }

        @Test("brackets inside a name are never split: 各县（市、区）政府（管委会）")
        func nestedBrackets() {
            let result = parse("各县（市、区）政府（管委会）、各镇（街道）")
            #expect(result.names(.externalGroup) == ["各县（市、区）政府（管委会）", "各镇（街道）"])
        }

        @Test("a name containing 和 stays whole when its halves are not units")
        func joiningWordInsideName() {
            let result = parse("汕尾市政务服务和数据管理局")
            #expect(result.names(.unknown) == ["汕尾市政务服务和数据管理局"])
        }

        @Test("the JSON contract: roles, kinds and flags as fixed strings")
        func json() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(parse("热线科牵头，局属各单位配合，各有关单位参与"))
            let json = String(decoding: data, as: UTF8.self)
            #expect(json.contains(#"{"kind":"unit","name":"热线科","role":"lead"}"#))
            #expect(json.contains(#"{"kind":"unit","name":"市公共资源交易中心","role":"cooperating","viaGroup":"局属各单位"}"#))
            #expect(json.contains(#"{"kind":"unresolved-group","name":"各有关单位","role":"cooperating"}"#))
            #expect(json.contains(#""flags":["needs-manual"]"#))
            #expect(json.contains(#""primary":"热线科""#))
            #expect(UnitRole.allCases.map(\.rawValue) == ["lead", "cooperating", "responsible"])
        }
    }
}

extension UnitTests {
    @Suite("Unit cells of the seed plan, against samples/units.yaml")
    struct Seed {
        static let registry = try! UnitRegistry(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/units.yaml"))

        /// The 牵头落实单位 column of seed/000_641e1b33ad210833.txt, top to bottom.
        static let seedCells = [
            "局属各单位、机关各科室", "局属各单位、机关各科室", "市政务服务大厅管理中心、政务科", "局属各单位、机关各科室",
            "办公室", "办公室、法规科、规划科、政务科按职能分工落实", "机关各科室、局属各单位按职能分工落实",
            "办公室、政务科、法规科、规划科、基础科按职能分工落实",
            "办公室、政务科、法规科、规划科、市公共资源交易中心、市政务服务大厅管理中心按职能分工落实",
            "办公室", "局属各单位、机关各科室", "市政务服务大厅管理中心、政务科、规划科、热线科、基础科按职能分工落实",
            "机关各科室、局属各单位按职能分工落实", "办公室、政务科、基础科按职能分工落实", "办公室、政务科、法规科按职能分工落实",
            "局属各单位、机关各科室", "办公室", "办公室",
        ]

        private func parse(_ cell: String) -> UnitAssignment { UnitParser(registry: Self.registry).parse(cell) }

        @Test("samples/units.yaml: the organisation, 8 units in official order, 3 groups")
        func sampleRegistry() {
            let registry = Self.registry
            #expect(registry.organisation == "汕尾市政务服务数据管理局")
            #expect(registry.units.map(\.name) == sections + affiliated)
            #expect(registry.units.map(\.kind) == Array(repeating: .section, count: 6) + [.affiliated, .affiliated])
            #expect(registry.groups.map(\.name) == ["机关各科室", "局属各单位", "全局各单位"])
            #expect(registry.match("全局各单位") == .group("全局各单位", members: sections + affiliated))
        }

        @Test("局属各单位、机关各科室: the two groups, 局属单位 first as written")
        func groupsInWrittenOrder() {
            let result = parse("局属各单位、机关各科室")
            #expect(result.units(.responsible) == affiliated + sections)
            #expect(result.flags == [.groupOnly])
        }

        @Test("办公室、法规科、规划科、政务科按职能分工落实: four responsible, 办公室 primary")
        func fourSections() {
            let result = parse("办公室、法规科、规划科、政务科按职能分工落实")
            #expect(result.units(.responsible) == ["办公室", "法规科", "规划科", "政务科"])
            #expect(result.primary == "办公室")
            #expect(result.flags == [.leadInferred])
        }

        @Test("市政务服务大厅管理中心、政务科: the centre primary")
        func centreAndSection() {
            let result = parse("市政务服务大厅管理中心、政务科")
            #expect(result.units(.responsible) == ["市政务服务大厅管理中心", "政务科"])
            #expect(result.primary == "市政务服务大厅管理中心")
            #expect(result.flags == [.leadInferred])
        }

        @Test("机关各科室、局属各单位按职能分工落实: all eight, sections first")
        func groupsWithSuffix() {
            let result = parse("机关各科室、局属各单位按职能分工落实")
            #expect(result.units(.responsible) == sections + affiliated)
            #expect(result.references.allSatisfy { $0.viaGroup != nil })
            #expect(result.flags == [.groupOnly])
        }

        @Test("every unit cell of the seed resolves: no unknown name, nothing to decide by hand", arguments: seedCells)
        func everySeedCell(cell: String) {
            let result = parse(cell)
            #expect(!result.references.isEmpty)
            #expect(result.references.allSatisfy { $0.kind == .unit && $0.role == .responsible })
            #expect(!result.has(.unknownUnit) && !result.has(.needsManual) && !result.has(.duplicate))
        }

        @Test("a registry drafted from the seed (units init): units in order of first appearance, groups by kind")
        func drafted() throws {
            let registry = UnitRegistry.inferred(fromUnitCells: Self.seedCells, organisation: "汕尾市政务服务数据管理局", draftingGroups: true)
            #expect(registry.units.map(\.name) == ["市政务服务大厅管理中心", "政务科", "办公室", "法规科", "规划科", "基础科",
                                                   "市公共资源交易中心", "热线科"])
            #expect(registry.units.map(\.kind) == [.affiliated] + Array(repeating: .section, count: 5) + [.affiliated, .section])
            #expect(registry.groups.map(\.name) == ["局属各单位", "机关各科室"])
            #expect(registry.groups[0].members == ["市政务服务大厅管理中心", "市公共资源交易中心"])
            #expect(registry.groups[1].members == ["政务科", "办公室", "法规科", "规划科", "基础科", "热线科"])
            #expect(try UnitRegistry(yaml: registry.yaml()) == registry)
            let result = UnitParser(registry: registry).parse("局属各单位、机关各科室")
            #expect(result.references.count == 8)
        }

        @Test("a registry inferred to read a plan guesses no group's members: 各科室 stays a group, never 办公室 alone")
        func inferredKeepsGroups() throws {
            let registry = UnitRegistry.inferred(fromUnitCells: ["办公室", "各科室", "办公室牵头，各科室配合"])
            #expect(registry.units.map(\.name) == ["办公室"])
            #expect(registry.groups.isEmpty)
            let result = UnitParser(registry: registry).parse("办公室牵头，各科室配合")
            #expect(result.references == [UnitReference("办公室", role: .lead), UnitReference("各科室", kind: .unresolvedGroup, role: .cooperating)])
        }
    }
}

extension UnitTests {
    @Suite("Unit registry")
    struct Registry {
        @Test("YAML round trip: what yaml() writes reads back equal, byte-identical each time")
        func roundTrip() throws {
            let yaml = caseRegistry.yaml()
            #expect(try UnitRegistry(yaml: yaml) == caseRegistry)
            #expect(caseRegistry.yaml() == yaml)
            #expect(yaml.contains("aliases: [局办公室, 局办]"))
            #expect(yaml.contains("members: [办公室, 法规科, 规划科, 政务科, 基础科, 热线科]"))
        }

        @Test("YAML round trip keeps names YAML would read as numbers or bools as strings")
        func quotedScalars() throws {
            let registry = try UnitRegistry(organisation: "2023", units: [Unit("12345", kind: .other, aliases: ["yes", "null"])])
            let yaml = registry.yaml()
            #expect(yaml.contains(#"organisation: "2023""#))
            #expect(try UnitRegistry(yaml: yaml) == registry)
        }

        @Test("aliases, level prefixes and stray spaces find the canonical unit", arguments: [
            ("局办", "办公室"), ("局办公室", "办公室"), ("政策法规科", "法规科"), ("市法规科", "法规科"),
            ("政 务 科", "政务科"), ("１２３４５热线科", "热线科"), ("大厅管理中心", "市政务服务大厅管理中心"),
            ("公共资源交易中心", "市公共资源交易中心"),
        ])
        func aliases(written: String, canonical: String) {
            #expect(caseRegistry.match(written) == .unit(canonical))
        }

        @Test("政务大厅 is an alias in samples/units.yaml")
        func sampleAlias() {
            #expect(UnitTests.Seed.registry.match("政务大厅") == .unit("市政务服务大厅管理中心"))
        }

        @Test("an unknown name gets the closest unit as a suggestion, when one is close", arguments: [
            ("法规科室", "法规科"), ("规划发展科", "规划科"), ("政务服务大厅中心", "市政务服务大厅管理中心"),
            ("热线办", "热线科"),
        ])
        func suggestions(written: String, suggested: String) {
            #expect(caseRegistry.match(written) == .unknown(suggestion: suggested))
        }

        @Test("no suggestion when nothing is close", arguments: ["信息科", "财务审计科", "XYZ"])
        func noSuggestion(written: String) {
            #expect(caseRegistry.match(written) == .unknown(suggestion: nil))
        }

        @Test("the parser carries the suggestion on the unknown reference")
        func suggestionInCell() {
            let result = parse("法规科室牵头，规划科配合")
            #expect(result.references.first == UnitReference("法规科室", kind: .unknown, role: .lead, suggestion: "法规科"))
            #expect(result.primary == nil)
            #expect(result.flags == [.unknownUnit])
        }

        @Test("group terms the registry lacks: external or unresolved by their wording", arguments: [
            ("各县（市、区）", UnitMatch.externalGroup), ("市直有关部门", .externalGroup), ("全区经济运行各专班", .externalGroup),
            ("各有关单位", .unresolvedGroup), ("相关部门", .unresolvedGroup), ("各股室", .unresolvedGroup),
        ])
        func groupTerms(written: String, expected: UnitMatch) {
            #expect(caseRegistry.match(written) == expected)
        }

        @Test("order(of:) gives the official position; unit(named:) follows aliases")
        func order() {
            #expect(caseRegistry.order(of: "局办") == 0)
            #expect(caseRegistry.order(of: "交易中心") == 7)
            #expect(caseRegistry.order(of: "机关各科室") == nil)
            #expect(caseRegistry.unit(named: "大厅中心")?.kind == .affiliated)
        }

        @Test("invalid registries are refused with the reason")
        func invalid() {
            #expect(throws: UnitRegistryError.duplicateName("局办")) {
                try UnitRegistry(units: [Unit("办公室", kind: .section, aliases: ["局办"]), Unit("局办", kind: .section)])
            }
            #expect(throws: UnitRegistryError.unknownMember(group: "机关各科室", member: "信息科")) {
                try UnitRegistry(units: [Unit("办公室", kind: .section)], groups: [UnitGroup("机关各科室", members: ["办公室", "信息科"])])
            }
            #expect(throws: UnitRegistryError.groupCycle("甲组")) {
                try UnitRegistry(units: [], groups: [UnitGroup("甲组", members: ["乙组"]), UnitGroup("乙组", members: ["甲组"])])
            }
            #expect(throws: UnitRegistryError.self) { try UnitRegistry(yaml: "units: [{kind: 科室}]") }
            #expect(throws: UnitRegistryError.self) { try UnitRegistry(yaml: "units: [办公室") }
        }
    }
}
