import Foundation
import Table
import Testing

@Suite("Streaming JSON encoder")
struct JSONStreamEncoderTests {
    struct Inner: Codable, Equatable {
        var name: String
        var note: String?
        var score: Double
    }

    struct Outer: Codable, Equatable {
        var title: String
        var flag: Bool
        var count: Int
        var items: [Inner]
        var tags: [String]
        var empty: [Int]
        var nested: [[Int]]
        var optional: Inner?
    }

    static let value = Outer(title: "台账 \"引号\" \\ 斜杠/\n换行", flag: true, count: -3,
                             items: [Inner(name: "甲", note: nil, score: 0.5), Inner(name: "乙", note: "备注", score: 80)],
                             tags: ["a", "b"], empty: [], nested: [[1, 2], [], [3]], optional: nil)

    @Test("reads back with Foundation's decoder as the same value, keys in the order encoded")
    func roundTrip() throws {
        let bytes = try JSONStreamEncoder.encode(Self.value)
        #expect(try JSONDecoder().decode(Outer.self, from: Data(bytes)) == Self.value)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n\"title\":\"台账 \\\"引号\\\" \\\\ 斜杠/\\n换行\",\n\"flag\":true,\n\"count\":-3,\n\"items\":[\n{\"name\":\"甲\",\"score\":0.5},\n{\"name\":\"乙\",\"note\":\"备注\",\"score\":80}\n],"))
        #expect(text.hasSuffix("\"empty\":[],\n\"nested\":[\n[1,2],\n[],\n[3]\n]\n}\n"))
    }

    struct Manual: Encodable {
        func encode(to encoder: any Encoder) throws {
            var keyed = encoder.container(keyedBy: Key.self)
            var inner = keyed.nestedContainer(keyedBy: Key.self, forKey: .a)
            try inner.encode(1, forKey: .b)
            try inner.encodeNil(forKey: .c)
            var list = keyed.nestedUnkeyedContainer(forKey: .b)
            try list.encode("x")
            try keyed.encode(true, forKey: .c)
        }
        enum Key: String, CodingKey { case a, b, c }
    }

    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test("nested containers close when their parent writes again; a value that writes nothing is {}")
    func nested() throws {
        let text = String(decoding: try JSONStreamEncoder.encode([Manual()]), as: UTF8.self)
        #expect(text == "[{\"a\":{\"b\":1,\"c\":null},\"b\":[\"x\"],\"c\":true}]\n")
        #expect(String(decoding: try JSONStreamEncoder.encode(Nothing()), as: UTF8.self) == "{}\n")
    }

    @Test("a number JSON cannot hold is an error, not a silent null")
    func notFinite() {
        #expect(throws: EncodingError.self) { _ = try JSONStreamEncoder.encode([Double.nan]) }
    }
}
