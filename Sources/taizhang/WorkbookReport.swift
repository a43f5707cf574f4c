import Table
import XLSX

/// What `inspect` says about a workbook, gathered by reading every worksheet once.
struct WorkbookReport {
    struct Sheet {
        let info: SheetInfo
        let usedRange: CellRange?
        let rowsWithValues: Int
        let cells: Int
        let hiddenRows: Int
        let mergedRanges: [CellRange]
        let declaredDimension: String?
        var uncachedFormulas = UncachedFormulas()
        /// Set when the workbook lists the sheet but its part is missing.
        var problem: String? = nil
    }

    let file: String
    let application: String?
    let applicationVersion: String?
    let dateSystem: DateSystem
    let sheets: [Sheet]

    init(path: String) throws {
        let opened = try SpreadsheetFile.open(path)
        if let contents = try opened.wholeSheets() {
            self = WorkbookReport(whole: opened, contents)
            return
        }
        let workbook = try opened.workbook ?? Workbook(path: path)
        file = path
        application = workbook.application
        applicationVersion = workbook.applicationVersion
        dateSystem = workbook.dateSystem
        sheets = try workbook.sheets.map { info in
            let reader: SheetReader
            do {
                reader = try workbook.rows(of: info)
            } catch let error as XLSXError where error.code == "missing-part" {
                return Sheet(info: info, usedRange: nil, rowsWithValues: 0, cells: 0, hiddenRows: 0, mergedRanges: [],
                             declaredDimension: nil, problem: "缺少工作表部件，无法读取")
            }
            var rows = 0, cells = 0, hidden = 0
            var minRow = Int.max, maxRow = 0, minColumn = Int.max, maxColumn = 0
            while let row = try reader.next() {
                rows += 1
                cells += row.cells.count
                if row.isHidden { hidden += 1 }
                minRow = min(minRow, row.number)
                maxRow = max(maxRow, row.number)
                minColumn = min(minColumn, row.cells.first!.column)
                maxColumn = max(maxColumn, row.cells.last!.column)
            }
            let used = rows == 0 ? nil : CellRange(first: CellReference(row: minRow, column: minColumn),
                                                   last: CellReference(row: maxRow, column: maxColumn))
            return Sheet(info: info, usedRange: used, rowsWithValues: rows, cells: cells, hiddenRows: hidden,
                         mergedRanges: reader.mergedRanges, declaredDimension: reader.declaredDimension,
                         uncachedFormulas: reader.uncachedFormulas)
        }
    }

    var text: String {
        var lines = ["文件：\(file)"]
        let producer = [application, applicationVersion].compactMap { $0 }.joined(separator: " ")
        lines.append("生成程序：" + (producer.isEmpty ? "（未注明）" : producer))
        lines.append("日期系统：" + (dateSystem == .system1904 ? "1904（Mac 旧版）" : "1900"))
        lines.append("工作表：\(sheets.count) 个")
        for (index, sheet) in sheets.enumerated() {
            var line = "  \(index + 1). \(sheet.info.name)  [\(Self.kindName(sheet.info.kind))，\(Self.visibilityName(sheet.info.visibility))]"
            if let problem = sheet.problem {
                line += "  （\(problem)）"
            } else if sheet.info.kind == .worksheet {
                line += sheet.usedRange.map { "  已用区域 \($0)，\(sheet.rowsWithValues) 行 \(sheet.cells) 个单元格有值" } ?? "  （空）"
                if sheet.hiddenRows > 0 { line += "，隐藏行 \(sheet.hiddenRows)" }
                if let declared = sheet.declaredDimension, declared != sheet.usedRange?.description {
                    line += "，文件声明区域 \(declared)"
                }
            }
            lines.append(line)
            if !sheet.mergedRanges.isEmpty {
                let shown = sheet.mergedRanges.prefix(20).map(\.description).joined(separator: " ")
                let more = sheet.mergedRanges.count > 20 ? " …（共 \(sheet.mergedRanges.count) 个）" : ""
                lines.append("     合并单元格 \(sheet.mergedRanges.count) 个：\(shown)\(more)")
            }
            let formulas = sheet.uncachedFormulas
            if formulas.count > 0 {
                let shown = formulas.cells.prefix(20).map(\.description).joined(separator: " ")
                let more = formulas.count > 20 ? " …（共 \(formulas.count) 个）" : ""
                lines.append("     公式没有保存计算结果 \(formulas.count) 个（读出为空，用 Excel 或 WPS 打开并保存即可）：\(shown)\(more)")
            }
        }
        return lines.joined(separator: "\n")
    }

    var json: String {
        func quote(_ s: String?) -> String {
            guard let s else { return "null" }
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let sheetsJSON = sheets.map { sheet in
            """
            {"name": \(quote(sheet.info.name)), "kind": \(quote(sheet.info.kind.rawValue)), "visibility": \(quote(sheet.info.visibility.rawValue)), \
            "usedRange": \(quote(sheet.usedRange?.description)), "rowsWithValues": \(sheet.rowsWithValues), "cells": \(sheet.cells), \
            "hiddenRows": \(sheet.hiddenRows), "declaredDimension": \(quote(sheet.declaredDimension)), "problem": \(quote(sheet.problem)), \
            "mergedRanges": [\(sheet.mergedRanges.map { quote($0.description) }.joined(separator: ", "))], \
            "uncachedFormulas": {"count": \(sheet.uncachedFormulas.count), \
            "cells": [\(sheet.uncachedFormulas.cells.map { quote($0.description) }.joined(separator: ", "))]}}
            """
        }
        return """
        {"file": \(quote(file)), "application": \(quote(application)), "applicationVersion": \(quote(applicationVersion)), \
        "dateSystem": \(dateSystem == .system1904 ? 1904 : 1900), "sheets": [\(sheetsJSON.joined(separator: ", "))]}
        """
    }

    private static func kindName(_ kind: SheetKind) -> String {
        switch kind {
        case .worksheet: "工作表"
        case .chartsheet: "图表工作表，跳过"
        case .dialogsheet: "对话框工作表，跳过"
        case .macrosheet: "宏表"
        }
    }

    private static func visibilityName(_ visibility: SheetVisibility) -> String {
        switch visibility {
        case .visible: "可见"
        case .hidden: "隐藏"
        case .veryHidden: "深度隐藏"
        }
    }
}
