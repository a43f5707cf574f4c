import CSV
import Foundation
import Ledger
import Reports
import Table
import Testing

/// Every file in a returns folder is read or listed with the reason; one that cannot be read never stops the round.
@Suite("Nothing a unit sends is skipped without a word")
struct NothingSkippedTests {
    @Test("an .xls, a .docx, a truncated workbook and a note in the folder: each listed, the units of the unreadable ones 未报送（文件无法读取）, the ledger still made")
    func everyFileAccountedFor() throws {
        let dir = NSTemporaryDirectory() + "taizhang-skipped-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let returns = SampleRound.samples + "/returns/"
        try FileManager.default.copyItem(atPath: returns + "法规科-任务反馈表.xlsx", toPath: dir + "/法规科-任务反馈表.xlsx")
        // 规划科 sends a truncated attachment; 基础科 an .xls; 热线科 a Word file; someone leaves a note.
        let whole = try Data(contentsOf: URL(fileURLWithPath: returns + "规划科-任务反馈表（重排）.xlsx"))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: dir + "/规划科-任务反馈表.xlsx"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: dir + "/基础科-任务反馈表.xls"))
        try Data("PK\u{3}\u{4}not really a docx".utf8).write(to: URL(fileURLWithPath: dir + "/热线科-任务反馈表.docx"))
        try Data("请各单位于7月5日前报送。".utf8).write(to: URL(fileURLWithPath: dir + "/说明.md"))
        let ledger = try Merge.run(plan: SampleRound.samples + "/plan-2023.xlsx", returns: [dir],
                                   options: MergeOptions(asOf: SampleRound.asOf, plan: SampleRound.options()))
        #expect(ledger.returns.count == 5)
        let unreadable = ledger.issues.filter { $0.code == "unreadable-return" }
        #expect(Set(unreadable.map { Merge.name($0.location.file) }) == ["规划科-任务反馈表.xlsx", "基础科-任务反馈表.xls", "热线科-任务反馈表.docx"])
        #expect(unreadable.allSatisfy { $0.severity == .error })
        #expect(ledger.issues.first { $0.code == "not-a-return" }.map { Merge.name($0.location.file) } == "说明.md")
        let units = Dictionary(uniqueKeysWithValues: ledger.units.map { ($0.name, $0) })
        #expect(units["规划科"]?.unreadable == true && units["基础科"]?.unreadable == true && units["热线科"]?.unreadable == true)
        #expect(units["法规科"]?.submitted == true && units["法规科"]?.unreadable == false)
        #expect(Briefing(ledger).reporting.first { $0.unit == "规划科" }?.state == .unreadable)
        // The ledger is still written.
        let path = dir + "/out.xlsx"
        try LedgerWorkbook.write(ledger, to: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("our own ledger (xlsx and CSV) and briefing saved among the returns are recognised and not read back as returns")
    func ownOutputs() throws {
        let dir = NSTemporaryDirectory() + "taizhang-own-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try SampleRound.ledger()
        try LedgerWorkbook.write(first, to: dir + "/总台账.xlsx")
        try BriefingWorkbook.write(Briefing(first), to: dir + "/简报.xlsx")
        var csv: [UInt8] = []
        try LedgerTable(first).writeCSV(first, to: try CSVWriter(encoding: .utf8BOM) { csv.append(contentsOf: $0) })
        try Data(csv).write(to: URL(fileURLWithPath: dir + "/总台账.csv"))
        try FileManager.default.copyItem(atPath: SampleRound.samples + "/returns/法规科-任务反馈表.xlsx", toPath: dir + "/法规科-任务反馈表.xlsx")
        let ledger = try Merge.run(plan: SampleRound.samples + "/plan-2023.xlsx", returns: [dir],
                                   options: MergeOptions(asOf: SampleRound.asOf, plan: SampleRound.options()))
        let notes = ledger.issues.filter { $0.code == "not-a-return" }
        #expect(notes.count == 3 && notes.allSatisfy { $0.severity == .info && $0.message.contains("本工具生成的") })
        #expect(!ledger.issues.contains { $0.code == "unidentified-return" || $0.code == "unreadable-return" })
        #expect(ledger.units.filter(\.submitted).map(\.name) == ["法规科"])
    }
}

extension NothingSkippedTests {
    @Test("a subfolder of a returns folder is named as not read, unless it is given too, when its files are merged")
    func subfolders() throws {
        let dir = NSTemporaryDirectory() + "taizhang-sub-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/补报", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let returns = SampleRound.samples + "/returns/"
        try FileManager.default.copyItem(atPath: returns + "法规科-任务反馈表.xlsx", toPath: dir + "/法规科-任务反馈表.xlsx")
        try FileManager.default.copyItem(atPath: returns + "热线科-任务反馈表.csv", toPath: dir + "/补报/热线科-任务反馈表.csv")
        let options = MergeOptions(asOf: SampleRound.asOf, plan: try SampleRound.options())
        let alone = try Merge.run(plan: SampleRound.samples + "/plan-2023.xlsx", returns: [dir], options: options)
        let note = try #require(alone.issues.first { $0.code == "subfolder-not-read" })
        #expect(Merge.name(note.location.file) == "补报" && note.severity == .info && note.message.contains("反馈/补报"))
        #expect(alone.returns.contains { $0.file.hasSuffix("补报") && $0.unreadable != nil })
        #expect(alone.units.filter(\.submitted).map(\.name) == ["法规科"])
        let both = try Merge.run(plan: SampleRound.samples + "/plan-2023.xlsx", returns: [dir, dir + "/补报/"], options: options)
        #expect(!both.issues.contains { $0.code == "subfolder-not-read" })
        #expect(both.units.filter(\.submitted).map(\.name) == ["法规科", "热线科"])
    }

    @Test("a 填报单位 property and a file name that disagree are both said, with which was taken; two files of one name in two folders are told apart by their folders")
    func namesThatDisagree() throws {
        let dir = NSTemporaryDirectory() + "taizhang-names-\(UUID().uuidString)"
        for folder in ["甲", "乙"] { try FileManager.default.createDirectory(atPath: dir + "/" + folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let returns = SampleRound.samples + "/returns/"
        try FileManager.default.copyItem(atPath: returns + "法规科-任务反馈表.xlsx", toPath: dir + "/甲/政务科-反馈.xlsx")
        try FileManager.default.copyItem(atPath: returns + "热线科-任务反馈表.csv", toPath: dir + "/甲/热线科.csv")
        try FileManager.default.copyItem(atPath: returns + "热线科-任务反馈表.csv", toPath: dir + "/乙/热线科.csv")
        let ledger = try Merge.run(plan: SampleRound.samples + "/plan-2023.xlsx", returns: [dir + "/甲", dir + "/乙"],
                                   options: MergeOptions(asOf: SampleRound.asOf, plan: SampleRound.options()))
        let conflict = try #require(ledger.issues.first { $0.code == "unit-conflict" })
        #expect(conflict.message.hasPrefix("文件属性“填报单位”为法规科，文件名中却是政务科；按文件属性“填报单位”认定为法规科"))
        #expect(ledger.units.first { $0.name == "法规科" }?.submitted == true)
        let duplicate = try #require(ledger.issues.first { $0.code == "duplicate-return" })
        #expect(duplicate.message.contains("甲/热线科.csv") && duplicate.message.contains("乙/热线科.csv"))
    }
}
