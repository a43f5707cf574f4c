/// Everything the writer refuses before writing (each a limit Excel enforces with a repair prompt) or fails at.
public enum XLSXWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidSheetName(String, reason: String)
    case duplicateSheetName(String)
    case stringTooLong(sheet: String, cell: String, length: Int)
    case rowOutOfRange(sheet: String, row: Int)
    case columnOutOfRange(sheet: String, column: Int)
    case rowsOutOfOrder(sheet: String, row: Int, after: Int)
    case overlappingMerge(sheet: String, range: String, existing: String)
    case dropdownTooLong(sheet: String, range: String, length: Int)
    case invalidDropdownItem(sheet: String, item: String)
    case invalidRange(sheet: String, text: String)
    case closed
    case io(path: String, detail: String)

    /// A short stable code for scripts and tests.
    public var code: String {
        switch self {
        case .invalidSheetName: "invalid-sheet-name"
        case .duplicateSheetName: "duplicate-sheet-name"
        case .stringTooLong: "string-too-long"
        case .rowOutOfRange: "row-out-of-range"
        case .columnOutOfRange: "column-out-of-range"
        case .rowsOutOfOrder: "rows-out-of-order"
        case .overlappingMerge: "overlapping-merge"
        case .dropdownTooLong: "dropdown-too-long"
        case .invalidDropdownItem: "invalid-dropdown-item"
        case .invalidRange: "invalid-range"
        case .closed: "closed"
        case .io: "io"
        }
    }

    public var description: String {
        switch self {
        case .invalidSheetName(let name, let reason):
            return "工作表名称“\(name)”不可用：\(reason)。"
        case .duplicateSheetName(let name):
            return "工作表名称“\(name)”重复（Excel 不区分大小写），请换一个名称。"
        case .stringTooLong(let sheet, let cell, let length):
            return "\(sheet)!\(cell)：文本长 \(length) 个字符，超过 Excel 单元格上限 32767，请拆分或截短。"
        case .rowOutOfRange(let sheet, let row):
            return "\(sheet)：第 \(row) 行超出 Excel 上限 1048576 行，请拆分为多个工作表。"
        case .columnOutOfRange(let sheet, let column):
            return "\(sheet)：第 \(column) 列超出 Excel 上限 16384 列（XFD）。"
        case .rowsOutOfOrder(let sheet, let row, let after):
            return "\(sheet)：第 \(row) 行写在第 \(after) 行之后；流式写入要求按行号递增顺序写入。"
        case .overlappingMerge(let sheet, let range, let existing):
            return "\(sheet)：合并区域 \(range) 与已有的 \(existing) 重叠，Excel 会提示修复文件。"
        case .dropdownTooLong(let sheet, let range, let length):
            return "\(sheet)!\(range)：下拉列表共 \(length) 个字符，超过 Excel 上限 255，请减少选项或改用单元格区域。"
        case .invalidDropdownItem(let sheet, let item):
            return "\(sheet)：下拉选项“\(item)”含有逗号或双引号，Excel 无法作为列表项。"
        case .invalidRange(let sheet, let text):
            return "\(sheet)：无法识别的单元格区域“\(text)”。"
        case .closed:
            return "工作簿已经关闭，不能再写入。"
        case .io(let path, let detail):
            return "\(path)：无法写入（\(detail)），请检查目录是否存在、是否有写权限、磁盘是否已满，如文件正在 Excel 或 WPS 中打开，请先关闭。"
        }
    }
}
