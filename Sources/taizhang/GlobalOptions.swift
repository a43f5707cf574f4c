import ArgumentParser
import Table

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "显示耗时和峰值内存。Print time taken and peak memory to standard error.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "只输出错误。Print errors only.")
    var quiet = false

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("读取一个计划表或反馈表最多用的内存（MB），默认 \(ReadBudget.standard.megabytes)。Memory budget for reading one plan or return, in MB.", valueName: "MB"))
    var maxMemory = ReadBudget.standard.megabytes

    /// The memory budget `--max-memory` sets.
    var budget: ReadBudget { ReadBudget(megabytes: maxMemory) }

    func validate() throws {
        guard maxMemory >= 16 && maxMemory <= 1 << 20 else { throw ValidationError("--max-memory 应在 16 到 1048576（MB）之间。--max-memory must be 16 to 1048576 MB.") }
    }

    /// Runs `body`, then with --verbose reports the time it took and the process's peak memory, also on failure.
    func measured<R>(_ body: () throws -> R) rethrows -> R {
        let start = ContinuousClock.now
        defer {
            if verbose && !quiet {
                let elapsed = ContinuousClock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                printError("用时 \(format(seconds)) 秒，峰值内存 \(format(Self.peakMegabytes())) MB")
            }
        }
        return try body()
    }

    /// The peak resident memory of this program: VmHWM, which starts afresh at exec
    /// (unlike getrusage's maxrss, which a child inherits from the parent that spawned it).
    static func peakMegabytes() -> Double {
        if let file = fopen("/proc/self/status", "r") {
            defer { fclose(file) }
            var line = [CChar](repeating: 0, count: 256)
            while fgets(&line, Int32(line.count), file) != nil {
                let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if text.hasPrefix("VmHWM:") {
                    let kilobytes = Double(text.dropFirst(6).filter { $0.isNumber }) ?? 0
                    return kilobytes / 1024
                }
            }
        }
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_maxrss) / 1024
    }

    private func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)"
    }
}
