import Corpus
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
    private let trie: FrozenTrie
    private let tokenizer: TermTokenizer
    private var units: UnsafeMutablePointer<UInt16>
    private var unitCapacity: Int
    private var scratch: UnsafeMutablePointer<UInt16>
    private var scratchCapacity: Int
    /// Token positions of the current walk (a skipped clitic excluded).
    private var positions: UnsafeMutablePointer<Int>
    private var positionCapacity: Int
    /// Token spans of the hits of the current text (kept to reuse its storage).
    private var spans: [(first: Int, last: Int, candidate: Int)] = []

    public init(index: TermIndex) throws(TerminologyError) {
        self.index = index
        self.trie = index.trie
        self.tokenizer = try TermTokenizer()
        unitCapacity = 1024
        units = .allocate(capacity: unitCapacity)
        scratchCapacity = 256
        scratch = .allocate(capacity: scratchCapacity)
        positionCapacity = 64
        positions = .allocate(capacity: positionCapacity)
    }

    deinit {
        units.deallocate()
        scratch.deallocate()
        positions.deallocate()
    }

    /// The hits in `text`, in text order: longest match first, non-overlapping.
    ///
    /// - Complexity: O(*n* · *k*) for *n* tokens and terms of at most *k* tokens; independent of the number of
    ///   entries.
    public func hits(in text: String) -> [TermHit] {
        var text = text
        return text.withUTF8 { hits(inUTF8: $0) }
    }

    /// The hits in UTF-8 `bytes` (valid UTF-8), as ``hits(in:)``.
    public func hits(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [TermHit] {
        guard !bytes.isEmpty else { return [] }
        if unitCapacity < bytes.count {
            units.deallocate()
            unitCapacity = bytes.count * 2
            units = .allocate(capacity: unitCapacity)
        }
        let length = UTF16Transcoding.transcode(bytes, into: UnsafeMutableBufferPointer(start: units, count: unitCapacity))
        let text = UnsafeBufferPointer(start: units, count: length)
        var lookup = VocabularyLookup(trie: trie, scratch: scratch, capacity: scratchCapacity)
        tokenizer.tokenize(text, lookup: &lookup)
        scratch = lookup.scratch
        scratchCapacity = lookup.capacity
        spans.removeAll(keepingCapacity: true)
        scan(text, into: &spans)
        guard !spans.isEmpty else { return [] }
        var converter = OffsetConverter()
        let tokens = tokenizer.tokens
        return spans.map { span in
            let lower = converter.advance(to: Int(tokens[span.first].start), in: text)
            let upper = converter.advance(to: Int(tokens[span.last].end), in: text)
            let surface = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower.utf8..<upper.utf8]), as: UTF8.self)
            return TermHit(
                entryIndex: Int(trie.candidateEntry[span.candidate]), range: lower.utf8..<upper.utf8,
                characterRange: lower.scalar..<upper.scalar, surface: surface)
        }
    }

    /// The text's UTF-16 units, its tokens, and for each token whether a glossary hit covers it (for suggestions).
    func analyze(_ text: String) -> (units: [UInt16], tokens: [Token], covered: [Bool]) {
        let units = Array(text.utf16)
        var tokens: [Token] = []
        var covered: [Bool] = []
        units.withUnsafeBufferPointer { buffer in
            var lookup = VocabularyLookup(trie: trie, scratch: scratch, capacity: scratchCapacity)
            tokenizer.tokenize(buffer, lookup: &lookup)
            scratch = lookup.scratch
            scratchCapacity = lookup.capacity
            var spans: [(first: Int, last: Int, candidate: Int)] = []
            scan(buffer, into: &spans)
            tokens = Array(UnsafeBufferPointer(start: tokenizer.tokens, count: tokenizer.count))
            covered = [Bool](repeating: false, count: tokens.count)
            for span in spans { for i in span.first...span.last { covered[i] = true } }
        }
        return (units, tokens, covered)
    }

    /// Leftmost-longest walk of the trie from every token; appends token spans with the winning candidate.
    private func scan(_ text: UnsafeBufferPointer<UInt16>, into result: inout [(first: Int, last: Int, candidate: Int)]) {
        let tokens = tokenizer.tokens
        let count = tokenizer.count
        let trie = self.trie
        var i = 0
        while i < count {
            let first = tokens[i].id
            if first < 0 { i += 1; continue }
            var state = trie.rootNext[Int(first)]
            if state < 0 { i += 1; continue }
            var depth = 1
            positions[0] = i
            var best: (last: Int, candidate: Int)? = nil
            var j = i
            var skippedClitic = false
            while true {
                if trie.states[Int(state)].candidateStart < trie.states[Int(state)].candidateEnd,
                    let candidate = accepted(state, first: i, last: j, depth: depth, text: text)
                {
                    best = (j, candidate)
                }
                var k = j + 1
                guard k < count, trie.states[Int(state)].hasChildren else { break }
                var token = tokens[k].id
                var next: Int32 = token >= 0 ? trie.next(state, token) : -1
                if next < 0, !skippedClitic, token >= 0, trie.states[Int(state)].cliticAllowed, trie.isClitic[Int(token)], k + 1 < count {
                    k += 1
                    token = tokens[k].id
                    next = token >= 0 ? trie.next(state, token) : -1
                    skippedClitic = true
                }
                if next < 0 { break }
                state = next
                j = k
                if depth == positionCapacity {
                    let bigger = UnsafeMutablePointer<Int>.allocate(capacity: positionCapacity * 2)
                    bigger.moveInitialize(from: positions, count: depth)
                    positions.deallocate()
                    positions = bigger
                    positionCapacity *= 2
                }
                positions[depth] = k
                depth += 1
            }
            if let best {
                result.append((i, best.last, best.candidate))
                i = best.last + 1
            } else {
                i += 1
            }
        }
    }

    /// The first candidate of `state` whose case requirements the walked tokens meet, when the span
    /// `first...last` is not part of a hyphenated compound.
    private func accepted(_ state: Int32, first: Int, last: Int, depth: Int, text: UnsafeBufferPointer<UInt16>) -> Int? {
        let info = trie.states[Int(state)]
        guard info.candidateStart < info.candidateEnd else { return nil }
        let tokens = tokenizer.tokens
        if tokens[first].followsHyphen && !compoundBoundaryAllowed(first - 1, first, text) { return nil }
        if last + 1 < tokenizer.count && tokens[last + 1].followsHyphen && !compoundBoundaryAllowed(last, last + 1, text) {
            return nil
        }
        for c in Int(info.candidateStart)..<Int(info.candidateEnd) {
            if trie.candidateCaseFree[c] { return c }
            guard Int(trie.candidateWordCount[c]) == depth else { continue }
            if !trie.candidateExactCase[c] {
                // Only capitals required: check the marked words.
                var mask = trie.candidateCapitalMask[c]
                var ok = true
                while mask != 0 {
                    let n = mask.trailingZeroBitCount
                    if !startsWithCapital(Int(tokens[positions[n]].start), text) {
                        ok = false
                        break
                    }
                    mask &= mask - 1
                }
                if ok { return c }
                continue
            }
            let candidate = index.candidates[c]
            var ok = true
            for (n, requirement) in candidate.caseRequirements.enumerated() where !meets(requirement, token: positions[n], text) {
                ok = false
                break
            }
            if ok { return c }
        }
        return nil
    }

    /// A hit may end at a bare hyphen only between names or numbers ("Путин-Ким", "ковид-19"), not inside a
    /// compound word ("руско-китайски", "Чен-ун" for a term Чен).
    private func compoundBoundaryAllowed(_ left: Int, _ right: Int, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        let tokens = tokenizer.tokens
        func nameOrNumber(_ i: Int) -> Bool {
            tokens[i].isNumber || startsWithCapital(Int(tokens[i].start), text)
        }
        return nameOrNumber(left) && nameOrNumber(right)
    }

    private func meets(_ requirement: TermIndex.CaseRequirement, token: Int, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        switch requirement {
        case .any:
            return true
        case .capitalized:
            return startsWithCapital(Int(tokenizer.tokens[token].start), text)
        case .exact(let word):
            let t = tokenizer.tokens[token]
            let surface = String(decoding: UnsafeBufferPointer(rebasing: text[Int(t.start)..<Int(t.end)]), as: UTF16.self)
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
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
            // Upper or title case: a cased letter that title-casing leaves unchanged.
            return scalar.properties.isCased && !scalar.properties.changesWhenTitlecased
        }
    }
}

