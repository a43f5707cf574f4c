import Foundation
import Hummingbird
import Ledger
import Reports
import Store
import XLSX

/// The office's pages: first-start password, login, the plan and its problems, templates, unit links, history.
extension Office {
    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try home(request) }
        router.get("/setup") { _, _ in
            hasPassword ? Page.redirect("/login") : Page.render("setup", title: "设置办公室密码", viewer: .anonymous)
        }
        router.post("/setup") { request, _ in try await setup(request) }
        router.get("/login") { _, _ in
            hasPassword ? Page.render("login", title: "办公室登录", viewer: .anonymous) : Page.redirect("/setup")
        }
        router.post("/login") { request, _ in try await login(request) }
        router.post("/logout") { request, _ in
            guard let csrf = session(request) else { return Page.redirect("/login") }
            try Self.checkCSRF(try await PostedForm.read(request, limit: 64 * 1024), csrf)
            endSession(request)
            return Page.redirect("/login", cookie: Cookie(name: Self.cookie, value: "", maxAge: 0, path: "/", secure: site.options.secureCookies,
                                                           httpOnly: true, sameSite: .strict))
        }
        router.post("/plan") { request, _ in try await uploadPlan(request) }
        router.get("/plan/issues") { request, _ in try planIssues(request) }
        router.get("/templates.zip") { request, _ in try await templates(request) }
        router.get("/units") { request, _ in try unitLinks(request) }
        router.post("/units/link") { request, _ in try await link(request, revoke: false) }
        router.post("/units/revoke") { request, _ in try await link(request, revoke: true) }
        router.get("/history") { request, _ in try history(request) }
        addRoundRoutes(to: router)
    }

    func home(_ request: Request) throws -> Response {
        guard hasPassword else { return Page.redirect("/setup") }
        guard let csrf = session(request) else { return Page.redirect("/login") }
        var context: [String: Any] = [:]
        if let inUse = try site.inUse() {
            let (upload, plan, expected) = (inUse.upload, inUse.plan, inUse.units.count)
            context["plan"] = ["name": upload.name, "tasks": plan.tasks.count, "units": expected, "at": Self.time(upload.at),
                               "errors": upload.errors, "warnings": upload.warnings, "hasErrors": upload.errors > 0, "hasWarnings": upload.warnings > 0]
            context["rounds"] = try site.web.rounds().map { round -> [String: Any] in
                ["label": round.label, "asOf": round.asOf, "returned": try returned(round: round.label).count, "expected": expected,
                 "state": round.merged.map { "已合并（\(Self.time($0))）" } ?? "报送中"]
            }
        }
        return Page.render("home", title: "工作台", context, viewer: .office(csrf: csrf))
    }

    func setup(_ request: Request) async throws -> Response {
        let form = try await PostedForm.read(request, limit: 64 * 1024)
        let password = form.fields["password"] ?? ""
        guard password.count >= 10, password == form.fields["again"] else {
            return Page.render("setup", title: "设置办公室密码", viewer: .anonymous, alert: "两次输入的密码不一致，或少于 10 位。", status: .badRequest)
        }
        guard try setPassword(password, code: form.fields["code"] ?? "") else {
            return Page.render("setup", title: "设置办公室密码", viewer: .anonymous, alert: "设置码不对，或密码已经设置过。", status: .forbidden)
        }
        return Page.redirect("/", cookie: try startSession())
    }

    func login(_ request: Request) async throws -> Response {
        let form = try await PostedForm.read(request, limit: 64 * 1024)
        guard verify(form.fields["password"] ?? "") else {
            // A second's pause makes guessing slow on top of bcrypt's own cost.
            try await Task.sleep(for: .seconds(1))
            return Page.render("login", title: "办公室登录", viewer: .anonymous, alert: "密码不对。", status: .unauthorized)
        }
        return Page.redirect("/", cookie: try startSession())
    }

    /// A plan (and optionally the unit registry) uploaded, kept, read and checked; accepted when it has no errors.
    func uploadPlan(_ request: Request) async throws -> Response {
        guard let csrf = session(request) else { return Page.redirect("/login") }
        let form = try await PostedForm.read(request, limit: site.options.maxUploadBytes)
        try Self.checkCSRF(form, csrf)
        if let refused = form.refused["plan"] ?? form.refused["units"] {
            throw HTTPError(.unsupportedMediaType, message: "“\(refused)”不是表格文件。计划表请用 .xlsx、.xls、.et、.csv、.docx 或 .html。")
        }
        guard var file = form.files["plan"] else { throw HTTPError(.badRequest, message: "请选择计划表文件。") }
        if var units = form.files["units"] {
            units.format = .yaml
            let kept = try site.keep(units)
            var record = WebStore.Upload(kind: .units, name: units.name, stored: kept.stored, sha256: kept.sha256, size: units.data.count,
                                         format: "yaml", at: Date(), by: "office", status: .accepted, errors: 0, warnings: 0, problems: "")
            do {
                _ = try UnitRegistry(contentsOf: URL(fileURLWithPath: site.uploadsFolder + "/" + kept.stored))
            } catch {
                (record.status, record.errors, record.problems) = (.rejected, 1, "\(units.name)\t错误\t\(error)")
                _ = try site.web.record(record)
                throw HTTPError(.unprocessableContent, message: "单位名册“\(units.name)”无法读取：\(error)")
            }
            _ = try site.web.record(record)
            try site.web.set("registry", kept.stored)
        }
        if file.format == .yaml { file.format = .csv }
        let kept = try site.keep(file)
        let path = site.uploadsFolder + "/" + kept.stored
        var upload = WebStore.Upload(kind: .plan, name: file.name, stored: kept.stored, sha256: kept.sha256, size: file.data.count,
                                     format: file.format.rawValue, at: Date(), by: "office", status: .rejected, errors: 0, warnings: 0, problems: "")
        do {
            let options = try site.planOptions()
            let plan = try await Self.offloaded { try PlanImport.read(path: path, options: options) }
            let rows = Self.issueRows(plan.issues, fileName: file.name)
            upload.errors = plan.issues.filter { $0.severity == .error }.count
            upload.warnings = plan.issues.count - upload.errors
            upload.problems = Self.storedProblems(rows)
            upload.status = upload.errors == 0 && !plan.tasks.isEmpty ? .accepted : .rejected
            if upload.status == .accepted { try recordInStore(plan, sha256: kept.sha256) }
            _ = try site.web.record(upload)
            return Page.render("planIssues", title: upload.status == .accepted ? "计划表已上传" : "计划表有错误，未采用",
                               ["name": file.name, "tasks": plan.tasks.count, "errors": upload.errors, "warnings": upload.warnings,
                                "hasErrors": upload.errors > 0, "issues": rows],
                               viewer: .office(csrf: csrf))
        } catch {
            let message = Self.readerMessage(error, form: "计划表", shown: file.name, stored: kept.stored)
            upload.errors = 1
            upload.problems = "\(file.name)\t错误\t\(message)"
            _ = try site.web.record(upload)
            throw HTTPError(.unprocessableContent, message: "计划表“\(file.name)”无法读取：\(message)")
        }
    }

    /// The problems of the latest plan uploaded, accepted or not.
    func planIssues(_ request: Request) throws -> Response {
        guard let csrf = session(request) else { return Page.redirect("/login") }
        guard let upload = try site.web.uploads(kind: .plan).first else { return Page.redirect("/") }
        let rows = Self.problemRows(upload.problems)
        return Page.render("planIssues", title: "计划表的问题", ["name": upload.name, "tasks": (try? site.plan()?.plan.tasks.count) ?? 0,
                                                          "errors": upload.errors, "warnings": upload.warnings, "hasErrors": upload.errors > 0,
                                                          "issues": rows], viewer: .office(csrf: csrf))
    }

    /// Every unit's return template, written by `taizhang split` and handed out as one zip.
    func templates(_ request: Request) async throws -> Response {
        guard session(request) != nil else { return Page.redirect("/login") }
        guard let (upload, _) = try site.plan() else { throw HTTPError(.notFound, message: "还没有可用的计划表。") }
        let folder = site.folder + "/templates/\(upload.id)"
        if !FileManager.default.fileExists(atPath: folder + "/.done") {
            try? FileManager.default.removeItem(atPath: folder)
            var arguments = ["split", site.path(of: upload), "-o", folder, "-q"]
            if let registry = try site.registryPath() { arguments += ["--units", registry] }
            let outcome = try await jobs.run(arguments)
            guard outcome.status == 0 else { throw HTTPError(.internalServerError, message: "生成反馈表失败：\(outcome.output)") }
            _ = FileManager.default.createFile(atPath: folder + "/.done", contents: nil)
        }
        let names = try site.units().map(ReturnForm.fileName(for:))
        let zip = folder + "/各单位任务反馈表.zip"
        if !FileManager.default.fileExists(atPath: zip) {
            try FileBundle.write(names.map { ($0, folder + "/" + $0) }, to: zip)
        }
        return Page.download(try Data(contentsOf: URL(fileURLWithPath: zip)), name: "各单位任务反馈表.zip", type: "application/zip")
    }

    /// Each unit with tasks, its working link and expiry.
    func unitLinks(_ request: Request) throws -> Response {
        guard let csrf = session(request) else { return Page.redirect("/login") }
        guard let inUse = try site.inUse() else { return Page.redirect("/") }
        let links = try site.web.links()
        let base = site.options.publicURL ?? request.head.authority.map { "http://\($0)" } ?? ""
        let units = inUse.units.map { unit -> [String: Any] in
            let link = links.first { $0.unit == unit && !$0.revoked && ($0.expires.map { $0 > Date() } ?? true) }
            var row: [String: Any] = ["name": unit, "tasks": inUse.tasks(of: unit).count, "csrf": csrf]
            if let link {
                row["link"] = "\(base)/u/\(link.token)"
                row["expires"] = link.expires.map(Self.time)
            }
            return row
        }
        return Page.render("units", title: "单位链接", ["units": units], viewer: .office(csrf: csrf))
    }

    func link(_ request: Request, revoke: Bool) async throws -> Response {
        guard let csrf = session(request) else { return Page.redirect("/login") }
        let form = try await PostedForm.read(request, limit: 64 * 1024)
        try Self.checkCSRF(form, csrf)
        guard let unit = form.fields["unit"], try site.units().contains(unit) else {
            throw HTTPError(.badRequest, message: "没有这个单位。")
        }
        if revoke {
            try site.web.revokeLinks(unit: unit)
        } else {
            let days = form.fields["days"].flatMap { Int($0) }.map { min(max($0, 1), 366) }
            try site.web.newLink(unit: unit, token: Secrets.token(), expires: days.map { Date().addingTimeInterval(Double($0) * 86400) })
        }
        return Page.redirect("/units")
    }

    /// Every round recorded in the store and every upload ever received, with its sha256.
    func history(_ request: Request) throws -> Response {
        guard let csrf = session(request) else { return Page.redirect("/login") }
        let rounds = FileManager.default.fileExists(atPath: site.ledgerPath) ? try LedgerStore(path: site.ledgerPath).rounds() : []
        let labels: [String: String] = [WebStore.Upload.Status.accepted.rawValue: "采用", WebStore.Upload.Status.rejected.rawValue: "有错误未采用",
                                        WebStore.Upload.Status.superseded.rawValue: "已被更新的一份替代"]
        let uploads = try site.web.uploads().map { upload -> [String: Any] in
            ["id": upload.id, "at": Self.time(upload.at), "kind": [WebStore.Upload.Kind.plan: "计划表", .units: "单位名册", .return: "反馈表"][upload.kind] ?? "",
             "unit": upload.unit ?? "", "round": upload.round ?? "", "name": upload.name, "size": upload.size, "sha": upload.sha256,
             "by": upload.by == "office" ? "办公室" : "单位", "status": labels[upload.status.rawValue] ?? upload.status.rawValue]
        }
        return Page.render("history", title: "历次记录", ["rounds": rounds.map { ["label": $0.label, "asOf": $0.asOf, "files": $0.files,
                                                                               "units": $0.unitsReported, "reports": $0.reports] },
                                                     "uploads": uploads], viewer: .office(csrf: csrf))
    }
}
