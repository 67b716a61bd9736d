import ICU

/// A token of the matcher's view of a text: an ICU word (letters or digits) or a punctuation character, with its
/// UTF-16 range and, once looked up, its vocabulary id.
struct Token {
    var start: Int32
    var end: Int32
    /// Vocabulary id (-1: no glossary form uses this token).
    var id: Int32
    var flags: UInt8

    static let number: UInt8 = 1
    static let punctuation: UInt8 = 2
    /// Glued to the previous token by a bare hyphen ("Чен-ун", "80-ата").
    static let hyphenBefore: UInt8 = 4

    var isNumber: Bool { flags & Self.number != 0 }
    var isPunctuation: Bool { flags & Self.punctuation != 0 }
    var followsHyphen: Bool { flags & Self.hyphenBefore != 0 }
}

/// Splits UTF-16 text into tokens with ICU's word break iterator (locale bg). Whitespace separates tokens and is
/// not one. A hyphen with no space on either side between two tokens is a joiner, not a token, so "Ким Чен-ун"
/// and "Ким Чен ун" are the same token sequence; any other punctuation character is a token of its own, so a
/// term never matches across a comma or a quote. Format characters (soft hyphen, zero-width space) are ignored.
///
/// Holds the ICU iterator and a token buffer: not thread-safe, one per task.
final class TermTokenizer {
    private let iterator: BreakIterator
    private(set) var tokens: UnsafeMutablePointer<Token>
    private var capacity: Int
    private(set) var count = 0

    init() throws(TerminologyError) {
        do {
            iterator = try BreakIterator(.word, locale: "bg")
        } catch {
            throw TerminologyError(error)
        }
        capacity = 256
        tokens = .allocate(capacity: capacity)
    }

    deinit { tokens.deallocate() }

    /// Tokenizes `text`; the tokens are then in ``tokens``[0..<``count``] (ids not yet set: -1).
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    func tokenize(_ text: UnsafeBufferPointer<UInt16>) {
        var none = NoLookup()
        tokenize(text, lookup: &none)
    }

    /// Tokenizes `text` and gives every word token (and punctuation token, when `lookup` wants them) the id
    /// `lookup` finds for it, in the same pass, while the token's text is still in the cache.
    @inline(__always)
    func tokenize<Lookup: TokenLookup>(_ text: UnsafeBufferPointer<UInt16>, lookup: inout Lookup) {
        count = 0
        guard let bounds = try? iterator.boundaries(in: text), !bounds.isEmpty else { return }
        // Every boundary gives at most one token, and a trailing hyphen one more: no growth inside the loop.
        if capacity < bounds.count + 1 {
            tokens.deallocate()
            capacity = bounds.count * 2
            tokens = .allocate(capacity: capacity)
        }
        let out = tokens
        var n = 0
        var start: Int32 = 0
        var pendingHyphen = false
        var lastWasToken = false
        let base = text.baseAddress!
        let punctuationIDs = lookup.wantsPunctuation
        @inline(__always) func punctuation(_ start: Int32, _ end: Int32) {
            let id = punctuationIDs ? lookup.id(of: UnsafeBufferPointer(start: base + Int(start), count: Int(end - start))) : -1
            out[n] = Token(start: start, end: end, id: id, flags: Token.punctuation)
            n += 1
        }
        bounds.withUnsafeBufferPointer { bounds in
            for end in bounds {
                defer { start = end }
                let first = text[Int(start)]
                let kind = Self.classify(first, text, Int(start))
                switch kind {
                case .word, .number:
                    let flags: UInt8 = (kind == .number ? Token.number : 0)
                        | (pendingHyphen && lastWasToken ? Token.hyphenBefore : 0)
                    let id = lookup.id(of: UnsafeBufferPointer(start: base + Int(start), count: Int(end - start)))
                    out[n] = Token(start: start, end: end, id: id, flags: flags)
                    n += 1
                    pendingHyphen = false
                    lastWasToken = true
                case .space:
                    // "Чен - ун": a spaced hyphen is a dash, a punctuation token.
                    if pendingHyphen { punctuation(start - 1, start) }
                    pendingHyphen = false
                    lastWasToken = false
                case .ignorable:
                    continue
                case .punctuation:
                    if end - start == 1 && isHyphen(first) && lastWasToken && !pendingHyphen {
                        pendingHyphen = true
                        continue
                    }
                    if pendingHyphen {
                        punctuation(start - 1, start)
                        pendingHyphen = false
                    }
                    punctuation(start, end)
                    lastWasToken = false
                }
            }
        }
        if pendingHyphen, let last = bounds.last { punctuation(last - 1, last) }
        count = n
    }

    enum PieceKind { case word, number, space, ignorable, punctuation }

    /// What an ICU word-break piece is, from its first character: ICU starts a piece with a letter or digit only
    /// when the piece is a word or number.
    @inline(__always)
    static func classify(_ unit: UInt16, _ text: UnsafeBufferPointer<UInt16>, _ offset: Int) -> PieceKind {
        switch unit {
        case 0x30...0x39: return .number
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x4FF: return .word
        case 0x20, 0x09...0x0D, 0xA0: return .space
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return .punctuation
        case 0xAD, 0x200B...0x200F, 0x2060, 0xFEFF: return .ignorable
        case 0x2010...0x2027, 0x2030...0x205E, 0xAB, 0xBB, 0xA7, 0xB0, 0xA9, 0xAE, 0xB7: return .punctuation
        default:
            if isSpace(unit) { return .space }
            var iterator = text[offset...].makeIterator()
            var decoder = UTF16()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return .punctuation }
            let properties = scalar.properties
            if properties.numericType == .decimal { return .number }
            if properties.isAlphabetic || properties.numericType != nil { return .word }
            return .punctuation
        }
    }

    /// Tokens of a string (for glossary forms), with their folded keys and original text.
    func tokens(of text: String) -> [(key: [UInt16], text: String, isNumber: Bool, isPunctuation: Bool)] {
        let units = Array(text.utf16)
        units.withUnsafeBufferPointer { tokenize($0) }
        return (0..<count).map { i in
            let piece = Array(units[Int(tokens[i].start)..<Int(tokens[i].end)])
            return (TermFolding.fold(piece), String(decoding: piece, as: UTF16.self), tokens[i].isNumber, tokens[i].isPunctuation)
        }
    }
}

