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
    printError(highlighted("错误：") + "\(error)")
    return Exit.cannotReadOrWrite
}

func printError(_ text: String) {
    printErrorRaw(text + "\n")
}

/// `label` in red when standard error is a terminal and NO_COLOR (no-color.org) is unset; plain otherwise,
/// so that logs and pipes never carry escape codes.
func highlighted(_ label: String, terminal: Bool = isatty(2) != 0, noColor: Bool = getenv("NO_COLOR") != nil) -> String {
    terminal && !noColor ? "\u{1B}[1;31m" + label + "\u{1B}[0m" : label
}
