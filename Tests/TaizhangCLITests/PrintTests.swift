import Foundation
import Testing
import TestSupport

/// The demo's ledger printed as a meeting needs it, rendered by LibreOffice (installed by `make test`): the
/// 总台账's own pages, then one page for each other sheet, every 总台账 page with the whole header (no split columns),
/// and rows tall enough that no wrapped text is cut off.
@Suite("Printing the ledger")
struct PrintTests {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The text of each page of a PDF.
    static func pages(_ pdf: String) throws -> [String] {
        let pdftotext = try #require(tool("pdftotext"), "pdftotext missing: run make test, which installs poppler-utils")
        let whole = try run(pdftotext, ["-layout", pdf, "-"])
        // pdftotext ends each page with a form feed.
        return whole.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs the demo's steps in `work` and prints `workbook` of its outputs to PDF with LibreOffice: its pages' text.
    static func printed(_ workbook: String, work: String) throws -> [String] {
        let soffice = try #require(tool("soffice"), "LibreOffice missing: run make test, which installs libreoffice-calc-nogui")
        let demo = try CLI.run(["--shell", "bash \"$1\" \"$0\" \"$2\"", CLI.repository + "/scripts/demo-hashes.sh", work])
        #expect(demo.status == 0, "\(demo.stderr)")
        // A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
        _ = try run(soffice, ["-env:UserInstallation=file://" + work + "/profile", "--headless", "--convert-to", "pdf",
                              "--outdir", work, work + "/out/" + workbook + ".xlsx"])
        return try pages(work + "/" + workbook + ".pdf")
    }

    @Test("总台账.xlsx of the demo prints its ledger pages, then one page per sheet, no split columns, no clipped rows")
    func ledgerPages() throws {
        let work = NSTemporaryDirectory() + "taizhang-print-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: work) }
        let pages = try Self.printed("总台账", work: work)
        let markers = ["总台账": "落实情况台账", "汇总": "各单位任务落实情况汇总", "逾期事项": "逾期天数", "未报送": "应报任务数", "问题": "级别", "来源": "SHA-256"]
        var count: [String: Int] = [:]
        for page in pages {
            let sheet = try #require(markers.first { page.contains($0.value) }?.key, "a page of no known sheet: \(page.prefix(80))")
            count[sheet, default: 0] += 1
            if sheet == "总台账" { #expect(page.contains("序号") && page.contains("未报送单位"), "a 总台账 page without its whole header") }
        }
        #expect(count["总台账", default: 0] >= 1)
        let lost = try Self.lost(sheets: ["总台账"], of: work + "/out/总台账.xlsx", printed: pages.filter { $0.contains("落实情况台账") })
        #expect(lost.count == 0, "characters of 总台账 missing from its printed pages (rows too short?): \(lost.keys.sorted().prefix(20))")
        for sheet in ["汇总", "逾期事项", "未报送", "问题", "来源"] { #expect(count[sheet] == 1, "\(sheet): \(count[sheet] ?? 0) pages") }
    }

    @Test("简报.xlsx of the demo prints with nothing clipped")
    func briefingPages() throws {
        let work = NSTemporaryDirectory() + "taizhang-print-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: work) }
        let pages = try Self.printed("简报", work: work)
        #expect(pages.count >= 1)
        let lost = try Self.lost(sheets: nil, of: work + "/out/简报.xlsx", printed: pages)
        #expect(lost.count == 0, "characters of 简报 missing from its printed pages: \(lost.keys.sorted().prefix(20))")
    }

    /// The characters of `sheets` (all when nil), read by openpyxl, that `printed` lacks. A row too short for its
    /// wrapped text is clipped in print, and its lost lines are missing from the PDF's text.
    static func lost(sheets: [String]?, of workbook: String, printed: [String]) throws -> [Character: Int] {
        let script = """
        import sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        for sheet in (sys.argv[2:] or book.sheetnames):
            for row in book[sheet].iter_rows(values_only=True):
                print(''.join(str(v) for v in row if v is not None))
        """
        func characters(_ text: String) -> [Character: Int] {
            text.filter { !$0.isWhitespace }.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }
        let have = characters(printed.joined())
        return characters(try Openpyxl.output(of: script, [workbook] + (sheets ?? []))).filter { have[$0.key, default: 0] < $0.value }
    }
}
