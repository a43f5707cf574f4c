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
        "templates/办公室-任务反馈表.xlsx": "31fdb9550fd3d697d9447c1e6c27c063994f2a6a934b29d40371b4878cc16988",
        "templates/基础科-任务反馈表.xlsx": "3809551bdfab12b4936a88e45aa9206aaed36987e8735a160b3d82a302d44ce2",
        "templates/市公共资源交易中心-任务反馈表.xlsx": "6e0dd82ce179bff0009a3551dff45cb635dae576b2a615ca1fcd0c09b7ad9911",
        "templates/市政务服务大厅管理中心-任务反馈表.xlsx": "6222bef7949a772fb113aad5967cd07291e681b69995c6ff4bb7cb6868870ce6",
        "templates/政务科-任务反馈表.xlsx": "3e5318ebb4b3a0e219345cda2dd037c21a8118bf4bd047045b335155ae5af573",
        "templates/法规科-任务反馈表.xlsx": "69103a265cac2bb28f8bcdc358781ef18b7d92ee383adc0388d635a42b200a0b",
        "templates/热线科-任务反馈表.xlsx": "25495c77803fa02f9102ead68ade2659d47131762b7ae3dd09d0806289a5d205",
        "templates/规划科-任务反馈表.xlsx": "d01cc9dc772cfc91fb024b583f4962f7d60469d387ce8f1e8bedad3c9e70e797",
        "总台账.csv": "53617fd43b676adb41162a7d3d1bece916c9338c2900ebb6832219a7de65ee4c",
        "总台账.json": "73eeffb1c472bef0a0e05d327f4ff4db77429abaf67f3daedddd22bd14aff9f0",
        "总台账.xlsx": "0cf2a1e4a9470b4063551b55cd751415f481f7ec2323fa13a7e1e08d15999616",
        "简报.txt": "57e13ae68f194119b1260f0db2c530c5102868d8d441def12f3d6fae5a0b235d",
        "简报.xlsx": "8b7d96a8952ba3349035bac35566ec4ad49a34155daf6456cb39d5d46787d706",
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
