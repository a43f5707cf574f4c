import Foundation
import Ledger
import Table

/// The folder `taizhang serve --store DIR` serves: `web.db` (password, sessions, links, uploads), `台账.db` (the
/// ledger store the command line reads too), `uploads/` (every file sent, under a generated name) and `rounds/`
/// (each round's returns as merged and the ledger, CSV and briefing written from them).
final class Site: @unchecked Sendable {
    let folder: String
    let web: WebStore
    let options: ServeOptions
    private let lock = NSLock()

    var ledgerPath: String { folder + "/台账.db" }
    var uploadsFolder: String { folder + "/uploads" }
    func roundFolder(_ label: String) -> String { folder + "/rounds/" + label }

    init(options: ServeOptions) throws {
        self.options = options
        folder = options.folder
        for path in [folder, folder + "/uploads", folder + "/rounds"] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        web = try WebStore(path: folder + "/web.db")
    }

    /// What is read once per plan and kept until another plan is accepted: the plan, each unit's tasks, the units with
    /// tasks in registry order, and the checker of returns. A unit's tasks are found among every task's units (for 200
    /// units sharing 1,000 tasks, 40 million names compared), too slow for every page and every check. A request takes
    /// it once and reads all it needs from it.
    struct PlanInUse {
        var upload: WebStore.Upload
        var plan: Plan
        fileprivate var taskIndices: [String: [(index: Int, role: UnitRole)]]
        /// The units that have tasks, in registry order.
        var units: [String]
        var checker: ReturnChecker

        /// A unit's tasks, with its role on each, in plan order.
        func tasks(of unit: String) -> [(task: PlanTask, role: UnitRole)] {
            (taskIndices[unit] ?? []).map { (plan.tasks[$0.index], $0.role) }
        }
    }
    private var cached: PlanInUse?

    /// The plan in use: the last plan upload that was accepted, with what is read from it once.
    func inUse() throws -> PlanInUse? {
        guard let upload = try web.uploads(kind: .plan).first(where: { $0.status == .accepted }) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let cached, cached.upload.id == upload.id { return cached }
        let plan = try PlanImport.read(path: path(of: upload), options: try planOptions())
        let tasks = Dictionary(plan.registry.units.map { ($0.name, ReturnForm.taskIndices(for: $0.name, in: plan)) }, uniquingKeysWith: { a, _ in a })
        let made = PlanInUse(upload: upload, plan: plan, taskIndices: tasks, units: plan.registry.units.map(\.name).filter { tasks[$0]?.isEmpty == false },
                             checker: ReturnChecker(plan: plan))
        cached = made
        return made
    }

    /// The plan in use and its upload.
    func plan() throws -> (upload: WebStore.Upload, plan: Plan)? {
        try inUse().map { ($0.upload, $0.plan) }
    }

    /// The units that have tasks in the plan in use, in registry order.
    func units() throws -> [String] {
        try inUse()?.units ?? []
    }

    /// The unit registry uploaded with the plan (单位名册), when there is one.
    func registryPath() throws -> String? {
        try web.setting("registry").map { uploadsFolder + "/" + $0 }
    }

    func planOptions() throws -> PlanOptions {
        var options = PlanOptions(registry: try registryPath().map { try UnitRegistry(contentsOf: URL(fileURLWithPath: $0)) })
        options.budget = .standard
        return options
    }

    func path(of upload: WebStore.Upload) -> String { uploadsFolder + "/" + upload.stored }

    /// Keeps a file sent through the page under a generated name, whatever name the browser gave: `3fa2c1d0-Qm8x…kT.xlsx`
    /// (the start of its sha256 and a random part, so that two uploads at once never meet).
    func keep(_ file: Uploaded) throws -> (stored: String, sha256: String) {
        var digest = SHA256()
        digest.update(file.data)
        let sha = digest.hex()
        let stored = "\(sha.prefix(8))-\(Secrets.token(bytes: 9)).\(file.format.fileExtension)"
        try file.data.write(to: URL(fileURLWithPath: uploadsFolder + "/" + stored), options: .withoutOverwriting)
        return (stored, sha)
    }
}
