import ICU

/// A run of letters in a text, with its place in Unicode scalars (the unit `FindingLocation.range` uses).
struct Word: Sendable, Hashable {
    var text: String
    /// Unicode-scalar offsets into the text the word was taken from.
    var range: Range<Int>
    /// Whether a sentence starts at the word (first word of the text, or after `.`, `!`, `?`, `…`, `:` and
    /// opening quotes or dashes).
    var startsSentence: Bool
}

/// Splits text into words: maximal runs of letters and combining marks, joined across an inner hyphen or apostrophe
/// when `joinHyphens` is set ("Бърнърс-Лий", "Чен-ун", "O'Brien").
///
/// - Complexity: O(*n*) in the length of the text.
enum WordScanner {
    static func words(in text: String, joinHyphens: Bool = false) -> [Word] {
        let scalars = Array(text.unicodeScalars)
        return spans(in: scalars, joinHyphens: joinHyphens).map { span in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.range])
            return Word(text: String(view), range: span.range, startsSentence: span.startsSentence)
        }
    }

    /// The words of `scalars` as ranges, without making strings of them.
    static func spans(in scalars: [Unicode.Scalar], joinHyphens: Bool = false) -> [(range: Range<Int>, startsSentence: Bool)] {
        var result: [(range: Range<Int>, startsSentence: Bool)] = []
        var start = -1
        var sentenceStart = true
        var wordStartsSentence = true
        for (i, scalar) in scalars.enumerated() {
            if isWordScalar(scalar) {
                if start < 0 {
                    start = i
                    wordStartsSentence = sentenceStart
                    sentenceStart = false
                }
            } else if joinHyphens, start >= 0, isJoiner(scalar), i + 1 < scalars.count, isLetter(scalars[i + 1]) {
                continue
            } else {
                if start >= 0 { result.append((start..<i, wordStartsSentence)) }
                start = -1
                if isSentenceEnd(scalar) { sentenceStart = true }
            }
        }
        if start >= 0 { result.append((start..<scalars.count, wordStartsSentence)) }
        return result
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x481, 0x48A...0x52F: return true
        case 0...0x7F, 0x482...0x489: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if isLetter(scalar) { return true }
        if scalar.value < 0x300 || (0x400...0x52F).contains(scalar.value) { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "'" || scalar == "\u{2019}"
    }

    static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "…", ":": return true
        default: return false
        }
    }
}

/// The writing system of a letter, decided quickly for the scripts prevod meets and by ICU for the rest.
enum LetterScript: Sendable, Hashable {
    case cyrillic, latin, greek, other

    init(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { self = .latin; return }
        if (0x400...0x4FF).contains(v) || (0x500...0x52F).contains(v) { self = .cyrillic; return }
        if v < 0x80 { self = .other; return }
        switch Script.of(scalar) {
        case .cyrillic: self = .cyrillic
        case .latin: self = .latin
        case .greek: self = .greek
        default: self = .other
        }
    }

    var name: String {
        switch self {
        case .cyrillic: return "Cyrillic"
        case .latin: return "Latin"
        case .greek: return "Greek"
        case .other: return "other"
        }
    }
}

extension String {
    /// The text of a range of Unicode scalars.
    func scalars(_ range: Range<Int>) -> String {
        let view = unicodeScalars
        let start = view.index(view.startIndex, offsetBy: range.lowerBound)
        let end = view.index(start, offsetBy: range.count)
        return String(view[start..<end])
    }

    /// The Unicode-scalar offset of a UTF-8 offset.
    func scalarOffset(ofUTF8 offset: Int) -> Int {
        var count = 0
        for (i, byte) in utf8.enumerated() {
            if i >= offset { break }
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        return count
    }

    /// Unicode-scalar range of a UTF-8 range.
    func scalarRange(ofUTF8 range: Range<Int>) -> Range<Int> {
        let lower = scalarOffset(ofUTF8: range.lowerBound)
        let upper = lower + String(decoding: Array(utf8)[range], as: UTF8.self).unicodeScalars.count
        return lower..<upper
    }
}
