/// Splits normalised unit cells into clauses, peers and candidate pieces without ever cutting
/// inside brackets, so "各县(市、区)" stays one name.
enum UnitTokenizer {
    /// Between role clauses and tiers: "A牵头,B配合"; also between peers when no role is written.
    static let clauseSeparators: Set<Character> = [",", ";", "\n", "，", "；"]
    /// Between peers inside a clause.
    static let peerSeparators: Set<Character> = ["、", "/", "／"]
    /// Words that join two names, but also occur inside names (市政务服务和数据管理局): a split at
    /// them is only a candidate, kept when the pieces are names the registry knows.
    static let joiningWords: Set<Character> = ["和", "及", "与"]

    private static let opening: Set<Character> = ["(", "[", "【", "（", "《", "〔", "{"]
    private static let closing: Set<Character> = [")", "]", "】", "）", "》", "〕", "}"]

    /// The text between separators outside brackets, trimmed, empty pieces dropped.
    static func split(_ text: String, at separators: Set<Character>) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if depth == 0, separators.contains(character) {
                pieces.append(current)
                current = ""
                continue
            }
            if opening.contains(character) { depth += 1 }
            if closing.contains(character) { depth = max(0, depth - 1) }
            current.append(character)
        }
        pieces.append(current)
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A peer cut at every space and joining word outside brackets: `pieces[i]` and
    /// `pieces[i + 1]` are separated by `joins[i]` ("" for a space, else the word).
    static func candidatePieces(_ text: String) -> (pieces: [String], joins: [String]) {
        var pieces: [String] = []
        var joins: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if depth == 0, !current.isEmpty, character == " " || joiningWords.contains(character) {
                pieces.append(current)
                joins.append(character == " " ? "" : String(character))
                current = ""
                continue
            }
            if depth == 0, current.isEmpty, !joins.isEmpty {
                // "办公室 和 法规科": the word after a space is the separator.
                if character == " " { continue }
                if joiningWords.contains(character) { joins[joins.count - 1] = String(character); continue }
            }
            if character == " ", current.isEmpty { continue }
            if opening.contains(character) { depth += 1 }
            if closing.contains(character) { depth = max(0, depth - 1) }
            current.append(character)
        }
        if current.isEmpty, !joins.isEmpty {
            // A trailing joining word ("办公室和") stays part of the last piece.
            pieces[pieces.count - 1] += joins.removeLast()
        } else {
            pieces.append(current)
        }
        return (pieces, joins)
    }
}
