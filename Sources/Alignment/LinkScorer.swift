import Foundation

/// A link shape the search may use: `bulgarian` segments against `english` segments, with its log prior.
struct LinkShape: Sendable {
    var bulgarian: Int
    var english: Int
    var logPrior: Double

    /// The shapes allowed, with priors from the parameters (normalised to sum to one).
    static func shapes(_ parameters: AlignmentParameters) -> [LinkShape] {
        let p = parameters
        let raw: [(Int, Int, Double)] = [
            (1, 1, p.prior11), (1, 0, p.prior10), (0, 1, p.prior10), (2, 1, p.prior21), (1, 2, p.prior21),
            (2, 2, p.prior22), (3, 1, p.prior31), (1, 3, p.prior31),
        ]
        let total = raw.reduce(0) { $0 + max(0, $1.2) }
        return raw.filter { $0.2 > 0 }.map { LinkShape(bulgarian: $0.0, english: $0.1, logPrior: log($0.2 / total)) }
    }
}

/// Scores a candidate link from the evidence of its segments: length, shared anchors, sentence structure.
///
/// Not thread-safe (it reuses scratch buffers): one per search.
final class LinkScorer {
    let bulgarian: SideEvidence
    let english: SideEvidence
    let length: LengthModel
    /// Per key: the nats a shared occurrence adds, and the nats an occurrence on one side only takes away.
    let matchWeight: [Double]
    let missWeight: [Double]
    let structureMatch: Double
    let structureMiss: Double
    private var scratchBulgarian: [Int32] = []
    private var scratchEnglish: [Int32] = []

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
        var match = [Double](repeating: 0, count: table.count)
        var miss = [Double](repeating: 0, count: table.count)
        for key in 0..<table.count {
            let (m, u) = parameters.weights(table.kinds[key])
            let documentFrequency = max(1, Double(frequency[key]) / 2)
            let idf = normaliser > 0 ? min(1, max(0, log((segments + 1) / documentFrequency) / normaliser)) : 1
            let factor = 1 - parameters.rarity * (1 - idf)
            match[key] = m * factor
            miss[key] = u * factor
        }
        matchWeight = match
        missWeight = miss
    }

    /// The evidence (nats, without the shape prior) that Bulgarian segments `b` and English segments `e` translate
    /// each other. Both ranges must be non-empty.
    ///
    /// - Complexity: O(*k* log *k*) in the number of anchors of the segments (a handful).
    func evidence(_ b: Range<Int>, _ e: Range<Int>) -> Double {
        var bulgarianCharacters = 0
        var bulgarianBoundaries = b.count - 1
        for i in b {
            bulgarianCharacters += Int(bulgarian.characters[i])
            bulgarianBoundaries += Int(bulgarian.boundaries[i])
        }
        var englishCharacters = 0
        var englishBoundaries = e.count - 1
        for j in e {
            englishCharacters += Int(english.characters[j])
            englishBoundaries += Int(english.boundaries[j])
        }
        var score = length.evidence(bulgarian: bulgarianCharacters, english: englishCharacters)
        let shared = min(bulgarianBoundaries, englishBoundaries)
        score += Double(shared) * structureMatch - Double(bulgarianBoundaries + englishBoundaries - 2 * shared) * structureMiss
        score += anchors(b, e)
        return score
    }

    /// Shared anchors minus anchors on one side only.
    func anchors(_ b: Range<Int>, _ e: Range<Int>) -> Double {
        gather(bulgarian, b, into: &scratchBulgarian)
        gather(english, e, into: &scratchEnglish)
        return scratchBulgarian.withUnsafeBufferPointer { left in
            scratchEnglish.withUnsafeBufferPointer { right in compare(left, right) }
        }
    }

    /// The keys both sides share and those only one side has, for explaining a link to a reviewer.
    func explain(_ b: Range<Int>, _ e: Range<Int>) -> (shared: [Int32], unmatched: [Int32]) {
        gather(bulgarian, b, into: &scratchBulgarian)
        gather(english, e, into: &scratchEnglish)
        var shared: [Int32] = []
        var unmatched: [Int32] = []
        var p = 0
        var q = 0
        let left = scratchBulgarian
        let right = scratchEnglish
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

    private func gather(_ side: SideEvidence, _ range: Range<Int>, into buffer: inout [Int32]) {
        buffer.removeAll(keepingCapacity: true)
        for i in range { buffer += side.keys(of: i) }
        if range.count > 1 { buffer.sort() }
    }

    @inline(__always)
    private func compare(_ left: UnsafeBufferPointer<Int32>, _ right: UnsafeBufferPointer<Int32>) -> Double {
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
}
