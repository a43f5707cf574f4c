/// One record of a CSV file: its fields as text, and where it starts.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based record number: the row Excel shows the record on.
    public var row: Int
    /// 1-based line of the file where the record starts; after a field with line breaks it runs ahead of `row`.
    public var line: Int
    public var fields: [String]
    /// Index of a field whose opening quote is never closed; as in Excel, that field holds the rest of the file.
    public var unterminatedQuote: Int?

    public init(row: Int, line: Int, fields: [String], unterminatedQuote: Int? = nil) {
        self.row = row
        self.line = line
        self.fields = fields
        self.unterminatedQuote = unterminatedQuote
    }

    /// The cell of field `index` (0-based), e.g. `计划表.csv!C12`.
    public func location(ofField index: Int, in file: String) -> CSVLocation {
        CSVLocation(file: file, row: row, column: index + 1)
    }
}
