/// The part of the alignment grid the search visits. State (i, j) means "the first i Bulgarian and the first j
/// English segments are aligned"; row i of the band spans the states (i, lo[i]) ... (i, hi[i]).
///
/// A small document is searched in full. A large one is searched coarse to fine: first with blocks of segments
/// standing for single ones (small enough to search in full), then at each finer level only in a band of fixed
/// half-width around the path the coarser level found. Time and memory grow with the number of segments, not with
/// its square.
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

    /// The states near a path found on a coarser grid (each coarse segment standing for `factor` segments): every
    /// fine state inside the rectangle of a coarse link, widened by `width` on every side.
    ///
    /// - Complexity: O(*n* × (1 + *width* / *factor*) + *m*).
    static func covering(path states: [(i: Int, j: Int)], factor: Int, width: Int, rows: Int, columns: Int) -> Band {
        var lo = [Int32](repeating: Int32(columns), count: rows + 1)
        var hi = [Int32](repeating: 0, count: rows + 1)
        for (from, to) in zip(states, states.dropFirst()) {
            let firstRow = max(0, min(rows, from.i * factor) - width)
            let lastRow = min(rows, min(rows, to.i * factor) + width)
            let firstColumn = Int32(max(0, min(columns, from.j * factor) - width))
            let lastColumn = Int32(min(columns, min(columns, to.j * factor) + width))
            for row in firstRow...lastRow {
                lo[row] = min(lo[row], firstColumn)
                hi[row] = max(hi[row], lastColumn)
            }
        }
        return Band(connecting: lo, hi, rows: rows, columns: columns)
    }

    /// Makes the bounds non-decreasing, makes each row reach where the next one starts, and puts (0, 0) and (n, m)
    /// inside, so that every state of the band can be reached from (0, 0) and reaches (n, m).
    private init(connecting lo: [Int32], _ hi: [Int32], rows: Int, columns: Int) {
        var lo = lo
        var hi = hi
        lo[0] = 0
        hi[rows] = Int32(columns)
        for i in 0...rows where lo[i] > hi[i] { (lo[i], hi[i]) = (hi[i], lo[i]) }
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
        self.init(rows: rows, columns: columns, lo: lo, hi: hi)
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
