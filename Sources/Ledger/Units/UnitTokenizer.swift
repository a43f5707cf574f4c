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

    /// Peers that continue a group term written without brackets, joined back to it: "各县、市、区政府" is
    /// 各县（市、区）政府, "各乡镇人民政府、街道办事处" and "县直各部门、单位" are one group each.
    static func joiningGroupTerms(_ peers: [String]) -> [String] {
        var joined: [String] = []
        var open = false
        for peer in peers {
            if open, let last = joined.last, continuesGroup(peer) {
                joined[joined.count - 1] = last + "、" + peer
                // A level alone (市) leaves the term open; a kind (区政府, 街道办事处) ends it.
                open = levels.contains(peer)
                continue
            }
            joined.append(peer)
            open = peer.contains("各") && peer.count <= 12
        }
        return joined
    }

    /// An open list with its group written after 等 (区发改委等相关区直部门): the named unit, marked open, and the
    /// group as a peer of its own, so neither is lost.
    static func splittingOpenLists(_ peers: [String]) -> [String] {
        peers.flatMap { peer -> [String] in
            guard let mark = peer.range(of: "等"), peer.distance(from: peer.startIndex, to: mark.lowerBound) >= 2 else { return [peer] }
            let rest = String(peer[mark.upperBound...]).trimmingCharacters(in: .whitespaces)
            let groupWords = ["相关", "有关", "各", "其他"], kindEndings = ["部门", "单位", "科室", "处室", "机构", "股室"]
            guard !rest.isEmpty, rest.count <= 12,
                  groupWords.contains(where: rest.hasPrefix) || (kindEndings.contains(where: rest.hasSuffix) && rest.count > 2) else { return [peer] }
            return [String(peer[..<mark.upperBound]), rest]
        }
    }

    /// A level or suffix written once for a list (domain.md 3.3): "市发展改革委、工业和信息化委" names 市工业和信息化委,
    /// "城乡一体化示范区、高新区党工委和管委会" names 城乡一体化示范区党工委和管委会. A prefix is lent only to names
    /// that start as a department does, so a place (莲都邮政管理局) keeps its own name.
    static func sharingAffixes(_ names: [String]) -> [String] {
        guard names.count > 1 else { return names }
        var shared = names
        // Departments of a government (…局, …委), not the sections of one bureau (规划科), share a level.
        let isDepartment = { (name: String) in ["局", "委", "委员会", "厅", "办"].contains(where: name.hasSuffix) }
        if let first = names.first?.first, "市区县省".contains(first), isDepartment(names[0]) {
            for index in shared.indices.dropFirst() where !"市区县省各".contains(shared[index].first ?? " ")
                && departmentStems.contains(where: shared[index].hasPrefix) && isDepartment(shared[index]) {
                shared[index] = String(first) + shared[index]
            }
        }
        if let last = names.last, let suffix = sharedSuffixes.first(where: { last.hasSuffix($0) && last.count > $0.count }) {
            // A place (城乡一体化示范区) or a bare name (人民大垸) before the list's last name takes its suffix.
            // A bare name takes it only in a list of places and bare names: among offices (市税务局、市人行、…) it is an office.
            let amongPlaces = !names.dropLast().contains(where: UnitParser.looksLikeOrganisation)
            for index in shared.indices.dropLast() where !UnitParser.looksLikeOrganisation(shared[index]) && !shared[index].contains("各")
                && (placeEndings.contains(where: shared[index].hasSuffix) || (amongPlaces && shared[index].count <= 5)) {
                shared[index] += suffix
            }
        }
        return shared
    }

    private static let departmentStems = ["发展改革", "发展和改革", "发改", "工业和信息化", "经济和信息化", "工信", "经信", "教育", "科技", "公安",
                                          "民政", "司法", "财政", "人力资源", "人社", "自然资源", "生态环境", "住房和城乡建设", "住建",
                                          "交通", "水利", "水务", "农业", "商务", "文化", "文旅", "卫生", "卫健", "退役军人", "应急",
                                          "审计", "国资", "市场监", "统计", "医保", "医疗保障", "林业", "城管", "城市管理", "体育", "信访",
                                          "税务", "金融", "政务服务", "数据", "大数据", "档案", "气象", "供销", "粮食", "能源", "规划",
                                          "国土", "环保", "安监", "旅游", "外事", "民宗", "人防", "机关事务", "行政审批", "网信"]
    private static let sharedSuffixes = ["党工委和管委会", "党委和人民政府", "党委和政府", "人民政府", "管委会", "党工委", "办事处", "管理区"]
    private static let placeEndings = ["区", "县", "市", "镇", "乡", "园", "街道"]

    private static let levels: Set<String> = ["省", "市", "县", "区", "乡", "镇", "街道", "村", "社区", "旗"]
    private static let kinds = ["政府", "人民政府", "办事处", "街道办事处", "街道办", "单位", "部门", "管委会", "党委", "党工委"]

    private static func continuesGroup(_ written: String) -> Bool {
        let peer = written.last.map { "。.;".contains($0) } == true ? String(written.dropLast()) : written
        if levels.contains(peer) || kinds.contains(peer) || ["街道", "街道办事处", "社区", "乡镇", "园区"].contains(peer) { return true }
        // A level and a kind: 区政府, 镇人民政府.
        return levels.contains { level in peer.hasPrefix(level) && kinds.contains(String(peer.dropFirst(level.count))) }
    }

    /// Names run together when a page lost the line breaks between them ("晋陵公司轨道公司", "五星街道南大街街道"):
    /// cut after an ending no name runs on from (街道, 公司, 政府, 管委会, 办事处) and before a group term (各…).
    /// Only a peer with no separator at all is cut, and only into pieces of three characters or more.
    static func splittingRunTogether(_ peer: String) -> [String] {
        guard peer.count >= 8, !peer.contains(" ") else { return [peer] }
        let chars = Array(peer)
        var pieces: [String] = []
        var start = 0, depth = 0
        for index in chars.indices {
            if opening.contains(chars[index]) { depth += 1 }
            if closing.contains(chars[index]) { depth = max(0, depth - 1) }
            guard depth == 0, index + 1 < chars.count else { continue }
            let piece = String(chars[start...index]), rest = chars.count - index - 1
            let after = String(chars[(index + 1)...])
            let endsName = runTogetherEndings.contains { piece.hasSuffix($0) } && !opening.contains(chars[index + 1])
                && !kinds.contains(where: after.hasPrefix)
            // Before 各 only after a name that cannot own what follows: 市政府各有关部门 is one group.
            let beforeGroup = chars[index + 1] == "各" && !piece.hasSuffix("政府")
                && (UnitParser.looksLikeOrganisation(piece.filter { !opening.contains($0) && !closing.contains($0) }) || closing.contains(chars[index]))
            if piece.count >= 3, rest >= 3, endsName || beforeGroup {
                pieces.append(piece)
                start = index + 1
            }
        }
        pieces.append(String(chars[start...]))
        return pieces
    }

    private static let runTogetherEndings = ["街道", "公司", "管委会", "办事处"]

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
