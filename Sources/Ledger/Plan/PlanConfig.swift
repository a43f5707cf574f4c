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
///
/// The same keys may be written in Chinese: 年度, 单位名册, 完成时限: {月前: strict}, 首位为牵头, 表头同义词: {任务: [工作事项]}.
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
            guard let field = HeaderField(rawValue: key) ?? Self.chineseFields[key] ?? HeaderField.allCases.first(where: { $0.displayName == key }) else {
                throw .invalid("表头同义词（synonyms）中的“\(key)”不是已知字段（可用：\(Self.chineseFields.keys.sorted().joined(separator: "、"))，或 \(HeaderField.allCases.map(\.rawValue).joined(separator: ", "))）")
            }
            synonyms[field, default: []] += words
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

    /// Fields named as a clerk names them, for the keys of 表头同义词.
    static let chineseFields: [String: HeaderField] = [
        "序号": .seq, "类别": .category, "工作类别": .category, "任务": .task, "具体任务": .task, "要求": .requirement, "具体要求": .requirement,
        "牵头": .leadUnit, "牵头单位": .leadUnit, "配合": .coopUnit, "配合单位": .coopUnit, "责任单位": .respUnit, "责任领导": .leader,
        "责任人": .person, "时限": .deadline, "完成时限": .deadline, "进展": .progress, "进展情况": .progress, "状态": .status,
        "完成状态": .status, "存在问题": .problems, "下步打算": .nextSteps, "佐证材料": .evidence, "备注": .remarks, "联系人": .contact,
        "完成时间": .completedOn,
    ]

    /// The file's keys, in English or as a clerk writes them (年度, 单位名册, 完成时限: {月前}, 首位为牵头, 表头同义词).
    private struct File: Decodable {
        var year: Int?
        var units: String?
        var deadlines: Deadlines?
        var firstListedIsLead: Bool?
        var synonyms: [String: [String]]?

        struct Deadlines: Decodable {
            var before: String?

            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: AnyKey.self)
                before = try c.first(String.self, ["before", "月前"])
            }
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            year = try c.first(Int.self, ["year", "年度", "计划年度"])
            units = try c.first(String.self, ["units", "单位名册", "名册"])
            deadlines = try c.first(Deadlines.self, ["deadlines", "完成时限", "时限"])
            firstListedIsLead = try c.first(Bool.self, ["firstListedIsLead", "首位为牵头"])
            synonyms = try c.first([String: [String]].self, ["synonyms", "表头同义词", "表头"])
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
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

extension KeyedDecodingContainer {
    /// The value under the first of `keys` the file has.
    fileprivate func first<T: Decodable>(_ type: T.Type, _ keys: [String]) throws -> T? {
        for name in keys {
            guard let key = Key(stringValue: name), contains(key) else { continue }
            return try decode(type, forKey: key)
        }
        return nil
    }
}
