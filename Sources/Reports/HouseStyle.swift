import Ledger
import XLSX

/// The one look of every workbook the tool writes: titles, grey headers, bordered top-aligned bodies, the
/// yellow cells units fill in, and light status fills that stay readable in black-and-white print.
enum HouseStyle {
    static let title = CellFormat(bold: true, fontSize: 16, horizontal: .center, vertical: .center)
    static let header = CellFormat(bold: true, fill: "D9D9D9", border: true, horizontal: .center, vertical: .center, wrap: true)
    static let body = CellFormat(border: true, vertical: .top, wrap: true)
    static let centered = CellFormat(border: true, horizontal: .center, vertical: .top, wrap: true)
    /// Centred on one line: numbers and short words in the briefing's table.
    static let centeredLine = CellFormat(border: true, horizontal: .center, vertical: .top)
    static let percent = CellFormat(border: true, horizontal: .center, numberFormat: "0.0%")
    /// A change between rounds: +2, -1, 0.
    static let signed = CellFormat(border: true, horizontal: .center, vertical: .top, numberFormat: "+0;-0;0")
    static let note = CellFormat(italic: true, wrap: true)
    static let smallNote = CellFormat(italic: true, fontSize: 9, wrap: true)
    static let headline = CellFormat(fontSize: 12, vertical: .center, wrap: true)
    static let section = CellFormat(bold: true, fontSize: 12)
    static let label = CellFormat(bold: true)
    /// Red text: a unit that did not report or reported late, an error in a list of problems.
    static let alert = CellFormat(fontColor: "C00000", border: true, horizontal: .center, vertical: .top)
    /// The header of the columns a unit fills in.
    static let inputHeader = CellFormat(bold: true, fill: "FFE699", border: true, horizontal: .center, vertical: .center, wrap: true)
    static let input = CellFormat(fill: "FFF2CC", border: true, vertical: .top, wrap: true, locked: false)
    static let inputDate = CellFormat(fill: "FFF2CC", border: true, vertical: .top, numberFormat: "yyyy-mm-dd", locked: false)
    static let inputBlank = CellFormat(fill: "FFF2CC", border: true, locked: false)

    /// A status cell: the status's colour as a light fill, the status itself always printed as text.
    static func status(_ colour: StatusColour) -> CellFormat {
        CellFormat(fill: colour.fill, border: true, horizontal: .center, vertical: .top)
    }
}

extension Status {
    /// The colour hint in the ledger: overdue tasks are red whatever their status says.
    func defaultColour(overdue: Bool) -> StatusColour { overdue && self != .completed ? .red : defaultColour }
}

extension StatusColour {
    /// A light fill, so the status text stays readable in print.
    var fill: String {
        switch self {
        case .green: "C6EFCE"
        case .yellow: "FFEB9C"
        case .red: "FFC7CE"
        case .grey: "EDEDED"
        }
    }
}

extension CellRange {
    /// The rectangle from (row, column) to (toRow, toColumn), 1-based.
    init(_ row: Int, _ column: Int, _ toRow: Int, _ toColumn: Int) {
        self.init(first: CellReference(row: row, column: column), last: CellReference(row: toRow, column: toColumn))
    }
}
