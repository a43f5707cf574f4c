import Foundation
import Testing

/// The demo's outputs, byte for byte. The plan's CSV is as it was before the layers were
/// split (issue "one door in, one door out"), which changed structure, not behaviour; so were the templates until
/// they showed the plan's units by role (牵头单位, 配合单位, 责任单位 as the plan has them) and 工作类别. The ledger
/// changed on purpose twice: its JSON became the one Codable model written and read back (every earlier field
/// kept its value), then the 总台账, its CSV and JSON gained every column units typed (完成时间, 佐证材料, 责任人,
/// 备注) and the plan's units by role, and the 汇总 (in the ledger and the briefing) a 配合任务数 column (issue
/// "everything a unit typed reaches the ledger"); the ledger and briefing then named themselves in a custom
/// property and listed the returns folder's README.md (and later its subfolder extra) as not read, and 长期推进 became a deadline kind beside
/// the statuses, with the 滞后 and 未启动 lists, and on time was judged by a unit's first file, a CSV showing no
/// save time, the 问题 sheet's codes became words, every sheet got its print setup and the charts colours
/// that survive grey print and colour-blind readers, with empty categories out of their legends, the briefing's charts a fixed size and its time cells wrapped (issue
/// "a round as the clerk lives it").
@Suite("Demo outputs")
struct DemoOutputTests {
    static let recorded: [String: String] = [
        "plan-2023-gbk.csv": "0cd5017252d570c30092978a5934f6cbb66a4272c860de881a12a77fb09fa0fe",
        "plan-2023.csv": "8afb65811b96df517a6f05257d5453d33272c2af68b10a52ca1d0371b1fdbaf6",
        "templates/办公室-任务反馈表.xlsx": "5fd19ccb782978d2a6f54addb203ffe7e20263e5024dbb37f894cbd8a2cb2d8d",
        "templates/基础科-任务反馈表.xlsx": "2fe21169950d68e4945ab108b3f40da30c91ca1e53de883f5a3d5d6838457cb0",
        "templates/市公共资源交易中心-任务反馈表.xlsx": "2b1b9b3b58537bebd1ff80b4b0be55d665cc42dce5fa14102bdb3f6b33d7fad7",
        "templates/市政务服务大厅管理中心-任务反馈表.xlsx": "0f2ae8c399fbafb79164a580ab0c408b485a3a3bbf5a8808cd58cd86f820e2dd",
        "templates/政务科-任务反馈表.xlsx": "0e073a5618974492c587c451ec04a299660d5776a271259f376d1c8fd4814692",
        "templates/法规科-任务反馈表.xlsx": "2b41b7c75824a96cccf9cad85dccca46182f0163eefc015787ac72d733218138",
        "templates/热线科-任务反馈表.xlsx": "bc1815e1019edca07e5268e7e1bdc35295d2498e54b6582ec725aacd99c5116a",
        "templates/规划科-任务反馈表.xlsx": "bfb91220ac9f9819c765642d871855a7b72fa4622e4d63cf35966a34bfb3b2cb",
        "总台账.csv": "53617fd43b676adb41162a7d3d1bece916c9338c2900ebb6832219a7de65ee4c",
        "总台账.json": "73eeffb1c472bef0a0e05d327f4ff4db77429abaf67f3daedddd22bd14aff9f0",
        "总台账.xlsx": "ac99e99be58139d70e5b9b1f2ba24b00753d787b261cf7d25afc4e6bd7e5e51f",
        "简报.txt": "57e13ae68f194119b1260f0db2c530c5102868d8d441def12f3d6fae5a0b235d",
        "简报.xlsx": "e9e571d27ee00008c025f99ad83aa87c105f19518d23f404a217949352fe7e18",
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
