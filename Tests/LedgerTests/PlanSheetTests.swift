import Foundation
import Testing
@testable import Ledger

@Suite("Plan sheets: header, columns, units")
struct PlanSheetTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/samples"

    @Test("the seed plan's columns: 工作要求 merged down is the category, then task, requirement, lead unit, deadline",
          arguments: ["plan-2023.xlsx", "plan-2023.csv", "plan-2023-gbk.csv"])
    func seedColumns(file: String) throws {
        let sheet = try PlanSheet.open(path: Self.samples + "/" + file)
        #expect(sheet.layout.data.count == 21)
        // In the CSVs the merged cells are blank below their value, which marks the category just as well.
        #expect(sheet.columns[.category] == 1)
        #expect(sheet.columns[.task] == 2)
        #expect(sheet.columns[.requirement] == 3)
        #expect(sheet.columns[.leadUnit] == 4)
        #expect(sheet.columns[.deadline] == 5)
        #expect(sheet.title == "汕尾市政务服务数据管理局2023年政务公开工作要点分工方案")
        #expect(sheet.unitCells.contains("办公室、法规科、规划科、政务科按职能分工落实"))
    }

    @Test("a file without a plan table is a clear error")
    func noTable() throws {
        let path = NSTemporaryDirectory() + "taizhang-\(UUID().uuidString).csv"
        try "a,b\n1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: PlanSheetError.self) { _ = try PlanSheet.open(path: path) }
    }
}
