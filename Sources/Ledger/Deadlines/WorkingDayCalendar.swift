import Foundation

/// Official working days: weekends and public holidays are off, make-up weekend days (调休上班) are on (domain.md §2.5).
public struct WorkingDayCalendar: Sendable {
    /// The years with a table; a calculation that reaches any other year throws rather than guess.
    public let years: Set<Int>
    private let holidays: Set<CalendarDate>
    private let workdays: Set<CalendarDate>

    /// One year's arrangement, as published by the State Council General Office and shipped as `workdays-YYYY.json`.
    public struct YearTable: Sendable, Hashable, Codable {
        public var year: Int
        /// The notice the table was copied from, so that the office can check it.
        public var source: String?
        public var holidays: [Holiday]
        /// Weekend days that are working days.
        public var workdays: [CalendarDate]

        public init(year: Int, source: String? = nil, holidays: [Holiday], workdays: [CalendarDate]) {
            self.year = year
            self.source = source
            self.holidays = holidays
            self.workdays = workdays
        }

        /// Days off in a row, both ends included; a holiday may start in the year before (元旦 2022-12-31).
        public struct Holiday: Sendable, Hashable, Codable {
            public var name: String?
            public var from: CalendarDate
            public var to: CalendarDate

            public init(name: String? = nil, from: CalendarDate, to: CalendarDate) {
                self.name = name
                self.from = from
                self.to = to
            }
        }
    }

    /// A calendar knowing the years of `tables`.
    public init(tables: [YearTable]) {
        years = Set(tables.map(\.year))
        var holidays: Set<CalendarDate> = []
        for holiday in tables.flatMap(\.holidays) where holiday.from <= holiday.to {
            for offset in 0...holiday.from.days(to: holiday.to) { holidays.insert(holiday.from.adding(days: offset)) }
        }
        self.holidays = holidays
        workdays = Set(tables.flatMap(\.workdays))
    }

    /// Reads one JSON table per file (`workdays-2024.json` and so on), for offices that keep their own.
    public init(contentsOf files: [URL]) throws(WorkingDayCalendarError) {
        var tables: [YearTable] = []
        for file in files {
            tables.append(try Self.table(at: file))
        }
        self.init(tables: tables)
    }

    /// The tables shipped with Taizhang (`Sources/Ledger/Resources/workdays-*.json`).
    public static func bundled() throws(WorkingDayCalendarError) -> WorkingDayCalendar {
        let contents = Bundle.module.resourceURL.flatMap { try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil) }
        let files = (contents ?? [])
            .filter { $0.lastPathComponent.hasPrefix("workdays-") && $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else {
            throw .invalidTable(file: "workdays-*.json", reason: "no working-day table is bundled with the Ledger module")
        }
        return try WorkingDayCalendar(contentsOf: files)
    }

    /// Whether `date` is a working day; throws when its year has no table.
    public func isWorkingDay(_ date: CalendarDate) throws(WorkingDayCalendarError) -> Bool {
        guard years.contains(date.year) else { throw .noTable(year: date.year, reached: date) }
        if workdays.contains(date) { return true }
        return !date.isWeekend && !holidays.contains(date)
    }

    /// The day `count` working days after `anchor`; the anchor itself is not counted (§2.5), so 0 gives the anchor.
    public func adding(workingDays count: Int, to anchor: CalendarDate) throws(WorkingDayCalendarError) -> CalendarDate {
        let step = count >= 0 ? 1 : -1
        var date = anchor
        var left = abs(count)
        while left > 0 {
            date = date.adding(days: step)
            if try isWorkingDay(date) { left -= 1 }
        }
        return date
    }

    private static func table(at file: URL) throws(WorkingDayCalendarError) -> YearTable {
        let name = file.lastPathComponent
        let table: YearTable
        do {
            table = try JSONDecoder().decode(YearTable.self, from: Data(contentsOf: file))
        } catch let error as DecodingError {
            throw .invalidTable(file: name, reason: Self.describe(error))
        } catch {
            throw .invalidTable(file: name, reason: "cannot be read (\(error.localizedDescription))")
        }
        for holiday in table.holidays {
            // A reversed or overlong range is a typing mistake; a silent gap would shift every due date after it.
            guard holiday.from <= holiday.to, holiday.from.days(to: holiday.to) < 31 else {
                throw .invalidTable(file: name, reason: "holiday \(holiday.name ?? "") from \(holiday.from) to \(holiday.to) is not a range of at most 31 days")
            }
        }
        return table
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "\(path.isEmpty ? "the file" : path): \(context.debugDescription)"
        @unknown default:
            return "is not a working-day table"
        }
    }
}

/// Why a working-day calculation or a table failed.
public enum WorkingDayCalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Counting reached a year with no table; `reached` is the first day of that year it needed.
    case noTable(year: Int, reached: CalendarDate)
    /// A table file is missing, unreadable or not a valid arrangement.
    case invalidTable(file: String, reason: String)

    public var description: String {
        switch self {
        case .noTable(let year, let reached):
            return "no working-day table for \(year) (needed for \(reached)): add workdays-\(year).json with the State Council's holiday arrangement for \(year)"
        case .invalidTable(let file, let reason):
            return "working-day table \(file): \(reason)"
        }
    }
}
