import ArgumentParser
import Dispatch
import Foundation
import Server

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动网页：办公室在浏览器中完成一轮报送，各单位凭专用链接上传反馈。Serve the web page for the office and its units.",
        discussion: """
        --store 指定的文件夹保存一切：web.db（密码、会话、单位链接、上传记录）、台账.db（台账数据库，命令行也可读取）、
        uploads/（收到的每个文件，按生成的名字保存）和 rounds/（各轮合并结果）。首次启动会打印设置码，用于在网页上设置办公室密码。
        默认只在本机（127.0.0.1）监听；在内网提供服务时，请放在 HTTPS 反向代理之后（见 docs/部署指南.md）。

        示例 Examples:
          taizhang serve --store /srv/taizhang --port 8080 --public-url https://taizhang.example.gov.cn
          taizhang serve --store ./网页 --host 0.0.0.0 --port 8080 --insecure-cookies   # 仅限测试：无 HTTPS 时
        """)

    @Option(help: "保存数据的文件夹。Folder that holds everything served.")
    var store = "taizhang-web"

    @Option(help: "监听地址，默认只在本机。Address to listen on; loopback by default.")
    var host = "127.0.0.1"

    @Option(help: "端口，0 表示任选空闲端口。Port; 0 picks a free one.")
    var port = 8080

    @Option(name: .customLong("max-upload-mb"), help: "单次上传的上限（MB），默认 20。Largest upload, in MB.")
    var maxUploadMB = 20

    @Option(name: .customLong("max-uploads-per-round"), help: "每个单位每轮最多上传几次，默认 50。Uploads one unit may send in one round.")
    var maxUploadsPerRound = 50

    @Option(name: .customLong("public-url"), help: "用户访问的地址（在反向代理之后时），单位链接以它开头。Address users reach the page at, behind a proxy; unit links start with it.")
    var publicURL: String?

    @Flag(name: .customLong("reset-password"), help: "忘记密码时使用：清除办公室密码并退出所有登录，启动时打印新的设置码。Forget the office password and end all sessions.")
    var resetPassword = false

    @Flag(name: .customLong("insecure-cookies"), help: "会话 Cookie 不带 Secure（仅用于没有 HTTPS 的测试）。Session cookies without Secure, for plain-HTTP testing only.")
    var insecureCookies = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port 应在 0 到 65535 之间（0 表示任选一个空闲端口）。") }
        if !(1...500).contains(maxUploadMB) { throw ValidationError("--max-upload-mb 应在 1 到 500 之间。") }
        if !(1...10_000).contains(maxUploadsPerRound) { throw ValidationError("--max-uploads-per-round 应在 1 到 10000 之间。") }
        if let url = publicURL, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.dropFirst(8).isEmpty || url.contains(" ") {
            throw ValidationError("--public-url 应是完整地址，如 https://taizhang.example.gov.cn")
        }
    }

    func run() throws {
        var options = ServeOptions(folder: store, host: host, port: port, executable: Self.executable)
        options.maxUploadBytes = maxUploadMB * 1_048_576
        options.secureCookies = !insecureCookies
        options.resetPassword = resetPassword
        options.maxUploadsPerUnitRound = maxUploadsPerRound
        options.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await WebServer(options: options).run()
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw report(error) }
    }

    /// This very binary, which runs merges and briefings as child processes.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The server's error, handed from its task to the command's thread.
    final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}
