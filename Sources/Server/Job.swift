import Foundation
import NIOPosix

/// The heavy work of a round — the merge, the templates, the briefing — runs as the taizhang command itself in a child
/// process: the files are the command line's byte for byte, a merge's few hundred megabytes are given back when it
/// ends, and the server's own memory stays flat. At most `limit` run at once; the others wait their turn.
actor Jobs {
    private let executable: String
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(executable: String, limit: Int) {
        self.executable = executable
        self.limit = max(1, limit)
    }

    struct Outcome: Sendable {
        var status: Int32
        /// What the command printed, standard output then standard error.
        var output: String
    }

    /// Runs `taizhang ARGUMENTS…` and gives its exit status and what it printed.
    func run(_ arguments: [String]) async throws -> Outcome {
        if running >= limit { await withCheckedContinuation { waiting.append($0) } }
        running += 1
        defer {
            running -= 1
            if !waiting.isEmpty { waiting.removeFirst().resume() }
        }
        return try await Self.spawn(executable, arguments)
    }

    private static func spawn(_ executable: String, _ arguments: [String]) async throws -> Outcome {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-job-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return Outcome(status: status, output: output)
    }
}

extension Office {
    /// Work that keeps a core busy (reading a plan or a return, writing a workbook) runs on NIO's thread pool, one thread
    /// per core, so that the threads answering requests stay free: /healthz and light pages answer during a load.
    static func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }
}
