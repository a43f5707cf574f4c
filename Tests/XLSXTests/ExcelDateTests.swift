import Testing
@testable import XLSX

@Suite("Excel serial dates")
struct ExcelDateTests {
    @Test("1900 system, with Excel's fictitious 1900-02-29", arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (61.0, "1900-03-01"), (45_000.0, "2023-03-15"),
        (45_291.0, "2023-12-31"), (45_000.5, "2023-03-15T12:00:00"), (2_958_465.0, "9999-12-31"),
    ])
    func system1900(serial: Double, expected: String) {
        #expect(ExcelDateTime(serial: serial, system: .system1900)?.description == expected)
    }

    @Test("serial 60, Excel's 1900-02-29 that never was, reads as 1900-02-28 as openpyxl reads it (so it does not round-trip)")
    func fictitiousLeapDay() {
        #expect(ExcelDateTime(serial: 60, system: .system1900)?.description == "1900-02-28")
    }

    @Test("1904 system", arguments: [(1.0, "1904-01-02"), (43_538.0, "2023-03-15")])
    func system1904(serial: Double, expected: String) {
        #expect(ExcelDateTime(serial: serial, system: .system1904)?.description == expected)
    }

    @Test("a serial below 1 is a time of day; milliseconds kept, rounding carries into the next day")
    func times() {
        #expect(ExcelDateTime(serial: 0.5, system: .system1900)?.description == "12:00:00")
        #expect(ExcelDateTime(serial: 0.5 + 0.25 / 86_400, system: .system1900)?.description == "12:00:00.250")
        #expect(ExcelDateTime(serial: 44_999.999_999_999, system: .system1900)?.description == "2023-03-15")
    }

    @Test("negative and too-large serials are not dates")
    func outOfRange() {
        #expect(ExcelDateTime(serial: -1, system: .system1900) == nil)
        #expect(ExcelDateTime(serial: 3_000_000, system: .system1900) == nil)
    }

    @Test("serial numbers round-trip", arguments: [1.0, 59.0, 61.0, 45_000.0, 45_000.75])
    func roundTrip(serial: Double) {
        #expect(ExcelDateTime(serial: serial, system: .system1900)?.serial(in: .system1900) == serial)
        #expect(ExcelDateTime(serial: serial, system: .system1904)?.serial(in: .system1904) == serial)
    }

    @Test("dates before 1900-01-01 have no 1900-system serial")
    func beforeEpoch() {
        #expect(ExcelDateTime(year: 1899, month: 12, day: 31).serial(in: .system1900) == nil)
        #expect(ExcelDateTime(year: 1900, month: 1, day: 1).serial(in: .system1900) == 1)
        #expect(ExcelDateTime(year: 1903, month: 12, day: 31).serial(in: .system1904) == nil)
    }

    @Test("ISO 8601 dates, date-times and times (t=\"d\" cells)", arguments: [
        ("2023-03-15", "2023-03-15"), ("2023-03-15T08:30:00", "2023-03-15T08:30:00"),
        ("2023-03-15T08:30:00.125Z", "2023-03-15T08:30:00.125"), ("08:30:00", "08:30:00"),
    ])
    func iso(text: String, expected: String) {
        #expect(ExcelDateTime(iso: text)?.description == expected)
    }

    @Test("ISO 8601 durations too large for milliseconds are not durations, and elapsed times past them stay numbers")
    func hugeDurations() {
        #expect(ExcelDateTime.isoDurationMilliseconds("P99999999999999999999D") == nil)
        #expect(CellValue.elapsed(days: 1e300) == .number(1e300))
        #expect(CellValue.elapsed(days: -.infinity) == .number(-.infinity))
        #expect(CellValue.elapsed(days: 0.5) == .duration(milliseconds: 43_200_000))
    }

    @Test("ISO 8601 durations", arguments: [("PT0H11M0.000S", Int64(660_000)), ("P1DT2H", Int64(93_600_000)), ("-PT1S", Int64(-1000))])
    func isoDurations(text: String, ms: Int64) {
        #expect(ExcelDateTime.isoDurationMilliseconds(text) == ms)
    }

    @Test("not ISO", arguments: ["2023/03/15", "15.03.2023", "P", "PTXS", "yesterday"])
    func notISO(text: String) {
        #expect(ExcelDateTime(iso: text) == nil)
        #expect(ExcelDateTime.isoDurationMilliseconds(text) == nil)
    }
}
