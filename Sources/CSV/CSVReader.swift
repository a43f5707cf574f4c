/// Reads RFC 4180 records one at a time from UTF-8 text, splitting them the way Excel does when it opens a CSV file.
///
/// Excel's rules, which every choice here follows so that record N is the row N the user sees:
/// - a quote only opens a quoted field at the start of the field; elsewhere it is kept literally (`ab"c`);
/// - text after a closing quote is appended to the field (`"ab"c` → `abc`);
/// - records end at CRLF, LF or a lone CR; the last record needs no line end;
/// - an empty line is a record with one empty field, so row numbers never drift;
/// - an opening quote never closed runs to the end of the file, and the record says so (`unterminatedQuote`).
public struct CSVReader: Sequence, IteratorProtocol, Sendable {
    public let delimiter: UInt8
    private let text: [UInt8]
    private var position: Int
    private var row = 0
    private var line = 1

    /// Reads `text` as UTF-8; the delimiter is sniffed from the first records when not given.
    public init(utf8 text: [UInt8], delimiter: UInt8? = nil) {
        self.text = text
        // A BOM left on the text would stick to the first header and make it unmatchable.
        position = text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.delimiter = delimiter ?? DelimiterSniffer.sniff(utf8: text)
    }

    /// Reads a string; the delimiter is sniffed when not given.
    public init(_ text: String, delimiter: UInt8? = nil) {
        self.init(utf8: Array(text.utf8), delimiter: delimiter)
    }

    /// The next record, or nil at the end of the text.
    public mutating func next() -> CSVRecord? {
        guard position < text.count else { return nil }
        let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        let delimiter = delimiter
        let startLine = line
        var i = position, line = line
        var fields: [String] = []
        var unterminated: Int?
        text.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            // Moves `i` to the next delimiter or line end; fields outside quotes hold neither.
            func skipPlain() {
                while i < n {
                    let b = bytes[i]
                    if b == delimiter || b == lf || b == cr { return }
                    i += 1
                }
            }
            func string(_ start: Int, _ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            var scratch: [UInt8] = []
            while true {
                if i < n && bytes[i] == quote {
                    i += 1
                    scratch.removeAll(keepingCapacity: true)
                    var closed = false
                    while i < n {
                        let start = i
                        while i < n && bytes[i] != quote {
                            // Line breaks inside quotes stay in the field but still advance the file's line count.
                            if bytes[i] == lf || (bytes[i] == cr && (i + 1 == n || bytes[i + 1] != lf)) { line += 1 }
                            i += 1
                        }
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                        guard i < n else { break }
                        if i + 1 < n && bytes[i + 1] == quote {
                            scratch.append(quote)
                            i += 2
                        } else {
                            i += 1
                            closed = true
                            break
                        }
                    }
                    if !closed { unterminated = fields.count }
                    let after = i
                    skipPlain()
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[after..<i]))
                    fields.append(String(decoding: scratch, as: UTF8.self))
                } else {
                    let start = i
                    skipPlain()
                    fields.append(string(start, i))
                }
                if i < n && bytes[i] == delimiter {
                    i += 1
                    continue
                }
                if i < n {
                    i += bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf ? 2 : 1
                    line += 1
                }
                return
            }
        }
        position = i
        self.line = line
        row += 1
        return CSVRecord(row: row, line: startLine, fields: fields, unterminatedQuote: unterminated)
    }
}
