import Foundation

/// openpyxl, the independent reader the tests read our workbooks back with, in a venv under .build made once
/// per test run (Python and PyPI needed; the tests that use it say so when they are missing); selenium, which drives
/// chromium in the web page's tests, is installed in the same venv.
public enum Openpyxl {
    public struct Missing: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The venv's python; made once for the whole run, so that tests running at once do not race to make it.
    public static func python() throws -> String { try made.get() }

    private static let made: Result<String, Missing> = {
        let venv = repository.appendingPathComponent(".build/openpyxl-venv").path
        let python = venv + "/bin/python"
        if run(python, ["-c", "import openpyxl, selenium"]) == 0 { return .success(python) }
        guard run("/usr/bin/env", ["python3", "--version"]) == 0 else {
            return .failure(Missing(reason: "python3 is not installed: the openpyxl round trip needs it (apt-get install python3 python3-venv)"))
        }
        guard FileManager.default.fileExists(atPath: python) || run("/usr/bin/env", ["python3", "-m", "venv", venv]) == 0,
              run(python, ["-m", "pip", "install", "--quiet", "openpyxl==3.1.5", "selenium==4.27.1"]) == 0 else {
            return .failure(Missing(reason: "could not make a venv with openpyxl and selenium at \(venv) (python3-venv and PyPI needed)"))
        }
        return .success(python)
    }()

    /// Runs a program; its standard output goes to `output` when given.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], output: Pipe? = nil) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        if let output {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            output.fileHandleForWriting.write(data)
            return process.terminationStatus
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What `script` (Python, reading `arguments` as sys.argv[1:]) prints.
    public static func output(of script: String, _ arguments: [String]) throws -> String {
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = ["-c", script] + arguments
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
