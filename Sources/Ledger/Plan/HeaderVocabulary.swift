import Foundation

/// The canonical fields a column header can name (domain.md §1.1). Raw values are §1.1's keys, plus `taskId`.
public enum HeaderField: String, CaseIterable, Codable, Sendable {
    case seq, taskId, category, task, requirement, leadUnit, coopUnit, respUnit, leader, person, deadline, milestones,
         progress, status, percent, problems, nextSteps, evidence, remarks, contact, completedOn, source

    /// The header Taizhang writes in its own templates.
    public var displayName: String {
        switch self {
        case .seq: "序号"
        case .taskId: "任务编号"
        case .category: "工作类别"
        case .task: "具体任务"
        case .requirement: "具体要求/措施"
        case .leadUnit: "牵头单位"
        case .coopUnit: "配合单位"
        case .respUnit: "责任单位"
        case .leader: "责任领导"
        case .person: "责任人"
        case .deadline: "完成时限"
        case .milestones: "序时进度"
        case .progress: "进展情况"
        case .status: "完成状态"
        case .percent: "完成进度(%)"
        case .problems: "存在问题"
        case .nextSteps: "下步措施"
        case .evidence: "佐证材料"
        case .remarks: "备注"
        case .contact: "联系人"
        case .completedOn: "实际完成时间"
        case .source: "任务来源"
        }
    }

    /// The headers of §1.1 that name this field. Some words name two fields (工作要求, 工作任务, 存在问题, 时间节点);
    /// `HeaderMatch.alternatives` lists the other one and §1.3's structural rules choose.
    ///
    /// 任务编号 names `taskId`, the stable id Taizhang writes into its templates, rather than `seq` as in §1.1;
    /// a caller that finds plain numbering (1, 1.1, 一) under it should treat the column as `seq`.
    /// 完成时间 names the deadline, as in §1.1: in plans it holds 完成时限; the actual date is `completedOn`.
    /// 进展 alone is added for headers such as "截至6月底进展".
    public var synonyms: [String] {
        switch self {
        case .seq: ["序号", "序 号", "编号", "序列号", "项次", "NO.", "No", "事项编号"]
        case .taskId: ["任务编号", "任务ID"]
        case .category: ["工作类别", "工作要求", "工作任务", "重点工作", "工作事项", "类别", "板块", "领域", "方面", "工作目标",
                         "主要目标", "专项", "一级任务", "分类", "任务类别", "工作板块"]
        case .task: ["具体任务", "工作任务", "重点任务", "任务名称", "任务内容", "工作内容", "主要任务", "具体工作", "工作要点",
                     "目标任务", "督办事项", "事项名称", "项目名称", "问题描述", "存在问题", "问题清单",
                     "任务", "具体内容", "主要内容", "工作内容", "事项", "重点事项", "重点工作任务", "重点工作内容", "民生实事",
                     "实事项目", "指标名称", "指标", "问题", "整改问题", "反馈问题", "项目", "重点项目", "任务事项", "内容", "主要工作",
                     "建设内容"]
        case .requirement: ["具体要求", "工作要求", "具体措施", "工作措施", "主要措施", "推进措施", "落实措施", "工作举措",
                            "实施步骤", "目标要求", "完成标准", "验收标准", "预期成效", "成果形式", "整改措施",
                            "目标", "预期目标", "整改要求", "整改目标", "细化措施", "主要举措", "工作举措及目标", "具体举措"]
        case .leadUnit: ["牵头单位", "牵头落实单位", "牵头部门", "牵头科室", "牵头处室", "牵头股室", "主责单位", "主办单位",
                         "牵头责任单位", "主要责任单位", "责任单位（牵头）", "承办单位", "牵头负责单位", "第一责任单位",
                         "责任(牵头)单位", "责任(牵头)部门"]
        case .coopUnit: ["配合单位", "配合部门", "配合科室", "协办单位", "协同单位", "协同责任单位", "参与单位", "协助单位",
                         "会办单位", "责任单位（配合）", "协同配合单位", "配合责任单位", "参与部门", "协同部门"]
        case .respUnit: ["责任单位", "责任部门", "责任科室", "责任处室", "责任股室", "落实单位", "实施单位", "执行单位", "责任主体",
                         "负责单位", "负责部门", "负责科室", "负责处室", "承担单位", "实施主体", "业主单位", "建设单位"]
        case .leader: ["责任领导", "分管领导", "牵头领导", "包保领导", "责任局领导", "督办领导", "牵头负责领导", "联系领导",
                       "负责领导", "包联领导", "分管负责同志", "牵头县领导", "牵头区领导", "牵头市领导"]
        case .person: ["责任人", "具体责任人", "经办人", "承办人", "负责人", "直接责任人", "联络员"]
        case .deadline: ["完成时限", "完成时间", "时限要求", "时限", "时间节点", "截止时间", "完成期限", "办结时限", "整改时限",
                         "计划完成时间", "时间安排", "进度安排", "推进时限", "节点时间", "时间进度", "时间要求",
                         "完成时限要求", "完成时间节点", "办理时限"]
        case .milestones: ["序时进度", "月度计划", "季度目标", "阶段目标", "时间节点"]
        case .progress: ["进展情况", "落实情况", "完成情况", "推进情况", "工作进展", "进度情况", "目前进展", "工作推进情况",
                         "执行情况", "办理情况", "整改情况", "整改进展", "工作开展情况", "本月进展", "累计完成情况", "进展"]
        case .status: ["完成状态", "状态", "进度状态", "推进状态", "是否完成", "办理状态", "整改状态", "是否销号", "销号情况",
                       "亮灯情况", "预警等级", "评价"]
        case .percent: ["完成进度", "完成比例", "完成率", "进度(%)"]
        case .problems: ["存在问题", "存在的问题及困难", "困难和问题", "问题及建议", "滞后原因", "未完成原因", "延期原因"]
        case .nextSteps: ["下一步工作计划", "下步措施", "下步打算", "下一步工作安排"]
        case .evidence: ["佐证材料", "证明材料", "支撑材料", "印证材料", "佐证资料", "相关材料", "附件", "成效材料", "整改佐证",
                         "台账资料"]
        case .remarks: ["备注", "说明", "备注说明", "其他"]
        case .contact: ["联系人", "联系电话", "联系方式", "联系人及电话", "手机", "填报人", "审核人"]
        case .completedOn: ["实际完成时间", "完成日期", "办结时间"]
        case .source: ["任务来源", "交办来源", "文件依据", "依据"]
        }
    }

