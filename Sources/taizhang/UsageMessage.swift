/// The command line's usage errors in the clerk's language: swift-argument-parser writes them in English, and
/// the lines it writes are rewritten here, with the English kept after them for whoever reports a bug.
enum UsageMessage {
    static func chinese(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { translate(String($0)) }.joined(separator: "\n")
    }

    private static func translate(_ line: String) -> String {
        if let match = line.firstMatch(of: /^Error: Missing expected argument '(.+)'$/) {
            return "错误：缺少参数 \(match.output.1)。（\(line.dropFirst(7))）"
        }
        if let match = line.firstMatch(of: /^Error: Unknown option '(.+)'$/) {
            return "错误：不认识的选项 \(match.output.1)，请用 --help 查看可用的选项。（\(line.dropFirst(7))）"
        }
        if let match = line.firstMatch(of: /^Error: Unexpected argument '(.+)'$/) {
            return "错误：多余的参数“\(match.output.1)”，请检查命令（路径中有空格时请加引号）。（\(line.dropFirst(7))）"
        }
        if let match = line.firstMatch(of: /^Error: Missing value for '(.+)'$/) {
            return "错误：选项 \(match.output.1) 后面缺少取值。（\(line.dropFirst(7))）"
        }
        if let match = line.firstMatch(of: /^Error: The value '(.*)' is invalid for '(.+?)'\.?(.*)$/) {
            return "错误：\(match.output.2) 不能取“\(match.output.1)”。\(match.output.3.replacing("Please provide one of", with: "可选："))（\(line.dropFirst(7))）"
        }
        if line.hasPrefix("Error: ") { return "错误：" + line.dropFirst(7) }
        if line.hasPrefix("Help: ") { return "说明：" + line.dropFirst(6) }
        if line.hasPrefix("Usage: ") { return "用法：" + line.dropFirst(7) }
        if let match = line.firstMatch(of: /^\s+See '(.+)' for more information\.$/) { return "  详见 \(match.output.1)。" }
        return line
    }
}
