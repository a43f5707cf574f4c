import Table

/// What a column of a table holds, read from its data rows: how full it is, how varied, how long its texts
/// are, whether it is numbering (1, 2, 3; 1.1; 一、) and whether its values are merged down over rows.
struct ColumnProfile {
    var filled = 0
    var distinct = 0
    var averageLength = 0.0
    /// Values that are only an outline or row number.
    var numbering = 0
    /// A merged range in the data block spans rows of this column.
    var mergedDown = false

    var isNumbering: Bool { filled >= 2 && Double(numbering) >= 0.8 * Double(filled) && averageLength <= 6 }
    /// Text that differs from row to row and reads as a sentence: a task or requirement column.
    var isProse: Bool { filled >= 1 && averageLength >= 6 && Double(distinct) >= 0.6 * Double(filled) && !mergedDown }

    /// The profile of every column of the data block, typed cells only (a merged value counts once). The first
    /// `sample` rows decide: what a column holds shows in them, and a plan of 100,000 rows need not be read twice.
    static func profiles(of layout: TableLayout, mergedRanges: [CellArea], sample: Int = 1000) -> [Int: ColumnProfile] {
        var texts: [Int: [String]] = [:]
        for row in layout.data.prefix(sample) {
            for cell in row.cells where !cell.filledFromMerge {
                let text = cell.value.text.trimmingWhitespace
                if !text.isEmpty { texts[cell.column, default: []].append(text) }
            }
        }
        let firstDataRow = layout.headerRows.upperBound + 1
        var profiles: [Int: ColumnProfile] = [:]
        for (column, values) in texts {
            // Lengths in scalars and sameness in bytes: counting characters and hashing NFC forms cost more than the rest.
            var profile = ColumnProfile(filled: values.count, distinct: Set(values.map(TextKey.init)).count,
                                        averageLength: Double(values.reduce(0) { $0 + $1.unicodeScalars.count }) / Double(values.count),
                                        numbering: values.filter(isNumber).count)
            profile.mergedDown = mergedRanges.contains { range in
                range.first.row >= firstDataRow && range.last.row > range.first.row && (range.first.column...range.last.column).contains(column)
                    && range.last.column == range.first.column
            }
            profiles[column] = profile
        }
        return profiles
    }

    /// "1", "12", "1.1", "1-2", "3、", "(1)", "一、", "（二）": a number and nothing else.
    static func isNumber(_ text: String) -> Bool {
        guard text.utf8.count <= 18, text.count <= 6 else { return false }
        if text.allSatisfy({ $0.isASCII && ($0.isNumber || ".-、)(）（".contains($0)) }) && text.contains(where: \.isNumber) { return true }
        return SectionNumber.parse(text).map { $0.rest.trimmingWhitespace.isEmpty } ?? false
    }
}
