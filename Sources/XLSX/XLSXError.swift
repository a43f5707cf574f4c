/// Where in a workbook something went wrong: the file, and when known the part, sheet, cell and XML line.
public struct XLSXLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var part: String?
    public var sheet: String?
    public var cell: String?
    public var line: Int?

    public init(file: String, part: String? = nil, sheet: String? = nil, cell: String? = nil, line: Int? = nil) {
        self.file = file
        self.part = part
        self.sheet = sheet
        self.cell = cell
        self.line = line
    }

    /// `计划表.xlsx 工作表1!E12`, or the file and part when no sheet is known.
    public var description: String {
        var text = file
        if let sheet {
            text += " " + sheet
            if let cell { text += "!" + cell }
        } else if let part {
            text += " (" + part + (line.map { " 第\($0)行" } ?? "") + ")"
        }
        return text
    }
}

/// Every way reading a workbook can fail, each with its location and a Chinese message that says what to do.
public enum XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(XLSXLocation)
    case unreadable(XLSXLocation, String)
    case notAZip(XLSXLocation)
    case encryptedWorkbook(XLSXLocation)
    case legacyWorkbook(XLSXLocation)
    case openDocument(XLSXLocation)
    /// A Word or PowerPoint package given where a workbook was expected.
    case otherOfficeDocument(XLSXLocation, kind: String)
    case corruptZip(XLSXLocation, String)
    case missingPart(XLSXLocation)
    case malformedXML(XLSXLocation, String)
    case forbiddenDTD(XLSXLocation)
    case zipBomb(XLSXLocation, String)
    case cellOutOfRange(XLSXLocation)
    case badCellReference(XLSXLocation, String)
    case badSharedStringIndex(XLSXLocation, Int)
    case sheetNotFound(XLSXLocation, String)

    public var location: XLSXLocation {
        switch self {
        case .fileNotFound(let l), .unreadable(let l, _), .notAZip(let l), .encryptedWorkbook(let l),
             .legacyWorkbook(let l), .openDocument(let l), .otherOfficeDocument(let l, _), .corruptZip(let l, _), .missingPart(let l), .malformedXML(let l, _),
             .forbiddenDTD(let l), .zipBomb(let l, _), .cellOutOfRange(let l), .badCellReference(let l, _),
             .badSharedStringIndex(let l, _), .sheetNotFound(let l, _):
            return l
        }
    }

    /// A short stable code for scripts and tests.
    public var code: String {
        switch self {
        case .fileNotFound: "file-not-found"
        case .unreadable: "unreadable"
        case .notAZip: "not-a-zip"
        case .encryptedWorkbook: "encrypted"
        case .legacyWorkbook: "legacy-xls"
        case .openDocument: "opendocument"
        case .otherOfficeDocument: "not-a-workbook"
        case .corruptZip: "corrupt-zip"
        case .missingPart: "missing-part"
        case .malformedXML: "malformed-xml"
        case .forbiddenDTD: "forbidden-dtd"
        case .zipBomb: "zip-bomb"
        case .cellOutOfRange: "cell-out-of-range"
        case .badCellReference: "bad-cell-reference"
        case .badSharedStringIndex: "bad-shared-string"
        case .sheetNotFound: "sheet-not-found"
        }
    }

    public var description: String {
        let at = location.description
        switch self {
        case .fileNotFound:
            return "\(at)：找不到文件，请检查路径是否正确。"
        case .unreadable(_, let detail):
            return "\(at)：无法读取文件（\(detail)），请检查文件权限。"
        case .notAZip:
            return "\(at)：不是有效的 .xlsx 工作簿（not a zip），请用 Excel 或 WPS 打开后另存为 .xlsx。"
        case .encryptedWorkbook:
            return "\(at)：工作簿已加密（encrypted），请去除密码后另存为 .xlsx。"
        case .legacyWorkbook:
            return "\(at)：这是旧版 .xls/.et 格式（legacy binary workbook），请用 Excel 或 WPS 打开后另存为 .xlsx。"
        case .openDocument:
            return "\(at)：这是 OpenDocument 表格（.ods），不是 .xlsx，请用 WPS、LibreOffice 或 Excel 打开后另存为 .xlsx。"
        case .otherOfficeDocument(_, let kind):
            return "\(at)：这是\(kind)，不是 Excel 工作簿；请把其中的表格复制到 Excel 或 WPS 表格，另存为 .xlsx 后再处理。"
        case .corruptZip(_, let detail):
            return "\(at)：文件已损坏（corrupt zip: \(detail)），请重新获取原文件或另存为 .xlsx。"
        case .missingPart:
            return "\(at)：工作簿缺少必需的部件（missing part），文件可能不完整，请重新另存为 .xlsx。"
        case .malformedXML(_, let detail):
            return "\(at)：XML 格式错误（malformed XML: \(detail)），请用 Excel 或 WPS 打开后重新保存。"
        case .forbiddenDTD:
            return "\(at)：含有 DTD 或实体声明（DTD/entity），正常的 Excel 文件不会包含，已拒绝读取以保安全。"
        case .zipBomb(_, let detail):
            return "\(at)：解压后体积异常（zip bomb: \(detail)），已拒绝读取。如确为正常文件，请拆分后再试。"
        case .cellOutOfRange:
            return "\(at)：单元格引用超出 Excel 范围（最大 XFD1048576），文件已损坏，请用 Excel 打开后重新保存。"
        case .badCellReference(_, let text):
            return "\(at)：无法识别的单元格引用“\(text)”，文件已损坏，请用 Excel 打开后重新保存。"
        case .badSharedStringIndex(_, let index):
            return "\(at)：共享字符串编号 \(index) 不存在（bad shared string index），文件已损坏，请用 Excel 打开后重新保存。"
        case .sheetNotFound(_, let name):
            return "\(at)：找不到工作表“\(name)”，请用 taizhang inspect 查看工作表名称。"
        }
    }
}
