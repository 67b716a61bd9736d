import Terminology

/// Glossary evidence: an entry found in a Bulgarian segment (in any inflected form, by the Terminology module's
/// matcher) and one of its English renderings found in an English segment give the two segments a shared key.
///
/// Keys stand for *renderings*, not entries: entries that share a rendering (`Кавано` and `Каванау` → `Kavanaugh`)
/// share a key, and a rendering inside a longer one counts too, so `Брет Кавано` meets both `Brett Kavanaugh` and a
/// later bare `Kavanaugh`.
struct GlossaryAnchors: Sendable {
    let index: TermIndex
    /// For each entry: the keys (rendering groups) a Bulgarian hit of it produces.
    let keysOfEntry: [[Int32]]
    /// A label per rendering group, for reviewers (`Тръмп~Trump`).
    let labels: [String]
    /// English phrases by their first word (lower case).
    private let phrases: [String: [Phrase]]

    /// One English rendering as words, with what case each word needs.
    struct Phrase: Sendable {
        var words: [String]  // lower case
        var cases: [WordCase]
        var group: Int32
    }

    enum WordCase: Sendable {
        /// Any case (`assembly`).
        case any
        /// Starts with a capital (`May` the name, not the verb).
        case capitalised
        /// Exactly as written (`US`, `NATO`, not `us`).
        case exact(String)
    }

    init(glossary: Glossary) throws(TerminologyError) {
        index = try TermIndex(glossary)
        // Renderings as normalised word sequences; entries sharing one are grouped.
        var groupOfRendering: [String: Int] = [:]
        var sets = UnionFind(count: glossary.entries.count)
        func root(_ x: Int) -> Int { sets.root(x) }
        var renderings: [(entry: Int, words: [ScannedWord])] = []
        for (entry, glossaryEntry) in glossary.entries.enumerated() {
            for target in glossaryEntry.targets {
                let words = ScannedSegment(target, side: .english).words
                guard !words.isEmpty else { continue }
                let key = words.map { $0.text.lowercased() }.joined(separator: " ")
                if let other = groupOfRendering[key] {
                    sets.union(other, entry)
                } else {
                    groupOfRendering[key] = entry
                }
                renderings.append((entry, words))
            }
        }
        // Dense group numbers.
        var groupNumber: [Int: Int32] = [:]
        var labels: [String] = []
        for entry in glossary.entries.indices where groupNumber[root(entry)] == nil {
            groupNumber[root(entry)] = Int32(labels.count)
            labels.append("\(glossary.entries[root(entry)].source)~\(glossary.entries[root(entry)].target)")
        }
        var phrases: [String: [Phrase]] = [:]
        for (entry, words) in renderings {
            let phrase = Phrase(
                words: words.map { $0.text.lowercased() },
                cases: words.map { word in
                    word.acronym ? .exact(String(word.text)) : word.capitalised ? .capitalised : .any
                },
                group: groupNumber[root(entry)]!)
            phrases[phrase.words[0], default: []].append(phrase)
        }
        self.phrases = phrases
        self.labels = labels
        // A Bulgarian hit stands for its entry's renderings and for every rendering found inside them.
        var keys: [[Int32]] = []
        for (entry, glossaryEntry) in glossary.entries.enumerated() {
            var groups: Set<Int32> = [groupNumber[root(entry)]!]
            for target in glossaryEntry.targets {
                let words = ScannedSegment(target, side: .english).words
                for match in Self.matches(in: words, phrases: phrases) { groups.insert(match.group) }
            }
            keys.append(groups.sorted())
        }
        keysOfEntry = keys
    }

    /// English renderings in `words`: the longest match at each place wins; the groups of renderings inside it are
    /// reported with it. Returns the word ranges covered and the groups found.
    func englishHits(in words: [ScannedWord]) -> (covered: [Range<Int>], groups: [Int32]) {
        let all = Self.matches(in: words, phrases: phrases)
        guard !all.isEmpty else { return ([], []) }
        // Longest first, then leftmost; keep the ones that do not overlap a kept one.
        var kept: [Range<Int>] = []
        for match in all.sorted(by: { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.lowerBound < $1.words.lowerBound })
        where !kept.contains(where: { $0.overlaps(match.words) }) {
            kept.append(match.words)
        }
        var groups: [Int32] = []
        for span in kept {
            var inside: Set<Int32> = []
            for match in all where match.words.lowerBound >= span.lowerBound && match.words.upperBound <= span.upperBound {
                inside.insert(match.group)
            }
            groups += inside.sorted()
        }
        let covered = kept.map { words[$0.lowerBound].range.lowerBound..<words[$0.upperBound - 1].range.upperBound }
        return (covered, groups)
    }

    /// Every place a rendering matches (overlapping matches included).
    private static func matches(in words: [ScannedWord], phrases: [String: [Phrase]]) -> [(words: Range<Int>, group: Int32)] {
        var result: [(words: Range<Int>, group: Int32)] = []
        // Lower-case forms, made only for words that get looked at.
        var lower = [String?](repeating: nil, count: words.count)
        func lowered(_ i: Int) -> String {
            if let known = lower[i] { return known }
            let made = Self.lowercased(words[i].text)
            lower[i] = made
            return made
        }
        for start in words.indices {
            let first = lowered(start)
            var candidates = phrases[first] ?? []
            // A one-word rendering may take a plural ending (Democrats).
            if let stem = Self.singular(first), let more = phrases[stem] { candidates += more.filter { $0.words.count == 1 } }
            for phrase in candidates where start + phrase.words.count <= words.count {
                var matched = true
                for (offset, expected) in phrase.words.enumerated() {
                    let word = words[start + offset]
                    let text = lowered(start + offset)
                    let last = offset == phrase.words.count - 1
                    guard text == expected || (last && Self.singular(text) == expected) else {
                        matched = false
                        break
                    }
                    switch phrase.cases[offset] {
                    case .any: break
                    case .capitalised: matched = word.capitalised
                    case .exact(let form): matched = word.text == form || (last && word.text.hasPrefix(form) && word.letters == form.count + 1)
                    }
                    if !matched { break }
                }
                if matched { result.append((start..<start + phrase.words.count, phrase.group)) }
            }
        }
        return result
    }

    /// Lower case, without Foundation's general machinery for the common all-ASCII word.
    static func lowercased(_ word: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        for byte in word.utf8 {
            if byte >= 0x80 { return word.lowercased() }
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `democrats` → `democrat`, `churches` → `church` (nil when the word does not end in -s).
    private static func singular(_ word: String) -> String? {
        guard word.utf8.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") else { return nil }
        if word.hasSuffix("es"), let base = Optional(String(word.dropLast(2))), base.hasSuffix("ch") || base.hasSuffix("sh") || base.hasSuffix("x") {
            return base
        }
        return String(word.dropLast())
    }
}
