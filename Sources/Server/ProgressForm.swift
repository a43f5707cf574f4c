import Foundation
import Hummingbird
import Ledger
import Reports
import Table

/// A unit's return typed into the page instead of the workbook: written as the unit's own template filled in, so that
/// it is kept, checked and merged exactly as a file the unit had sent (`<单位>-任务反馈表（网页填报）.xlsx`).
extension Office {
    /// The progress columns of the form, with the field each is read back as.
    static let formColumns: [(header: String, key: String, field: HeaderField)] = [
        ("进展情况", "progress", .progress), ("完成状态", "status", .status), ("完成时间", "done", .completedOn),
        ("佐证材料", "evidence", .evidence), ("备注", "remarks", .remarks),
    ]
    /// What one cell of a workbook holds at most.
    static let maxCellText = 32_767

    func addProgressFormRoutes(to router: Router<BasicRequestContext>) {
        router.get("/u/:token/form") { _, context in
            let link = try unit(context)
            return try await Self.offloaded { [self] in try progressForm(link) }
        }
        router.post("/u/:token/form") { request, context in try await progressPosted(request, try unit(context)) }
    }

    /// The form: one row per task of the unit, filled with what its last accepted return of this round said.
    func progressForm(_ link: WebStore.UnitLink) throws -> Response {
        guard let inUse = try site.inUse() else { throw HTTPError(.notFound, message: "办公室还没有发布计划。") }
        let label = try openRound()
        let (earlier, beyond) = try lastAccepted(unit: link.unit, round: label, plan: inUse.plan)
        let choices = ReturnForm.statusChoices.map(\.displayName)
        let rows = inUse.tasks(of: link.unit).enumerated().map { index, item -> [String: Any] in
            let typed = earlier[item.task.id, default: [:]]
            let status = typed["status"] ?? ""
            // A status word the unit typed in its workbook that the list does not have is kept as a choice, not dropped.
            let options = (choices.contains(status) || status.isEmpty ? choices : [status] + choices).map { ["word": $0, "selected": $0 == status] }
            return ["index": index, "id": item.task.id, "task": item.task.task.text, "role": ReturnForm.roleName(item.role),
                    "deadline": item.task.deadline.text, "options": options, "progress": typed["progress"] ?? "",
                    "done": typed["done"] ?? "", "doneType": CalendarDate(iso: typed["done"] ?? "") == nil && typed["done"] != nil ? "text" : "date",
                    "evidence": typed["evidence"] ?? "", "remarks": typed["remarks"] ?? ""]
        }
        return Page.render("progressForm", title: "\(link.unit)：第 \(label) 轮进展填报", [
            "round": label, "rows": rows, "count": rows.count, "csrf": try unitCSRF(link), "prefilled": !earlier.isEmpty,
            "beyond": beyond.joined(separator: "、"), "hasBeyond": !beyond.isEmpty,
        ], viewer: .unit(name: link.unit, base: "/u/\(link.token)"))
    }

    func progressPosted(_ request: Request, _ link: WebStore.UnitLink) async throws -> Response {
        let form = try await PostedForm.read(request, limit: site.options.maxUploadBytes)
        guard let sent = form.fields["csrf"], Secrets.equal(sent, try unitCSRF(link)) else {
            throw HTTPError(.forbidden, message: "表单已失效，请刷新页面后重新填写。")
        }
        guard let inUse = try site.inUse() else { throw HTTPError(.notFound, message: "办公室还没有发布计划。") }
        let (label, plan) = (try openRound(), inUse.plan)
        let filled = try Self.filled(form, tasks: inUse.tasks(of: link.unit).map(\.task.id))
        let checked = try await Self.offloaded { [self] in
            let temporary = site.folder + "/uploads/.form-\(Secrets.token(bytes: 9)).xlsx"
            defer { try? FileManager.default.removeItem(atPath: temporary) }
            try ReturnTemplate.write(unit: link.unit, plan: plan, to: temporary, filled: filled)
            let file = Uploaded(name: "\(link.unit)-任务反馈表（网页填报）.xlsx", data: try Data(contentsOf: URL(fileURLWithPath: temporary)), format: .xlsx)
            return try receive(file, unit: link.unit, round: label, by: "unit")
        }
        return Page.render("checked", title: checked.title, checked.context(back: "/u/\(link.token)"),
                           viewer: .unit(name: link.unit, base: "/u/\(link.token)"), status: checked.accepted ? .ok : .unprocessableContent)
    }

    /// What the form says, by task id and progress header. Rows name their task by id, so a plan replaced between showing
    /// the form and sending it still puts each text on its task, and a task the unit no longer has is refused.
    static func filled(_ form: PostedForm, tasks: [String]) throws -> [String: [String: String]] {
        var filled: [String: [String: String]] = [:]
        let known = Set(tasks)
        for (key, id) in form.fields.sorted(by: { $0.key < $1.key }) where key.hasPrefix("id.") {
            let index = key.dropFirst(3)
            guard known.contains(id) else {
                throw HTTPError(.conflict, message: "计划已更新，本单位已没有任务 \(id)。请先复制好填写的内容，刷新页面后重新填写。")
            }
            for column in formColumns {
                let text = (form.fields["\(column.key).\(index)"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { continue }
                guard text.count <= maxCellText else {
                    throw HTTPError(.contentTooLarge, message: "任务 \(id) 的“\(column.header)”超过 \(maxCellText) 字，表格的一格放不下，请精简或改为上传附件说明。")
                }
                filled[id, default: [:]][column.header] = text
            }
        }
        guard !filled.isEmpty else { throw HTTPError(.badRequest, message: "表单是空的：请至少填写一项任务的进展后再提交。") }
        return filled
    }

    /// The round units report for now; a form for a merged or absent round is refused.
    private func openRound() throws -> String {
        guard let label = try site.web.setting("current-round"), let round = try site.web.round(label), round.merged == nil else {
            throw HTTPError(.conflict, message: "目前没有正在报送的轮次。")
        }
        return label
    }

    /// The progress of the unit's last accepted return of the round, by task id and form key (empty when none), and the
    /// headers of what it holds that the form has no field for (a column the unit added), to be told, not dropped unsaid.
    private func lastAccepted(unit: String, round: String, plan: Plan) throws -> (typed: [String: [String: String]], beyond: [String]) {
        guard let upload = try site.web.uploads(kind: .return, round: round, unit: unit).first(where: { $0.status == .accepted }),
              let read = try? UnitReturn(SpreadsheetFile.open(site.path(of: upload), budget: .standard), registry: plan.registry, unit: unit)
        else { return ([:], []) }
        let planFields: Set<HeaderField> = [.seq, .taskId, .category, .task, .requirement, .leadUnit, .coopUnit, .respUnit, .deadline]
        let formFields = Set(Self.formColumns.map(\.field))
        var typed: [String: [String: String]] = [:]
        var beyond: [String] = []
        for row in read.rows {
            for field in row.typed.subtracting(planFields).subtracting(formFields) {
                if let column = read.columns[field], let header = read.headers[column], !beyond.contains(header) { beyond.append(header) }
            }
            for extra in row.extra where extra.header != ReturnForm.roleHeader && !beyond.contains(extra.header) { beyond.append(extra.header) }
            guard let id = row.fields[.taskId]?.text, !id.isEmpty else { continue }
            for column in Self.formColumns {
                if let value = row.fields[column.field]?.text, !value.isEmpty { typed[id, default: [:]][column.key] = value }
            }
        }
        return (typed, beyond)
    }
}
