import Table

/// Choices for a merge besides the plan's own.
public struct MergeOptions: Sendable {
    /// The day the ledger is evaluated on (截至).
    public var asOf: CalendarDate
    /// How the plan is read: year, registry, deadline policy, header words.
    public var plan: PlanOptions
    /// The unit of a return file, by its path as given, when the file itself does not say (`--unit FILE=UNIT`).
    public var units: [String: String]
    /// Deadlines the office moved, by task id (from a ledger store).
    public var extensions: [String: DeadlineExtension] = [:]

    public init(asOf: CalendarDate, plan: PlanOptions = PlanOptions(), units: [String: String] = [:]) {
        self.asOf = asOf
        self.plan = plan
        self.units = units
    }
}

/// Where a merge is, for a progress display.
public enum MergeProgress: Sendable {
    /// Rows of the plan read so far.
    case planRead(rows: Int)
    /// Plan rows checked so far, of all.
    case planChecked(rows: Int, of: Int)
    /// Returns merged so far, of all, and the rows of the last one.
    case returnMerged(files: Int, of: Int, rows: Int)
}

/// Merges unit returns into the plan: rows matched by task id, else by text (exact, then a unique fuzzy
/// match, reported); conflicts reported, never silently resolved; every cell accounted for.
public enum Merge {
    /// The whole merge as one call: reads the plan and every return (files, or the readable files of folders),
    /// one return in memory at a time, and gives the ledger.
    public static func run(plan path: String, returns: [String], options: MergeOptions,
                           progress: (MergeProgress) -> Void = { _ in }) throws -> LedgerResult {
        var plan = try PlanImport.read(path: path, options: options.plan) { event in
            switch event {
            case .read(let rows): progress(.planRead(rows: rows))
            case .checked(let rows, let total): progress(.planChecked(rows: rows, of: total))
            }
        }
        for index in plan.tasks.indices { plan.tasks[index].extended = options.extensions[plan.tasks[index].id] }
        let files = try InputFiles.expandAll(returns)
        let overrides = try unitOverrides(options.units, files: files, registry: plan.registry)
        var merger = Merger(plan: plan, asOf: options.asOf)
        let vocabulary = UnitReturn.returnVocabulary()
        for (index, file) in files.enumerated() {
            let unit = overrides[InputFiles.canonical(file)] ?? overrides[name(file)]
            var rows = 0
            // Every file is read or said why not; one that cannot be read never stops the round.
            do {
                let spreadsheet = try SpreadsheetFile.open(file, budget: options.plan.budget)
                if let output = spreadsheet.facts.customProperties[outputProperty] {
                    merger.skip(file: file, unit: nil, reason: "这是本工具生成的\(output)，不是单位反馈，未读取。", isError: false)
                } else {
                    let ret = try UnitReturn(spreadsheet, registry: plan.registry, unit: unit, vocabulary: vocabulary)
                    if isLedgerCSV(ret) {
                        merger.skip(file: file, unit: nil, reason: "这是本工具生成的总台账（CSV），不是单位反馈，未读取。", isError: false)
                    } else {
                        rows = ret.rows.count
                        merger.add(ret)
                    }
                }
            } catch {
                let table = tableExtensions.contains { file.lowercased().hasSuffix($0) }
                let reason = table ? "\(error)" : "不是反馈表格（\(name(file))），未读取。"
                merger.skip(file: file, unit: unit ?? UnitReturn.unit(inFileName: name(file), registry: plan.registry), reason: reason, isError: table)
            }
            progress(.returnMerged(files: index + 1, of: files.count, rows: rows))
        }
        for folder in try InputFiles.subfolders(returns) {
            let reason = "子文件夹，其中的文件未读取；如需合并，请把它也写进命令（如 反馈 反馈/\(name(folder))）。"
            merger.skip(file: folder, unit: nil, reason: reason, isError: false, code: "subfolder-not-read")
        }
        return merger.finish()
    }

