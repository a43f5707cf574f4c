import XLSX

extension Grid {
    /// A worksheet, merged ranges filled, within `budget`; `progress` hears the rows read so far.
    ///
    /// Rows become grid rows as they stream past, so the sheet is never held twice; a shared string is made
    /// once however many cells refer to it, and counts against the budget in every cell, as the plan and
    /// return readers work on each cell's text.
    init(workbook: Workbook, sheet: SheetInfo, budget: ReadBudget, progress: (Int) -> Void = { _ in }) throws {
        var meter = MemoryMeter(budget, file: workbook.displayName, sheet: sheet.name)
        // A sheet whose XML alone is past the budget is refused before reading: its cells would take as much.
        // The shared-string table is held whole while the sheet is read, so it counts too.
        for (size, part) in [(workbook.declaredSize(of: sheet), "工作表"), (workbook.declaredSharedStringsSize, "共享字符串表")] {
            if let size, size > UInt64(budget.bytes) {
                throw FileTooLarge(location: SourceLocation(file: workbook.displayName, sheet: sheet.name), budget: budget,
                                   detail: "\(part)展开后有 \(size >> 20) MB")
            }
        }
        let reader = try workbook.rows(of: sheet)
        var rows: [GridRow] = []
        var shared: [Int: String] = [:]
        var inOrder = true
        while let raw = try reader.nextRaw() {
            if rows.count & 1023 == 1023 { progress(rows.count + 1) }
            var cells: [GridCell] = []
            cells.reserveCapacity(raw.count)
            for i in 0..<raw.count {
                let at = CellAddress(row: raw.number, column: raw.column(at: i))
                let value: GridValue
                if let index = reader.sharedStringIndex(of: raw, at: i) {
                    if let text = shared[index] {
                        // Held once, but what reads the grid next works on every cell's text: it counts each time.
                        try meter.string(text, at: at)
                        value = .text(text)
                    } else {
                        let text = reader.value(of: raw, at: i).text
                        try meter.string(text, at: at)
                        try meter.add(48, at: at) // the table's entry for it
                        shared[index] = text
                        value = .text(text)
                    }
                } else {
                    value = GridValue(reader.value(of: raw, at: i))
                    if case .text(let text) = value { try meter.string(text, at: at) }
                    if case .error(let text) = value { try meter.string(text, at: at) }
                }
                cells.append(GridCell(column: at.column, value: value))
            }
            try meter.row(cells: cells.count, at: raw.number)
            if let last = rows.last, raw.number <= last.number { inOrder = false }
            rows.append(GridRow(number: raw.number, cells: cells, isHidden: raw.isHidden))
        }
        shared = [:]
        if !inOrder {
            // Rare (hand-made files): the reader's whole-sheet read sorts the rows and joins a row written twice.
            // The meter has already seen every cell, so the budget holds for this second read too.
            rows = try workbook.read(sheet).rows.map { row in
                GridRow(number: row.number, cells: row.cells.map { GridCell(column: $0.column, value: GridValue($0.value)) }, isHidden: row.isHidden)
            }
        }
        let formulas = reader.uncachedFormulas
        try self.init(file: workbook.displayName, sheet: sheet.name, typed: rows, merges: reader.mergedRanges, meter: &meter,
                      unsavedFormulas: UnsavedFormulas(count: formulas.count, cells: formulas.cells.map(CellAddress.init)))
    }

    /// Rows as read, in order, with merged ranges filled within the table's extent; the fill counts against the budget.
    init(file: String, sheet: String?, typed: [GridRow], merges: [CellRange], meter: inout MemoryMeter,
         unsavedFormulas: UnsavedFormulas = UnsavedFormulas()) throws {
        var fill = MergeFill<GridRow>(ranges: merges.map(CellArea.init), extent: MergeFill<GridRow>.extent(of: typed))
        var rows: [GridRow] = []
        rows.reserveCapacity(typed.count)
        for row in typed {
            try fill.rows(for: row) { try Self.append($0, to: &rows, typed: $0.number == row.number ? row.cells.count : 0, meter: &meter) }
        }
        try fill.rows(for: nil) { try Self.append($0, to: &rows, typed: 0, meter: &meter) }
        self.init(file: file, sheet: sheet, rows: rows, mergedRanges: fill.effectiveRanges, unsavedFormulas: unsavedFormulas,
                  ignoredMerges: fill.ignored)
    }

    /// Appends a row out of merge filling, counting the cells the fill added (a row the file left out is all new).
    private static func append(_ row: GridRow, to rows: inout [GridRow], typed: Int, meter: inout MemoryMeter) throws {
        let added = row.cells.count - typed
        if typed == 0 { try meter.row(cells: added, at: row.number) } else if added > 0 {
            try meter.add(added * MemoryLayout<GridCell>.stride, at: CellAddress(row: row.number, column: 1))
        }
        rows.append(row)
    }
}
