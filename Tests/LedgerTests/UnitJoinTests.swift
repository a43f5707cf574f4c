import Testing
@testable import Ledger

/// Names joined by 及/和/与 in a unit cell written without a registry: cut only where every piece is a name on its own.
@Suite("Unit names joined by 及, 和, 与")
struct UnitJoinTests {
    @Test("two group terms joined by 及 are two groups; in traditional script too")
    func twoGroups() {
        #expect(unitReferences("市政府办公室牵头,市级各有关部门及各县市区政府按职责分工负责")
                == ["市政府办公室|lead", "市级各有关部门|responsible", "各县市区政府|responsible"])
        #expect(unitReferences("市級各有關部門及各縣市區政府") == ["市級各有關部門|responsible", "各縣市區政府|responsible"])
    }

    @Test("a name with 和 inside, and a group whose second half is no name alone, stay whole")
    func staysWhole() {
        #expect(unitReferences("区发展和改革局") == ["区发展和改革局|responsible"])
        #expect(unitReferences("各县(市、区)党委和人民政府") == ["各县（市、区）党委和人民政府|responsible"])
    }
}
