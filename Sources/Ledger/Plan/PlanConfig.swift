import Foundation
@preconcurrency import Yams

/// Per-document settings an office keeps beside its plans (`taizhang.yaml`):
///
/// ```yaml
/// year: 2023                 # the plan year, when neither title nor file name says it
/// units: units.yaml          # the unit registry, relative to this file
/// deadlines:
///   before: loose            # 12月前 = end of December (loose, default) or of November (strict)
/// firstListedIsLead: true    # in a plain list of units the first leads
/// synonyms:                  # more header words for the canonical fields of domain.md 1.1
///   leadUnit: [主抓单位]
///   deadline: [完成节点]
/// ```
public struct PlanConfig: Sendable, Equatable {
    public var year: Int?
    /// The registry file, resolved against the config file's folder.
    public var units: String?
    public var deadlinePolicy = DeadlineParser.Policy()
    public var firstListedIsLead = true
    /// Extra header words by field, added to the built-in vocabulary.
    public var synonyms: [HeaderField: [String]] = [:]

    public init() {}

    public init(yaml: String, folder: String = ".") throws(PlanConfigError) {
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: yaml)
        } catch {
            throw .invalid("\(error)")
        }
        year = file.year
        units = file.units.map { $0.hasPrefix("/") ? $0 : folder + "/" + $0 }
        if let before = file.deadlines?.before {
            guard let reading = DeadlineParser.BeforeReading(rawValue: before) else {
                throw .invalid("deadlines.before 只能是 loose 或 strict，不是“\(before)”")
            }
            deadlinePolicy = DeadlineParser.Policy(before: reading)
        }
        firstListedIsLead = file.firstListedIsLead ?? true
        for (key, words) in file.synonyms ?? [:] {
            guard let field = HeaderField(rawValue: key) else {
                throw .invalid("synonyms 中的“\(key)”不是已知字段（可用：\(HeaderField.allCases.map(\.rawValue).joined(separator: ", "))）")
            }
            synonyms[field] = words
        }
    }

    public init(contentsOf path: String) throws(PlanConfigError) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .unreadable(path) }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        try self.init(yaml: text, folder: folder)
    }

    /// The options these settings give; an explicit year or registry from the command line wins.
    public func options(year explicitYear: Int?, registry explicitRegistry: UnitRegistry?) throws -> PlanOptions {
        var options = PlanOptions(year: explicitYear ?? year, registry: explicitRegistry)
        if options.registry == nil, let units { options.registry = try UnitRegistry(contentsOf: URL(fileURLWithPath: units)) }
        options.deadlinePolicy = deadlinePolicy
        options.firstListedIsLead = firstListedIsLead
        options.synonyms = synonyms
        return options
    }

    private struct File: Decodable {
        var year: Int?
        var units: String?
        var deadlines: Deadlines?
        var firstListedIsLead: Bool?
        var synonyms: [String: [String]]?

        struct Deadlines: Decodable { var before: String? }
    }
}

/// A config file that cannot be used.
public enum PlanConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path)：无法读取配置文件，请检查路径。"
        case .invalid(let detail): "配置文件有误：\(detail)。"
        }
    }
}
