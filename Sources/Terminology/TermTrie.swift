/// The data structures behind ``TermIndex``: a vocabulary of folded tokens and a trie over token ids, built with
/// Swift collections and then frozen into flat, read-only memory that matchers on any thread probe without
/// reference counting or exclusivity checks.

/// Open-addressing hash table from folded token (UTF-16) to a dense id, used while building. Keys live in one pool.
struct TokenTable {
    private(set) var slots: [Int32] = [Int32](repeating: -1, count: 64)
    private(set) var hashes: [UInt32] = [UInt32](repeating: 0, count: 64)
    private(set) var keyStart: [Int32] = []
    private(set) var keyLength: [Int32] = []
    private(set) var pool: [UInt16] = []

    var count: Int { keyStart.count }
    var mask: Int { slots.count - 1 }

    /// FNV-1a over the UTF-16 units, with a final mix so that the low bits (the slot) are spread.
    @inline(__always)
    static func hash(_ units: UnsafeBufferPointer<UInt16>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for unit in units { h = (h ^ UInt32(unit)) &* 16_777_619 }
        return h ^ (h >> 15)
    }

    /// The id of `key`, or nil.
    func lookup(_ key: [UInt16]) -> Int32? {
        let h = key.withUnsafeBufferPointer { Self.hash($0) }
        var i = Int(h) & mask
        while slots[i] >= 0 {
            let id = Int(slots[i])
            if hashes[i] == h && pool[Int(keyStart[id])..<Int(keyStart[id] + keyLength[id])].elementsEqual(key) {
                return Int32(id)
            }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Inserts `key` (if new) and returns its id.
    mutating func insert(_ key: [UInt16]) -> Int32 {
        if let existing = lookup(key) { return existing }
        if (count + 1) * 2 > slots.count { rehash(capacity: slots.count * 2) }
        let id = Int32(count)
        keyStart.append(Int32(pool.count))
        keyLength.append(Int32(key.count))
        pool.append(contentsOf: key)
        place(id, hash: key.withUnsafeBufferPointer { Self.hash($0) })
        return id
    }

    func hash(of id: Int) -> UInt32 {
        let start = Int(keyStart[id])
        return pool[start..<(start + Int(keyLength[id]))].withUnsafeBufferPointer { Self.hash($0) }
    }

    private mutating func place(_ id: Int32, hash h: UInt32) {
        var i = Int(h) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = id
        hashes[i] = h
    }

    private mutating func rehash(capacity: Int) {
        slots = [Int32](repeating: -1, count: capacity)
        hashes = [UInt32](repeating: 0, count: capacity)
        for id in 0..<count { place(Int32(id), hash: hash(of: id)) }
    }
}

/// Builds the trie with dictionaries; ``FrozenTrie`` then lays it out flat.
struct TrieBuilder {
    var vocabulary = TokenTable()
    private(set) var edges: [Int32: [Int32: Int32]] = [:]
    private(set) var stateCount: Int32 = 1
    private var finals: [Int32: [TermIndex.Candidate]] = [:]
    private var clitic: Set<Int32> = []

    /// Adds the path of `keys` ending with `candidate`; marks the state after the first token when a clitic may
    /// follow it.
    mutating func insert(_ keys: [[UInt16]], candidate: TermIndex.Candidate, cliticAfterFirst: Bool) {
        var state: Int32 = 0
        for (i, key) in keys.enumerated() {
            let token = vocabulary.insert(key)
            if let next = edges[state]?[token] {
                state = next
            } else {
                let next = stateCount
                stateCount += 1
                edges[state, default: [:]][token] = next
                state = next
            }
            if i == 0 && cliticAfterFirst { clitic.insert(state) }
        }
        var list = finals[state, default: []]
        if !list.contains(where: { $0.entry == candidate.entry && $0.caseRequirements == candidate.caseRequirements }) {
            list.append(candidate)
        }
        finals[state] = list
    }

    struct Compiled {
        var edges: [Int32: [Int32: Int32]]
        var stateCount: Int
        var candidateRanges: [Range<Int32>]
        var candidates: [TermIndex.Candidate]
        var cliticStates: Set<Int32>
    }

    /// Orders each state's candidates: stricter case requirements first, then forms as written, then glossary order.
    func compile() -> Compiled {
        var ranges: [Range<Int32>] = []
        var candidates: [TermIndex.Candidate] = []
        for state in 0..<Int(stateCount) {
            let start = Int32(candidates.count)
            if let list = finals[Int32(state)] {
                candidates += list.sorted { a, b in
                    let sa = a.caseRequirements.reduce(0) { $0 + Self.strictness($1) }
                    let sb = b.caseRequirements.reduce(0) { $0 + Self.strictness($1) }
                    if sa != sb { return sa > sb }
                    if a.explicit != b.explicit { return a.explicit }
                    return a.entry < b.entry
                }
            }
            ranges.append(start..<Int32(candidates.count))
        }
        return Compiled(edges: edges, stateCount: Int(stateCount), candidateRanges: ranges, candidates: candidates, cliticStates: clitic)
    }

    static func strictness(_ requirement: TermIndex.CaseRequirement) -> Int {
        switch requirement {
        case .any: return 0
        case .capitalized: return 1
        case .exact: return 2
        }
    }
}

/// The trie in flat memory: vocabulary slots, key pool, root transitions by token id, other transitions in an
/// open-addressing table, and per-state data. Immutable after `init`, hence safe to share across threads.
final class FrozenTrie: @unchecked Sendable {
    struct Slot { var hash: UInt32; var id: Int32 }
    struct Key { var start: Int32; var length: Int32 }
    struct Edge { var key: UInt64; var next: Int32 }
    /// Per state: candidate range and whether a clitic may be skipped here.
    struct State { var candidateStart: Int32; var candidateEnd: Int32; var cliticAllowed: Bool }

    let vocabularySize: Int
    /// Whether some glossary form contains a punctuation token ("св. Никола"); when none does, the matcher does
    /// not look punctuation up.
    let hasPunctuation: Bool
    private let slots: UnsafeMutableBufferPointer<Slot>
    private let slotMask: Int
    private let keys: UnsafeMutableBufferPointer<Key>
    private let pool: UnsafeMutableBufferPointer<UInt16>
    /// Root transition by token id (-1: none) — the only probe most tokens need.
    let rootNext: UnsafeMutableBufferPointer<Int32>
    /// Whether a token id is a clitic.
    let isClitic: UnsafeMutableBufferPointer<Bool>
    private let edges: UnsafeMutableBufferPointer<Edge>
    private let edgeMask: Int
    let states: UnsafeMutableBufferPointer<State>

    init(_ compiled: TrieBuilder.Compiled, vocabulary: TokenTable, clitics: [[UInt16]], hasPunctuation: Bool) {
        vocabularySize = vocabulary.count
        self.hasPunctuation = hasPunctuation
        var size = 64
        while size < vocabulary.count * 2 { size *= 2 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(hash: 0, id: -1))
        slotMask = size - 1
        keys = .allocate(capacity: max(1, vocabulary.count))
        pool = .allocate(capacity: max(1, vocabulary.pool.count))
        _ = pool.initialize(from: vocabulary.pool)
        for id in 0..<vocabulary.count {
            keys[id] = Key(start: vocabulary.keyStart[id], length: vocabulary.keyLength[id])
            let h = vocabulary.hash(of: id)
            var i = Int(h) & slotMask
            while slots[i].id >= 0 { i = (i + 1) & slotMask }
            slots[i] = Slot(hash: h, id: Int32(id))
        }
        rootNext = .allocate(capacity: max(1, vocabulary.count))
        rootNext.initialize(repeating: -1)
        isClitic = .allocate(capacity: max(1, vocabulary.count))
        isClitic.initialize(repeating: false)
        var edgeCount = 0
        for (state, outgoing) in compiled.edges where state != 0 { edgeCount += outgoing.count }
        var edgeSize = 16
        while edgeSize < edgeCount * 2 { edgeSize *= 2 }
        edges = .allocate(capacity: edgeSize)
        edges.initialize(repeating: Edge(key: .max, next: -1))
        edgeMask = edgeSize - 1
        for (state, outgoing) in compiled.edges {
            for (token, next) in outgoing {
                if state == 0 {
                    rootNext[Int(token)] = next
                    continue
                }
                let key = Self.edgeKey(state, token)
                var i = Self.edgeSlot(key) & edgeMask
                while edges[i].key != .max { i = (i + 1) & edgeMask }
                edges[i] = Edge(key: key, next: next)
            }
        }
        states = .allocate(capacity: compiled.stateCount)
        for state in 0..<compiled.stateCount {
            let range = compiled.candidateRanges[state]
            states[state] = State(candidateStart: range.lowerBound, candidateEnd: range.upperBound, cliticAllowed: compiled.cliticStates.contains(Int32(state)))
        }
        for clitic in clitics {
            if let id = vocabulary.lookup(clitic) { isClitic[Int(id)] = true }
        }
    }

    deinit {
        slots.deallocate()
        keys.deallocate()
        pool.deallocate()
        rootNext.deallocate()
        isClitic.deallocate()
        edges.deallocate()
        states.deallocate()
    }

    /// The id of the folded token in `key`, or -1.
    ///
    /// - Complexity: O(1) expected.
    @inline(__always)
    func lookup(_ key: UnsafePointer<UInt16>, count: Int, hash h: UInt32) -> Int32 {
        var i = Int(h) & slotMask
        while true {
            let slot = slots[i]
            if slot.id < 0 { return -1 }
            if slot.hash == h {
                let k = keys[Int(slot.id)]
                if Int(k.length) == count {
                    let base = pool.baseAddress! + Int(k.start)
                    var equal = true
                    for u in 0..<count where base[u] != key[u] {
                        equal = false
                        break
                    }
                    if equal { return slot.id }
                }
            }
            i = (i + 1) & slotMask
        }
    }

    /// The state after `token` from `state` (not the root), or -1.
    @inline(__always)
    func next(_ state: Int32, _ token: Int32) -> Int32 {
        if state == 0 { return rootNext[Int(token)] }
        let key = Self.edgeKey(state, token)
        var i = Self.edgeSlot(key) & edgeMask
        while true {
            let edge = edges[i]
            if edge.key == key { return edge.next }
            if edge.key == .max { return -1 }
            i = (i + 1) & edgeMask
        }
    }

    @inline(__always)
    static func edgeKey(_ state: Int32, _ token: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: token))
    }

    @inline(__always)
    static func edgeSlot(_ key: UInt64) -> Int {
        var x = key &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return Int(truncatingIfNeeded: x)
    }
}
