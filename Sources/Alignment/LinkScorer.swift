import Foundation

/// A link shape the search may use: `bulgarian` segments against `english` segments, with its log prior.
struct LinkShape: Sendable {
    var bulgarian: Int
    var english: Int
    var logPrior: Double

    /// The shapes allowed, with priors from the parameters (normalised to sum to one). 1-0 and 0-1 always stay
    /// possible (with a tiny prior at least), so every segment can be placed whatever the other shapes.
    static func shapes(_ parameters: AlignmentParameters) -> [LinkShape] {
        let p = parameters
        let null = max(1e-9, p.prior10)
        let raw: [(Int, Int, Double)] = [
            (1, 1, p.prior11), (1, 0, null), (0, 1, null), (2, 1, p.prior21), (1, 2, p.prior21),
            (2, 2, p.prior22), (3, 1, p.prior31), (1, 3, p.prior31),
        ]
        let total = raw.reduce(0) { $0 + max(0, $1.2) }
        return raw.filter { $0.2 > 0 }.map { LinkShape(bulgarian: $0.0, english: $0.1, logPrior: log($0.2 / total)) }
    }
}

/// Scores a candidate link from the evidence of its segments: length, shared anchors, sentence structure.
///
/// The search calls ``evidence(_:_:)`` for every state and link shape, so the scorer keeps its data in flat buffers
/// it owns. Not thread-safe (it reuses scratch buffers): one per search.
final class LinkScorer {
    let bulgarian: SideEvidence
    let english: SideEvidence
    let length: LengthModel
    let structureMatch: Double
    let structureMiss: Double
    /// Per key: the nats a shared occurrence adds, and the nats an occurrence on one side only takes away.
    private let matchWeight: UnsafeMutableBufferPointer<Double>
    private let missWeight: UnsafeMutableBufferPointer<Double>
    private let bulgarianKeys: FlatKeys
    private let englishKeys: FlatKeys
    private let scratchBulgarian: UnsafeMutableBufferPointer<Int32>
    private let scratchEnglish: UnsafeMutableBufferPointer<Int32>
    private let scratchMerge: UnsafeMutableBufferPointer<Int32>

    /// Keys and per-segment figures of one side in buffers the scorer owns.
    private struct FlatKeys {
        let starts: UnsafeMutableBufferPointer<Int32>
        let keys: UnsafeMutableBufferPointer<Int32>
        let characters: UnsafeMutableBufferPointer<Int32>
        let boundaries: UnsafeMutableBufferPointer<Int32>
        /// The most keys any three consecutive segments have together.
        let widestGroup: Int

        init(_ evidence: SideEvidence) {
            starts = .allocate(capacity: evidence.keyStarts.count)
            _ = starts.initialize(from: evidence.keyStarts)
            keys = .allocate(capacity: max(1, evidence.keys.count))
            _ = keys.initialize(from: evidence.keys)
            characters = .allocate(capacity: max(1, evidence.count))
            _ = characters.initialize(from: evidence.characters)
            boundaries = .allocate(capacity: max(1, evidence.count))
            _ = boundaries.initialize(from: evidence.boundaries)
            var widest = 0
            for i in 0..<evidence.count {
                widest = max(widest, Int(evidence.keyStarts[min(evidence.count, i + 3)] - evidence.keyStarts[i]))
            }
            widestGroup = widest
        }

        func deallocate() {
            starts.deallocate()
            keys.deallocate()
            characters.deallocate()
            boundaries.deallocate()
        }
    }

    init(bulgarian: SideEvidence, english: SideEvidence, table: KeyTable, parameters: AlignmentParameters) {
        self.bulgarian = bulgarian
        self.english = english
        length = LengthModel(parameters)
        structureMatch = parameters.structureMatch
        structureMiss = parameters.structureMiss
        // Rarity: a key found in many segments says little about which two belong together.
        var frequency = [Int](repeating: 0, count: table.count)
        for evidence in [bulgarian, english] {
            for i in 0..<evidence.count {
                var previous: Int32 = -1
                for key in evidence.keys(of: i) where key != previous {
                    frequency[Int(key)] += 1
                    previous = key
                }
            }
        }
        let segments = Double(bulgarian.count + english.count) / 2
        let normaliser = log(segments + 1)
        matchWeight = .allocate(capacity: max(1, table.count))
        missWeight = .allocate(capacity: max(1, table.count))
        for key in 0..<table.count {
            let (m, u) = parameters.weights(table.kinds[key])
            let documentFrequency = max(1, Double(frequency[key]) / 2)
            let idf = normaliser > 0 ? min(1, max(0, log((segments + 1) / documentFrequency) / normaliser)) : 1
            let factor = 1 - parameters.rarity * (1 - idf)
            matchWeight[key] = m * factor
            missWeight[key] = u * factor
        }
        bulgarianKeys = FlatKeys(bulgarian)
        englishKeys = FlatKeys(english)
        scratchBulgarian = .allocate(capacity: max(1, bulgarianKeys.widestGroup))
        scratchEnglish = .allocate(capacity: max(1, englishKeys.widestGroup))
        scratchMerge = .allocate(capacity: max(1, max(bulgarianKeys.widestGroup, englishKeys.widestGroup)))
    }

