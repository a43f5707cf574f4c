

/// Where the table is on a sheet: the rows above the header (title, 填报单位 line), the header (one row, or two
/// with a merged parent flattened to `parent/child`), the data block, and the footer rows after it.
public struct TableLayout: Sendable {
    public var preamble: [GridRow]
    public var headerRows: ClosedRange<Int>
    /// Header text by column, as written (after flattening two-row headers).
    public var headers: [Int: String]
    /// Columns whose header text is not their own but a header cell merged over them from the left.
    public var headersFromMerge: Set<Int> = []
    public var data: [GridRow]
    public var footer: [GridRow]

    /// Finds the table on `grid`. The header is the row among the first `scanRows` with the most cells for
    /// which `isHeader` holds (at least `minimumHits`), else the first row of short labels, one of which
    /// `isHeader` takes, above a row of longer text; the data block ends at the first row whose first
    /// cell `isFooter` accepts, or after `emptyRun` empty rows. Nil when no row looks like a header.
    public static func locate(_ grid: Grid, isHeader: (String) -> Bool, isFooter: (String) -> Bool,
                              scanRows: Int = 15, minimumHits: Int = 2, emptyRun: Int = 3) -> TableLayout? {
        let candidates = grid.rows.prefix { $0.number <= (grid.rows.first?.number ?? 1) + scanRows }
        var best: (index: Int, hits: Int)?
        for (index, row) in candidates.enumerated() {
            let hits = row.cells.filter { !$0.filledFromMerge || $0.column == row.cells.first?.column }
                .filter { isHeader($0.value.text) }.count
            if hits >= minimumHits, hits > (best?.hits ?? 0) { best = (index, hits) }
        }
        // Failing that, a row of short labels with one known word (政策措施 | 责任单位) above longer rows.
        if best == nil {
            best = candidates.enumerated().first { index, row in
                let texts = row.cells.filter { !$0.filledFromMerge }.map(\.value.text)
                // The row below, past any the header's own cells merge down over.
                let below = grid.rows[(index + 1)...].first { !$0.cells.allSatisfy(\.filledFromMerge) }
                return texts.count >= 2 && texts.allSatisfy { $0.count <= 12 } && texts.contains(where: isHeader)
                    && below?.cells.contains { $0.value.text.count > 12 } == true
            }.map { ($0.offset, 1) }
        }
        guard let (headerIndex, _) = best else { return nil }
        let header = grid.rows[headerIndex]
        var headers: [Int: String] = [:]
        for cell in header.cells { headers[cell.column] = cell.value.text }
        var lastHeader = header.number

        // A parent merged across columns on the header row, with children typed in the row below. The row below
        // is a second header row only when everything typed in it stands under such a parent: a header merged
        // over a category and a number column (工作任务 over 一、… and 1) has a data row below it.
        let parents = grid.mergedRanges.filter { $0.first.row == header.number && $0.last.row == header.number && $0.last.column > $0.first.column }
        let underParent = { (column: Int) in parents.contains { ($0.first.column...$0.last.column).contains(column) } }
        if !parents.isEmpty, headerIndex + 1 < grid.rows.count, grid.rows[headerIndex + 1].number == header.number + 1,
           grid.rows[headerIndex + 1].cells.allSatisfy({ $0.filledFromMerge || underParent($0.column) }) {
            let below = grid.rows[headerIndex + 1]
            var flattened = false
            for range in parents {
                for column in range.first.column...range.last.column {
                    if let child = below[column], !child.filledFromMerge, !child.value.text.isEmpty, let parent = headers[column] {
                        headers[column] = parent + "/" + child.value.text
                        flattened = true
                    }
                }
            }
            if flattened { lastHeader = below.number }
        }
        // Header cells merged down over more rows than one: the rows they cover hold nothing else and are header too.
        let tall = grid.mergedRanges.filter { $0.first.row == header.number && $0.last.row > header.number }
        for row in grid.rows.drop(while: { $0.number <= lastHeader }) {
            let covered = row.cells.allSatisfy { cell in
                cell.filledFromMerge && tall.contains { $0.last.row >= row.number && ($0.first.column...$0.last.column).contains(cell.column) }
            }
            guard row.number == lastHeader + 1, !row.cells.isEmpty, covered else { break }
            lastHeader = row.number
        }

        var data: [GridRow] = [], footer: [GridRow] = []
        data.reserveCapacity(grid.rows.count - headerIndex)
        var previous = lastHeader
        for row in grid.rows where row.number > lastHeader {
            if !footer.isEmpty || row.number - previous > emptyRun || (row.cells.first.map { isFooter($0.value.text) } ?? false) {
                footer.append(row)
                continue
            }
            data.append(row)
            previous = row.number
        }
        return TableLayout(preamble: Array(grid.rows[..<headerIndex]), headerRows: header.number...lastHeader, headers: headers,
                           headersFromMerge: Set(header.cells.filter(\.filledFromMerge).map(\.column)), data: data, footer: footer)
    }
}
