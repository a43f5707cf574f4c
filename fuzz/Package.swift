// swift-tools-version:6.0
// The libFuzzer target over "open any bytes and read every sheet". Built only by `make fuzz`
// (fuzz/run.sh), with -sanitize=fuzzer,address, so it stays out of the main package's builds.
import PackageDescription

let package = Package(
    name: "TaizhangFuzz",
    dependencies: [.package(name: "Taizhang", path: "..")],
    targets: [
        .executableTarget(name: "FuzzReader", dependencies: [
            .product(name: "XLSX", package: "Taizhang"),
            .product(name: "TestSupport", package: "Taizhang"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
