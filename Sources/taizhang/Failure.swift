import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The documented exit codes.
enum Exit {
    static let dataProblems = ExitCode(1)
    static let cannotReadOrWrite = ExitCode(2)
}

/// Prints a library error in the user's language and maps it to exit code 2. Every error type of the
/// library describes itself in Chinese with its location.
func report(_ error: Error) -> ExitCode {
    printError("错误：\(error)")
    return Exit.cannotReadOrWrite
}

func printError(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
