import Testing
@testable import Ledger

@Suite("Plan year")
struct PlanYearTests {
    @Test("from the title row, before the file name")
    func title() {
        let found = PlanYear.find(title: "汕尾市政务服务数据管理局2023年政务公开工作要点分工方案", fileName: "plan-2024.xlsx")
        #expect(found?.year == 2023)
        #expect(found?.source == .title)
    }

    @Test("from the file name when the title has none", arguments: [("plan-2023.xlsx", 2023), ("2024工作要点.xlsx", 2024), ("returns/法规科-2025.csv", 2025)])
    func fileName(name: String, year: Int) {
        #expect(PlanYear.find(title: "工作要点分工方案", fileName: name)?.year == year)
    }

    @Test("nothing plausible: nil (the caller asks for --year)", arguments: ["计划表.xlsx", "table12345.xlsx", "v1999.xlsx"])
    func none(name: String) {
        #expect(PlanYear.find(title: nil, fileName: name) == nil)
    }
}
