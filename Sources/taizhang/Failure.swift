import ArgumentParser
import CSV
import XLSX

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

/// Prints a library error in the user's language and maps it to exit code 2.
func report(_ error: Error) -> ExitCode {
    let message: String
    switch error {
    case let e as XLSXError: message = e.description
    case let e as CSVError: message = e.description
    case let e as CSVReadError: message = e.description
    case let e as XLSXWriteError: message = e.description
    case let e as OutputError: message = e.description
    default: message = "\(error)"
    }
    printError("错误：" + message)
    return Exit.cannotReadOrWrite
}

func printError(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
