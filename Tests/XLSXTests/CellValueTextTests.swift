import Testing
@testable import XLSX

@Suite("Cell values as text")
struct CellValueTextTests {
    @Test("numbers to Excel's 15 significant digits, shortest form", arguments: [
        (0.1 + 0.2, "0.3"), (42.0, "42"), (-7.0, "-7"), (1234.5, "1234.5"), (0.000_01, "1e-05"),
        (123_456_789_012_345_678.0, "1.23456789012346e+17"), (1.0 / 3.0, "0.333333333333333"), (7.000_000_000_000_001, "7"),
        (-0.0, "0"), (1e15, "1000000000000000"), (1e20, "1e+20"),
    ])
    func numbers(value: Double, expected: String) {
        #expect(CellValue.number(value).text == expected)
    }

    @Test("booleans, errors, dates and durations")
    func others() {
        #expect(CellValue.bool(true).text == "TRUE")
        #expect(CellValue.error("#N/A").text == "#N/A")
        #expect(CellValue.date(ExcelDateTime(year: 2023, month: 11, day: 30)).text == "2023-11-30")
        #expect(CellValue.duration(milliseconds: 90_061_000).text == "25:01:01")
        #expect(CellValue.duration(milliseconds: -1500).text == "-00:00:01.500")
    }
}

@Suite("_xHHHH_ escapes")
struct EscapedTextTests {
    func decode(_ text: String) -> String {
        var bytes = Array(text.utf8)
        EscapedText.decode(&bytes, from: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("control characters and a literal _x", arguments: [
        ("a_x000D_b", "a\rb"), ("_x005F_x000D_", "_x000D_"), ("_x0009_", "\t"), ("no escapes", "no escapes"),
        ("_x00e9_", "é"), ("_xD83D__xDE00_", "😀"), ("_x12G4_", "_x12G4_"), ("_x000D", "_x000D"),
    ])
    func decodes(input: String, expected: String) {
        #expect(decode(input) == expected)
    }
}
