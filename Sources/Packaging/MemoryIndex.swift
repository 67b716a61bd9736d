import Foundation

/// A translation pair from a memory, as the kit's matcher sees it.
public struct MemoryPair: Sendable, Hashable {
    public var source: String
    public var target: String
    /// The unit id (`tuid`), when the memory has one.
    public var id: String?
    /// The memory file it came from.
    public var origin: String
    /// Whether the pair was cut out of a longer unit (see ``MemoryIndex/init(pairs:splitter:)``).
    public var isSplit: Bool

    public init(source: String, target: String, id: String? = nil, origin: String, isSplit: Bool = false) {
        self.source = source
        self.target = target
        self.id = id
        self.origin = origin
        self.isSplit = isSplit
    }
}

/// What a memory offers for one segment.
public struct MemoryMatch: Sendable, Hashable {
    public enum Kind: String, Sendable { case exact, fuzzy }
    public var pair: MemoryPair
    public var kind: Kind
    /// 1 for exact matches; word-level similarity (see ``MemoryIndex/similarity(_:_:)``) for fuzzy ones.
    public var score: Double

    /// The score as a percentage, as CAT tools show it (`87`).
    public var percent: Int { Int((score * 100).rounded(.down)) }
}

/// Finds what translation memories offer for source segments: exact matches (equal after Unicode normalisation and
/// whitespace folding) and fuzzy matches (word-level edit similarity at or above a threshold).
///
/// Memories made from whole paragraphs (one unit per paragraph, as many aligned corpora and older memories are) are
/// also cut into sentences: when a unit's source and target split into the same number of sentences, the pairs are
/// added, marked ``MemoryPair/isSplit``, so they can match the kit's sentence segments.
///
/// - Complexity: building is O(*n*) in the size of the memories; a lookup is O(1) for exact matches and, for fuzzy
///   ones, proportional to the postings of the segment's rarest words plus O(*k*·*w*²) similarity checks for the
///   `k` best candidates of `w` words.
public final class MemoryIndex: @unchecked Sendable {
    public private(set) var pairs: [MemoryPair] = []
    /// Pairs by normalised source, in memory order.
    private var exact: [String: [Int]] = [:]
    /// Pair indexes by lower-cased word.
    private var postings: [String: [Int]] = [:]
    private var words: [[String]] = []

    /// Number of pairs added by cutting paragraph-sized units into sentences.
    public private(set) var splitPairs = 0

    /// `splitter` cuts a source and a target into sentences (nil: units are used as they are).
    public init(pairs input: [MemoryPair], splitter: ((_ source: String, _ target: String) -> (source: [String], target: [String]))? = nil) {
        var seen = Set<PairKey>()
        for pair in input {
            add(pair, seen: &seen)
            guard let splitter else { continue }
            let (sources, targets) = splitter(pair.source, pair.target)
            guard sources.count > 1, sources.count == targets.count else { continue }
            for (source, target) in zip(sources, targets) {
                var part = pair
                part.source = source
                part.target = target
                part.isSplit = true
                if add(part, seen: &seen) { splitPairs += 1 }
            }
        }
    }

    private struct PairKey: Hashable {
        var source: String
        var target: String
    }

    @discardableResult
    private func add(_ pair: MemoryPair, seen: inout Set<PairKey>) -> Bool {
        let key = Self.normalized(pair.source)
        guard !key.isEmpty, !pair.target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            seen.insert(PairKey(source: key, target: Self.normalized(pair.target))).inserted
        else { return false }
        let index = pairs.count
        pairs.append(pair)
        exact[key, default: []].append(index)
        let tokens = Self.words(pair.source)
        words.append(tokens)
        for word in Set(tokens) { postings[word, default: []].append(index) }
        return true
    }

    /// The matches for `segment`: every exact match (memory order), or else up to `limit` fuzzy matches at or above
    /// `threshold`, best first.
    public func matches(for segment: String, threshold: Double = 0.75, limit: Int = 3) -> [MemoryMatch] {
        if let found = exact[Self.normalized(segment)] {
            return found.map { MemoryMatch(pair: pairs[$0], kind: .exact, score: 1) }
        }
        let tokens = Self.words(segment)
        guard !tokens.isEmpty else { return [] }
        // Candidates share words with the segment; the rarest words find them cheaply.
        let rare = Set(tokens).sorted { (postings[$0]?.count ?? 0, $0) < (postings[$1]?.count ?? 0, $1) }.prefix(8)
        var shared: [Int: Int] = [:]
        for word in rare { for index in postings[word] ?? [] { shared[index, default: 0] += 1 } }
        let best = shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(40)
        var found: [MemoryMatch] = []
        for (index, _) in best {
            let other = words[index]
            // The length ratio bounds the similarity; skip what cannot reach the threshold.
            guard Double(min(other.count, tokens.count)) / Double(max(other.count, tokens.count)) >= threshold else { continue }
            let score = Self.similarity(tokens, other)
            if score >= threshold { found.append(MemoryMatch(pair: pairs[index], kind: .fuzzy, score: score)) }
        }
        found.sort { $0.score != $1.score ? $0.score > $1.score : $0.pair.source < $1.pair.source }
        return Array(found.prefix(limit))
    }

    /// The key exact matches compare: NFC, whitespace runs folded to one space, trimmed.
    public static func normalized(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out += " " }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Lower-cased words and single punctuation marks, the units fuzzy similarity counts in.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for scalar in text.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
                continue
            }
            if !current.isEmpty { out.append(current) }
            current = ""
            if !scalar.properties.isWhitespace { out.append(String(scalar)) }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// 1 − (word edit distance ÷ the longer length): 1 for equal word sequences, 0 for nothing in common.
    ///
    /// - Complexity: O(*m*·*n*) in the word counts.
    public static func similarity(_ a: [String], _ b: [String]) -> Double {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] : 1 + min(previous[j - 1], previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return 1 - Double(previous[b.count]) / Double(max(a.count, b.count))
    }
}