/// Folds a token (NFKC_Casefold) and looks it up in the vocabulary: -1 when no glossary form uses it.
struct VocabularyLookup: TokenLookup {
    let trie: FrozenTrie
    /// Room for a folded token, grown (and handed back to the matcher) when a token is longer.
    var scratch: UnsafeMutablePointer<UInt16>
    var capacity: Int
    let foldTable = TermFolding.foldTable

    init(trie: FrozenTrie, scratch: UnsafeMutablePointer<UInt16>, capacity: Int) {
        self.trie = trie
        self.scratch = scratch
        self.capacity = capacity
    }

    var wantsPunctuation: Bool { trie.hasPunctuation }

    @inline(__always)
    mutating func id(of piece: UnsafeBufferPointer<UInt16>) -> Int32 {
        if piece.count > capacity {
            scratch.deallocate()
            capacity = piece.count * 2
            scratch = .allocate(capacity: capacity)
        }
        if let (folded, hash) = TermFolding.fastFold(piece, into: scratch, table: foldTable) {
            return trie.lookup(scratch, count: folded, hash: hash)
        }
        let key = TermFolding.fold(Array(piece))
        return key.withUnsafeBufferPointer { trie.lookup($0.baseAddress!, count: $0.count, hash: TokenTable.hash($0)) }
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
                utf8 += 1
                scalar += 1
            } else if unit < 0x800 {
                utf8 += 2
                scalar += 1
            } else if unit & 0xFC00 == 0xD800 {
                utf8 += 4
                scalar += 1
            } else if unit & 0xFC00 != 0xDC00 {
                utf8 += 3
                scalar += 1
            }
            utf16 += 1
        }
        return (utf8, scalar)
    }
}

/// The hits of one segment of an article.
public struct SegmentTermHits: Sendable, Hashable {
    /// Index of the segment in the article (counted over all paragraphs, from 0).
    public var segmentIndex: Int
    public var paragraphIndex: Int
    /// The segment's text; hit offsets refer to it.
    public var text: String
    public var hits: [TermHit]
}

extension TermMatcher {
    /// The hits of every segment of `article` (a paragraph without segments counts as one segment).
    public func hits(in article: Article) -> [SegmentTermHits] {
        var result: [SegmentTermHits] = []
        var index = 0
        for paragraph in article.paragraphs {
            let texts = paragraph.segments.isEmpty ? [paragraph.text] : paragraph.segments.map(\.text)
            for text in texts {
                result.append(SegmentTermHits(segmentIndex: index, paragraphIndex: paragraph.index, text: text, hits: hits(in: text)))
                index += 1
            }
        }
        return result
    }
}

