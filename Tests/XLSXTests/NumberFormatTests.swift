import Testing
@testable import XLSX

@Suite("Number formats decide dates")
struct NumberFormatTests {
    @Test("built-in date ids, including the East Asian 27–36 and 50–58", arguments: [14, 15, 22, 27, 31, 36, 45, 47, 50, 57, 58])
    func builtInDates(id: Int) {
        #expect(NumberFormatKind.builtIn(id) == .date)
    }

    @Test("built-in number ids", arguments: [0, 1, 2, 9, 10, 11, 37, 44, 48, 49])
    func builtInNumbers(id: Int) {
        #expect(NumberFormatKind.builtIn(id) == .number)
    }

    @Test("[h]:mm:ss (id 46) is a duration")
    func builtInDuration() {
        #expect(NumberFormatKind.builtIn(46) == .duration)
    }

    @Test("custom codes with date tokens outside quotes and brackets are dates", arguments: [
        "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d", "[DBNum1][$-804]m\"月\"d\"日\"", "[$-F800]dddd, mmmm dd, yyyy",
        "yyyy-mm-dd hh:mm", "m/d/yy", "h:mm AM/PM", "上午/下午h\"时\"mm\"分\"", "mmm-yy",
    ])
    func customDates(code: String) {
        #expect(NumberFormatKind.classify(code: code) == .date)
    }

    @Test("codes whose letters are quoted, escaped, padding or colours are numbers", arguments: [
        "General", "0.00", "#,##0 \"元\"", "0.00_);[Red](0.00)", "\"mm\"0", "0.0\\h", "0.00E+00", "@", "#,##0.00_ ;[Red]-#,##0.00 ",
        "0_m", "0*s",
    ])
    func customNumbers(code: String) {
        #expect(NumberFormatKind.classify(code: code) == .number)
    }

    @Test("elapsed-time brackets make durations", arguments: ["[h]:mm:ss", "[mm]:ss", "[ss].000", "[hh]\"小时\"mm\"分\""])
    func durations(code: String) {
        #expect(NumberFormatKind.classify(code: code) == .duration)
    }

    @Test("only the first section decides")
    func firstSection() {
        #expect(NumberFormatKind.classify(code: "0;\"d\"0;yyyy") == .number)
    }
}
