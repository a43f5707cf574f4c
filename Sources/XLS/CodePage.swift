import CSV

/// The 8-bit text of BIFF5 files and BIFF8 headers, in the workbook's CODEPAGE (936 is GBK, which
/// Chinese Excel 95 and WPS wrote); BIFF8 cell text is Unicode and never needs this.
struct CodePage {
    let number: Int
    private let transcoder: Transcoder?

    init(_ number: Int) {
        self.number = number
        transcoder = Self.iconvName(number).flatMap { Transcoder(from: $0, to: "UTF-8") }
    }

    /// iconv's name for a Windows code page; nil for Latin-1 and for pages read as Latin-1.
    static func iconvName(_ number: Int) -> String? {
        switch number {
        case 936: "GB18030"  // a superset of GBK: what WPS writes beyond GBK still decodes
        case 950: "BIG5"
        case 932: "CP932"
        case 949: "CP949"
        case 874, 1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258: "CP\(number)"
        case 1252, 367, 20127: "CP1252"
        case 10000: "MACINTOSH"
        default: nil
        }
    }

    /// Text of single-byte (or GBK double-byte) characters; bytes that do not decode are read as Latin-1.
    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        if number == 65001 || bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let transcoder, let utf8 = transcoder.convert(Array(bytes)) { return String(decoding: utf8, as: UTF8.self) }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
