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
    /// (-ия/-ият of a name in -ий count as -й; adjectives in -на/-ната count as -ен). Two forms sharing a stem are taken for forms of one name.
    static func candidates(of form: String) -> [String] {
        let lower = form.lowercased()
        var result = [lower]
        for suffix in suffixes where lower.hasSuffix(suffix) && lower.count - suffix.count >= 3 {
            result.append(String(lower.dropLast(suffix.count)))
        }
        for ending in ["ият", "ия"] where lower.hasSuffix(ending) && lower.count - ending.count >= 3 {
            result.append(String(lower.dropLast(ending.count)) + "ий")
        }
        // Adjectives with a fleeting е: Западна, Западната → Западен.
        for ending in ["ната", "ното", "ните", "на", "но", "ни"] where lower.hasSuffix(ending) && lower.count - ending.count >= 3 {
            result.append(String(lower.dropLast(ending.count)) + "ен")
            break
        }
        return result
    }

    /// The stem used for a neighbour (its shortest candidate).
    static func of(_ form: String) -> String {
        candidates(of: form).min { $0.count < $1.count } ?? form.lowercased()
    }
}

/// Finds the name mentions of documents.
struct NameMentionScanner {
    /// Lower-case words seen anywhere in the sources (a capitalized word also seen in lower case is likely a common
    /// word at the start of a sentence).
    private(set) var lowerCaseWords: Set<String> = []
    private(set) var mentions: [NameMention] = []

    /// Whether `word` looks like a name: a capital Cyrillic letter then lower-case Cyrillic letters (acronyms such
    /// as САЩ and ООН are not compared), two letters at least.
    static func isNameLike(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 2, let first = scalars.first, first.properties.isUppercase, first.isCyrillicLetter else { return false }
        return scalars.dropFirst().allSatisfy { $0.isCyrillicLetter && $0.properties.isLowercase }
    }

    mutating func scan(_ documents: [CheckDocument]) {
        for (d, document) in documents.enumerated() {
            for unit in document.units {
                scan(unit, document: d)
            }
        }
    }

    private mutating func scan(_ unit: CheckUnit, document: Int) {
        let text = unit.source
        let words = WordScanner.words(in: text)
        var englishWords: [(word: String, key: [UInt8])]?
        let scalars = Array(text.unicodeScalars)
        func joined(_ a: Word, _ b: Word) -> Bool {
            let gap = b.range.lowerBound - a.range.upperBound
            guard gap == 1 else { return false }
            let c = scalars[a.range.upperBound]
            return c == " " || c == "-" || c == "\u{00A0}" || c == "\u{2011}"
        }
        for (i, word) in words.enumerated() {
            guard Self.isNameLike(word.text) else {
                if let first = word.text.unicodeScalars.first, first.properties.isLowercase, first.isCyrillicLetter {
                    lowerCaseWords.insert(word.text)
                }
                continue
            }
            var neighbours: [String] = []
            if i > 0, joined(words[i - 1], word), Self.isNameLike(words[i - 1].text), !words[i - 1].startsSentence {
                neighbours.append(NameStem.of(words[i - 1].text))
            }
            if i + 1 < words.count, joined(word, words[i + 1]), Self.isNameLike(words[i + 1].text) {
                neighbours.append(NameStem.of(words[i + 1].text))
            }
            var link: String?
            if let target = unit.target {
                if englishWords == nil {
                    englishWords = WordScanner.words(in: target)
                        .filter { $0.text.unicodeScalars.first.map { $0.properties.isUppercase && $0.isASCIILetter } ?? false }
                        .map { ($0.text, PhoneticKey.latin($0.text)) }
                }
                link = Self.link(word.text, among: englishWords!)
            }
            mentions.append(NameMention(
                document: document, unit: unit.index, range: word.range, form: word.text,
                startsSentence: word.startsSentence, neighbours: neighbours, link: link))
        }
    }

    /// The English word most like the Bulgarian `form` (phonetic keys at least 60% alike, same first sound).
    static func link(_ form: String, among english: [(word: String, key: [UInt8])]) -> String? {
        let key = PhoneticKey.bulgarian(form)
        guard !key.isEmpty else { return nil }
        var best: (String, Double)?
        for candidate in english where !candidate.key.isEmpty && candidate.key[0] == key[0] {
            let score = EditDistance.similarity(key, candidate.key)
            if score >= 0.6, score > (best?.1 ?? 0) { best = (candidate.word.lowercased(), score) }
        }
        return best?.0
    }
}
