import CSV
import Foundation
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    func fields(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> [[String]] {
        CSVReader(text, delimiter: delimiter).map(\.fields)
    }

    func document(_ bytes: [UInt8]) throws -> CSVDocument {
        try CSVDocument(bytes: bytes, displayName: "计划表.csv")
    }

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples").path

    // MARK: Splitting records

    @Test("quoted fields keep delimiters and doubled quotes become one")
    func quoting() {
        #expect(fields("a,\"b,c\",\"say \"\"hi\"\"\",\"\"\n") == [["a", "b,c", "say \"hi\"", ""]])
    }

    @Test("quoted newlines stay inside the field, CRLF, LF and CR alike")
    func quotedNewlines() {
        let records = Array(CSVReader("\"一\r\n二\",x\r\n\"三\n四\r五\",y\r\nz,w", delimiter: UInt8(ascii: ",")))
        #expect(records.map(\.fields) == [["一\r\n二", "x"], ["三\n四\r五", "y"], ["z", "w"]])
        // Row numbers count records, as Excel does; lines count the file's line breaks.
        #expect(records.map(\.row) == [1, 2, 3])
        #expect(records.map(\.line) == [1, 3, 6])
    }

    @Test("records end at CRLF, LF or a lone CR")
    func lineEnds() {
        #expect(fields("a,b\r\nc,d\ne,f\rg,h") == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
    }

    @Test("a trailing newline ends the last record without adding one")
    func trailingNewline() {
        #expect(fields("a,b\r\n") == [["a", "b"]])
        #expect(fields("a,b") == [["a", "b"]])
        #expect(fields("") == [])
    }

    @Test("an empty line is a record with one empty field, so row N is Excel's row N")
    func emptyLines() {
        let records = Array(CSVReader("a,b\r\n\r\nc,d\r\n", delimiter: UInt8(ascii: ",")))
        #expect(records.map(\.fields) == [["a", "b"], [""], ["c", "d"]])
        #expect(records.map(\.row) == [1, 2, 3])
    }

    @Test("empty fields at the ends of a record are kept")
    func emptyFields() {
        #expect(fields(",a,,\n") == [["", "a", "", ""]])
    }

    @Test("a stray quote inside an unquoted field is kept literally, as Excel does")
    func strayQuote() {
        #expect(fields("5\" 屏,b\n") == [["5\" 屏", "b"]])
        #expect(fields(" \"a,b\"\n") == [[" \"a", "b\""]])
    }

    @Test("text after a closing quote is appended to the field, as Excel does")
    func textAfterClosingQuote() {
        #expect(fields("\"ab\"cd,e\n") == [["abcd", "e"]])
    }

    @Test("an unterminated quote runs to the end of the file and the record says which field")
    func unterminatedQuote() {
        let records = Array(CSVReader("a,b\n1,\"2\n3,4\n", delimiter: UInt8(ascii: ",")))
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2\n3,4\n"]])
        #expect(records[0].unterminatedQuote == nil)
        #expect(records[1].unterminatedQuote == 1)
        #expect(records[1].location(ofField: 1, in: "计划表.csv").description == "计划表.csv!B2")
    }

    @Test("a cell is named with column letters and the record's row")
    func cellNames() {
        #expect(CSVLocation(file: "计划表.csv", row: 12, column: 3).description == "计划表.csv!C12")
        #expect(CSVLocation.columnName(27) == "AA")
        #expect(CSVLocation(file: "计划表.csv", row: 5).description == "计划表.csv 第5行")
    }

    @Test("a UTF-8 BOM given to the reader never sticks to the first header")
    func bomSkipped() {
        #expect(CSVReader(utf8: [0xEF, 0xBB, 0xBF] + Array("序号,任务".utf8)).map(\.fields) == [["序号", "任务"]])
    }

    // MARK: Delimiter sniffing

    @Test("the delimiter is sniffed: comma, tab or semicolon")
    func sniffing() {
        #expect(CSVReader("a,b,c\n1,2,3\n").delimiter == UInt8(ascii: ","))
        #expect(CSVReader("a\tb\tc\n1\t2\t3\n").delimiter == UInt8(ascii: "\t"))
        #expect(CSVReader("a;b;c\n1;2;3\n").delimiter == UInt8(ascii: ";"))
    }

    @Test("delimiters inside quotes do not fool the sniffer")
    func sniffingIgnoresQuoted() {
        // Commas outnumber semicolons, but all of them are inside quotes.
        let text = "名称;金额;备注\n\"甲,乙,丙\";\"1,000\";\"a,b,c,d\"\n\"丁,戊\";\"2,500\";\"e,f\"\n"
        let reader = CSVReader(text)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(reader.map(\.fields)[1] == ["甲,乙,丙", "1,000", "a,b,c,d"])
        // Tab-separated text with commas in every row: tab splits into more fields just as consistently.
        #expect(CSVReader("金额,元\t单位\t备注\n1,000\t办公室\t无\n2,500\t财务科\t无\n").delimiter == UInt8(ascii: "\t"))
    }

    @Test("a single column is read as comma-separated, and an explicit delimiter overrides the sniffer")
    func sniffingFallbackAndOverride() {
        #expect(CSVReader("任务\n甲\n乙\n").delimiter == UInt8(ascii: ","))
        #expect(CSVReader("a;b\n1;2\n", delimiter: UInt8(ascii: ",")).map(\.fields) == [["a;b"], ["1;2"]])
    }

    // MARK: Encodings

    @Test("UTF-8 with a BOM is detected and the BOM stripped")
    func utf8BOM() throws {
        let doc = try document([0xEF, 0xBB, 0xBF] + Array("台账,b\r\n".utf8))
        #expect(doc.encoding == .utf8BOM)
        #expect(doc.records.map(\.fields) == [["台账", "b"]])
    }

    @Test("valid UTF-8 without a BOM is read as UTF-8")
    func utf8() throws {
        let doc = try document(Array("台账,b\n".utf8))
        #expect(doc.encoding == .utf8)
        #expect(doc.records.map(\.fields) == [["台账", "b"]])
    }

    @Test("Excel's Unicode text: UTF-16LE with a BOM and tabs")
    func utf16LE() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "台账\t任务\r\n甲\t乙\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let doc = try document(bytes)
        #expect(doc.encoding == .utf16LE)
        #expect(doc.delimiter == UInt8(ascii: "\t"))
        #expect(doc.records.map(\.fields) == [["台账", "任务"], ["甲", "乙"]])
    }

    @Test("UTF-16BE with a BOM")
    func utf16BE() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "台账,b\n".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let doc = try document(bytes)
        #expect(doc.encoding == .utf16BE)
        #expect(doc.records.map(\.fields) == [["台账", "b"]])
    }

    @Test("bytes that are not UTF-8 are read as GB18030, Excel's CSV on Chinese Windows")
    func gb18030() throws {
        let doc = try document([0xCC, 0xA8, 0xD5, 0xCB, 0x2C, 0x61, 0x0D, 0x0A])
        #expect(doc.encoding == .gb18030)
        #expect(doc.records.map(\.fields) == [["台账", "a"]])
    }

    @Test("bytes neither UTF-8 nor GB18030 give a typed error naming the file, the line and what to do")
    func undecodable() throws {
        // 0xFF is never valid in either encoding; it sits on the second line.
        let error = #expect(throws: CSVReadError.self) { try document(Array("a,b\n".utf8) + [0xCC, 0xA8, 0xFF]) }
        #expect(error == .undecodable(file: "计划表.csv", line: 2))
        #expect(error?.description.contains("计划表.csv") == true)
        #expect(error?.description.contains("CSV UTF-8") == true)
        // Damage after a BOM is reported too, not guessed away as GB18030.
        #expect(throws: CSVReadError.undecodable(file: "计划表.csv", line: 1)) { try document([0xEF, 0xBB, 0xBF, 0x61, 0xFF]) }
        // A UTF-16 file cut in the middle of a character.
        #expect(throws: CSVReadError.undecodable(file: "计划表.csv", line: 1)) { try document([0xFF, 0xFE, 0x61, 0x00, 0x62]) }
    }

    @Test("a missing file is a typed error naming it")
    func missingFile() {
        #expect(throws: CSVReadError.fileNotFound(file: "没有.csv")) {
            try CSVDocument.read(path: "/nonexistent/没有.csv", displayName: "没有.csv")
        }
    }

    // MARK: Round trips and samples

    @Test("rows written by CSVWriter read back equal, in every encoding it writes")
    func roundTrip() throws {
        let rows = [["序号", "任务", "备注"], ["1", "a,b", "say \"hi\""], ["2", "两\r\n行", ""], ["", "", "末"], [""]]
        for encoding in CSVEncoding.allCases {
            var bytes: [UInt8] = []
            let writer = try CSVWriter(encoding: encoding) { bytes.append(contentsOf: $0) }
            for row in rows { try writer.write(row: row) }
            try writer.flush()
            let doc = try document(bytes)
            #expect(doc.records.map(\.fields) == rows, "\(encoding)")
        }
    }

    @Test("the plan sample reads the same from UTF-8 with BOM and from GB18030")
    func samples() throws {
        let utf8 = try CSVDocument.read(path: Self.samples + "/plan-2023.csv")
        let gbk = try CSVDocument.read(path: Self.samples + "/plan-2023-gbk.csv")
        #expect(utf8.encoding == .utf8BOM)
        #expect(gbk.encoding == .gb18030)
        #expect(utf8.delimiter == UInt8(ascii: ","))
        let records = Array(utf8.records)
        #expect(records.count == 23)
        #expect(records.allSatisfy { $0.fields.count == 5 && $0.unterminatedQuote == nil })
        #expect(records[1].fields == ["工作要求", "具体任务", "具体要求", "牵头落实单位", "完成时限"])
        #expect(records.contains { $0.fields.contains { $0.contains("\n") } })
        #expect(gbk.records.map(\.fields) == records.map(\.fields))
    }
}
