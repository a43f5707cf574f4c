/// Where a chart's top-left corner sits and how large it is: a fixed size, so that rows grown for wrapped text
/// under it do not stretch it (a two-cell anchor would).
struct ChartAnchor: Sendable {
    let from: CellReference
    /// Excel's pixel width of a column `width` characters wide (7-pixel digits, 5 pixels of padding), summed.
    let widthPixels: Int
    let heightPoints: Double

    init(from: CellReference, columnWidths: [Double], height: Double) {
        self.from = from
        widthPixels = columnWidths.reduce(0) { $0 + Int(($1 * 7 + 5).rounded(.down)) }
        heightPoints = height
    }

    /// English Metric Units: 9525 to a pixel at 96 dpi, 12700 to a point.
    var widthEMU: Int { widthPixels * 9525 }
    var heightEMU: Int { Int((heightPoints * 12700).rounded()) }
}
