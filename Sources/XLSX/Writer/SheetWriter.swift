/// Writes one worksheet row by row. Rows go straight into the compressed part; everything else (widths,
/// merges, panes, filters, dropdowns, protection, print setup, links) may be set at any time before the
/// workbook closes, because the part's head and tail are assembled last.
public final class SheetWriter {
    public let name: String
    let position: Int

    private let styles: StyleRegistry
    private let sharedStrings: SharedStringsWriter?
    private let body: DeflatePipeline
    private let level: Int32
    private var buffer: [UInt8] = []
    private var columnNames: [[UInt8]] = [[]]

    private(set) var lastRow = 0

    /// The number of the last row appended (0 before the first).
    public var lastRowWritten: Int { lastRow }
    private var minColumn = Int.max
    private var maxColumn = 0
    private var firstRow = 0

    private var columns: [Int: (width: Double?, hidden: Bool, style: StyleID?)] = [:]
    private(set) var merges: [CellRange] = []
    private var openMerges: [CellRange] = []
    private var mergesInRowOrder = true
    private var frozen: (rows: Int, columns: Int)?
    private(set) var autoFilter: CellRange?
    private var dropdowns: [Dropdown] = []
    private var protection: SheetProtection?
    private(set) var printSetup: PrintSetup?
    private(set) var hyperlinks: [Hyperlink] = []
    private(set) var charts: [(chart: Chart, anchor: ChartAnchor)] = []
    /// Set by the workbook at close: this sheet's drawing part number, when it has charts.
    var drawingNumber: Int?
    /// The workbook's date system, which date cells are written in.
    let dateSystem: DateSystem
    /// The default row height in points; Chinese Excel's 11-point 等线 rows are 14.25.
    public var defaultRowHeight = 14.25
    /// Rows given no height are made tall enough for their wrapped text, as Excel's "AutoFit Row Height" would.
    public var fitsWrappedText = true

    init(name: String, position: Int, styles: StyleRegistry, sharedStrings: SharedStringsWriter?, body: DeflatePipeline, level: Int32,
         dateSystem: DateSystem) {
        self.name = name
        self.dateSystem = dateSystem
        self.position = position
        self.styles = styles
        self.sharedStrings = sharedStrings
        self.body = body
        self.level = level
        buffer.reserveCapacity(1 << 16)
    }

    // MARK: - Rows

