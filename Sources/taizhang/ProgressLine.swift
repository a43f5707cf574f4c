#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress report on standard error for work that takes over a second; silent when standard
/// error is not a terminal (a log file or a pipe would fill with carriage returns) or with --quiet.
struct ProgressLine {
    private let enabled: Bool
    private let what: String
    private let unit: String
    private let total: Int
    private let start: ContinuousClock.Instant
    /// Rates count from here: this phase's own start.
    private let phaseStart = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var done = 0
    private var rows = 0

    /// `what` names the work (合并反馈), `unit` what is counted (个文件), `total` how many there will be;
    /// `since` is when the whole job began, so that its second phase shows at once once a second has passed.
    init(_ what: String, unit: String, total: Int, quiet: Bool, since: ContinuousClock.Instant = .now, terminal: Bool = isatty(2) != 0) {
        start = since
        self.what = what
        self.unit = unit
        self.total = total
        enabled = terminal && !quiet
    }

    /// Records one more item done, with the rows it held, and redraws at most ten times a second.
    mutating func advance(rows more: Int = 0) {
        done += 1
        rows += more
        draw()
    }

    /// Records the rows done so far in work that is not counted in items (one sheet streamed).
    mutating func update(rows total: Int) {
        rows = total
        draw()
    }

    /// Records the items done so far, of `total`.
    mutating func update(done count: Int) {
        done = count
        draw()
    }

    private mutating func draw() {
        let now = ContinuousClock.now
        guard enabled, now - start >= .seconds(1), lastDrawn.map({ now - $0 >= .milliseconds(100) }) ?? true else { return }
        lastDrawn = now
        printErrorRaw("\r\u{1B}[K" + Self.text(what: what, unit: unit, done: done, total: total, rows: rows, elapsed: now - phaseStart))
    }

    /// Clears the line so that what follows starts clean; once, however often it is called.
    mutating func finish() {
        if enabled && lastDrawn != nil { printErrorRaw("\r\u{1B}[K") }
        lastDrawn = nil
    }

    /// The line itself: `合并反馈 12/200 个文件，3400 行，每秒 85 行`; without a total, `转换 工作表1，3400 行，每秒 85 行`.
    static func text(what: String, unit: String, done: Int, total: Int, rows: Int, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var line = total > 0 ? "\(what) \(done)/\(total) \(unit)" : what
        if rows > 0 {
            let rate = seconds > 0 ? Int((Double(rows) / seconds).rounded()) : rows
            line += "，\(rows) 行，每秒 \(rate) 行"
        } else if seconds > 0 {
            line += "，每秒 \(Int((Double(done) / seconds).rounded())) \(unit)"
        }
        return line
    }
}

/// Writes to standard error without a newline.
func printErrorRaw(_ text: String) {
    var line = text
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