    /// One of the unit fields: 牵头, 配合 or 责任单位.
    public var isUnit: Bool { self == .leadUnit || self == .coopUnit || self == .respUnit }
}

/// What a header cell's text names, and what the structural rules of domain.md §1.3 need to know about it.
public struct HeaderMatch: Equatable, Sendable {
    public var field: HeaderField
    /// The vocabulary word that matched, normalised ("牵头落实单位", "责任单位(牵头)").
    public var synonym: String
    /// False when the word was only found inside a longer header: ask the user once, then remember the mapping.
    public var isExact: Bool
    /// Other fields the same word names (工作要求 → `category`): a leftmost, vertically merged column is `category`.
    public var alternatives: [HeaderField] = []
    /// For a flattened two-row header "parent/child", the field the parent names ("责任单位/牵头" → `respUnit`).
    /// A single cell written "牵头单位/配合单位" arrives the same way: when the caller did not flatten it,
    /// a parent that differs from `field` means a combined column.
    public var parent: HeaderField? = nil
    /// Trailing bracketed notes removed before matching ("截至6月底", "%", "必填"), and a period child ("1月").
    public var annotations: [String] = []
    /// The fields a header joins with 及, 和, 与 or 、 ("责任单位及责任人" → [respUnit, person]): split the values, flag.
    public var combined: [HeaderField] = []

    /// The annotation that names a period ("截至6月底", "一季度"); turning it into a date needs the plan year.
    public var periodHint: String? {
        annotations.first(where: HeaderMatch.namesPeriod)
    }

    static func namesPeriod(_ note: String) -> Bool {
        ["截至", "截止", "月", "季度", "半年", "年"].contains { note.contains($0) }
    }
}

