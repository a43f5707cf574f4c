/// A native chart, drawn by Excel, WPS or LibreOffice from cells of the workbook.
public struct Chart: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Bars; `horizontal` bars grow to the right, otherwise they are columns; `stacked` puts series on top of each other.
        case bar(horizontal: Bool, stacked: Bool)
        /// A ring of slices, one per category, from the first series.
        case doughnut
        /// Lines with a marker on each point, categories left to right (rounds over time).
        case line
    }

    /// One series: its name, the cells its values come from, and the values themselves (cached in the
    /// chart so that viewers which do not recalculate still show them).
    public struct Series: Sendable, Equatable {
        public var name: String
        public var nameCell: String?
        public var values: [Double]
        /// A range such as `'汇总'!$C$3:$C$10`.
        public var valuesRange: String
        /// An RGB colour such as `70AD47`; for a doughnut, the slice colours in `pointColors`.
        public var color: String?
        public var pointColors: [String]

        public init(name: String, nameCell: String? = nil, values: [Double], valuesRange: String, color: String? = nil, pointColors: [String] = []) {
            self.name = name
            self.nameCell = nameCell
            self.values = values
            self.valuesRange = valuesRange
            self.color = color
            self.pointColors = pointColors
        }
    }

    public var kind: Kind
    public var title: String?
    public var categories: [String]
    /// A range such as `'汇总'!$A$3:$A$10`.
    public var categoriesRange: String
    public var series: [Series]
    public var showLegend = true
    /// Values (or, on a doughnut, percentages) written on the bars or slices.
    public var showDataLabels = true
    /// Leave out of the legend what shows nothing: a series of zeros, a slice of zero.
    public var hideEmptyInLegend = false
    /// The number format of the values, their labels and axis (`0.0%` for rates); `General` by default.
    public var valueFormat = "General"
    /// Fixed ends of the value axis (0 and 1 for a rate), else chosen by the viewer.
    public var valueAxisBounds: ClosedRange<Double>?

    public init(kind: Kind, title: String?, categories: [String], categoriesRange: String, series: [Series],
                showLegend: Bool = true, showDataLabels: Bool = true, hideEmptyInLegend: Bool = false,
                valueFormat: String = "General", valueAxisBounds: ClosedRange<Double>? = nil) {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.categoriesRange = categoriesRange
        self.series = series
        self.showLegend = showLegend
        self.showDataLabels = showDataLabels
        self.hideEmptyInLegend = hideEmptyInLegend
        self.valueFormat = valueFormat
        self.valueAxisBounds = valueAxisBounds
    }

    /// The legend entries left out: series of zeros (bars), or slices of zero (a doughnut, whose legend lists points).
    var emptyLegendEntries: [Int] {
        guard hideEmptyInLegend else { return [] }
        switch kind {
        case .bar, .line: return series.indices.filter { series[$0].values.allSatisfy { $0 == 0 } }
        case .doughnut: return series.first.map { first in first.values.indices.filter { first.values[$0] == 0 } } ?? []
        }
    }

    /// A reference to cells of a sheet for a chart: `'汇总'!$A$3:$A$10`.
    public static func reference(sheet: String, _ range: CellRange) -> String {
        let quoted = "'" + sheet.replacingApostrophes + "'"
        func absolute(_ ref: CellReference) -> String { "$\(CellReference.columnName(ref.column))$\(ref.row)" }
        return range.first == range.last ? "\(quoted)!\(absolute(range.first))" : "\(quoted)!\(absolute(range.first)):\(absolute(range.last))"
    }
}