    deinit {
        matchWeight.deallocate()
        missWeight.deallocate()
        bulgarianKeys.deallocate()
        englishKeys.deallocate()
        scratchBulgarian.deallocate()
        scratchEnglish.deallocate()
        scratchMerge.deallocate()
    }

    /// The evidence (nats, without the shape prior) that Bulgarian segments `b` and English segments `e` translate
    /// each other. Both ranges must be non-empty and hold at most three segments.
    ///
    /// - Complexity: O(*k*) in the number of anchors of the segments (a handful).
    @inline(__always)
    func evidence(_ b: Range<Int>, _ e: Range<Int>) -> Double {
        var bulgarianCharacters = 0
        var bulgarianBoundaries = b.count - 1
        for i in b {
            bulgarianCharacters += Int(bulgarianKeys.characters[i])
            bulgarianBoundaries += Int(bulgarianKeys.boundaries[i])
        }
        var englishCharacters = 0
        var englishBoundaries = e.count - 1
        for j in e {
            englishCharacters += Int(englishKeys.characters[j])
            englishBoundaries += Int(englishKeys.boundaries[j])
        }
        var score = length.evidence(bulgarian: bulgarianCharacters, english: englishCharacters)
        let shared = min(bulgarianBoundaries, englishBoundaries)
        score += Double(shared) * structureMatch - Double(bulgarianBoundaries + englishBoundaries - 2 * shared) * structureMiss
        score += anchors(b, e)
        return score
    }

    /// Shared anchors minus anchors on one side only.
    func anchors(_ b: Range<Int>, _ e: Range<Int>) -> Double {
        let left = group(bulgarianKeys, b, scratch: scratchBulgarian)
        let right = group(englishKeys, e, scratch: scratchEnglish)
        if left.isEmpty && right.isEmpty { return 0 }
        var score = 0.0
        var p = 0
        var q = 0
        while p < left.count || q < right.count {
            let key = p < left.count && (q >= right.count || left[p] <= right[q]) ? left[p] : right[q]
            var countLeft = 0
            while p < left.count && left[p] == key {
                countLeft += 1
                p += 1
            }
            var countRight = 0
            while q < right.count && right[q] == key {
                countRight += 1
                q += 1
            }
            let shared = min(countLeft, countRight)
            let k = Int(key)
            score += Double(shared) * matchWeight[k] - Double(countLeft + countRight - 2 * shared) * missWeight[k]
        }
        return score
    }

    /// The keys both sides share and those only one side has, for explaining a link to a reviewer.
    func explain(_ b: Range<Int>, _ e: Range<Int>) -> (shared: [Int32], unmatched: [Int32]) {
        let left = Array(group(bulgarianKeys, b, scratch: scratchBulgarian))
        let right = Array(group(englishKeys, e, scratch: scratchEnglish))
        var shared: [Int32] = []
        var unmatched: [Int32] = []
        var p = 0
        var q = 0
        while p < left.count || q < right.count {
            let key = p < left.count && (q >= right.count || left[p] <= right[q]) ? left[p] : right[q]
            var countLeft = 0
            while p < left.count && left[p] == key { countLeft += 1; p += 1 }
            var countRight = 0
            while q < right.count && right[q] == key { countRight += 1; q += 1 }
            if min(countLeft, countRight) > 0 { shared.append(key) } else { unmatched.append(key) }
        }
        return (shared, unmatched)
    }

    /// The sorted keys of a group of up to three consecutive segments: a slice of the flat array for one segment,
    /// a merge into `scratch` for more.
    @inline(__always)
    private func group(_ side: FlatKeys, _ range: Range<Int>, scratch: UnsafeMutableBufferPointer<Int32>) -> UnsafeBufferPointer<Int32> {
        let start = Int(side.starts[range.lowerBound])
        let end = Int(side.starts[range.upperBound])
        let all = UnsafeBufferPointer(rebasing: side.keys[start..<end])
        guard range.count > 1, end > start else { return all }
        // Merge the sorted runs of each segment one after another.
        var merged = Int(side.starts[range.lowerBound + 1]) - start
        for k in 0..<merged { scratch[k] = all[k] }
        for segment in (range.lowerBound + 1)..<range.upperBound {
            let runStart = Int(side.starts[segment]) - start
            let runEnd = Int(side.starts[segment + 1]) - start
            if runEnd == runStart { continue }
            for k in 0..<merged { scratchMerge[k] = scratch[k] }
            var a = 0
            var b = runStart
            var out = 0
            while a < merged || b < runEnd {
                if b >= runEnd || (a < merged && scratchMerge[a] <= all[b]) {
                    scratch[out] = scratchMerge[a]
                    a += 1
                } else {
                    scratch[out] = all[b]
                    b += 1
                }
                out += 1
            }
            merged = out
        }
        return UnsafeBufferPointer(rebasing: scratch[0..<merged])
    }
}
