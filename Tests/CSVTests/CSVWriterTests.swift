import CSV
import Testing

@Suite("CSV writer")
struct CSVWriterTests {
    func written(_ rows: [[String]], encoding: CSVEncoding = .utf8) throws -> [UInt8] {
        var out: [UInt8] = []
        let writer = try CSVWriter(encoding: encoding) { out.append(contentsOf: $0) }
        for row in rows { try writer.write(row: row) }
        try writer.flush()
        return out
    }

    @Test("fields are quoted only when they hold a comma, a quote or a line break; CRLF line ends")
    func quoting() throws {
        let bytes = try written([["a", "b,c", "say \"hi\"", "两\n行", ""], ["单"]])
        #expect(String(decoding: bytes, as: UTF8.self) == "a,\"b,c\",\"say \"\"hi\"\"\",\"两\n行\",\r\n单\r\n")
    }

    @Test("UTF-8 with BOM by default, so Excel on Chinese Windows reads it")
    func bom() throws {
        #expect(Array(try written([["台账"]], encoding: .utf8BOM).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(try written([["台账"]], encoding: .utf8).prefix(3)) == Array("台".utf8))
    }

    @Test("with a row width, short and empty rows are ended with empty fields, row by row or field by field")
    func rowWidth() throws {
        var out: [UInt8] = []
        let writer = try CSVWriter(encoding: .utf8) { out.append(contentsOf: $0) }
        writer.rowWidth = 3
        try writer.write(row: ["标题"])
        try writer.write(row: [String]())
        try writer.write(row: ["a", "b", "c"])
        Array("甲".utf8).withUnsafeBufferPointer { writer.field($0) }
        try writer.endRow()
        try writer.endRow()
        try writer.flush()
        #expect(String(decoding: out, as: UTF8.self) == "标题,,\r\n,,\r\na,b,c\r\n甲,,\r\n,,\r\n")
    }

    @Test("GB18030 encodes Chinese in two bytes a character")
    func gb18030() throws {
        #expect(try written([["台账"]], encoding: .gb18030) == [0xCC, 0xA8, 0xD5, 0xCB, 0x0D, 0x0A])
    }
}
