#if canImport(Glibc)
import Glibc
#endif

// SwiftPM links executables with its own `main`, so libFuzzer is started through its driver entry point.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// Runs libFuzzer over `target` with the command line's arguments, and exits with its status.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}

/// Writes `bytes` to a file of this process's own and calls `body` with its path, as users' files are opened.
public func withTemporaryFile(_ bytes: [UInt8], suffix: String, _ body: (String) -> Void) {
    let path = "/tmp/taizhang-fuzz-\(getpid())\(suffix)"
    guard let file = fopen(path, "wb") else { return }
    fwrite(bytes, 1, bytes.count, file)
    fclose(file)
    defer { unlink(path) }
    body(path)
}
