import XLS
import XLSX

/// Reads the input as a legacy .xls and every cell of every sheet, with its property streams. An
/// XLSReadError is a correct answer; a crash, hang, leak or sanitizer report is a finding. Seeds are
/// the .xls corpus, so mutations reach the compound file, the BIFF records and the strings alike.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLS(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        let workbook = try XLSWorkbook(bytes: Array(UnsafeBufferPointer(start: data, count: size)), displayName: "fuzz.xls")
        _ = workbook.properties.custom.count
        for sheet in workbook.sheets {
            let content = try workbook.read(sheet, cellLimit: 1_000_000)
            for row in content.rows { for cell in row.cells { _ = cell.value.text } }
            _ = content.mergedRanges.count
            _ = workbook.formatCode(ofStyle: content.rows.first?.cells.first?.style ?? 0)
        }
    } catch {
        _ = "\(error)"
    }
    return 0
}
