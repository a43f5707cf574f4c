import Foundation
import Hummingbird
import Logging

/// Headers on every answer: no framing, no sniffing, no referrer (a unit's link must not leak through it), scripts and
/// styles from this site only, and pages not kept in caches.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[HeaderName("Content-Security-Policy")!] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[HeaderName("X-Content-Type-Options")!] = "nosniff"
        response.headers[HeaderName("X-Frame-Options")!] = "DENY"
        response.headers[HeaderName("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// One line per request: time, method, path (a unit's token masked), status and milliseconds.
struct RequestLog<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let line = "\(Date().ISO8601Format()) \(request.method.rawValue) \(Self.masked(request.uri.path)) \(status) \(String(format: "%.1f", ms))ms\n"
            // Written at once, not buffered: a log line must be there when the request is done.
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }

    /// `/u/TOKEN/…` as `/u/…/…`: the log must not hand out units' links.
    static func masked(_ path: String) -> String {
        guard path.hasPrefix("/u/") else { return path }
        let rest = path.dropFirst(3)
        return "/u/…" + (rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "")
    }
}

/// Errors as pages: an HTTPError's status and its Chinese message, anything else a 500 that says what to do.
struct ErrorPages<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let message = error.body ?? "请求有误。"
            return Page.render("error", title: "无法完成", ["message": message, "back": "javascript:history.back()"], viewer: .anonymous, status: error.status)
        } catch {
            context.logger.error("\(request.uri.path): \(error)")
            return Page.render("error", title: "出错了", ["message": "处理时出错：\(error)。请稍后重试；仍不行请联系管理员并告知时间。", "back": "/"],
                               viewer: .anonymous, status: .internalServerError)
        }
    }
}

/// A header's name (HTTPTypes' own, reached through the fields Hummingbird exports).
typealias HeaderName = HTTPFields.Element.Name
