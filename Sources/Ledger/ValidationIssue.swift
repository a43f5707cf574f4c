import Table

/// A problem found in a plan or a return, with where it is and what to do. Codes are a contract other tools read.
public struct ValidationIssue: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        public static func < (a: Self, b: Self) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// A stable code such as `unknown-unit` or `bad-deadline`.
    public var code: String
    public var location: SourceLocation
    /// What is wrong and what to do, in Chinese.
    public var message: String

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
    }

    /// `计划表.xlsx 工作表1!E12: message`, as `validate` prints it.
    public var line: String { "\(location): \(message)" }
}
