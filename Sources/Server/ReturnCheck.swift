import Foundation
import Hummingbird
import Ledger
import Table
import XLS

/// A return sent through the page, by its unit or by the office on its behalf: kept whatever it holds, read with the
/// reader's limits, checked against the plan as a merge would read it, and accepted only when it has no errors.
extension Office {
    struct Checked {
        var accepted: Bool
        var title: String
        var summary: String
        var issues: [[String: String]]

        func context(back: String) -> [String: Any] { ["accepted": accepted, "summary": summary, "issues": issues, "back": back] }
    }

    func receive(_ form: PostedForm, unit: String, round label: String, by: String) async throws -> Checked {
        if let refused = form.refused["file"] {
            throw HTTPError(.unsupportedMediaType, message: "“\(refused)”不是表格文件，请上传填好的反馈表（.xlsx、.xls、.et、.csv）。")
        }
        guard var file = form.files["file"] else { throw HTTPError(.badRequest, message: "请选择反馈表文件。") }
        if file.format == .yaml { file.format = .csv }
        return try await Self.offloaded { [self, file] in try receive(file, unit: unit, round: label, by: by) }
    }

    /// What the reader's error says, for the page: under the name the user gave (the reader names the generated one), and
    /// without the command line's remedies (`--max-memory`), which a user of the page has no way to use.
    static func readerMessage(_ error: any Error, form: String, shown name: String, stored: String) -> String {
        if error is FileTooLarge || (error as? XLSReadError).map({ if case .tooManyCells = $0.kind { true } else { false } }) == true {
            return "“\(name)”过大或异常：读取它所需的内存超过网页的上限，未能检查。请确认上传的是\(form)；确需上传这样大的表格，请联系管理服务器的同事。"
        }
        if case PlanSheetError.noTable = error, form == "反馈表" {
            return "“\(name)”中找不到反馈表的表头（如“任务编号”“具体任务”“进展情况”“完成状态”）。请上传本单位的任务反馈表：可在本单位页面下载模板填写，或在网页上直接填写进展。"
        }
        return "\(error)".replacingOccurrences(of: stored, with: name)
    }

    /// Keeps and checks one return file, whether sent as a file or written from the progress form.
    func receive(_ file: Uploaded, unit: String, round label: String, by: String) throws -> Checked {
        guard let round = try site.web.round(label) else {
            throw HTTPError(.notFound, message: "没有第 \(label) 轮。")
        }
        guard round.merged == nil || by == "office" else { throw HTTPError(.conflict, message: "第 \(label) 轮已经合并，如需更正请联系办公室。") }
        guard let inUse = try site.inUse(), inUse.units.contains(unit) else {
            throw HTTPError(.badRequest, message: "没有这个单位的任务。")
        }
        guard try site.web.uploads(kind: .return, round: label, unit: unit).count < site.options.maxUploadsPerUnitRound else {
            throw HTTPError(.tooManyRequests, message: "本轮上传次数已达上限（\(site.options.maxUploadsPerUnitRound) 次），请联系办公室。")
        }
        let kept = try site.keep(file)
        var upload = WebStore.Upload(kind: .return, unit: unit, round: label, name: file.name, stored: kept.stored, sha256: kept.sha256,
                                     size: file.data.count, format: file.format.rawValue, at: Date(), by: by, status: .rejected,
                                     errors: 0, warnings: 0, problems: "")
        let path = site.path(of: upload)
        let issues: [ValidationIssue]
        do {
            let spreadsheet = try SpreadsheetFile.open(path, budget: .standard)
            let ret = try UnitReturn(spreadsheet, registry: inUse.plan.registry, unit: unit, vocabulary: UnitReturn.returnVocabulary())
            issues = inUse.checker.issues(of: ret)
        } catch {
            issues = [ValidationIssue(.error, "unreadable", at: SourceLocation(file: path), Self.readerMessage(error, form: "反馈表", shown: file.name, stored: kept.stored))]
        }
        let rows = Self.issueRows(issues, fileName: file.name)
        upload.errors = issues.filter { $0.severity == .error }.count
        upload.warnings = issues.count - upload.errors
        upload.problems = Self.storedProblems(rows)
        upload.status = upload.errors == 0 ? .accepted : .rejected
        _ = try site.web.record(upload)
        let summary = upload.status == .accepted
            ? "已收到\(unit)的第 \(label) 轮反馈“\(file.name)”。" + (upload.warnings > 0 ? "有 \(upload.warnings) 个提醒（警告或提示），请看下表，需要时改正后重新上传。" : "没有发现问题。")
            : "“\(file.name)”有 \(upload.errors) 个错误，未采用。请按下表改正后重新上传（文件已留存）。"
        return Checked(accepted: upload.status == .accepted, title: upload.status == .accepted ? "反馈已收到" : "反馈有错误", summary: summary, issues: rows)
    }
}
