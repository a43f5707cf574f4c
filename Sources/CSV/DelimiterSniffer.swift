/// Guesses a CSV file's delimiter from how consistently each candidate splits its first records.
///
/// Each candidate (comma, tab, semicolon) splits the sample with the full quoting rules, so a delimiter inside
/// quotes never counts. A candidate's score is how many records have its most common field count; it must split
/// records into at least two fields to count at all. The best score wins, then the higher field count, then the
/// order comma, tab, semicolon; text that no candidate splits is read as comma-separated (one column).
public enum DelimiterSniffer {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")]

    /// The delimiter that splits the first `sample` records of `text` most consistently.
    public static func sniff(utf8 text: [UInt8], sample: Int = 50) -> UInt8 {
        var best = (delimiter: candidates[0], score: 0, fields: 0)
        for candidate in candidates {
            var counts: [Int: Int] = [:]
            for record in CSVReader(utf8: text, delimiter: candidate).prefix(sample) {
                counts[record.fields.count, default: 0] += 1
            }
            // The most common field count, the larger one on a tie so the sniff does not depend on hash order.
            guard let (fields, score) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), fields > 1 else { continue }
            if (score, fields) > (best.score, best.fields) { best = (candidate, score, fields) }
        }
        return best.delimiter
    }
}
