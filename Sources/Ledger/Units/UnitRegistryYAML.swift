import Foundation
@preconcurrency import Yams

/// The registry file (`units.yaml`): the organisation, its units in official order, and its groups.
///
/// ```yaml
/// organisation: 汕尾市政务服务数据管理局
/// units:
///   - name: 办公室
///     kind: 科室
///     aliases: [局办公室, 局办]
/// groups:
///   - name: 机关各科室
///     aliases: [各科室]
///     members: [办公室, 法规科]
/// ```
///
/// `kind` defaults to 其他 and `aliases` to none; a group's members name units or other groups.
extension UnitRegistry {
    public init(yaml: String) throws(UnitRegistryError) {
        let file: RegistryFile
        do {
            file = try YAMLDecoder().decode(RegistryFile.self, from: yaml)
        } catch {
            throw .invalidYAML(Self.describe(error))
        }
        try self.init(
            organisation: file.organisation,
            units: file.units.map { Unit($0.name, kind: $0.kind.map(UnitKind.init) ?? .other, aliases: $0.aliases ?? []) },
            groups: (file.groups ?? []).map { UnitGroup($0.name, aliases: $0.aliases ?? [], members: $0.members) })
    }

    public init(contentsOf url: URL) throws(UnitRegistryError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .invalidYAML("\(url.path)：\(error.localizedDescription)")
        }
        try self.init(yaml: text)
    }

    /// The registry as a `units.yaml` file: block lists of units and groups, names and aliases in
    /// flow lists, Chinese written as is. The same registry always gives the same bytes.
    public func yaml() -> String {
        var root: [(Node, Node)] = []
        if let organisation { root.append(("organisation", Self.scalar(organisation))) }
        root.append(("units", Node(units.map { unit in
            var pairs: [(Node, Node)] = [("name", Self.scalar(unit.name)), ("kind", Self.scalar(unit.kind.rawValue))]
            if !unit.aliases.isEmpty { pairs.append(("aliases", Self.list(unit.aliases))) }
            return Node(pairs)
        })))
        if !groups.isEmpty {
            root.append(("groups", Node(groups.map { group in
                var pairs: [(Node, Node)] = [("name", Self.scalar(group.name))]
                if !group.aliases.isEmpty { pairs.append(("aliases", Self.list(group.aliases))) }
                pairs.append(("members", Self.list(group.members)))
                return Node(pairs)
            })))
        }
        // Serialising a tree of plain strings cannot fail.
        return (try? Yams.serialize(node: Node(root), indent: 2, width: -1, allowUnicode: true)) ?? ""
    }

    /// A string scalar, quoted when YAML would otherwise read it as a number, bool or null.
    private static func scalar(_ text: String) -> Node {
        let plain = Node(text)
        return Resolver.default.resolveTag(of: plain) == .str ? plain : Node(text, .implicit, .doubleQuoted)
    }

    private static func list(_ items: [String]) -> Node {
        Node(items.map(scalar), .implicit, .flow)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "缺少“\(key.stringValue)”（位置：\(path(context))）"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "“\(path(context))”的写法不对：\(context.debugDescription)"
        default:
            String(describing: error)
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "第\($0 + 1)项" } ?? $0.stringValue }.joined(separator: " › ")
    }
}

private struct RegistryFile: Decodable {
    struct UnitEntry: Decodable {
        var name: String
        var kind: String?
        var aliases: [String]?
    }

    struct GroupEntry: Decodable {
        var name: String
        var aliases: [String]?
        var members: [String]
    }

    var organisation: String?
    var units: [UnitEntry]
    var groups: [GroupEntry]?
}
