import Foundation
import Hummingbird
import HummingbirdBcrypt
import Ledger
import Store

/// The office's side of the page: its password and sessions, and what each of its pages shows.
struct Office: Sendable {
    let site: Site
    let jobs: Jobs
    static let cookie = "taizhang_office"
    static let sessionHours = 12.0

    // MARK: Password and sessions

    var hasPassword: Bool { (try? site.web.setting("password")) != nil }

    /// The code the first start prints, which setting the password asks for: whoever reaches the page first cannot
    /// take the office over without the server's console.
    func setupCode() throws -> String {
        if let code = try site.web.setting("setup-code") { return code }
        let code = String(Secrets.token(bytes: 6).prefix(8))
        try site.web.set("setup-code", code)
        return code
    }

    func setPassword(_ password: String, code: String) throws -> Bool {
        guard !hasPassword, let expected = try site.web.setting("setup-code"), Secrets.equal(code.trimmingCharacters(in: .whitespaces), expected) else {
            return false
        }
        try site.web.set("password", Bcrypt.hash(password, cost: 11))
        try site.web.set("setup-code", nil)
        return true
    }

    func verify(_ password: String) -> Bool {
        guard let hash = try? site.web.setting("password") else { return false }
        return Bcrypt.verify(password, hash: hash)
    }

    /// A new session: its cookie (HttpOnly, SameSite=Strict, Secure unless told otherwise) and its CSRF token.
    func startSession() throws -> Cookie {
        let token = Secrets.token()
        try site.web.startSession(id: Secrets.hash(token), csrf: Secrets.token(), expires: Date().addingTimeInterval(Self.sessionHours * 3600))
        return Cookie(name: Self.cookie, value: token, maxAge: Int(Self.sessionHours * 3600), path: "/", secure: site.options.secureCookies,
                      httpOnly: true, sameSite: .strict)
    }

    /// The CSRF token of the request's session, nil when it has none (not logged in, expired, or a forged cookie).
    func session(_ request: Request) -> String? {
        guard let token = request.cookies[Self.cookie]?.value, !token.isEmpty, token.utf8.count < 100 else { return nil }
        return try? site.web.session(id: Secrets.hash(token), now: Date())
    }

    func endSession(_ request: Request) {
        if let token = request.cookies[Self.cookie]?.value { try? site.web.endSession(id: Secrets.hash(token)) }
    }

    /// A form posted by the office must carry its session's CSRF token.
    static func checkCSRF(_ form: PostedForm, _ csrf: String) throws {
        guard let sent = form.fields["csrf"], Secrets.equal(sent, csrf) else {
            throw HTTPError(.forbidden, message: "表单已失效（缺少或不匹配的校验码），请刷新页面后重试。")
        }
    }

    // MARK: What the pages show

    /// Each problem of a plan or a return as a row: where (the name the user knows, else the issue's own file, sheet and
    /// cell), level and message.
    static func issueRows(_ issues: [ValidationIssue], fileName: String) -> [[String: String]] {
        issues.sorted { ($0.severity, $0.location.description) < ($1.severity, $1.location.description) }.map { issue in
            let place = [issue.location.sheet, issue.location.cell?.description].compactMap { $0 }.joined(separator: "!")
            let file = fileName.isEmpty ? Merge.name(issue.location.file) : fileName
            return ["location": place.isEmpty ? file : "\(file) \(place)", "severity": issue.severity.rawValue,
                    "level": issue.severity.displayName, "message": issue.message]
        }
    }

    /// Problems as stored with an upload: one per line, `位置\t级别\t问题`.
    static func storedProblems(_ rows: [[String: String]]) -> String {
        rows.map { "\($0["location"] ?? "")\t\($0["level"] ?? "")\t\($0["message"] ?? "")" }.joined(separator: "\n")
    }

    static func problemRows(_ stored: String) -> [[String: String]] {
        stored.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            let level = parts.count > 1 ? parts[1] : ""
            return ["location": parts.first ?? "", "level": level, "message": parts.count > 2 ? parts[2] : "",
                    "severity": level == "错误" ? "error" : level == "警告" ? "warning" : "info"]
        }
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "zh_CN")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// The units that have sent an accepted return in the round, with their latest upload.
    func returned(round: String) throws -> [String: WebStore.Upload] {
        var latest: [String: WebStore.Upload] = [:]
        for upload in try site.web.uploads(kind: .return, round: round) where upload.status == .accepted {
            if let unit = upload.unit, latest[unit] == nil { latest[unit] = upload }
        }
        return latest
    }

    /// Records the plan in the ledger store (created at the first plan), so that rounds can be merged into it.
    func recordInStore(_ plan: Plan, sha256: String) throws {
        let store = try LedgerStore(path: site.ledgerPath, create: true)
        try store.record(plan: plan, sha256: sha256)
    }
}
