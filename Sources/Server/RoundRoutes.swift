import Foundation
import Hummingbird
import Ledger
import Reports
import Store
import Table

/// A reporting round on the office's side: opening it, who has returned, returns uploaded on a unit's behalf, the
/// merge (the command line's own, into the ledger store), the ledger as a table and its files.
extension Office {
    func addRoundRoutes(to router: Router<BasicRequestContext>) {
        router.post("/rounds") { request, _ in try await openRound(request) }
        router.get("/rounds/:label") { request, context in try roundPage(request, label: try context.parameters.require("label")) }
        router.get("/rounds/:label/count") { request, context in
            guard session(request) != nil else { throw HTTPError(.unauthorized) }
            let count = try returned(round: try context.parameters.require("label")).count
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "\(count)")))
        }
        router.post("/rounds/:label/returns") { request, context in try await uploadForUnit(request, label: try context.parameters.require("label")) }
        router.post("/rounds/:label/merge") { request, context in try await merge(request, label: try context.parameters.require("label")) }
        router.get("/rounds/:label/files/:name") { request, context in
            let name = try context.parameters.require("name")
            return try file(request, label: try context.parameters.require("label"), name: name.removingPercentEncoding ?? name)
        }
        router.get("/rounds/:label/ledger") { request, context in try ledgerPage(request, label: try context.parameters.require("label")) }
    }

    /// A round label names a folder: letters, digits and `-_.` only, never `..`.
    static func validLabel(_ label: String) -> Bool {
        !label.isEmpty && label.count <= 32 && label != "." && label != ".." && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    func openRound(_ request: Request) async throws -> Response {
        guard let csrf = session(request) else { return Page.redirect("/login") }
        let form = try await PostedForm.read(request, limit: 64 * 1024)
        try Self.checkCSRF(form, csrf)
        let label = form.fields["label"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard Self.validLabel(label) else { throw HTTPError(.badRequest, message: "轮次名称只能用字母、数字和 - _ .，例如 2023-07。") }
        guard let asOf = form.fields["asOf"].flatMap({ CalendarDate(iso: $0) }) else { throw HTTPError(.badRequest, message: "统计截止日应为 YYYY-MM-DD。") }
        guard try site.plan() != nil else { throw HTTPError(.conflict, message: "请先上传计划表。") }
        try site.web.openRound(label: label, asOf: asOf.description)
        try site.web.set("current-round", label)
        return Page.redirect("/rounds/\(label)")
    }

    func roundPage(_ request: Request, label: String) throws -> Response {
        guard let csrf = session(request) else { return Page.redirect("/login") }
        guard let round = try site.web.round(label), try site.plan() != nil else { throw HTTPError(.notFound, message: "没有第 \(label) 轮。") }
        let latest = try site.web.uploads(kind: .return, round: label)
        let units = try site.units().map { unit -> [String: Any] in
            let mine = latest.filter { $0.unit == unit }
            let accepted = mine.first { $0.status == .accepted }
            let shown = accepted ?? mine.first
            let state = accepted != nil ? "已报送" : shown != nil ? "有错误，待重报" : "未报送"
            return ["name": unit, "state": state, "stateClass": accepted != nil ? "" : "bad", "file": shown?.name ?? "",
                    "at": shown.map { Self.time($0.at) } ?? "", "problems": shown.map { "\($0.errors) 个错误，\($0.warnings) 个提醒" } ?? ""]
        }
        let returnedCount = try returned(round: label).count
        return Page.render("round", title: "第 \(label) 轮", ["label": label, "asOf": round.asOf, "returned": returnedCount, "expected": units.count,
                                                          "units": units, "merged": round.merged.map(Self.time) as Any], viewer: .office(csrf: csrf))
    }

    func uploadForUnit(_ request: Request, label: String) async throws -> Response {
        guard let csrf = session(request) else { return Page.redirect("/login") }
        let form = try await PostedForm.read(request, limit: site.options.maxUploadBytes)
        try Self.checkCSRF(form, csrf)
        guard let unit = form.fields["unit"] else { throw HTTPError(.badRequest, message: "请选择单位。") }
        let checked = try await receive(form, unit: unit, round: label, by: "office")
        return Page.render("checked", title: checked.title, checked.context(back: "/rounds/\(label)"), viewer: .office(csrf: csrf),
                           status: checked.accepted ? .ok : .unprocessableContent)
    }

    /// Merges the round's accepted returns with `taizhang merge … --into 台账.db`, then writes the briefing from the store.
    func merge(_ request: Request, label: String) async throws -> Response {
        guard let csrf = session(request) else { return Page.redirect("/login") }
        try Self.checkCSRF(try await PostedForm.read(request, limit: 64 * 1024), csrf)
        guard let round = try site.web.round(label), let (upload, _) = try site.plan() else { throw HTTPError(.notFound, message: "没有第 \(label) 轮。") }
        let folder = site.roundFolder(label), returns = folder + "/returns"
        try? FileManager.default.removeItem(atPath: returns)
        try FileManager.default.createDirectory(atPath: returns, withIntermediateDirectories: true)
        // The plan under the name the office gave it, which the ledger names (in a folder of ours, the name without any path).
        let plan = folder + "/" + Self.nameForReading(upload)
        try? FileManager.default.removeItem(atPath: plan)
        try FileManager.default.copyItem(atPath: site.path(of: upload), toPath: plan)
        var arguments = ["merge", plan, returns, "--as-of", round.asOf, "-o", folder + "/总台账.xlsx", "--csv", folder + "/总台账.csv",
                         "--into", site.ledgerPath, "--round", label, "-q"]
        // Each unit's latest accepted return, under a name made from the unit (never the browser's), which the ledger shows.
        for (unit, sent) in try returned(round: label).sorted(by: { $0.key < $1.key }) {
            let name = "\(unit)-任务反馈表.\(sent.format)"
            try FileManager.default.copyItem(atPath: site.path(of: sent), toPath: returns + "/" + name)
            arguments += ["--unit", "\(name)=\(unit)"]
        }
        if let registry = try site.registryPath() { arguments += ["--units", registry] }
        let merged = try await jobs.run(arguments)
        guard merged.status <= 1 else { throw HTTPError(.internalServerError, message: "合并失败：\(merged.output)") }
        let report = try await jobs.run(["report", site.ledgerPath, "--round", label, "-o", folder + "/简报.xlsx", "-q"])
        guard report.status == 0 else { throw HTTPError(.internalServerError, message: "生成简报失败：\(report.output)") }
        try site.web.markMerged(label)
        return Page.redirect("/rounds/\(label)/ledger")
    }

    /// An upload's display name, with the extension its content needs to be read as it was (text as .csv).
    static func nameForReading(_ upload: WebStore.Upload) -> String {
        let lower = upload.name.lowercased()
        if upload.format == "csv" && ![".csv", ".txt", ".tsv"].contains(where: lower.hasSuffix) { return upload.name + ".csv" }
        if upload.format == "html" && !(lower.hasSuffix(".htm") || lower.hasSuffix(".html")) { return upload.name + ".html" }
        return upload.name
    }

    /// 总台账.xlsx, 总台账.csv or 简报.xlsx of a merged round.
    func file(_ request: Request, label: String, name: String) throws -> Response {
        guard session(request) != nil else { return Page.redirect("/login") }
        let types = ["总台账.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "总台账.csv": "text/csv; charset=utf-8",
                     "简报.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
        guard Self.validLabel(label), let type = types[name], let data = FileManager.default.contents(atPath: site.roundFolder(label) + "/" + name) else {
            throw HTTPError(.notFound, message: "没有这个文件，请先合并本轮。")
        }
        return Page.download(data, name: "\(label)-\(name)", type: type)
    }

    /// The merged ledger of a round as a table, filtered by unit and status, with its problems.
    func ledgerPage(_ request: Request, label: String) throws -> Response {
        guard let csrf = session(request) else { return Page.redirect("/login") }
        guard FileManager.default.fileExists(atPath: site.ledgerPath), let snapshot = try LedgerStore(path: site.ledgerPath).snapshot(round: label) else {
            throw HTTPError(.notFound, message: "第 \(label) 轮还没有合并。")
        }
        let ledger = try LedgerSnapshot.decode(snapshot.data, size: snapshot.size)
        let unit = request.uri.queryParameters["unit"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let status = request.uri.queryParameters["status"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let shown = ledger.entries.filter { entry in
            (unit.map { entry.task.units.owners.contains($0) || entry.task.units.units(.cooperating).contains($0) } ?? true)
                && (status.map { entry.status.displayName == $0 } ?? true)
        }
        let rows = shown.prefix(1000).map { entry -> [String: Any] in
            ["id": entry.task.id, "task": entry.task.task.text, "leads": entry.task.units.owners.joined(separator: "、"),
             "deadline": entry.task.deadline.text, "status": entry.status.displayName, "overdue": entry.overdue,
             "reports": entry.progress.filter { unit == nil || $0.unit == unit }.map { ["unit": $0.unit, "text": $0.text ?? "（未填写进展）"] }]
        }
        let statuses = Set(ledger.entries.map(\.status.displayName)).sorted()
        return Page.render("ledger", title: "第 \(label) 轮台账", [
            "headline": Briefing(ledger).headline, "shown": shown.count, "total": ledger.entries.count, "rows": Array(rows),
            "unitChoices": ledger.units.map { ["name": $0.name, "selected": $0.name == unit] },
            "statusChoices": statuses.map { ["name": $0, "selected": $0 == status] },
            "issues": Self.issueRows(ledger.issues, fileName: ""),
        ], viewer: .office(csrf: csrf))
    }
}
