import Foundation
import TestSupport
import Testing
@testable import XLSX

/// Bad and hostile files are refused with a typed, located error, quickly and in bounded memory.
@Suite("Hostile and broken input")
struct HostileInputTests {
    func error(opening path: String, readingAll: Bool = true) -> XLSXError? {
        do {
            let workbook = try Workbook(path: path)
            if readingAll { for sheet in workbook.sheets { _ = try workbook.read(sheet) } }
            return nil
        } catch let error as XLSXError {
            return error
        } catch {
            Issue.record("untyped error \(error)")
            return nil
        }
    }

    func file(_ bytes: [UInt8], name: String = "input.xlsx") throws -> String {
        let path = Fixture.directory() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("random bytes are not a zip")
    func randomBytes() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(error(opening: try file([0x00] + bytes))?.code == "not-a-zip")
        #expect(error(opening: try file([]))?.code == "not-a-zip")
    }

    @Test("a truncated zip is corrupt or not a zip, never a crash")
    func truncatedZip() throws {
        let whole = Fixture.package(sheets: [("S", Fixture.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))]).bytes()
        for cut in stride(from: 10, to: whole.count, by: 37) {
            let code = error(opening: try file(Array(whole[0..<cut])))?.code
            #expect(code == "corrupt-zip" || code == "not-a-zip" || code == "missing-part", "cut at \(cut): \(String(describing: code))")
        }
    }

    @Test("an OLE compound file: a legacy .xls, or an encrypted workbook when it holds EncryptedPackage")
    func compoundFiles() throws {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let xls = try file(ole + Array("Workbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), name: "旧表.xls")
        let legacy = error(opening: xls)
        #expect(legacy?.code == "legacy-xls")
        #expect(legacy?.description.contains("另存为 .xlsx") == true)
        #expect(legacy?.description.contains("旧表.xls") == true)

        let encrypted = try file(ole + Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let e = error(opening: encrypted)
        #expect(e?.code == "encrypted")
        #expect(e?.description.contains("去除密码") == true)
    }

    @Test("a zip bomb: a sheet of a billion empty cells is refused from its declared sizes, at once")
    func zipBombDeclared() throws {
        let (data, size) = DeflateBomb.stream(prefix: "<worksheet><sheetData><row>", unit: "<c/>", matches: 15_503_876, suffix: "</row></sheetData></worksheet>")
        var zip = Fixture.package(sheets: [("S", "")])
        zip.entries.removeAll { $0.name == "xl/worksheets/sheet1.xml" }
        zip.add(ZipBuilder.Entry(name: "xl/worksheets/sheet1.xml", data: data, method: 8, declaredSize: UInt32(size), crc: 0))
        let path = try file(zip.bytes())
        let start = ContinuousClock.now
        let e = error(opening: path)
        #expect(e?.code == "zip-bomb")
        #expect(e?.location.part == "xl/worksheets/sheet1.xml")
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test("a zip bomb whose header lies about its size is stopped as soon as it passes the declared size")
    func zipBombLying() throws {
        let (data, _) = DeflateBomb.stream(prefix: "<worksheet><sheetData><row>", unit: "<c/>", matches: 2_000_000, suffix: "</row></sheetData></worksheet>")
        var zip = Fixture.package(sheets: [("S", "")])
        zip.entries.removeAll { $0.name == "xl/worksheets/sheet1.xml" }
        zip.add(ZipBuilder.Entry(name: "xl/worksheets/sheet1.xml", data: data, method: 8, declaredSize: 4096, crc: 0))
        let start = ContinuousClock.now
        let e = error(opening: try file(zip.bytes()))
        #expect(e?.code == "zip-bomb" || e?.code == "corrupt-zip")
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test("more merged ranges than a sheet has rows are refused, not held")
    func tooManyMerges() throws {
        let merges = "<mergeCells>" + String(repeating: "<mergeCell ref=\"A1:B2\"/>", count: (1 << 20) + 1) + "</mergeCells>"
        let path = try file(Fixture.package(sheets: [("S", Fixture.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", after: merges))]).bytes())
        let refused = try #require(error(opening: path))
        #expect(refused.code == "zip-bomb")
        #expect("\(refused)".contains("合并区域超过"))
    }

    @Test("billion laughs: entity declarations are refused before any expansion")
    func billionLaughs() throws {
        var dtd = "<!DOCTYPE worksheet [<!ENTITY lol \"lol\">"
        for i in 1...9 { dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        dtd += "]>"
        let xml = "<?xml version=\"1.0\"?>" + dtd + "<worksheet xmlns=\"\(Fixture.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"
        let start = ContinuousClock.now
        let e = error(opening: try Fixture.write(Fixture.package(sheets: [("S", xml)])))
        #expect(e?.code == "forbidden-dtd")
        #expect(e?.location.part == "xl/worksheets/sheet1.xml")
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test("external entities are refused, never fetched")
    func externalEntity() throws {
        let secret = Fixture.directory() + "/secret.txt"
        try "机密".write(toFile: secret, atomically: true, encoding: .utf8)
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM \"file://\(secret)\">]><sst xmlns=\"\(Fixture.main)\"><si><t>&x;</t></si></sst>"
        var zip = Fixture.package(sheets: [("S", Fixture.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))], sharedStrings: "")
        zip.entries.removeAll { $0.name == "xl/sharedStrings.xml" }
        zip.add("xl/sharedStrings.xml", xml)
        #expect(error(opening: try Fixture.write(zip))?.code == "forbidden-dtd")
    }

    @Test("a cell reference beyond XFD1048576 names the sheet and cell", arguments: ["XFE1", "A1048577", "ZZZZ99999999"])
    func beyondLimits(reference: String) throws {
        let e = error(opening: try Fixture.workbook("<row><c r=\"\(reference)\"><v>1</v></c></row>"))
        #expect(e?.code == "cell-out-of-range")
        #expect(e?.location.sheet == "Sheet1")
        #expect(e?.location.cell == reference)
    }

    @Test("malformed XML names the part and line")
    func malformedXML() throws {
        let e = error(opening: try Fixture.workbook("<row r=\"1\">\n<c r=\"A1\"><v>1</v></row>"))
        #expect(e?.code == "malformed-xml")
        #expect(e?.location.part == "xl/worksheets/sheet1.xml")
        #expect(e?.location.line == 1 || e?.location.line == 2)
    }

    @Test("an OpenDocument spreadsheet saved under an .xlsx name is recognised")
    func openDocument() throws {
        var zip = ZipBuilder()
        zip.add("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zip.add("content.xml", "<office:document-content/>")
        let e = error(opening: try Fixture.write(zip))
        #expect(e?.code == "opendocument")
        #expect(e?.description.contains("另存为 .xlsx") == true)
    }

    @Test("a missing workbook part and a missing file are clear errors")
    func missingParts() throws {
        var zip = ZipBuilder()
        zip.add("docProps/app.xml", "<Properties/>")
        #expect(error(opening: try Fixture.write(zip))?.code == "missing-part")
        #expect(error(opening: "/nonexistent/计划表.xlsx")?.code == "file-not-found")
    }

    @Test("a shared-string index past the table is an error at its cell")
    func badSharedString() throws {
        let e = error(opening: try Fixture.workbook("<row r=\"2\"><c r=\"C2\" t=\"s\"><v>7</v></c></row>", sharedStrings: "<si><t>a</t></si>"))
        #expect(e?.code == "bad-shared-string")
        #expect(e?.location.description.hasSuffix("Sheet1!C2") == true)
    }
}
