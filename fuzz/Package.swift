// swift-tools-version:6.0
// The libFuzzer targets over "open any bytes and read every sheet" (.xlsx, .xls, .docx). Built only by `make fuzz`
// (fuzz/run.sh), with -sanitize=fuzzer,address, so it stays out of the main package's builds.
import PackageDescription

let package = Package(
    name: "TaizhangFuzz",
    dependencies: [.package(name: "Taizhang", path: "..")],
    targets: [
        // libFuzzer's driver and the temporary file each input is written to, shared by the targets.
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzReader", dependencies: [
            "FuzzDriver",
            .product(name: "XLSX", package: "Taizhang"),
            .product(name: "TestSupport", package: "Taizhang"),
        ]),
        .executableTarget(name: "FuzzXLS", dependencies: [
            "FuzzDriver",
            .product(name: "XLS", package: "Taizhang"),
            .product(name: "XLSX", package: "Taizhang"),
        ]),
        .executableTarget(name: "FuzzDOCX", dependencies: [
            "FuzzDriver",
            .product(name: "DOCX", package: "Taizhang"),
            .product(name: "TestSupport", package: "Taizhang"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
