import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `taizhang serve` running for a test on a free port of this machine, over its own folder, until `stop()`.
final class Served {
    let folder: String
    let port: Int
    /// The first-start setup code it printed.
    let code: String
    let log: String
    let pid: pid_t

    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts the server; `folder` again serves what an earlier one left (a restart).
    init(_ extra: [String] = [], folder: String? = nil) throws {
        self.folder = folder ?? NSTemporaryDirectory() + "served-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: self.folder, withIntermediateDirectories: true)
        log = self.folder + "-\(UUID().uuidString.prefix(8)).log"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let command = [CLI.binary, "serve", "--store", self.folder + "/site", "--port", "0", "--insecure-cookies"] + extra
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var child: pid_t = 0
        guard posix_spawn(&child, command[0], &actions, &attributes, argv, environ) == 0 else { throw CocoaError(.fileNoSuchFile) }
        pid = child
        var text = ""
        var tries = 0
        while !text.contains("正在服务") && tries < 300 {
            usleep(50_000)
            tries += 1
            text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        }
        guard let port = text.firstMatch(of: /地址 http:\/\/127\.0\.0\.1:(\d+)\//).flatMap({ Int($0.1) }), port > 0,
              let code = text.firstMatch(of: /设置码：([A-Za-z0-9_-]+)/).map({ String($0.1) }) else {
            Glibc.kill(child, SIGKILL)
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "serve did not start: \(text)"])
        }
        (self.port, self.code) = (port, code)
    }

    /// SIGTERM, as systemd stops it; gives its exit status once it has finished what was in flight.
    @discardableResult
    func stop() -> Int32 {
        Glibc.kill(pid, SIGTERM)
        return exitStatus()
    }

    /// Waits for the server to end by itself (after a signal sent elsewhere) and gives its exit status.
    func exitStatus() -> Int32 {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Runs a script of Tests/Web with these arguments, by the tests' Python (the venv that has openpyxl and selenium).
    static func python(_ script: String, _ arguments: [String]) throws -> CLI.Result {
        try CLI.run(["--shell", "cd '\(CLI.repository)/Tests/Web' && exec '\(try Openpyxl.python())' \(script) \"$@\""] + arguments)
    }
}
