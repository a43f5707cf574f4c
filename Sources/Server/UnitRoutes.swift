import Foundation
import Hummingbird
import Ledger
import Reports

/// A unit's side, reached only through its link (`/u/TOKEN`): its own tasks, its template, its return for the current
/// round and what it sent before. Nothing of another unit is shown; an unknown, revoked or expired token is a 404.
extension Office {
    func addUnitRoutes(to router: Router<BasicRequestContext>) {
        // The pages units open by the hundred are rendered off the threads that answer requests.
        router.get("/u/:token") { _, context in
            let link = try unit(context)
            return try await Self.offloaded { [self] in try unitHome(link) }
        }
        router.get("/u/:token/template.xlsx") { _, context in try unitTemplate(try unit(context)) }
        router.post("/u/:token/return") { request, context in try await unitReturn(request, try unit(context)) }
    }

    /// The unit a link names, if it works.
    func unit(_ context: BasicRequestContext) throws -> WebStore.UnitLink {
        let token = context.parameters.get("token") ?? ""
        guard Secrets.plausible(token), let link = try site.web.link(token: token, now: Date()) else {
            throw HTTPError(.notFound, message: "链接无效、已停用或已过期，请向办公室索取新的链接。")
        }
        return link
    }

    /// The CSRF token of a unit's forms: bound to its link and to a secret of this server.
    func unitCSRF(_ link: WebStore.UnitLink) throws -> String {
        let secret = try site.web.setting("unit-secret") ?? {
            let made = Secrets.token()
            try site.web.set("unit-secret", made)
            return made
        }()
        return String(Secrets.hash(secret + ":" + link.token).prefix(32))
    }

    func unitHome(_ link: WebStore.UnitLink) throws -> Response {
        guard let inUse = try site.inUse() else { throw HTTPError(.notFound, message: "办公室还没有发布计划。") }
        let tasks = inUse.tasks(of: link.unit)
        let round = try site.web.setting("current-round").flatMap { try site.web.round($0) }.flatMap { $0.merged == nil ? $0.label : nil }
        let uploads = try site.web.uploads(kind: .return, unit: link.unit).map { upload -> [String: Any] in
            let status = [WebStore.Upload.Status.accepted: "已采用", .rejected: "有错误未采用", .superseded: "已被更新的一份替代"][upload.status] ?? ""
            return ["at": Self.time(upload.at), "round": upload.round ?? "", "name": upload.name, "status": status,
                    "problems": "\(upload.errors) 个错误，\(upload.warnings) 个提醒"]
        }
        let base = "/u/\(link.token)"
        return Page.render("unitHome", title: "\(link.unit)：任务反馈", [
            "tasks": tasks.map { ["id": $0.task.id, "task": $0.task.task.text, "role": ReturnForm.roleName($0.role), "deadline": $0.task.deadline.text] },
            "leads": tasks.filter { $0.role == .lead }.count, "cooperates": tasks.filter { $0.role != .lead }.count,
            "round": round as Any, "uploads": uploads, "csrf": try unitCSRF(link),
        ], viewer: .unit(name: link.unit, base: base))
    }

    /// The unit's own return template, as `taizhang split` writes it.
    func unitTemplate(_ link: WebStore.UnitLink) throws -> Response {
        guard let (upload, plan) = try site.plan() else { throw HTTPError(.notFound, message: "办公室还没有发布计划。") }
        let path = site.folder + "/templates/\(upload.id)-" + ReturnForm.fileName(for: link.unit)
        if !FileManager.default.fileExists(atPath: path) { try ReturnTemplate.write(unit: link.unit, plan: plan, to: path) }
        return Page.download(try Data(contentsOf: URL(fileURLWithPath: path)), name: ReturnForm.fileName(for: link.unit),
                             type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    func unitReturn(_ request: Request, _ link: WebStore.UnitLink) async throws -> Response {
        let form = try await PostedForm.read(request, limit: site.options.maxUploadBytes)
        guard let sent = form.fields["csrf"], Secrets.equal(sent, try unitCSRF(link)) else {
            throw HTTPError(.forbidden, message: "表单已失效，请刷新页面后重新上传。")
        }
        guard let label = try site.web.setting("current-round") else { throw HTTPError(.conflict, message: "目前没有正在报送的轮次。") }
        let checked = try await receive(form, unit: link.unit, round: label, by: "unit")
        return Page.render("checked", title: checked.title, checked.context(back: "/u/\(link.token)"),
                           viewer: .unit(name: link.unit, base: "/u/\(link.token)"), status: checked.accepted ? .ok : .unprocessableContent)
    }
}
