/// The part of the alignment grid the search visits. State (i, j) means "the first i Bulgarian and the first j
/// English segments are aligned"; row i of the band spans the states (i, lo[i]) ... (i, hi[i]).
///
/// A small document is searched in full. A large one is searched in a band of fixed half-width around a guide path,
/// so time and memory grow with the number of segments, not with its square.
struct Band: Sendable {
    let rows: Int  // n: Bulgarian segments (rows 0...n)
    let columns: Int  // m: English segments (columns 0...m)
    private(set) var lo: [Int32]
    private(set) var hi: [Int32]
    /// Index of state (i, lo[i]) in the flat cell arrays; `offsets[rows + 1]` is the number of cells.
    private(set) var offsets: [Int]

    /// Every state.
    static func full(rows: Int, columns: Int) -> Band {
        Band(rows: rows, columns: columns, lo: Array(repeating: 0, count: rows + 1), hi: Array(repeating: Int32(columns), count: rows + 1))
    }

    /// The states within `width` columns of `centers[i]` in each row, widened where needed so that every row
    /// connects to the next and the corners (0, 0) and (n, m) are inside.
    ///
    /// - Complexity: O(*n* × *width* + *m*).
    static func around(centers: [Double], width: Int, rows: Int, columns: Int) -> Band {
        var lo = [Int32](repeating: 0, count: rows + 1)
        var hi = [Int32](repeating: Int32(columns), count: rows + 1)
        for i in 0...rows {
            let center = centers[i]
            lo[i] = Int32(max(0, min(columns, Int((center - Double(width)).rounded(.down)))))
            hi[i] = Int32(max(0, min(columns, Int((center + Double(width)).rounded(.up)))))
        }
        lo[0] = 0
        hi[rows] = Int32(columns)
        // Non-decreasing bounds, and each row reaching at least where the next one starts.
        if rows > 0 {
            for i in 1...rows {
                lo[i] = max(lo[i], lo[i - 1])
                hi[i] = max(hi[i], hi[i - 1])
            }
            for i in stride(from: rows, through: 1, by: -1) {
                hi[i - 1] = max(hi[i - 1], lo[i])
                lo[i] = min(lo[i], hi[i])
            }
        }
        return Band(rows: rows, columns: columns, lo: lo, hi: hi)
    }

    private init(rows: Int, columns: Int, lo: [Int32], hi: [Int32]) {
        self.rows = rows
        self.columns = columns
        self.lo = lo
        self.hi = hi
        var offsets = [Int](repeating: 0, count: rows + 2)
        for i in 0...rows { offsets[i + 1] = offsets[i] + Int(hi[i] - lo[i]) + 1 }
        self.offsets = offsets
    }

    var cellCount: Int { offsets[rows + 1] }

    /// Whether every state is in the band.
    var isFull: Bool { cellCount == (rows + 1) * (columns + 1) }

    /// The flat index of state (i, j), or -1 when it lies outside the band.
    @inline(__always)
    func index(_ i: Int, _ j: Int) -> Int {
        guard i >= 0, i <= rows else { return -1 }
        let low = Int(lo[i])
        guard j >= low, j <= Int(hi[i]) else { return -1 }
        return offsets[i] + j - low
    }

    /// Whether state (i, j) lies within `margin` of an edge of the band that is not an edge of the grid.
    func nearEdge(_ i: Int, _ j: Int, margin: Int) -> Bool {
        (lo[i] > 0 && j - Int(lo[i]) < margin) || (Int(hi[i]) < columns && Int(hi[i]) - j < margin)
    }

    func range(ofRow i: Int) -> ClosedRange<Int> { Int(lo[i])...Int(hi[i]) }
}