/// Header text → canonical field, per the normalisation and lexical matching of domain.md §1.2.
/// The structural rules of §1.3 need the grid and are applied by the caller, using `HeaderMatch`.
public enum HeaderVocabulary {
    /// The field a header cell names, or nil. Matching order: exact synonym (with, then without, trailing
    /// annotations) → "parent/child" → words joined by 及/和/与/、 → the longest synonym inside the header
    /// (`isExact` false) → a period name ("1月", "一季度") as a per-period `milestones` column.
    /// Fuzzy suggestions are not made here.
    public static func match(_ header: String) -> HeaderMatch? {
        // No header is long; a long text is a task or a note, and searching it for every synonym is costly.
        guard header.unicodeScalars.count <= 40 else { return nil }
        let full = fold(header)
        guard !full.isEmpty else { return nil }
        if let found = exact(full) { return found }
        let (base, annotations) = stripAnnotations(full)
        if var found = exact(base) ?? parentChild(base) ?? combinedOrContained(base) ?? unitByParts(base) {
            found.annotations += annotations
            return found
        }
        if periods.contains(base) { return HeaderMatch(field: .milestones, synonym: base, isExact: true, annotations: annotations) }
        // "2022年预期目标", "2023年工作任务": the year is the table's, the rest names the column.
        if let year = base.firstMatch(of: /^(?:19|20)\d\d年(?:度)?/), year.range.upperBound < base.endIndex, var found = match(String(base[year.range.upperBound...])) {
            found.annotations.insert(String(base[year.range]), at: 0)
            return found
        }
        return nil
    }

    /// §1.2 steps 1–2 and the edges of step 3: simplified script, NFKC, one bracket style "()", no whitespace of any kind, zero-width
    /// characters or `_x000D_`, Latin letters lowercased, no trailing ":" and no "*" marking a required column.
    public static func fold(_ header: String) -> String {
        let nfkc = SimplifiedScript.convert(header).replacingOccurrences(of: "_x000D_", with: "", options: .caseInsensitive)
            .precomposedStringWithCompatibilityMapping.lowercased()
        var text = ""
        for scalar in nfkc.unicodeScalars where !scalar.properties.isWhitespace && !zeroWidth.contains(scalar) {
            switch scalar {
            case "【", "[", "〔": text.append("(")
            case "】", "]", "〕": text.append(")")
            default: text.unicodeScalars.append(scalar)
            }
        }
        while let last = text.last, last == ":" || last == "*" { text.removeLast() }
        while text.first == "*" { text.removeFirst() }
        return text
    }

    /// §1.2 step 3–4: trailing bracketed annotations come off, in order; role brackets (牵头, 配合…) stay.
    public static func stripAnnotations(_ folded: String) -> (base: String, annotations: [String]) {
        var base = folded
        var annotations: [String] = []
        while base.last == ")", let open = base.lastIndex(of: "("), open > base.startIndex {
            let inner = String(base[base.index(after: open)..<base.index(before: base.endIndex)])
            guard roles[inner] == nil else { break }
            annotations.insert(inner, at: 0)
            base = String(base[..<open])
        }
        return (base, annotations)
    }

    // MARK: Matching steps

    private static func exact(_ text: String) -> HeaderMatch? {
        guard let fields = index[text] else { return nil }
        return HeaderMatch(field: fields[0], synonym: text, isExact: true, alternatives: Array(fields.dropFirst()))
    }

    /// "责任单位/牵头" is a lead unit; "完成情况/完成状态" is the status; "序时进度/1月" is the milestones of January.
    private static func parentChild(_ text: String) -> HeaderMatch? {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let parentText = String(text[..<slash]), child = String(text[text.index(after: slash)...])
        guard !parentText.isEmpty, !child.isEmpty else { return nil }
        let parent = match(parentText)
        if let role = roles[child], let parent, parent.field.isUnit {
            return HeaderMatch(field: role, synonym: parent.synonym, isExact: parent.isExact, parent: parent.field)
        }
        if !periods.contains(child), var found = match(child) {
            found.parent = parent?.field
            return found
        }
        guard var found = parent else { return nil }
        found.parent = found.field
        found.annotations.append(child)
        return found
    }

    /// "责任单位及责任人" names two fields; otherwise the longest synonym inside the header names one.
    private static func combinedOrContained(_ text: String) -> HeaderMatch? {
        let parts = text.split(whereSeparator: { "及和与、&+".contains($0) }).map(String.init)
        if parts.count >= 2 {
            let found = parts.compactMap { exact($0) ?? contained($0) }
            var fields: [HeaderField] = []
            for match in found where !fields.contains(match.field) { fields.append(match.field) }
            if fields.count >= 2, var first = found.first {
                first.isExact = false
                first.combined = fields
                return first
            }
        }
        guard var found = contained(text) else { return nil }
        if found.field.isUnit, let role = roles.first(where: { text.contains("(\($0.key))") })?.value { found.field = role }
        return found
    }

