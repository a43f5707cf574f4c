import FuzzDriver
import DOCX
import TestSupport

/// Reads the input as a Word document and all its tables. Any error is a correct answer; a crash, hang, leak
/// or sanitizer report is a finding. A zip is used as the file itself; anything else is taken as XML and
/// wrapped in a valid package, so that mutations reach the parsers: the bytes up to the first NUL are
/// document.xml, up to the second numbering.xml, the rest styles.xml.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOCX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let bytes: [UInt8]
    if input.starts(with: [0x50, 0x4B]) {
        bytes = input
    } else {
        let parts = input.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var zip = ZipBuilder()
        zip.add("word/document.xml", parts[0])
        if parts.count > 1 { zip.add("word/numbering.xml", parts[1]) }
        if parts.count > 2 { zip.add("word/styles.xml", parts[2]) }
        bytes = zip.bytes()
    }
    withTemporaryFile(bytes, suffix: ".docx") { path in
        do {
            let document = try WordDocument(path: path)
            for table in document.tables { for row in table.rows { for cell in row.cells { _ = cell.value.text } } }
        } catch {
            _ = "\(error)"
        }
    }
    return 0
}
