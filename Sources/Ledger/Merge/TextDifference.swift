/// Where two texts differ, for a message a clerk reads: the part both share at either end is shortened, and
/// what differs is put in 【】 in each, so "计划内容被修改" shows the changed word rather than two long sentences.
enum TextDifference {
    static func marked(_ plan: String, _ typed: String, context: Int = 8) -> (plan: String, typed: String) {
        let a = Array(plan), b = Array(typed)
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        func show(_ chars: [Character]) -> String {
            let head = chars[..<prefix], middle = chars[prefix..<(chars.count - suffix)], tail = chars[(chars.count - suffix)...]
            let before = head.count > context ? "…" + String(head.suffix(context)) : String(head)
            let after = tail.count > context ? String(tail.prefix(context)) + "…" : String(tail)
            return before + "【" + String(middle) + "】" + after
        }
        return (show(a), show(b))
    }
}
