import Foundation
import Hummingbird
import Mustache

/// A rendered page in the site's layout, as an HTML response.
enum Page {
    /// Who the page is for: the office (its nav and CSRF token), a unit through its link, or someone not logged in.
    enum Viewer {
        case anonymous
        case office(csrf: String)
        case unit(name: String, base: String)
    }

    private static let library: MustacheLibrary = {
        var templates: [String: MustacheTemplate] = [:]
        let sources = ["layout": Templates.layout, "setup": Templates.setup, "login": Templates.login, "home": Templates.home,
                       "planIssues": Templates.planIssues, "units": Templates.units, "round": Templates.round, "ledger": Templates.ledger,
                       "history": Templates.history, "unitHome": Templates.unitHome,
                       "progressForm": Templates.progressForm, "checked": Templates.checked, "error": Templates.error]
        for (name, source) in sources {
            // The templates are ours and tested; one that does not parse is a bug to see at once.
            guard let template = try? MustacheTemplate(string: source) else { preconditionFailure("template \(name) does not parse") }
            templates[name] = template
        }
        return MustacheLibrary(templates: templates)
    }()

    static func render(_ template: String, title: String, _ context: [String: Any] = [:], viewer: Viewer,
                       notice: String? = nil, alert: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        // An absent optional is no value at all: Mustache would take `Optional.none` for a value, print "nil" and open
        // its {{#section}}.
        var context = context.filter { !isNone($0.value) }
        var chrome: [String: Any] = ["title": title, "home": "/"]
        switch viewer {
        case .anonymous: break
        case .office(let csrf):
            chrome["office"] = true
            chrome["csrf"] = csrf
            context["csrf"] = csrf
        case .unit(let name, let base):
            chrome["unitName"] = name
            chrome["home"] = base
            context["base"] = base
        }
        chrome["notice"] = notice
        chrome["alert"] = alert
        chrome["body"] = library.render(context, withTemplate: template) ?? ""
        let html = library.render(chrome, withTemplate: "layout") ?? ""
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func isNone(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    /// 303 See Other to `location`: the answer to a form posted, so that reloading does not post it again.
    static func redirect(_ location: String, cookie: Cookie? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        if let cookie { response.setCookie(cookie) }
        return response
    }

    /// A file to save, named in UTF-8 (RFC 6266) so that 总台账.xlsx keeps its name in every browser.
    static func download(_ data: Data, name: String, type: String) -> Response {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? "download"
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"download\"; filename*=UTF-8''\(encoded)"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A static text resource (the stylesheet, the script), cached by the browser for an hour.
    static func resource(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
