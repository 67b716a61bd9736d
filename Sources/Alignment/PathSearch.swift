import Foundation

/// Soft paragraph constraints: a bonus where both sides start a paragraph at the same state, a penalty where only
/// one does. Off (all zero) unless both sides have more than one paragraph.
struct ParagraphCost: Sendable {
    private let bulgarianStarts: [Bool]
    private let englishStarts: [Bool]
    private let agree: Double
    private let disagree: Double
    let enabled: Bool

    init(bulgarian: AlignmentSide, english: AlignmentSide, parameters: AlignmentParameters) {
        enabled = bulgarian.paragraphCount > 1 && english.paragraphCount > 1
        agree = parameters.paragraphAgree
        disagree = parameters.paragraphDisagree
        func starts(_ side: AlignmentSide) -> [Bool] {
            (0...side.count).map { i in i == 0 || i == side.count || side.paragraphs[i] != side.paragraphs[i - 1] }
        }
        bulgarianStarts = enabled ? starts(bulgarian) : []
        englishStarts = enabled ? starts(english) : []
    }

    @inline(__always)
    func cost(_ i: Int, _ j: Int) -> Double {
        guard enabled else { return 0 }
        let b = bulgarianStarts[i]
        let e = englishStarts[j]
        return b && e ? agree : b != e ? -disagree : 0
    }
}

/// The best path through the band (Viterbi) and the posterior probability of each of its links (forward–backward),
/// both in one pass each way over the band.
struct PathSearch {
    struct Result {
        /// States from (0, 0) to (n, m); consecutive states delimit one link.
        var states: [(i: Int, j: Int)]
        /// For each link of the path: its posterior probability and its score (nats, prior included).
        var posteriors: [Double]
        var scores: [Double]
        /// Whether the path runs along an edge of the band that is not the edge of the grid (the band may be too
        /// narrow).
        var touchesEdge: Bool
    }

    let band: Band
    let shapes: [LinkShape]
    let paragraphs: ParagraphCost
    let temperature: Double

    /// - Complexity: O(cells × shapes) time and memory, cells = ``Band/cellCount``.
    func run(_ scorer: LinkScorer) -> Result {
        let n = band.rows
        let m = band.columns
        let shapeCount = shapes.count
        let cells = band.cellCount
        let inverseTemperature = 1 / max(1e-6, temperature)
        var best = [Double](repeating: -.infinity, count: cells)
        var forward = [Double](repeating: -.infinity, count: cells)
        var back = [UInt8](repeating: UInt8.max, count: cells)
        var linkScores = [Float](repeating: .nan, count: cells * shapeCount)
        // Beam: a predecessor scoring `pruning` nats below the best state of its row is not extended (its paths
        // would have a posterior below e^-pruning).
        var rowBest = [Double](repeating: -.infinity, count: n + 1)
        let pruning = 30.0

        for i in 0...n {
            for j in band.range(ofRow: i) {
                let cell = band.index(i, j)
                if i == 0 && j == 0 {
                    best[cell] = 0
                    forward[cell] = 0
                    continue
                }
                let stateCost = paragraphs.cost(i, j)
                var bestValue = -Double.infinity
                var bestShape = UInt8.max
                var peak = -Double.infinity
                var sum = 0.0
                for (s, shape) in shapes.enumerated() {
                    let pi = i - shape.bulgarian
                    let pj = j - shape.english
                    guard pi >= 0, pj >= 0 else { continue }
                    let previous = band.index(pi, pj)
                    guard previous >= 0, best[previous] > -.infinity else { continue }
                    if pi < i && best[previous] < rowBest[pi] - pruning { continue }
                    var score = shape.logPrior + stateCost
                    if shape.bulgarian > 0 && shape.english > 0 { score += scorer.evidence(pi..<i, pj..<j) }
                    let stored = Float(score)
                    linkScores[cell * shapeCount + s] = stored
                    score = Double(stored)
                    let value = best[previous] + score
                    if value > bestValue {
                        bestValue = value
                        bestShape = UInt8(s)
                    }
                    let term = forward[previous] + score * inverseTemperature
                    if term > peak {
                        sum = peak - term > -40 ? sum * exp(peak - term) + 1 : 1
                        peak = term
                    } else if term - peak > -40 {
                        sum += exp(term - peak)
                    }
                }
                best[cell] = bestValue
                if bestValue > rowBest[i] { rowBest[i] = bestValue }
                back[cell] = bestShape
                forward[cell] = peak > -.infinity ? peak + log(sum) : -.infinity
            }
        }

        var backward = [Double](repeating: -.infinity, count: cells)
        backward[band.index(n, m)] = 0
        for i in stride(from: n, through: 0, by: -1) {
            for j in band.range(ofRow: i).reversed() where !(i == n && j == m) {
                var peak = -Double.infinity
                var sum = 0.0
                for (s, shape) in shapes.enumerated() {
                    let next = band.index(i + shape.bulgarian, j + shape.english)
                    guard next >= 0, backward[next] > -.infinity else { continue }
                    let stored = linkScores[next * shapeCount + s]
                    guard !stored.isNaN else { continue }
                    let term = backward[next] + Double(stored) * inverseTemperature
                    if term > peak {
                        sum = peak - term > -40 ? sum * exp(peak - term) + 1 : 1
                        peak = term
                    } else if term - peak > -40 {
                        sum += exp(term - peak)
                    }
                }
                backward[band.index(i, j)] = peak > -.infinity ? peak + log(sum) : -.infinity
            }
        }

        // Trace the best path back from (n, m).
        let total = forward[band.index(n, m)]
        var states: [(i: Int, j: Int)] = [(n, m)]
        var posteriors: [Double] = []
        var scores: [Double] = []
        var touchesEdge = false
        var i = n
        var j = m
        while i > 0 || j > 0 {
            let cell = band.index(i, j)
            let s = Int(back[cell])
            guard s < shapeCount else { break }  // unreachable state: cannot happen for a connected band
            let shape = shapes[s]
            let pi = i - shape.bulgarian
            let pj = j - shape.english
            let score = Double(linkScores[cell * shapeCount + s])
            let previous = band.index(pi, pj)
            posteriors.append(min(1, exp(forward[previous] + score * inverseTemperature + backward[cell] - total)))
            scores.append(score)
            if band.nearEdge(i, j, margin: 2) { touchesEdge = true }
            i = pi
            j = pj
            states.append((i, j))
        }
        return Result(states: states.reversed(), posteriors: posteriors.reversed(), scores: scores.reversed(), touchesEdge: touchesEdge)
    }
}
