@testable import Ledger
import Testing

@Suite("Deadline extensions units ask for")
struct ExtensionRequestTests {
    @Test("the day after 延期至 and its kin, as a deadline reads it; text without such a day asks for none")
    func requestedDay() {
        let parser = DeadlineParser(planYear: 2023)
        let cases: [(String, String?)] = [
            ("因省级平台升级，申请延期至2023年12月31日。", "2023-12-31"),
            ("申请延期到12月底，待上级部署", "2023-12-31"),
            ("受汛期影响，拟延至2024年3月31日前完成", "2024-03-31"),
            ("建议顺延至11月30日；已报分管领导", "2023-11-30"),
            ("進度滯後，申請延期至10月31日", "2023-10-31"),
            ("申请延期，具体时间待定", nil),
            ("延期至年底前后视情况", nil),
        ]
        for (text, day) in cases {
            #expect(ExtensionRequest.requestedDay(in: text, parser: parser)?.description == day, "\(text)")
        }
    }
}
