/// Why a legacy .xls/.et workbook could not be read, with the file (and sheet) it concerns, in Chinese first.
public struct XLSReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Error, Sendable, Equatable {
        /// The container or the records are damaged or crafted; the detail says where.
        case corrupt(String)
        /// The workbook is password-protected (a FILEPASS record).
        case encrypted
        /// A BIFF version before Excel 5 (BIFF2–4), or a WPS .et that is not in the BIFF8 layout.
        case unsupported(String)
        /// More cells than the caller's limit; the cell where reading stopped.
        case tooManyCells(String)
    }

    public let file: String
    public let sheet: String?
    public let kind: Kind

    public init(file: String, sheet: String? = nil, _ kind: Kind) {
        self.file = file
        self.sheet = sheet
        self.kind = kind
    }

    public var description: String {
        let at = sheet.map { "\(file) 工作表“\($0)”" } ?? file
        switch kind {
        case .corrupt(let detail):
            return "\(at)：.xls 文件已损坏或异常（\(detail)），请用 Excel 或 WPS 打开后另存为 .xlsx 再试。"
        case .encrypted:
            return "\(at)：工作簿已加密（encrypted .xls），请在 Excel 或 WPS 中去除密码后再试。"
        case .tooManyCells(let cell):
            return "\(at)：单元格过多（读到 \(cell) 时超出内存限额），文件过大或异常；请拆分文件，或用 --max-memory 提高限额。"
        case .unsupported(let what):
            return "\(at)：\(what)，无法直接读取，请用 Excel 或 WPS 打开后另存为 .xlsx。"
        }
    }
}
