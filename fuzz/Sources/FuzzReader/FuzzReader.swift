import FuzzDriver
import TestSupport
import XLSX

/// Opens the input as a workbook and reads every cell of every sheet. Any XLSXError is a correct
/// answer; a crash, hang, leak or sanitizer report is a finding.
///
/// Inputs that look like a zip or an OLE file are used as the file itself. Anything else is taken as
/// XML and wrapped in a valid package, so that mutations reach the parsers rather than dying at the
/// zip's CRC check: the bytes up to the first NUL are the sheet part, up to the second the shared
/// strings, the rest the styles.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let bytes: [UInt8]
    if input.starts(with: [0x50, 0x4B]) || input.starts(with: [0xD0, 0xCF]) {
        bytes = input
    } else {
        let parts = input.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var zip = Fixture.package(sheets: [("Sheet1", parts[0])])
        if parts.count > 1 { zip.add("xl/sharedStrings.xml", parts[1]) }
        if parts.count > 2 { zip.add("xl/styles.xml", parts[2]) }
        bytes = zip.bytes()
    }
    withTemporaryFile(bytes, suffix: ".xlsx") { path in
        do {
            let workbook = try Workbook(path: path)
            for sheet in workbook.sheets {
                let reader = try workbook.rows(of: sheet)
                while let row = try reader.next() {
                    for cell in row.cells { _ = cell.value.text }
                }
                _ = reader.mergedRanges
            }
        } catch {
            _ = "\(error)"
        }
    }
    return 0
}
