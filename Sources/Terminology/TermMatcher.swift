import ICU

/// One occurrence of a glossary entry in a text.
public struct TermHit: Sendable, Hashable {
    /// Index into ``TermIndex/glossary``'s entries.
    public var entryIndex: Int
    /// UTF-8 offsets into the matched text.
    public var range: Range<Int>
    /// Unicode-scalar offsets into the matched text.
    public var characterRange: Range<Int>
    /// The text as it occurs ("Курската област", "въоръжените ви сили").
    public var surface: String

    public init(entryIndex: Int, range: Range<Int>, characterRange: Range<Int>, surface: String) {
        self.entryIndex = entryIndex
        self.range = range
        self.characterRange = characterRange
        self.surface = surface
    }
}

/// Finds the entries of a ``TermIndex`` in texts (segments): one left-to-right pass over ICU word tokens, folded
/// (NFKC_Casefold) and looked up in the index's trie, the longest match winning (Владимир Путин over Путин) and
/// hits never overlapping. A term matches whole tokens only (no Ким inside Кимберли, no руско inside
/// руско-китайски), accepts a sentence-initial capital, and may contain a short clitic after its first word
/// (въоръжените ви сили) when the entry allows it. Acronyms match only in capitals.
///
/// Holds an ICU iterator and buffers: not thread-safe, create one per task (the index is shared).
public final class TermMatcher {
    public let index: TermIndex
    private let tokenizer: TermTokenizer
    private var units: [UInt16] = []
    private var stream = TokenStream()
    private var tokenIDs: [Int32] = []
    private var scratch = [UInt16](repeating: 0, count: 64)
    private var positions: [Int] = []
    private var bestPositions: [Int] = []

    public init(index: TermIndex) throws(TerminologyError) {
        self.index = index
        self.tokenizer = try TermTokenizer()
    }

