/// Turns name candidates into shared keys: a Bulgarian name and an English name in nearby segments whose
/// transliterations sound alike (``NameSimilarity``) join one group, and every occurrence of a group's names gets the
/// group's key. A name with no look-alike on the other side gets no key at all: sentence-initial capitals (`The`,
/// `Тя`) and names the translator replaced with a pronoun are not evidence either way.
struct NameMatcher {
    let threshold: Double
    /// The similarity needed when either name was only seen opening a segment.
    let initialThreshold = 0.85

    /// - Complexity: O(cells × names²) comparisons looked up in a cache; each distinct pair of names is compared once.
    func resolve(_ bulgarian: inout SideEvidence, _ english: inout SideEvidence, band: Band, margin: Int, table: KeyTable) {
        let bulgarianNames = bulgarian.nameKeys.count
        let englishNames = english.nameKeys.count
        guard bulgarianNames > 0, englishNames > 0 else { return }
        var sets = UnionFind(count: bulgarianNames + englishNames)
        func root(_ x: Int) -> Int { sets.root(x) }
        var compared: Set<Int> = []
        var matchedBulgarian = [Bool](repeating: false, count: bulgarianNames)
        var matchedEnglish = [Bool](repeating: false, count: englishNames)
        let m = english.count
        for i in 0..<bulgarian.count where !bulgarian.names[i].isEmpty {
            let low = max(0, Int(band.range(ofRow: i).lowerBound) - margin)
            let high = min(m - 1, Int(band.range(ofRow: min(i + 1, band.rows)).upperBound) + margin)
            guard low <= high else { continue }
            for j in low...high {
                for b in english.names[j] {
                    for a in bulgarian.names[i] {
                        let pair = Int(a) * englishNames + Int(b)
                        guard compared.insert(pair).inserted else { continue }
                        let needed = bulgarian.nameOnlyInitial[Int(a)] || english.nameOnlyInitial[Int(b)] ? max(threshold, initialThreshold) : threshold
                        if NameSimilarity.similarity(bulgarian.nameKeys[Int(a)], english.nameKeys[Int(b)]) >= needed {
                            matchedBulgarian[Int(a)] = true
                            matchedEnglish[Int(b)] = true
                            sets.union(Int(a), bulgarianNames + Int(b))
                        }
                    }
                }
            }
        }
        // One key per group, labelled with a Bulgarian and an English member.
        var keyOfRoot: [Int: Int32] = [:]
        var bulgarianSurface: [Int: String] = [:]
        var englishSurface: [Int: String] = [:]
        for a in 0..<bulgarianNames where matchedBulgarian[a] { bulgarianSurface[root(a)] = bulgarianSurface[root(a)] ?? bulgarian.nameSurfaces[a] }
        for b in 0..<englishNames where matchedEnglish[b] {
            englishSurface[root(bulgarianNames + b)] = englishSurface[root(bulgarianNames + b)] ?? english.nameSurfaces[b]
        }
        func key(_ node: Int) -> Int32 {
            let r = root(node)
            if let key = keyOfRoot[r] { return key }
            let key = table.id("N\(r)", kind: .name, label: "name \(bulgarianSurface[r] ?? "?")~\(englishSurface[r] ?? "?")")
            keyOfRoot[r] = key
            return key
        }
        bulgarian.add(bulgarian.names.map { names in names.filter { matchedBulgarian[Int($0)] }.map { key(Int($0)) } })
        english.add(english.names.map { names in names.filter { matchedEnglish[Int($0)] }.map { key(bulgarianNames + Int($0)) } })
    }
}
