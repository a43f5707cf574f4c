// swift-tools-version:6.0
// The write benchmark's Swift side (bench/write/run-write.sh): the same ledger workbook that the
// libxlsxwriter and XlsxWriter programs write, through Taizhang's XLSX writer. Built by `make bench`.
import PackageDescription

let package = Package(
    name: "TaizhangBench",
    dependencies: [.package(name: "Taizhang", path: "..")],
    targets: [
        .executableTarget(name: "taizhang-bench", dependencies: [
            .product(name: "XLSX", package: "Taizhang"),
            .product(name: "Ledger", package: "Taizhang"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