    /// `--unit FILE=UNIT` pairs by canonical path, or by file name when the key names no folder; a key that matches
    /// no file, or a unit the registry does not know, is refused rather than silently unused.
    static func unitOverrides(_ pairs: [String: String], files: [String], registry: UnitRegistry) throws -> [String: String] {
        var overrides: [String: String] = [:]
        for (key, unit) in pairs {
            guard case .unit(let canonical) = registry.match(unit) else { throw MergeOptionError.unknownUnit(unit) }
            let byPath = InputFiles.canonical(key)
            if files.contains(where: { InputFiles.canonical($0) == byPath }) {
                overrides[byPath] = canonical
            } else if !key.contains("/"), files.contains(where: { name($0) == key }) {
                overrides[key] = canonical
            } else {
                throw MergeOptionError.noSuchFile(key)
            }
        }
        return overrides
    }

    /// The custom property Taizhang writes into its own outputs (总台账, 简报), so that one saved among the returns is not read as one.
    public static let outputProperty = "台账文件"

    /// Our ledger saved as CSV, which has no custom property to carry the mark: told by the ledger's own closing
    /// columns, which no return has.
    static func isLedgerCSV(_ ret: UnitReturn) -> Bool {
        Set(ret.headers.values).isSuperset(of: ["是否逾期", "报送单位", "未报送单位"])
    }

    /// Files a unit may send as its return: one of these that cannot be read is an error; anything else (a README) a note.
    static let tableExtensions = [".xlsx", ".xlsm", ".xls", ".et", ".ett", ".csv", ".tsv", ".txt", ".docx", ".doc", ".wps", ".htm", ".html",
                                  ".pdf", ".ofd", ".ods", ".numbers", ".zip", ".rar", ".7z"]

    /// Merges returns already read.
    public static func run(plan: Plan, returns: [UnitReturn], asOf: CalendarDate) -> LedgerResult {
        var merger = Merger(plan: plan, asOf: asOf)
        for ret in returns { merger.add(ret) }
        return merger.finish()
    }

    /// Fields a unit fills in; everything else in a return is plan text, compared with the plan.
    static let progressFields: Set<HeaderField> = [.progress, .status, .completedOn, .evidence, .remarks, .percent, .problems, .nextSteps, .person, .contact]

    /// The lead units' status when they reported; otherwise the most worrying one reported; noReport when none.
    static func combinedStatus(_ reports: [ProgressEntry], leads: Set<String>) -> Status {
        let statuses = reports.filter { leads.contains($0.unit) }.compactMap(\.status)
        let candidates = statuses.isEmpty ? reports.compactMap(\.status) : statuses
        return Status.severity.first(where: candidates.contains) ?? (reports.isEmpty ? .noReport : .onTrack)
    }

    static func planValue(_ field: HeaderField, of task: PlanTask) -> String? {
        switch field {
        case .taskId: task.id
        case .category: task.category?.original
        case .task: task.task.original
        case .requirement: task.requirement?.original ?? (task.requirement == nil ? task.task.original : nil)
        case .leadUnit: task.units.written(.lead)
        case .coopUnit: task.units.written(.cooperating)
        case .respUnit: task.units.written(.responsible)
        case .deadline: task.deadline.text
        default: nil
        }
    }

    /// Equal once normalized, or once their outline numbers and white space are set aside. Compared by bytes: normalization already made equal texts byte-equal, and
    /// `String`'s canonical comparison of Chinese text is slow enough to show over 200,000 rows.
    static func sameText(_ a: String, _ b: String) -> Bool {
        if TextKey(TextNormalization.normalize(a)) == TextKey(TextNormalization.normalize(b)) { return true }
        // Text pasted back from Word: line breaks and spaces inside Chinese text (NBSP, U+3000, zero-width) are no change.
        func bare(_ text: String) -> String { RowMatcher.comparable(text).filter { !$0.isWhitespace } }
        return TextKey(bare(a)) == TextKey(bare(b))
    }

    /// A file's name without its folders.
    public static func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
    static func prefix(_ text: String) -> String { text.count > 20 ? String(text.prefix(20)) + "…" : text }
}

/// A `--unit FILE=UNIT` that cannot be applied.
public enum MergeOptionError: Error, Sendable, CustomStringConvertible {
    case noSuchFile(String)
    case unknownUnit(String)

    public var description: String {
        switch self {
        case .noSuchFile(let key): "--unit 指定的文件“\(key)”不在反馈文件中，请检查文件名（可只写文件名，如 --unit 新建表格.xlsx=法规科）。"
        case .unknownUnit(let unit): "--unit 指定的单位“\(unit)”不在单位名册中，请写名册中的单位名称或别名。"
        }
    }
}
