import Foundation
import Testing

/// The demo's outputs, byte for byte. The templates, the plan's CSV and the briefing's text are as they were before the
/// layers were split (issue "one door in, one door out"), which changed structure, not behaviour. The ledger
/// changed on purpose twice: its JSON became the one Codable model written and read back (every earlier field
/// kept its value), then the 总台账, its CSV and JSON gained every column units typed (完成时间, 佐证材料, 责任人,
/// 备注) and the plan's units by role, and the 汇总 (in the ledger and the briefing) a 配合任务数 column (issue
/// "everything a unit typed reaches the ledger").
@Suite("Demo outputs")
struct DemoOutputTests {
    static let recorded: [String: String] = [
        "plan-2023-gbk.csv": "0cd5017252d570c30092978a5934f6cbb66a4272c860de881a12a77fb09fa0fe",
        "plan-2023.csv": "8afb65811b96df517a6f05257d5453d33272c2af68b10a52ca1d0371b1fdbaf6",
        "templates/办公室-任务反馈表.xlsx": "babb9dc4d6448d44651d89c15e97c61084b46d3821be75c5ff946dfe2bbed0b3",
        "templates/基础科-任务反馈表.xlsx": "df176be81b3f13be5a471b0b6ecfc2b2c41beec995850a3f634b751416bfe9fd",
        "templates/市公共资源交易中心-任务反馈表.xlsx": "0af3b3b81433882fd6b42e32225a59f5bbb8e4e54f7aba9fb5bf5a16be47f5b7",
        "templates/市政务服务大厅管理中心-任务反馈表.xlsx": "0f1d3e532df7466404c6e5c6efe4bd7f07a3717caf418e3d6fb9accf53bfd055",
        "templates/政务科-任务反馈表.xlsx": "43d979ac9c8e76f30d4c32f249f2b6f988d6abd6c1f3eab2cd5eb7166e204401",
        "templates/法规科-任务反馈表.xlsx": "2db962c43a8dbfc43569f4dd25ad4f2bd5a3c9c5238d4ca9c3c264317c78b5b5",
        "templates/热线科-任务反馈表.xlsx": "21f5e06435248ed9af3535e07be94abfb9517b85152bc315104420ae5814b725",
        "templates/规划科-任务反馈表.xlsx": "72434454a4aed0d8944c39f6baef8feaf5c8729d169aba0621ba74b5c08cc6b7",
        "总台账.csv": "53617fd43b676adb41162a7d3d1bece916c9338c2900ebb6832219a7de65ee4c",
        "总台账.json": "eb8a88237daf7da5ad9e10fc2500a17c7205819763be822dc397834595794d25",
        "总台账.xlsx": "7309ba2191dd13b33e35b504ffd425687df5a345b33d5ee2682a8d6167858093",
        "简报.txt": "1d43f5b4dcb465fb360739f5072fe38b698a03dd3d485f1ff0798dde3db15b1a",
        "简报.xlsx": "1e56dc85a2c862aae892a069349d16a7c741397143eebc44056cb1af110c34ca",
    ]

    @Test("make demo's steps give the recorded bytes for every output")
    func sameBytes() throws {
        let work = NSTemporaryDirectory() + "taizhang-demo-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: work) }
        let result = try CLI.run(["--shell", "bash \"$1\" \"$0\" \"$2\"", CLI.repository + "/scripts/demo-hashes.sh", work])
        #expect(result.status == 0, "\(result.stderr)")
        var hashes: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            hashes[String(parts[1].trimmingCharacters(in: .whitespaces).dropFirst(2))] = String(parts[0])
        }
        #expect(hashes == Self.recorded)
    }
}