    /// A role word and a kind of office, in any pairing the list does not hold: 配合处室, 协办部室, 主办股室, 落实机构.
    private static func unitByParts(_ text: String) -> HeaderMatch? {
        guard let kind = ["单位", "部门", "科室", "处室", "股室", "部室", "局室", "机构", "主体"].first(where: text.hasSuffix) else { return nil }
        let role = String(text.dropLast(kind.count))
        let fields: [String: HeaderField] = ["牵头": .leadUnit, "主办": .leadUnit, "主责": .leadUnit, "承办": .leadUnit, "牵头负责": .leadUnit,
                                             "配合": .coopUnit, "协办": .coopUnit, "协同": .coopUnit, "协助": .coopUnit, "参与": .coopUnit,
                                             "会办": .coopUnit, "责任": .respUnit, "负责": .respUnit, "落实": .respUnit, "实施": .respUnit,
                                             "承担": .respUnit, "执行": .respUnit]
        return fields[role].map { HeaderMatch(field: $0, synonym: text, isExact: false) }
    }

    /// The longest synonym inside the text (the earliest among equals); what stands before it, if it names a
    /// period ("截至6月底进展"), becomes an annotation.
    private static func contained(_ text: String) -> HeaderMatch? {
        var best: (word: String, at: String.Index)?
        // Only words whose first character is in the text can be in it: the header scan tries every cell of
        // the first rows, most of them task texts, against a few hundred words.
        let present = Set(text.unicodeScalars)
        for word in containable where present.contains(word.unicodeScalars.first!) {
            guard let range = text.range(of: word) else { continue }
            if best == nil || word.count > best!.word.count
                || (word.count == best!.word.count && range.lowerBound < best!.at) { best = (word, range.lowerBound) }
        }
        guard let best, let fields = index[best.word] else { return nil }
        var found = HeaderMatch(field: fields[0], synonym: best.word, isExact: false, alternatives: Array(fields.dropFirst()))
        let before = String(text[..<best.at])
        if HeaderMatch.namesPeriod(before) { found.annotations = [before] }
        return found
    }

    // MARK: Tables

    /// Folded synonym and display name → the fields it names, the lexical default first.
    private static let index: [String: [HeaderField]] = {
        var index: [String: [HeaderField]] = [:]
        for field in HeaderField.allCases {
            for word in field.synonyms + [field.displayName] where index[fold(word), default: []].contains(field) == false {
                index[fold(word), default: []].append(field)
            }
        }
        // Without the grid, a word that also names a group reads as the finer field; 存在问题 in a return is a
        // problems column more often than the task of a 整改台账; 时间节点 is a deadline more often than milestones.
        for (word, preferred) in ["工作要求": HeaderField.requirement, "工作任务": .task, "存在问题": .problems, "时间节点": .deadline] {
            index[word] = [preferred] + index[word, default: []].filter { $0 != preferred }
        }
        return index
    }()

    /// Synonyms looked for inside longer headers: not the Latin ones ("no" is inside too many words), nor the
    /// bare words that name a field only on their own (问题 inside 存在的问题 is not a task).
    private static let containable: [String] = index.keys.filter { word in !word.allSatisfy(\.isASCII) && !exactOnly.contains(word) }.sorted()

    private static let exactOnly: Set<String> = ["任务", "问题", "目标", "事项", "指标", "项目", "分类", "内容"]

    /// Role words in brackets or as the child of a two-row header.
    private static let roles: [String: HeaderField] = ["牵头": .leadUnit, "主办": .leadUnit, "配合": .coopUnit,
                                                        "协办": .coopUnit, "协同": .coopUnit, "参与": .coopUnit]

    /// Period column names: 1月…12月, 一月…十二月, 1季度…4季度, 一季度…四季度 (with or without 第), q1…q4, 上半年, 下半年.
    private static let periods: Set<String> = {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
        var names: Set<String> = ["上半年", "下半年"]
        for month in 1...12 {
            for name in ["\(month)", numerals[month - 1]] { names.formUnion(["\(name)月", "\(name)月份"]) }
        }
        for quarter in 1...4 {
            for name in ["\(quarter)", numerals[quarter - 1]] { names.formUnion(["\(name)季度", "第\(name)季度"]) }
            names.insert("q\(quarter)")
        }
        return names
    }()

    private static let zeroWidth: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"]
}
