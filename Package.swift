// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Taizhang",
    products: [
        .library(name: "XLSX", targets: ["XLSX"]),
        .library(name: "CSV", targets: ["CSV"]),
        .library(name: "XLS", targets: ["XLS"]),
        .library(name: "DOCX", targets: ["DOCX"]),
        .library(name: "HTML", targets: ["HTML"]),
        .library(name: "Table", targets: ["Table"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Server", targets: ["Server"]),
        .executable(name: "taizhang", targets: ["taizhang"]),
        // Fixture builders for tests and the fuzz package (fuzz/); not part of the tool.
        .library(name: "TestSupport", targets: ["TestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // GRDB: the reporting rounds' store, one SQLite file per plan, with migrations and transactions.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // taizhang serve: the HTTP server (SwiftNIO underneath, graceful shutdown through service-lifecycle), bcrypt for
        // the office password, Mustache templates (HTML-escaped by default), and a streaming multipart/form-data parser.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // SwiftNIO named for its thread pool: reading a return or a plan runs there, off the pool that answers requests.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        .systemLibrary(name: "CLibzip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibxml2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // zlib directly, so that large parts deflate in parallel chunks before libzip stores them.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // statfs, which Glibc's module leaves out: large shared-string tables spill only to a disk, never to tmpfs.
        .systemLibrary(name: "CFileSystem"),
        .target(name: "XLSX", dependencies: ["CLibzip", "CLibxml2", "CZlib", "CFileSystem"]),
        .target(name: "CSV"),
        // Legacy .xls/.et (BIFF8/BIFF5 in an OLE2 compound file): our own reader, so merged cells, hidden sheets,
        // formats and cell addresses come through, which libfreexl does not expose.
        .target(name: "XLS", dependencies: ["XLSX", "CSV"]),
        // Word .docx tables, read through the workbook reader's zip and XML limits.
        .target(name: "DOCX", dependencies: ["XLSX"]),
        // Saved web pages and Word/WPS .htm, through libxml2's HTML parser.
        .target(name: "HTML", dependencies: ["CLibxml2", "XLSX"]),
        .target(name: "Table", dependencies: ["XLSX", "CSV", "XLS", "DOCX", "HTML"]),
        // Yams reads and writes the unit registry (samples/units.yaml) that offices edit by hand.
        .target(name: "Ledger", dependencies: ["Table", .product(name: "Yams", package: "Yams")], resources: [.process("Resources")]),
        // Reporting rounds: a ledger that remembers, in SQLite (the store is never needed to read a workbook).
        .target(name: "Store", dependencies: ["Ledger", .product(name: "GRDB", package: "GRDB.swift")]),
        // The output door: every workbook, CSV and JSON the tool writes from a plan or a ledger.
        .target(name: "Reports", dependencies: ["Ledger", "Store", "Table", "XLSX", "CSV", "CZlib"]),
        // The web page (taizhang serve): routes, templates, sessions and uploads over the library and the store.
        .target(name: "Server", dependencies: [
            "Table", "Ledger", "Reports", "Store", "XLSX", "XLS", "HTML",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .executableTarget(name: "taizhang", dependencies: [
            "XLSX", "CSV", "Table", "Ledger", "Reports", "Store", "Server",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // ExcelReference/ holds XML fragments Excel wrote, read by path from the tests.
        .testTarget(name: "XLSXTests", dependencies: ["XLSX", "TestSupport"], exclude: ["ExcelReference"]),
        .testTarget(name: "XLSTests", dependencies: ["XLS", "XLSX", "TestSupport"]),
        .testTarget(name: "DOCXTests", dependencies: ["DOCX", "XLSX", "TestSupport"]),
        .testTarget(name: "HTMLTests", dependencies: ["HTML", "XLSX", "TestSupport"]),
        .testTarget(name: "CSVTests", dependencies: ["CSV", "Table", "XLSX", "TestSupport"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Table", "XLSX", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Ledger", "Store", "Table", "XLSX", "CSV", "TestSupport"]),
        .testTarget(name: "TableTests", dependencies: ["Table", "CSV", "XLSX", "TestSupport"]),
        .testTarget(name: "ConformanceTests", dependencies: ["XLSX", "XLS", "Table", "Ledger", "Reports", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Ledger", "Table", "TestSupport"]),
        .testTarget(name: "TaizhangCLITests", dependencies: ["XLSX", "CSV", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
