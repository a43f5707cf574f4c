// swift-tools-version:6.0
// The libFuzzer targets over "open any bytes and read every sheet" (.xlsx, .xls, .docx). Built only by `make fuzz`
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
        .executableTarget(name: "FuzzXLS", dependencies: [
            .product(name: "XLS", package: "Taizhang"),
            .product(name: "XLSX", package: "Taizhang"),
        ]),
        .executableTarget(name: "FuzzDOCX", dependencies: [
            .product(name: "DOCX", package: "Taizhang"),
            .product(name: "TestSupport", package: "Taizhang"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
