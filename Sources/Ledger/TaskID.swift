/// Task ids derived from a task's text, so that splitting the same plan again gives the same ids and a
/// return keeps matching its task when rows are moved: `RW` and 8 base-32 characters (40 bits of FNV-1a).
public enum TaskID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The id for a task's category, task and requirement text (normalized, so stray spaces do not matter).
    public static func derive(category: String?, task: String, requirement: String?) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in [category ?? "", task, requirement ?? ""] {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var id = "RW"
        for i in 0..<8 { id.append(alphabet[Int((hash >> UInt64(5 * i)) & 31)]) }
        return id
    }

    /// Ids for tasks in order; a repeated text gets `-2`, `-3` after its id, in plan order.
    public static func derive(_ texts: [(category: String?, task: String, requirement: String?)]) -> [String] {
        var seen: [String: Int] = [:]
        return texts.map { text in
            let id = derive(category: text.category, task: text.task, requirement: text.requirement)
            let n = (seen[id] ?? 0) + 1
            seen[id] = n
            return n == 1 ? id : "\(id)-\(n)"
        }
    }
}
