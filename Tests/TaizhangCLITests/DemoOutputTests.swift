import Foundation
import Testing

/// The demo's outputs, byte for byte, as they were before the layers were split (issue "one door in, one door
/// out"): the split changed structure, not behaviour. The ledger JSON is the one output that changed on purpose,
/// to the one Codable model written and read back; every field the earlier JSON had kept its value.
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
        "总台账.csv": "bcd81b45169addee07628a847cf91000156a52cbb4495eb0ec9d8c17cdc68245",
        "总台账.json": "0df33c49d07162eedc4456ad906302e0afe452770fae4406e71ef1bb12ee9f87",
        "总台账.xlsx": "9ee8ab607f1688535f09dad790d8fd83481a3c2371f028b43de102eb9bf5afe7",
        "简报.txt": "1d43f5b4dcb465fb360739f5072fe38b698a03dd3d485f1ff0798dde3db15b1a",
        "简报.xlsx": "495dd2ee91fcd186d466264ed52c29099729858012aff236519bdc7b31ce2d6a",
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
