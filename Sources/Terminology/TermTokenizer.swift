import ICU

/// What the matcher sees of a text: ICU word tokens (letters, numbers) and punctuation, each with its UTF-16
/// range, and whether it is glued to the previous token by a bare hyphen ("Чен-ун", "80-ата").
///
/// Whitespace separates tokens and is not a token. A hyphen with no space on either side between two tokens is a
/// joiner, not a token, so "Ким Чен-ун" and "Ким Чен ун" are the same token sequence. Any other punctuation
/// character is a token of its own, so a term never matches across a comma or a quote.
struct TokenStream {
    enum Kind: UInt8 { case word, number, punctuation }

    var starts: [Int32] = []
    var ends: [Int32] = []
    var kinds: [Kind] = []
    /// True when the token follows the previous one across a bare hyphen.
    var hyphenBefore: [Bool] = []

    var count: Int { starts.count }

    mutating func removeAll() {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        hyphenBefore.removeAll(keepingCapacity: true)
    }
}

/// Splits UTF-16 text into a ``TokenStream`` with ICU's word break iterator. Not thread-safe: one per task.
final class TermTokenizer {
    private let iterator: BreakIterator

    init() throws(TerminologyError) {
        do {
            iterator = try BreakIterator(.word, locale: "bg")
        } catch {
            throw TerminologyError(error)
        }
    }

    /// Fills `stream` with the tokens of `text`.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    func tokenize(_ text: UnsafeBufferPointer<UInt16>, into stream: inout TokenStream) {
        stream.removeAll()
        guard let (bounds, statuses) = try? iterator.boundariesWithStatus(in: text) else { return }
        var start: Int32 = 0
        var pendingHyphen = false
        var lastWasToken = false
        bounds.withUnsafeBufferPointer { bounds in
            statuses.withUnsafeBufferPointer { statuses in
                for i in 0..<bounds.count {
                    let end = bounds[i]
                    let ruleStatus = statuses[i]
                    defer { start = end }
                    if ruleStatus >= 100 {
                        // Letters, numbers, ideographs.
                        stream.starts.append(start)
                        stream.ends.append(end)
                        stream.kinds.append(ruleStatus < 200 ? .number : .word)
                        stream.hyphenBefore.append(pendingHyphen && lastWasToken)
                        pendingHyphen = false
                        lastWasToken = true
                        continue
                    }
                    // Spaces and punctuation: ICU keeps a run of horizontal space together and gives every other
                    // character its own piece.
                    let first = text[Int(start)]
                    if end - start == 1 && isHyphen(first) {
                        if lastWasToken && !pendingHyphen {
                            pendingHyphen = true
                            continue
                        }
                    }
                    if isSpace(first) {
                        if pendingHyphen {
                            // "Чен - ун": a spaced hyphen is a dash, a punctuation token.
                            appendPunctuation(start - 1, start, &stream)
                        }
                        pendingHyphen = false
                        lastWasToken = false
                        continue
                    }
                    if pendingHyphen {
                        appendPunctuation(start - 1, start, &stream)
                        pendingHyphen = false
                    }
                    if isIgnorable(first) && end - start == 1 { continue }
                    appendPunctuation(start, end, &stream)
                    lastWasToken = false
                }
            }
        }
        if pendingHyphen, let last = bounds.last {
            appendPunctuation(last - 1, last, &stream)
        }
    }

    private func appendPunctuation(_ start: Int32, _ end: Int32, _ stream: inout TokenStream) {
        stream.starts.append(start)
        stream.ends.append(end)
        stream.kinds.append(.punctuation)
        stream.hyphenBefore.append(false)
    }

    /// Tokens of a string (for glossary forms), with their folded keys and original text.
    func tokens(of text: String) -> [(key: [UInt16], text: String, kind: TokenStream.Kind, hyphenBefore: Bool)] {
        let units = Array(text.utf16)
        var stream = TokenStream()
        units.withUnsafeBufferPointer { tokenize($0, into: &stream) }
        return (0..<stream.count).map { i in
            let piece = Array(units[Int(stream.starts[i])..<Int(stream.ends[i])])
            return (TermFolding.fold(piece), String(decoding: piece, as: UTF16.self), stream.kinds[i], stream.hyphenBefore[i])
        }
    }
}

@inline(__always) func isHyphen(_ unit: UInt16) -> Bool { unit == 0x2D || unit == 0x2010 || unit == 0x2011 }

@inline(__always) func isSpace(_ unit: UInt16) -> Bool {
    unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0xA0 || unit == 0x0B || unit == 0x0C
        || (0x2000...0x200A).contains(unit) || unit == 0x202F || unit == 0x205F || unit == 0x3000 || unit == 0x85
        || unit == 0x2028 || unit == 0x2029 || unit == 0x1680
}

/// Format characters that may stand alone between tokens (zero-width space, BOM, soft hyphen).
@inline(__always) func isIgnorable(_ unit: UInt16) -> Bool {
    unit == 0xAD || (0x200B...0x200F).contains(unit) || unit == 0x2060 || unit == 0xFEFF
}

/// The comparison key of a token: NFKC with case folding (Unicode's NFKC_Casefold), computed without leaving Swift
/// for Basic Latin and the Cyrillic block, through ICU for anything else. Both paths agree on the characters of
/// the fast one, so glossary forms and text fold the same way.
enum TermFolding {
    /// Folds `units` into `output` (which must hold `units.count` elements) and returns the folded length, or nil
    /// when a character needs ICU (see ``fold(_:)``).
    @inline(__always)
    static func fastFold(_ units: UnsafeBufferPointer<UInt16>, into output: UnsafeMutablePointer<UInt16>) -> Int? {
        var n = 0
        for unit in units {
            switch unit {
            case 0x41...0x5A, 0x410...0x42F: output[n] = unit &+ 0x20
            case 0x400...0x40F: output[n] = unit &+ 0x50
            case 0x00...0x7F, 0x430...0x45F: output[n] = unit
            case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: continue
            default: return nil
            }
            n += 1
        }
        return n
    }

    /// The folded key of `units`.
    static func fold(_ units: [UInt16]) -> [UInt16] {
        var output = [UInt16](repeating: 0, count: units.count)
        let fast = units.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { fastFold(input, into: $0.baseAddress!) }
        }
        if let fast { return Array(output[0..<fast]) }
        let text = String(decoding: units, as: UTF16.self)
        let folded = (try? Normalization.nfkcCasefold(text)) ?? text.lowercased()
        return Array(folded.utf16)
    }
}
