/// The return form units fill in, as a contract between the templates `split` writes and the returns `merge`
/// reads: its sheet name, the property naming the unit, its columns, and which tasks a unit receives.
public enum ReturnForm {
    /// The sheet name of every template; `merge` looks for it first.
    public static let sheetName = "任务反馈"
    /// The custom document property naming the unit.
    public static let unitProperty = "填报单位"
    /// The plan columns of a plan's templates, in order: the task, its units by the roles the plan has (牵头 and
    /// 配合 apart), the unit's own role, the deadline.
    public static func planHeaders(for plan: Plan) -> [String] {
        let roles = Set(plan.tasks.lazy.flatMap(\.units.references).map(\.role))
        let units = [(UnitRole.lead, "牵头单位"), (.cooperating, "配合单位"), (.responsible, "责任单位")].filter { roles.contains($0.0) }.map(\.1)
        return ["任务编号", "工作类别", "具体任务", "具体要求"] + units + [roleHeader, "完成时限"]
    }

    /// The columns units fill in, after the plan's.
    public static let progressHeaders = ["进展情况", "完成状态", "完成时间", "佐证材料", "备注"]
    /// The plan column where the template states the unit's own role on the task.
    public static let roleHeader = "本单位角色"
    /// The status words units choose from.
    public static let statusChoices: [Status] = [.completed, .partial, .onTrack, .ahead, .lagging, .notStarted, .extended, .suspended]

    /// `<单位>-任务反馈表.xlsx`.
    public static func fileName(for unit: String) -> String { "\(unit)-任务反馈表.xlsx" }

    /// How the template names a unit's role.
    public static func roleName(_ role: UnitRole) -> String {
        switch role {
        case .lead: "牵头"
        case .cooperating: "配合"
        case .responsible: "负责"
        }
    }

    /// The tasks where `unit` is lead, cooperating or responsible (directly or through a group), in plan order.
    public static func tasks(for unit: String, in plan: Plan) -> [(task: PlanTask, role: UnitRole)] {
        taskIndices(for: unit, in: plan).map { (plan.tasks[$0.index], $0.role) }
    }

    /// The same tasks as positions in `plan.tasks`: what a caller keeps for many units without copying their tasks.
    public static func taskIndices(for unit: String, in plan: Plan) -> [(index: Int, role: UnitRole)] {
        // By index and by bytes: split searches every task once per unit, and a group can name hundreds.
        let name = TextKey(unit)
        // A unit named twice takes its strongest role: lead, then responsible, then cooperating.
        func rank(_ role: UnitRole) -> Int {
            switch role {
            case .lead: 0
            case .responsible: 1
            case .cooperating: 2
            }
        }
        return plan.tasks.indices.compactMap { index in
            var role: UnitRole?
            for reference in plan.tasks[index].units.references where TextKey(reference.name) == name {
                if role.map({ rank(reference.role) < rank($0) }) ?? true { role = reference.role }
            }
            return role.map { (index, $0) }
        }
    }
}
