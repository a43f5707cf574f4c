/// Task ids derived from a task's text, so that splitting the same plan again gives the same ids and a
/// return keeps matching its task when rows are moved: `RW` and 8 base-32 characters (40 bits of FNV-1a).
public enum TaskID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// The id for a task's category, task and requirement text (normalized, so stray spaces do not matter).
    public static func derive(category: String?, task: String, requirement: String?) -> String {
        id(hash(category: category, task: task, requirement: requirement))
    }

    /// Ids for tasks in plan order: a repeated text gets `-2`, `-3` after its id.
    public struct Sequence: Sendable {
        /// How often each id was given, keyed by the 40 bits the id spells.
        private var seen: [UInt64: Int] = [:]

        public init() {}

        public mutating func next(category: String?, task: String, requirement: String?) -> String {
            let bits = TaskID.hash(category: category, task: task, requirement: requirement) & (1 << 40 - 1)
            let n = (seen[bits] ?? 0) + 1
            seen[bits] = n
            return n == 1 ? TaskID.id(bits) : "\(TaskID.id(bits))-\(n)"
        }
    }

    static func hash(category: String?, task: String, requirement: String?) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ part: String) {
            func mix<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
                for byte in bytes {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x0000_0100_0000_01B3
                }
            }
            if part.utf8.withContiguousStorageIfAvailable(mix) == nil { mix(part.utf8) }
            hash ^= 0x1F
            hash = hash &* 0x0000_0100_0000_01B3
        }
        add(category ?? "")
        add(task)
        add(requirement ?? "")
        return hash
    }

    static func id(_ hash: UInt64) -> String {
        String(unsafeUninitializedCapacity: 10) { bytes in
            bytes[0] = UInt8(ascii: "R")
            bytes[1] = UInt8(ascii: "W")
            for i in 0..<8 { bytes[2 + i] = alphabet[Int((hash >> UInt64(5 * i)) & 31)] }
            return 10
        }
    }
}