/// Gives tokens their vocabulary ids while the tokenizer runs.
protocol TokenLookup {
    /// Whether punctuation tokens need an id too (some glossary form contains punctuation).
    var wantsPunctuation: Bool { get }
    mutating func id(of piece: UnsafeBufferPointer<UInt16>) -> Int32
}

/// No vocabulary (tokenizing glossary forms): every id is -1.
struct NoLookup: TokenLookup {
    var wantsPunctuation: Bool { false }
    func id(of piece: UnsafeBufferPointer<UInt16>) -> Int32 { -1 }
}

@inline(__always) func isHyphen(_ unit: UInt16) -> Bool { unit == 0x2D || unit == 0x2010 || unit == 0x2011 }

@inline(__always) func isSpace(_ unit: UInt16) -> Bool {
    unit == 0x20 || (0x09...0x0D).contains(unit) || unit == 0xA0 || (0x2000...0x200A).contains(unit)
        || unit == 0x202F || unit == 0x205F || unit == 0x3000 || unit == 0x85 || unit == 0x2028 || unit == 0x2029
        || unit == 0x1680
}

/// The comparison key of a token: NFKC with case folding (Unicode's NFKC_Casefold), computed without leaving Swift
/// for Basic Latin and the Cyrillic block, through ICU for anything else. Both paths agree on the characters of
/// the fast one, so glossary forms and text fold the same way.
enum TermFolding {
    /// Folds `units` into `output` (room for `units.count` elements) and returns the folded length with its hash
    /// (``TokenTable/hash(_:)`` of the folded units), or nil when a character needs ICU. A caller folding every
    /// token passes ``foldTable`` it read once (reading the global checks its one-time initialisation each time).
    @inline(__always)
    static func fastFold(
        _ units: UnsafeBufferPointer<UInt16>, into output: UnsafeMutablePointer<UInt16>, table: UnsafeMutablePointer<UInt16> = foldTable
    ) -> (count: Int, hash: UInt32)? {
        var n = 0
        var h: UInt32 = 2_166_136_261
        for unit in units {
            var folded: UInt16
            if unit < 0x500 {
                folded = table[Int(unit)]
            } else if unit >= 0x2000 && unit < 0x2070 {
                folded = table[0x500 + Int(unit - 0x2000)]
            } else {
                return nil
            }
            if folded == skip { continue }
            if folded == slow { return nil }
            output[n] = folded
            h = (h ^ UInt32(folded)) &* 16_777_619
            n += 1
        }
        return (n, h ^ (h >> 15))
    }

    private static let slow: UInt16 = 0
    private static let skip: UInt16 = 0xFFFF

    /// NFKC_Casefold of U+0000–U+04FF and U+2000–U+206F where it is a single unit (or nothing: `skip`), `slow`
    /// where ICU must decide (decompositions, the rest of the Latin and Cyrillic letters).
    /// Allocated once and never freed.
    nonisolated(unsafe) static let foldTable: UnsafeMutablePointer<UInt16> = {
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x500 + 0x70)
        table.initialize(repeating: slow, count: 0x500 + 0x70)
        for unit in 0..<0x80 { table[unit] = UInt16(unit) }
        for unit in 0x41...0x5A { table[unit] = UInt16(unit + 0x20) }
        for unit in 0x430...0x45F { table[unit] = UInt16(unit) }
        for unit in 0x410...0x42F { table[unit] = UInt16(unit + 0x20) }
        for unit in 0x400...0x40F { table[unit] = UInt16(unit + 0x50) }
        table[0x0D] = 0x0D
        for unit in [0xAB, 0xBB, 0xA7, 0xB0, 0xA9, 0xAE, 0xB7] { table[unit] = UInt16(unit) }
        table[0xAD] = skip
        // General punctuation that NFKC_Casefold keeps; U+2011 (non-breaking hyphen) becomes U+2010.
        for unit in [0x2010, 0x2027, 0x2030] + Array(0x2012...0x2016) + Array(0x2018...0x2023) { table[0x500 + unit - 0x2000] = UInt16(unit) }
        table[0x500 + 0x11] = 0x2010
        for unit in [0x200B, 0x200C, 0x200D, 0x2060] { table[0x500 + unit - 0x2000] = skip }
        return table
    }()

    /// The folded key of `units`.
    static func fold(_ units: [UInt16]) -> [UInt16] {
        var output = [UInt16](repeating: 0, count: units.count)
        let fast = units.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { fastFold(input, into: $0.baseAddress!) }
        }
        if let fast { return Array(output[0..<fast.count]) }
        let text = String(decoding: units, as: UTF16.self)
        let folded = (try? Normalization.nfkcCasefold(text)) ?? text.lowercased()
        return Array(folded.utf16)
    }
}
