import Foundation
import Testing

/// `taizhang serve` over HTTP on this machine: the clerk's round and two units' returns (Tests/Web/round_flow.py),
/// and the files it hands out equal to the command line's for the same inputs.
@Suite("The web page over HTTP", .serialized)
struct ServeTests {
    static let samples = CLI.repository + "/samples"

    @Test("the clerk's whole round over HTTP; the ledger, CSV, briefing and templates equal the command line's")
    func round() throws {
        let served = try Served()
        defer { served.stop() }
        let out = served.folder + "/downloads"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let flow = try Served.python("round_flow.py", [served.base, Self.samples, served.code, out])
        #expect(flow.status == 0 && flow.stdout.hasSuffix("done\n"), "\(flow.stdout)\(flow.stderr)")

        Self.expectCommandLineOutputs(served, downloads: out, names: [("总台账.xlsx", "总台账.xlsx"), ("总台账.csv", "总台账.csv"), ("简报.xlsx", "简报.xlsx"),
                                                                 ("法规科-template.xlsx", "templates/法规科-任务反馈表.xlsx"),
                                                                 ("政务科-template.xlsx", "templates/政务科-任务反馈表.xlsx")])
        // One log line per request, a unit's token never in it.
        let log = try String(contentsOfFile: served.log, encoding: .utf8)
        #expect(log.contains("POST /rounds/2023-07/merge 303") && log.contains("GET /u/… 200"))
        let tokens = try String(contentsOfFile: out + "/links.txt", encoding: .utf8).split(separator: "\n").map { $0.split(separator: "/").last.map(String.init) ?? "" }
        #expect(tokens.count == 2 && tokens.allSatisfy { !$0.isEmpty && !log.contains($0) })
        #expect(served.stop() == 0)
    }

    @Test("another unit's token, tampered and revoked links, missing CSRF, an oversized upload, upload and part counts, a zip bomb, a path in a name, a script in a cell")
    func security() throws {
        let served = try Served(["--public-url", "https://taizhang.example.gov.cn/", "--max-uploads-per-round", "4"])
        defer { served.stop() }
        let checks = try Served.python("security.py", [served.base, Self.samples, served.code, served.folder + "/site"])
        #expect(checks.status == 0 && checks.stdout.hasSuffix("done\n"), "\(checks.stdout)\(checks.stderr)")
        #expect(served.stop() == 0)
    }

    @Test("SIGTERM during an upload: the upload is finished, checked and kept; then the server exits 0")
    func gracefulStop() throws {
        let served = try Served()
        let run = try Served.python("graceful.py", [served.base, Self.samples, served.code, String(served.pid)])
        #expect(run.status == 0 && run.stdout.hasSuffix("done\n"), "\(run.stdout)\(run.stderr)")
        // The script sent SIGTERM once it had half an upload in; if it failed before, the server is stopped here.
        #expect((run.status == 0 ? served.exitStatus() : served.stop()) == 0)
        let kept = try FileManager.default.contentsOfDirectory(atPath: served.folder + "/site/uploads").filter { $0.hasSuffix(".xlsx") }
        #expect(kept.count == 2, "the plan and the return are kept: \(kept)")
    }

    @Test("a forgotten password: serve --reset-password ends every session, refuses the old password, prints a new setup code")
    func resetPassword() throws {
        let first = try Served()
        defer { first.stop() }
        let cookie = first.folder + "/cookie.txt"
        let set = try Served.python("password.py", [first.base, first.code, "set", cookie])
        #expect(set.status == 0 && set.stdout.hasSuffix("done\n"), "\(set.stdout)\(set.stderr)")
        #expect(first.stop() == 0)
        let again = try Served(["--reset-password"], folder: first.folder)
        defer { again.stop() }
        #expect(again.code != first.code)
        #expect(try String(contentsOfFile: again.log, encoding: .utf8).contains("已清除办公室密码"))
        let reset = try Served.python("password.py", [again.base, again.code, "reset", cookie])
        #expect(reset.status == 0 && reset.stdout.hasSuffix("done\n"), "\(reset.stdout)\(reset.stderr)")
        #expect(again.stop() == 0)
    }

    @Test("the clerk's round and two units' returns (one typed in the form) in headless chromium, a screenshot of each page, the downloads equal the command line's")
    func browser() throws {
        let served = try Served()
        defer { served.stop() }
        // Kept after the run, to be looked at: out/screenshots/serve/01-setup.png …
        let shots = CLI.repository + "/out/screenshots/serve", downloads = served.folder + "/downloads"
        try? FileManager.default.removeItem(atPath: shots)
        let run = try Served.python("browser.py", [served.base, Self.samples, served.code, shots, downloads])
        #expect(run.status == 0 && run.stdout.hasSuffix("done\n"), "\(run.stdout)\(run.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: shots).filter { $0.hasSuffix(".png") }.count) == 17)
        Self.expectCommandLineOutputs(served, downloads: downloads, names: [("2023-07-总台账.xlsx", "总台账.xlsx"), ("2023-07-总台账.csv", "总台账.csv"),
                                                                          ("2023-07-简报.xlsx", "简报.xlsx")])
        #expect(served.stop() == 0)
    }

    /// The command line run on the inputs the server merged (the round folder's plan and returns, into a new store),
    /// and each downloaded file equal to the command line's, byte for byte.
    static func expectCommandLineOutputs(_ served: Served, downloads: String, names: [(served: String, cli: String)]) {
        let round = served.folder + "/site/rounds/2023-07", cli = served.folder + "/cli-" + UUID().uuidString
        let store = cli + "/台账.db", units = samples + "/units.yaml"
        do {
            try FileManager.default.createDirectory(atPath: cli, withIntermediateDirectories: true)
            #expect(try CLI.run(["ledger", "init", round + "/plan-2023.xlsx", "--units", units, "-o", store]).status == 0)
            var merge = ["merge", round + "/plan-2023.xlsx", round + "/returns", "--units", units, "--as-of", "2023-07-10", "-o", cli + "/总台账.xlsx",
                         "--csv", cli + "/总台账.csv", "--into", store, "--round", "2023-07", "-q"]
            for unit in ["法规科", "政务科", "规划科"] { merge += ["--unit", "\(unit)-任务反馈表.xlsx=\(unit)"] }
            #expect(try CLI.run(merge).status <= 1)
            #expect(try CLI.run(["report", store, "--round", "2023-07", "-o", cli + "/简报.xlsx", "-q"]).status == 0)
            #expect(try CLI.run(["split", samples + "/plan-2023.xlsx", "--units", units, "-o", cli + "/templates", "-q"]).status == 0)
        } catch {
            Issue.record(error)
        }
        for (name, ours) in names {
            let a = FileManager.default.contents(atPath: downloads + "/" + name), b = FileManager.default.contents(atPath: cli + "/" + ours)
            #expect(a != nil && a == b, "\(name) differs from the command line's \(ours)")
        }
    }
}