/// Where the best path probably runs: through the segment pairs that share a piece of evidence found nowhere else in
/// either text (a unique number, acronym, term or link), and in between in proportion to the characters read.
enum GuidePath {
    /// The expected English position (fractional column) of each row 0...n.
    ///
    /// - Complexity: O(*n* + *m* + *k* log *k*) for *k* candidate anchors.
    static func centers(bulgarian: SideEvidence, english: SideEvidence, table: KeyTable) -> [Double] {
        let n = bulgarian.count
        let m = english.count
        var cumulativeBulgarian = [Double](repeating: 0, count: n + 1)
        for i in 0..<n { cumulativeBulgarian[i + 1] = cumulativeBulgarian[i] + Double(max(1, bulgarian.characters[i])) }
        var cumulativeEnglish = [Double](repeating: 0, count: m + 1)
        for j in 0..<m { cumulativeEnglish[j + 1] = cumulativeEnglish[j] + Double(max(1, english.characters[j])) }

        var points: [(Int, Int)] = [(0, 0)]
        func add(_ point: (Int, Int)) {
            guard let last = points.last, point.0 >= last.0, point.1 >= last.1, point != last else { return }
            points.append(point)
        }
        for (i, j) in uniqueAnchors(bulgarian: bulgarian, english: english, table: table) {
            add((i, j))
            add((i + 1, j + 1))
        }
        add((n, m))

        var centers = [Double](repeating: 0, count: n + 1)
        var j = 0
        for (a, b) in zip(points, points.dropFirst()) {
            let (ia, ja) = a
            let (ib, jb) = b
            let spanB = cumulativeBulgarian[ib] - cumulativeBulgarian[ia]
            let spanE = cumulativeEnglish[jb] - cumulativeEnglish[ja]
            j = ja
            for i in ia...ib {
                let fraction = ib == ia ? 1 : spanB > 0 ? (cumulativeBulgarian[i] - cumulativeBulgarian[ia]) / spanB : Double(i - ia) / Double(ib - ia)
                let target = cumulativeEnglish[ja] + fraction * spanE
                while j < jb, cumulativeEnglish[j + 1] <= target { j += 1 }
                var center = Double(j)
                if j < jb, cumulativeEnglish[j + 1] > cumulativeEnglish[j] {
                    center += (target - cumulativeEnglish[j]) / (cumulativeEnglish[j + 1] - cumulativeEnglish[j])
                }
                centers[i] = min(Double(jb), center)
            }
        }
        return centers
    }

    /// Segment pairs (i, j) sharing a key that occurs in no other segment of either side, reduced to the longest
    /// chain increasing on both sides (pairs that cross it are coincidences).
    static func uniqueAnchors(bulgarian: SideEvidence, english: SideEvidence, table: KeyTable) -> [(Int, Int)] {
        let strong: Set<AnchorKind> = [.number, .acronym, .latin, .link, .glossary, .calendar]
        // -1: not seen; -2: seen in more than one segment.
        var bulgarianSegment = [Int32](repeating: -1, count: table.count)
        var englishSegment = [Int32](repeating: -1, count: table.count)
        func note(_ evidence: SideEvidence, into segmentOf: inout [Int32]) {
            for i in 0..<evidence.count {
                for key in evidence.keys(of: i) {
                    let k = Int(key)
                    if segmentOf[k] == -1 { segmentOf[k] = Int32(i) } else if segmentOf[k] != Int32(i) { segmentOf[k] = -2 }
                }
            }
        }
        note(bulgarian, into: &bulgarianSegment)
        note(english, into: &englishSegment)
        var pairs: [(Int, Int)] = []
        for key in 0..<table.count where bulgarianSegment[key] >= 0 && englishSegment[key] >= 0 && strong.contains(table.kinds[key]) {
            pairs.append((Int(bulgarianSegment[key]), Int(englishSegment[key])))
        }
        // Longest chain strictly increasing in both i and j (patience sorting; ties in i sorted by falling j).
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 > $1.1 }
        var tails: [Int] = []  // index into pairs of the smallest tail of each chain length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[tails[mid]].1 < pair.1 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var chain: [(Int, Int)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            chain.append(pairs[cursor])
            cursor = previous[cursor]
        }
        return chain.reversed()
    }
}
