import Foundation
import Hummingbird
import Logging

/// `taizhang serve`: the office's and the units' web page over a served folder.
public struct WebServer: Sendable {
    let options: ServeOptions

    public init(options: ServeOptions) {
        self.options = options
    }

    /// The router with every route and the middleware around them (also what tests drive without a socket).
    func router(_ office: Office) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLog())
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorPages())
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}")))
        }
        router.get("/static/site.css") { _, _ in Page.resource(Templates.css, type: "text/css; charset=utf-8") }
        router.get("/static/site.js") { _, _ in Page.resource(Templates.script, type: "text/javascript; charset=utf-8") }
        office.addRoutes(to: router)
        office.addUnitRoutes(to: router)
        office.addProgressFormRoutes(to: router)
        return router
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight (uploads among them) before it returns.
    public func run() async throws {
        let site = try Site(options: options)
        let office = Office(site: site, jobs: Jobs(executable: options.executable, limit: options.jobs))
        if options.resetPassword {
            try site.web.resetPassword()
            print("已清除办公室密码，所有登录均已退出。")
        }
        if !office.hasPassword {
            let address = options.publicURL ?? "http://\(options.host):\(options.port)"
            print("首次使用：请在浏览器打开 \(address)/setup 设置办公室密码，设置码：\(try office.setupCode())")
        }
        var logger = Logger(label: "taizhang")
        logger.logLevel = .warning
        let app = Application(router: router(office), configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
                              onServerRunning: { channel in
                                  print("taizhang serve：正在服务 \(options.folder)，地址 http://\(options.host):\(channel.localAddress?.port ?? options.port)/")
                                  fflush(nil)
                              }, logger: logger)
        try await app.runService()
    }
}