    /// The hits in `text`, in text order: longest match first, non-overlapping.
    ///
    /// - Complexity: O(*n* · *k*) for *n* tokens and terms of at most *k* tokens; independent of the number of
    ///   entries.
    public func hits(in text: String) -> [TermHit] {
        var text = text
        let utf8Count = text.utf8.count
        guard utf8Count > 0 else { return [] }
        if units.count < utf8Count { units = [UInt16](repeating: 0, count: max(utf8Count, units.count * 2)) }
        let length = text.withUTF8 { bytes in
            units.withUnsafeMutableBufferPointer { UTF16Transcoding.transcode(bytes, into: $0) }
        }
        let spans: [(first: Int, last: Int, candidate: Int)] = units.withUnsafeBufferPointer { all in
            let buffer = UnsafeBufferPointer(rebasing: all[0..<length])
            tokenizer.tokenize(buffer, into: &stream)
            lookUpTokens(buffer)
            return scan(buffer)
        }
        guard !spans.isEmpty else { return [] }
        return text.withUTF8 { bytes in
            units.withUnsafeBufferPointer { all in
                var converter = OffsetConverter()
                return spans.map { span in
                    let start = Int(stream.starts[span.first])
                    let end = Int(stream.ends[span.last])
                    let lower = converter.advance(to: start, in: all)
                    let upper = converter.advance(to: end, in: all)
                    let surface = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower.utf8..<upper.utf8]), as: UTF8.self)
                    return TermHit(
                        entryIndex: Int(index.candidates[span.candidate].entry), range: lower.utf8..<upper.utf8,
                        characterRange: lower.scalar..<upper.scalar, surface: surface)
                }
            }
        }
    }

    /// Folds every token and looks it up in the vocabulary (-1: no entry uses it).
    private func lookUpTokens(_ text: UnsafeBufferPointer<UInt16>) {
        let count = stream.count
        if tokenIDs.count < count { tokenIDs = [Int32](repeating: -1, count: max(count, tokenIDs.count * 2)) }
        let vocabulary = index.vocabulary
        stream.starts.withUnsafeBufferPointer { starts in
            stream.ends.withUnsafeBufferPointer { ends in
                tokenIDs.withUnsafeMutableBufferPointer { ids in
                    for i in 0..<count {
                        let start = Int(starts[i])
                        let piece = UnsafeBufferPointer(rebasing: text[start..<Int(ends[i])])
                        if scratch.count < piece.count { scratch = [UInt16](repeating: 0, count: piece.count * 2) }
                        let folded: Int? = scratch.withUnsafeMutableBufferPointer { TermFolding.fastFold(piece, into: $0.baseAddress!) }
                        if let folded {
                            ids[i] = scratch.withUnsafeBufferPointer { buffer in
                                let key = UnsafeBufferPointer(rebasing: buffer[0..<folded])
                                return vocabulary.lookup(key, hash: TokenTable.hash(key))
                            }
                        } else {
                            let key = TermFolding.fold(Array(piece))
                            ids[i] = key.withUnsafeBufferPointer { vocabulary.lookup($0, hash: TokenTable.hash($0)) }
                        }
                    }
                }
            }
        }
    }

    /// Leftmost-longest walk of the trie from every token; returns token spans with the winning candidate.
    private func scan(_ text: UnsafeBufferPointer<UInt16>) -> [(first: Int, last: Int, candidate: Int)] {
        var result: [(first: Int, last: Int, candidate: Int)] = []
        let count = stream.count
        var i = 0
        while i < count {
            let first = tokenIDs[i]
            if first < 0 { i += 1; continue }
            var state = index.rootNext[Int(first)]
            if state < 0 { i += 1; continue }
            positions.removeAll(keepingCapacity: true)
            positions.append(i)
            var best: (last: Int, candidate: Int)? = nil
            var j = i
            var skippedClitic = false
            while true {
                if let candidate = accepted(state, first: i, last: j, text: text) {
                    best = (j, candidate)
                    bestPositions = positions
                }
                var k = j + 1
                guard k < count else { break }
                var token = tokenIDs[k]
                var next: Int32 = token >= 0 ? index.transitions.next(state, token) : -1
                if next < 0, !skippedClitic, token >= 0, index.cliticAllowed[Int(state)], index.isClitic[Int(token)], k + 1 < count {
                    k += 1
                    token = tokenIDs[k]
                    next = token >= 0 ? index.transitions.next(state, token) : -1
                    skippedClitic = true
                }
                if next < 0 { break }
                state = next
                j = k
                positions.append(k)
            }
            if let best {
                result.append((i, best.last, best.candidate))
                i = best.last + 1
            } else {
                i += 1
            }
        }
        return result
    }

    /// The first candidate of `state` whose case requirements the tokens at `positions` meet, when the span
    /// `first...last` is not part of a hyphenated compound.
    private func accepted(_ state: Int32, first: Int, last: Int, text: UnsafeBufferPointer<UInt16>) -> Int? {
        let lower = Int(index.candidateStart[Int(state)])
        let upper = Int(index.candidateEnd[Int(state)])
        guard lower < upper else { return nil }
        if stream.hyphenBefore[first] && !compoundBoundaryAllowed(first - 1, first, text) { return nil }
        if last + 1 < stream.count && stream.hyphenBefore[last + 1] && !compoundBoundaryAllowed(last, last + 1, text) { return nil }
        for c in lower..<upper {
            let candidate = index.candidates[c]
            if candidate.allCaseFree { return c }
            if candidate.caseRequirements.count == positions.count,
                zip(candidate.caseRequirements, positions).allSatisfy({ meets($0, token: $1, text) })
            {
                return c
            }
        }
        return nil
    }

    /// A hit may end at a bare hyphen only between names or numbers ("Путин-Ким", "ковид-19"), not inside a
    /// compound word ("руско-китайски", "Чен-ун" for a term Чен).
    private func compoundBoundaryAllowed(_ left: Int, _ right: Int, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        func nameOrNumber(_ i: Int) -> Bool {
            if stream.kinds[i] == .number { return true }
            return startsWithCapital(Int(stream.starts[i]), text)
        }
        return nameOrNumber(left) && nameOrNumber(right)
    }

    private func meets(_ requirement: TermIndex.CaseRequirement, token: Int, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        switch requirement {
        case .any:
            return true
        case .capitalized:
            return startsWithCapital(Int(stream.starts[token]), text)
        case .exact(let word):
            let piece = UnsafeBufferPointer(rebasing: text[Int(stream.starts[token])..<Int(stream.ends[token])])
            let surface = String(decoding: piece, as: UTF16.self)
            if surface == word { return true }
            return ((try? Normalization.nfc(surface)) ?? surface) == ((try? Normalization.nfc(word)) ?? word)
        }
    }

    private func startsWithCapital(_ offset: Int, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        let unit = text[offset]
        switch unit {
        case 0x41...0x5A, 0x400...0x42F: return true
        case 0x61...0x7A, 0x430...0x45F: return false
        default:
            var iterator = text[offset...].makeIterator()
            var decoder = UTF16()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                return scalar.properties.isUppercase || scalar.properties.changesWhenTitlecased == false && scalar.properties.isCased
            }
            return false
        }
    }
}

/// Converts increasing UTF-16 offsets into UTF-8 and Unicode-scalar offsets, in one pass.
struct OffsetConverter {
    private var utf16 = 0
    private var utf8 = 0
    private var scalar = 0

    mutating func advance(to target: Int, in units: UnsafeBufferPointer<UInt16>) -> (utf8: Int, scalar: Int) {
        while utf16 < target {
            let unit = units[utf16]
            if unit < 0x80 {
                utf8 += 1; scalar += 1
            } else if unit < 0x800 {
                utf8 += 2; scalar += 1
            } else if unit & 0xFC00 == 0xD800 {
                utf8 += 4; scalar += 1
            } else if unit & 0xFC00 == 0xDC00 {
                // Counted with its high surrogate.
            } else {
                utf8 += 3; scalar += 1
            }
            utf16 += 1
        }
        return (utf8, scalar)
    }
}
