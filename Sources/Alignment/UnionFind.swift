/// Disjoint sets over `0..<count` (path halving, no ranks: the sets here are small). The smallest member of a set is
/// its representative, so groupings do not depend on the order of the unions. Shared by the aligner (glossary
/// renderings, name pairs) and the name-variant check.
public struct UnionFind: Sendable {
    private var parent: [Int]

    public init(count: Int) { parent = Array(0..<count) }

    /// The representative (smallest member) of `x`'s set.
    ///
    /// - Complexity: amortized nearly O(1).
    public mutating func root(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the sets of `a` and `b`.
    public mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (root(a), root(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