    /// Appends a row of cells (sorted by column or not); `row` defaults to the next row and must increase.
    /// `blanks` are empty cells that still carry a style (an input field's fill, unlocked on a protected sheet);
    /// a cell given for the same column wins.
    public func append(_ cells: [Cell], row: Int? = nil, height: Double? = nil, hidden: Bool = false, blanks: [Int: StyleID] = [:]) throws {
        let number = row ?? lastRow + 1
        guard number > lastRow else { throw XLSXWriteError.rowsOutOfOrder(sheet: name, row: number, after: lastRow) }
        guard number <= CellReference.maxRow else { throw XLSXWriteError.rowOutOfRange(sheet: name, row: number) }
        var cells = cells
        if !zip(cells, cells.dropFirst()).allSatisfy({ $0.column < $1.column }) {
            // Stable, so that of two cells given for one column the later one is written.
            cells = cells.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }.map(\.element)
        }
        XMLBytes.append("<row r=\"", to: &buffer)
        XMLBytes.append(number, to: &buffer)
        if let height = height ?? fittedHeight(cells, row: number) {
            XMLBytes.append("\" ht=\"", to: &buffer)
            XMLBytes.append(height, to: &buffer)
            XMLBytes.append("\" customHeight=\"1", to: &buffer)
        }
        if hidden { XMLBytes.append("\" hidden=\"1", to: &buffer) }
        XMLBytes.append("\">", to: &buffer)
        var pendingBlanks = blanks.filter { blank in !cells.contains { $0.column == blank.key } }.sorted { $0.key < $1.key }[...]
        func writeBlanks(before column: Int) throws {
            while let blank = pendingBlanks.first, blank.key < column {
                guard blank.key >= 1 && blank.key <= CellReference.maxColumn else { throw XLSXWriteError.columnOutOfRange(sheet: name, column: blank.key) }
                XMLBytes.append("<c r=\"", to: &buffer)
                appendColumnName(blank.key)
                XMLBytes.append(number, to: &buffer)
                XMLBytes.append("\" s=\"", to: &buffer)
                XMLBytes.append(styles.contains(blank.value) ? blank.value.index : 0, to: &buffer)
                XMLBytes.append("\"/>", to: &buffer)
                pendingBlanks.removeFirst()
            }
        }
        for (i, cell) in cells.enumerated() where i + 1 == cells.count || cells[i + 1].column != cell.column {
            guard cell.column >= 1 && cell.column <= CellReference.maxColumn else {
                throw XLSXWriteError.columnOutOfRange(sheet: name, column: cell.column)
            }
            try writeBlanks(before: cell.column)
            try appendCell(cell, row: number)
        }
        try writeBlanks(before: Int.max)
        XMLBytes.append("</row>", to: &buffer)
        if !cells.isEmpty {
            minColumn = min(minColumn, cells.first!.column)
            maxColumn = max(maxColumn, cells.last!.column)
            if firstRow == 0 { firstRow = number }
        }
        lastRow = number
        if buffer.count >= 1 << 16 { try body.drain(&buffer) }
    }

    /// Appends values in consecutive columns from A, all with one style; nil leaves a cell empty.
    public func append(values: [CellValue?], style: StyleID = .standard, row: Int? = nil, height: Double? = nil) throws {
        var cells: [Cell] = []
        cells.reserveCapacity(values.count)
        for (i, value) in values.enumerated() {
            if let value { cells.append(Cell(column: i + 1, value: value, style: style.index)) }
        }
        try append(cells, row: row, height: height)
    }

    private func appendCell(_ cell: Cell, row: Int) throws {
        var style = StyleID(index: cell.style)
        if !styles.contains(style) { style = .standard }
        switch cell.value {
        case .date: style = styles.style(style, showing: .date)
        case .duration: style = styles.style(style, showing: .duration)
        default: break
        }
        XMLBytes.append("<c r=\"", to: &buffer)
        appendColumnName(cell.column)
        XMLBytes.append(row, to: &buffer)
        if style.index != 0 {
            XMLBytes.append("\" s=\"", to: &buffer)
            XMLBytes.append(style.index, to: &buffer)
        }
        switch cell.value {
        case .text(let text):
            // A UTF-16 unit takes at least one UTF-8 byte, so only long texts need counting.
            if text.utf8.count > 32_767, text.utf16.count > 32_767 {
                throw XLSXWriteError.stringTooLong(sheet: name, cell: CellReference(row: row, column: cell.column).description, length: text.utf16.count)
            }
            if let sharedStrings {
                XMLBytes.append("\" t=\"s\"><v>", to: &buffer)
                XMLBytes.append(try sharedStrings.index(of: text), to: &buffer)
                XMLBytes.append("</v></c>", to: &buffer)
            } else {
                XMLBytes.append(XMLBytes.needsPreserve(text) ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "\" t=\"inlineStr\"><is><t>", to: &buffer)
                XMLBytes.appendText(text, to: &buffer)
                XMLBytes.append("</t></is></c>", to: &buffer)
            }
        case .number(let n):
            XMLBytes.append("\"><v>", to: &buffer)
            XMLBytes.append(n.isFinite ? n : 0, to: &buffer)
            XMLBytes.append("</v></c>", to: &buffer)
        case .bool(let b):
            XMLBytes.append(b ? "\" t=\"b\"><v>1</v></c>" : "\" t=\"b\"><v>0</v></c>", to: &buffer)
        case .date(let date):
            if let serial = date.serial(in: dateSystem) {
                XMLBytes.append("\"><v>", to: &buffer)
                XMLBytes.append(serial, to: &buffer)
            } else {
                // Before 1900 a date has no serial number; an ISO 8601 date cell keeps it a date.
                XMLBytes.append("\" t=\"d\"><v>", to: &buffer)
                XMLBytes.append(date.description, to: &buffer)
            }
            XMLBytes.append("</v></c>", to: &buffer)
        case .duration(let ms):
            XMLBytes.append("\"><v>", to: &buffer)
            XMLBytes.append(Double(ms) / 86_400_000, to: &buffer)
            XMLBytes.append("</v></c>", to: &buffer)
        case .error(let text):
            XMLBytes.append("\" t=\"e\"><v>", to: &buffer)
            XMLBytes.appendText(text, to: &buffer)
            XMLBytes.append("</v></c>", to: &buffer)
        }
    }

    @inline(__always)
    private func appendColumnName(_ column: Int) {
        while columnNames.count <= column { columnNames.append(Array(CellReference.columnName(columnNames.count).utf8)) }
        buffer.append(contentsOf: columnNames[column])
    }

    /// The height wrapped text in `cells` needs, when taller than the default; nil otherwise. Columns must be
    /// sized, and horizontal merges registered, before the row is appended for their widths to count.
    private func fittedHeight(_ cells: [Cell], row: Int) -> Double? {
        guard fitsWrappedText else { return nil }
        var tallest = 1, fontSize = 11.0
        for cell in cells {
            guard case .text(let text) = cell.value, styles.contains(StyleID(index: cell.style)) else { continue }
            let format = styles.format(of: StyleID(index: cell.style))
            guard format.wrap else { continue }
            var span = cell.column...cell.column
            if let merge = openMerges.first(where: { $0.first.row <= row && row <= $0.last.row && ($0.first.column...$0.last.column).contains(cell.column) }) {
                // A merge taller than one row has that height already; cells under a merge's first one do not show.
                if merge.last.row > merge.first.row || merge.first.column != cell.column { continue }
                span = merge.first.column...merge.last.column
            }
            let width = span.reduce(0.0) { $0 + (columns[$1]?.width ?? RowHeight.defaultColumnWidth) }
            let lines = RowHeight.lines(text, columnWidth: width, fontSize: format.fontSize)
            if lines > tallest || (lines == tallest && format.fontSize > fontSize) { (tallest, fontSize) = (lines, format.fontSize) }
        }
        let points = RowHeight.points(lines: tallest, fontSize: fontSize)
        return tallest > 1 && points > defaultRowHeight ? points : nil
    }

    // MARK: - Sheet features

    /// Sets a column's width (in characters), visibility and default style.
    public func setColumn(_ column: Int, width: Double? = nil, hidden: Bool = false, style: StyleID? = nil) {
        columns[column] = (width, hidden, style)
    }

    /// Merges a range; overlapping an earlier merge is refused, as Excel would repair the file.
    public func merge(_ range: CellRange) throws {
        guard range.cellCount > 1 else { return }
        guard range.last.row <= CellReference.maxRow, range.last.column <= CellReference.maxColumn else {
            throw XLSXWriteError.invalidRange(sheet: name, text: range.description)
        }
        // Merges usually arrive in row order; then only those still open can overlap.
        if let last = merges.last, range.first.row < last.first.row { mergesInRowOrder = false }
        let candidates: [CellRange]
        if mergesInRowOrder {
            openMerges.removeAll { $0.last.row < range.first.row }
            candidates = openMerges
        } else {
            candidates = merges
        }
        if let clash = candidates.first(where: { $0.overlaps(range) }) {
            throw XLSXWriteError.overlappingMerge(sheet: name, range: range.description, existing: clash.description)
        }
        merges.append(range)
        openMerges.append(range)
    }

    /// Freezes the top `rows` rows and left `columns` columns.
    public func freeze(rows: Int, columns: Int = 0) {
        frozen = rows > 0 || columns > 0 ? (rows, columns) : nil
    }

    /// Adds filter buttons to the header row of `range`.
    public func setAutoFilter(_ range: CellRange) {
        autoFilter = range
    }

    /// Adds a dropdown list; refused when the items hold commas or quotes or add up to more than 255 characters.
    public func addDropdown(_ dropdown: Dropdown) throws {
        for item in dropdown.items where item.contains(",") || item.contains("\"") {
            throw XLSXWriteError.invalidDropdownItem(sheet: name, item: item)
        }
        let length = dropdown.items.joined(separator: ",").utf16.count
        guard length <= 255 else { throw XLSXWriteError.dropdownTooLong(sheet: name, range: dropdown.range.description, length: length) }
        dropdowns.append(dropdown)
    }

    /// Protects the sheet without a password.
    public func protect(_ protection: SheetProtection = SheetProtection()) {
        self.protection = protection
    }

    public func setPrintSetup(_ setup: PrintSetup) {
        printSetup = setup
    }

    public func addHyperlink(_ link: Hyperlink) {
        hyperlinks.append(link)
    }

    /// Places a native chart over the cells of `anchor`, as they are at default row height: the chart keeps that
    /// size when rows below its top grow to fit wrapped text, so it neither stretches nor spills onto the next page.
    public func addChart(_ chart: Chart, at anchor: CellRange) {
        let columnWidths = (anchor.first.column...anchor.last.column).map { columns[$0]?.width ?? RowHeight.defaultColumnWidth }
        let rows = anchor.last.row - anchor.first.row + 1
        charts.append((chart, ChartAnchor(from: anchor.first, columnWidths: columnWidths, height: Double(rows) * defaultRowHeight)))
    }

    /// The external links of the sheet, in order: their relationship ids come first, then the drawing's.
    private var externalLinks: [String] {
        hyperlinks.compactMap { link -> String? in
            if case .url(let url) = link.target { return url }
            return nil
        }
    }

    // MARK: - Assembly

    /// Finishes the sheet part; `selected` marks the tab Excel opens on.
    func finish(selected: Bool) throws -> StoredPart {
        try body.drain(&buffer)
        try body.finish()
        return StoredPart(name: partName, head: head(selected: selected), body: body, tail: tail(), level: level)
    }

    var partName: String { "xl/worksheets/sheet\(position).xml" }

    /// The range holding values, for `<dimension>`.
    var usedRange: CellRange? {
        guard maxColumn > 0 else { return nil }
        return CellRange(first: CellReference(row: firstRow, column: minColumn), last: CellReference(row: lastRow, column: maxColumn))
    }

    private func head(selected: Bool) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">", to: &out)
        if printSetup?.fitToWidth == true { XMLBytes.append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>", to: &out) }
        XMLBytes.append("<dimension ref=\"", to: &out)
        XMLBytes.append(usedRange?.description ?? "A1", to: &out)
        XMLBytes.append("\"/><sheetViews><sheetView ", to: &out)
        if selected { XMLBytes.append("tabSelected=\"1\" ", to: &out) }
        XMLBytes.append("workbookViewId=\"0\"", to: &out)
        if let frozen {
            let topLeft = CellReference(row: frozen.rows + 1, column: frozen.columns + 1).description
            let pane = frozen.rows > 0 && frozen.columns > 0 ? "bottomRight" : frozen.rows > 0 ? "bottomLeft" : "topRight"
            XMLBytes.append("><pane", to: &out)
            if frozen.columns > 0 { XMLBytes.append(" xSplit=\"", to: &out); XMLBytes.append(frozen.columns, to: &out); XMLBytes.append("\"", to: &out) }
            if frozen.rows > 0 { XMLBytes.append(" ySplit=\"", to: &out); XMLBytes.append(frozen.rows, to: &out); XMLBytes.append("\"", to: &out) }
            XMLBytes.append(" topLeftCell=\"", to: &out); XMLBytes.append(topLeft, to: &out)
            XMLBytes.append("\" activePane=\"", to: &out); XMLBytes.append(pane, to: &out)
            XMLBytes.append("\" state=\"frozen\"/>", to: &out)
            // Frozen both ways, Excel keeps a selection in each pane that scrolls; the active one holds the cursor.
            if pane == "bottomRight" { XMLBytes.append("<selection pane=\"topRight\"/><selection pane=\"bottomLeft\"/>", to: &out) }
            XMLBytes.append("<selection pane=\"", to: &out); XMLBytes.append(pane, to: &out)
            XMLBytes.append("\" activeCell=\"", to: &out); XMLBytes.append(topLeft, to: &out)
            XMLBytes.append("\" sqref=\"", to: &out); XMLBytes.append(topLeft, to: &out)
            XMLBytes.append("\"/></sheetView></sheetViews>", to: &out)
        } else {
            XMLBytes.append("/></sheetViews>", to: &out)
        }
        XMLBytes.append("<sheetFormatPr defaultRowHeight=\"", to: &out)
        XMLBytes.append(defaultRowHeight, to: &out)
        XMLBytes.append("\"/>", to: &out)
        if !columns.isEmpty {
            XMLBytes.append("<cols>", to: &out)
            // Neighbouring columns set alike share one <col>, as Excel writes them.
            var runs: [(first: Int, last: Int)] = []
            for column in columns.keys.sorted() {
                if let run = runs.last, run.last == column - 1, columns[run.first]! == columns[column]! {
                    runs[runs.count - 1].last = column
                } else {
                    runs.append((column, column))
                }
            }
            for (first, last) in runs {
                let setup = columns[first]!
                XMLBytes.append("<col min=\"", to: &out); XMLBytes.append(first, to: &out)
                XMLBytes.append("\" max=\"", to: &out); XMLBytes.append(last, to: &out)
                XMLBytes.append("\" width=\"", to: &out); XMLBytes.append(setup.width ?? 8.43, to: &out)
                XMLBytes.append("\"", to: &out)
                if let style = setup.style, style.index != 0 { XMLBytes.append(" style=\"", to: &out); XMLBytes.append(style.index, to: &out); XMLBytes.append("\"", to: &out) }
                if setup.hidden { XMLBytes.append(" hidden=\"1\"", to: &out) }
                if setup.width != nil { XMLBytes.append(" customWidth=\"1\"", to: &out) }
                XMLBytes.append("/>", to: &out)
            }
            XMLBytes.append("</cols>", to: &out)
        }
        XMLBytes.append("<sheetData>", to: &out)
        return out
    }

    private func tail() -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append("</sheetData>", to: &out)
        if let protection {
            XMLBytes.append("<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\"", to: &out)
            if protection.allowFormatColumns { XMLBytes.append(" formatColumns=\"0\"", to: &out) }
            if protection.allowFormatRows { XMLBytes.append(" formatRows=\"0\"", to: &out) }
            if protection.allowSort { XMLBytes.append(" sort=\"0\"", to: &out) }
            if protection.allowAutoFilter { XMLBytes.append(" autoFilter=\"0\"", to: &out) }
            XMLBytes.append("/>", to: &out)
        }
        if let autoFilter {
            XMLBytes.append("<autoFilter ref=\"", to: &out); XMLBytes.append(autoFilter.description, to: &out); XMLBytes.append("\"/>", to: &out)
        }
        if !merges.isEmpty {
            XMLBytes.append("<mergeCells count=\"", to: &out); XMLBytes.append(merges.count, to: &out); XMLBytes.append("\">", to: &out)
            for range in merges {
                XMLBytes.append("<mergeCell ref=\"", to: &out); XMLBytes.append(range.description, to: &out); XMLBytes.append("\"/>", to: &out)
            }
            XMLBytes.append("</mergeCells>", to: &out)
        }
        if !dropdowns.isEmpty {
            XMLBytes.append("<dataValidations count=\"", to: &out); XMLBytes.append(dropdowns.count, to: &out); XMLBytes.append("\">", to: &out)
            for dropdown in dropdowns {
                XMLBytes.append("<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\"", to: &out)
                if let prompt = dropdown.prompt { XMLBytes.append(" prompt=\"", to: &out); XMLBytes.appendAttribute(prompt, to: &out); XMLBytes.append("\"", to: &out) }
                XMLBytes.append(" sqref=\"", to: &out); XMLBytes.append(dropdown.range.description, to: &out)
                XMLBytes.append("\"><formula1>\"", to: &out)
                XMLBytes.appendText(dropdown.items.joined(separator: ","), to: &out)
                XMLBytes.append("\"</formula1></dataValidation>", to: &out)
            }
            XMLBytes.append("</dataValidations>", to: &out)
        }
        if !hyperlinks.isEmpty {
            XMLBytes.append("<hyperlinks>", to: &out)
            var external = 0
            for link in hyperlinks {
                XMLBytes.append("<hyperlink ref=\"", to: &out); XMLBytes.append(link.cell.description, to: &out); XMLBytes.append("\"", to: &out)
                switch link.target {
                case .url:
                    external += 1
                    XMLBytes.append(" r:id=\"rId", to: &out); XMLBytes.append(external, to: &out); XMLBytes.append("\"", to: &out)
                case .location(let place):
                    XMLBytes.append(" location=\"", to: &out); XMLBytes.appendAttribute(place, to: &out); XMLBytes.append("\"", to: &out)
                }
                if let tooltip = link.tooltip { XMLBytes.append(" tooltip=\"", to: &out); XMLBytes.appendAttribute(tooltip, to: &out); XMLBytes.append("\"", to: &out) }
                XMLBytes.append("/>", to: &out)
            }
            XMLBytes.append("</hyperlinks>", to: &out)
        }
        XMLBytes.append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>", to: &out)
        if let printSetup {
            XMLBytes.append("<pageSetup paperSize=\"", to: &out); XMLBytes.append(printSetup.paperSize, to: &out)
            XMLBytes.append(printSetup.landscape ? "\" orientation=\"landscape\"" : "\" orientation=\"portrait\"", to: &out)
            if printSetup.fitToWidth { XMLBytes.append(" fitToWidth=\"1\" fitToHeight=\"0\"", to: &out) }
            XMLBytes.append("/>", to: &out)
            if printSetup.pageNumbers {
                XMLBytes.append("<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>", to: &out)
            }
        }
        if drawingNumber != nil {
            XMLBytes.append("<drawing r:id=\"rId", to: &out); XMLBytes.append(externalLinks.count + 1, to: &out); XMLBytes.append("\"/>", to: &out)
        }
        XMLBytes.append("</worksheet>", to: &out)
        return out
    }

    /// `xl/worksheets/_rels/sheetN.xml.rels` for external links and the drawing, or nil.
    func relationshipsXML() -> [UInt8]? {
        let urls = externalLinks
        guard !urls.isEmpty || drawingNumber != nil else { return nil }
        var out: [UInt8] = []
        XMLBytes.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">", to: &out)
        for (i, url) in urls.enumerated() {
            XMLBytes.append("<Relationship Id=\"rId", to: &out); XMLBytes.append(i + 1, to: &out)
            XMLBytes.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"", to: &out)
            XMLBytes.appendAttribute(url, to: &out)
            XMLBytes.append("\" TargetMode=\"External\"/>", to: &out)
        }
        if let drawingNumber {
            XMLBytes.append("<Relationship Id=\"rId", to: &out); XMLBytes.append(urls.count + 1, to: &out)
            XMLBytes.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing\" Target=\"../drawings/drawing", to: &out)
            XMLBytes.append(drawingNumber, to: &out); XMLBytes.append(".xml\"/>", to: &out)
        }
        XMLBytes.append("</Relationships>", to: &out)
        return out
    }
}

extension CellRange {
    func overlaps(_ other: CellRange) -> Bool {
        first.row <= other.last.row && other.first.row <= last.row && first.column <= other.last.column && other.first.column <= last.column
    }
}

extension Cell {
    /// A cell to write with a registered style.
    public init(column: Int, value: CellValue, style: StyleID) {
        self.init(column: column, value: value, style: style.index)
    }
}
