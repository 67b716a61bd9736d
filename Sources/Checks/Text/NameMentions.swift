/// Capitalized Cyrillic words of a corpus that may be names, with what name checks need to know about each
/// occurrence: where it is, whether a sentence starts there, the names next to it, and (in a bitext) the English word
/// of the translation it corresponds to.
struct NameMention: Sendable {
    var document: Int
    var unit: Int
    /// Unicode-scalar range in the unit's source.
    var range: Range<Int>
    /// The word as written ("Тръмпа").
    var form: String
    var startsSentence: Bool
    /// Name words right before and after it (joined by a space or a hyphen), as stems.
    var neighbours: [String]
    /// The capitalized English word of the translation spelled most like it (lower case), if any.
    var link: String?
}

/// Bulgarian name stems: a name and its definite and plural forms (Сенат, Сената, Сенатът; Корея, Кореи; Капитолий,
/// Капитолия) share a stem.
enum NameStem {
    /// Article and plural endings, longest first.
    static let suffixes = ["овете", "ите", "ове", "ът", "ят", "та", "то", "те", "а", "я", "и"]

    /// The stems a form may have: itself, and the form without each ending that leaves three letters or more
    /// (-ия/-ият of a name in -ий count as -й; adjectives in -на/-ната count as -ен). Two forms sharing a stem are
    /// taken for forms of one name.
    static func candidates(of form: String) -> [String] {
        let lower = Array(form.lowercased().unicodeScalars)
        func string(_ scalars: ArraySlice<Unicode.Scalar>, plus tail: String = "") -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            view.append(contentsOf: tail.unicodeScalars)
            return String(view)
        }
        func strip(_ ending: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar>? {
            guard lower.count - ending.count >= 3, lower.suffix(ending.count).elementsEqual(ending) else { return nil }
            return lower.dropLast(ending.count)
        }
        var result = [string(lower[...])]
        for suffix in suffixScalars { if let stem = strip(suffix) { result.append(string(stem)) } }
        for ending in [Array("ият".unicodeScalars), Array("ия".unicodeScalars)] {
            if let stem = strip(ending) { result.append(string(stem, plus: "ий")) }
        }
        // Adjectives with a fleeting е: Западна, Западната → Западен.
        for ending in adjectiveEndings {
            if let stem = strip(ending) {
                result.append(string(stem, plus: "ен"))
                break
            }
        }
        return result
    }

    static let suffixScalars = suffixes.map { Array($0.unicodeScalars) }
    static let adjectiveEndings = ["ната", "ното", "ните", "на", "но", "ни"].map { Array($0.unicodeScalars) }

    /// The stem used for a neighbour (its shortest candidate).
    static func of(_ form: String) -> String {
        candidates(of: form).min { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? form.lowercased()
    }
}

/// Finds the name mentions of documents.
struct NameMentionScanner {
    /// Hashes of the lower-case Cyrillic words seen anywhere in the sources (a capitalized word also seen in lower
    /// case is likely a common word at the start of a sentence).
    private var lowerCaseWords: Set<Int> = []
    private(set) var mentions: [NameMention] = []
    /// Phonetic keys of the Bulgarian forms and English words met so far (names repeat).
    private var bulgarianKeys: [String: [UInt8]] = [:]
    private var englishKeys: [String: [UInt8]] = [:]

    /// Whether `word` looks like a name: a capital Cyrillic letter then lower-case Cyrillic letters (acronyms such
    /// as САЩ and ООН are not compared), two letters at least.
    static func isNameLike(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return isNameLike(scalars[...])
    }

    static func isNameLike(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard scalars.count >= 2, let first = scalars.first, isCyrillicCapital(first) else { return false }
        return scalars.dropFirst().allSatisfy(isCyrillicSmall)
    }

    static func isCyrillicCapital(_ c: Unicode.Scalar) -> Bool { (0x400...0x42F).contains(c.value) }
    static func isCyrillicSmall(_ c: Unicode.Scalar) -> Bool { (0x430...0x45F).contains(c.value) }

    /// Whether the lower-case form of `word` was seen as a word of the sources.
    func isSeenInLowerCase(_ word: String) -> Bool {
        lowerCaseWords.contains(Self.hash(word.lowercased().unicodeScalars))
    }

    static func hash<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
        var hasher = Hasher()
        for scalar in scalars { hasher.combine(scalar.value) }
        return hasher.finalize()
    }

    mutating func scan(_ documents: [CheckDocument]) {
        for (d, document) in documents.enumerated() {
            for unit in document.units {
                scan(unit, document: d)
            }
        }
    }

    private mutating func scan(_ unit: CheckUnit, document: Int) {
        let scalars = Array(unit.source.unicodeScalars)
        let spans = WordScanner.spans(in: scalars)
        var englishWords: [(word: String, key: [UInt8])]?
        func joined(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            guard b.lowerBound - a.upperBound == 1 else { return false }
            let c = scalars[a.upperBound]
            return c == " " || c == "-" || c == "\u{00A0}" || c == "\u{2011}"
        }
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        for (i, span) in spans.enumerated() {
            let letters = scalars[span.range]
            guard Self.isNameLike(letters) else {
                if let first = letters.first, Self.isCyrillicSmall(first) { lowerCaseWords.insert(Self.hash(letters)) }
                continue
            }
            let form = string(span.range)
            var neighbours: [String] = []
            if i > 0, joined(spans[i - 1].range, span.range), Self.isNameLike(scalars[spans[i - 1].range]), !spans[i - 1].startsSentence {
                neighbours.append(NameStem.of(string(spans[i - 1].range)))
            }
            if i + 1 < spans.count, joined(span.range, spans[i + 1].range), Self.isNameLike(scalars[spans[i + 1].range]) {
                neighbours.append(NameStem.of(string(spans[i + 1].range)))
            }
            var link: String?
            if let target = unit.target {
                if englishWords == nil {
                    // Capitalized Latin words of the translation.
                    let english = Array(target.unicodeScalars)
                    englishWords = WordScanner.spans(in: english).compactMap { span in
                        guard (0x41...0x5A).contains(english[span.range.lowerBound].value) else { return nil }
                        var view = String.UnicodeScalarView()
                        view.append(contentsOf: english[span.range])
                        let word = String(view)
                        return (word, englishKey(word))
                    }
                }
                link = Self.link(bulgarianKey(form), among: englishWords!)
            }
            mentions.append(NameMention(
                document: document, unit: unit.index, range: span.range, form: form,
                startsSentence: span.startsSentence, neighbours: neighbours, link: link))
        }
    }

    private mutating func bulgarianKey(_ form: String) -> [UInt8] {
        if let key = bulgarianKeys[form] { return key }
        let key = PhoneticKey.bulgarian(form)
        bulgarianKeys[form] = key
        return key
    }

    private mutating func englishKey(_ word: String) -> [UInt8] {
        if let key = englishKeys[word] { return key }
        let key = PhoneticKey.latin(word)
        englishKeys[word] = key
        return key
    }

    /// The English word most like a Bulgarian form with phonetic key `key` (keys at least 60% alike, same first
    /// sound).
    static func link(_ key: [UInt8], among english: [(word: String, key: [UInt8])]) -> String? {
        guard !key.isEmpty else { return nil }
        var best: (String, Double)?
        for candidate in english where !candidate.key.isEmpty && candidate.key[0] == key[0] {
            let score = EditDistance.similarity(key, candidate.key)
            if score >= 0.6, score > (best?.1 ?? 0) { best = (candidate.word.lowercased(), score) }
        }
        return best?.0
    }
}
