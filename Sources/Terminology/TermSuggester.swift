import Corpus

/// A name or acronym of a corpus that the glossary lacks, with its inflected forms grouped under one base form.
public struct TermSuggestion: Sendable, Hashable {
    /// The base form: the shortest form seen that gives the others by inflection (Кремъл for Кремъла), or the
    /// form without its article when only articled forms were seen (Асамблеята → Асамблея).
    public var lemma: String
    /// Each form seen with its count, most frequent first.
    public var forms: [(form: String, count: Int)]
    public var count: Int
    /// Number of documents it occurs in.
    public var documents: Int
    /// A stretch of the first segment it occurs in, around the occurrence.
    public var example: String
    public var exampleDocument: String
    public var exampleSegment: Int
    public var isAcronym: Bool
    /// A draft English rendering: the 2009 transliteration, to be confirmed by a person (Ким Чен-ун came into
    /// Bulgarian through Russian; transliteration gives "Kim Chen-un", agencies write "Kim Jong Un").
    public var draft: String

    public static func == (a: TermSuggestion, b: TermSuggestion) -> Bool {
        a.lemma == b.lemma && a.count == b.count && a.forms.map(\.form) == b.forms.map(\.form)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(lemma) }

    /// The suggestion as a draft glossary entry (prevod TSV): the transliteration marked as a draft.
    public var entry: GlossaryEntry {
        var entry = GlossaryEntry(id: "", source: lemma, targets: [draft])
        entry.forms = forms.map(\.form).filter { $0 != lemma }
        entry.note = "draft: transliteration, confirm the English rendering; \(count)× in \(documents) document\(documents == 1 ? "" : "s"); e.g. \(example)"
        entry.origin = "prevod glossary suggest (draft)"
        return entry
    }
}

/// Collects the proper names and acronyms a glossary does not cover, over a corpus, and groups their forms.
///
/// A name is a run of capitalized words (with hyphenated parts, "Ким Чен-ун"); a word that is capitalized only at
/// the start of a sentence counts only if the corpus also shows it capitalized inside a sentence. An acronym is a
/// word of two letters or more, all capitals (КЦТА). Words a glossary hit covers are skipped.
public final class TermSuggester {
    private let matcher: TermMatcher
    private let inflector = BulgarianInflector()
    private struct Occurrence {
        var surface: String
        /// The surface without its first word, for a run that opens a sentence ("В Сенат" → "Сенат").
        var withoutFirstWord: String?
        var document: String
        var segment: Int
        var context: String
        var sentenceInitial: Bool
        var isAcronym: Bool
    }
    private var occurrences: [Occurrence] = []
    /// Folded words seen capitalized inside a sentence, and words seen in lower case.
    private var capitalizedInside: Set<String> = []
    private var lowercaseSeen: Set<String> = []
    static let openingQuotes: Set<String> = ["„", "“", "\"", "«", "‘", "'", "("]
    static let closingQuotes: Set<String> = ["“", "”", "\"", "»", "’", "'", ")"]

    public init(index: TermIndex) throws(TerminologyError) {
        matcher = try TermMatcher(index: index)
    }

    /// Adds the segments of `article` (segmented; a paragraph without segments is one segment).
    public func add(_ article: Article) {
        var segmentIndex = 0
        for paragraph in article.paragraphs {
            for text in paragraph.segments.isEmpty ? [paragraph.text] : paragraph.segments.map(\.text) {
                add(text, document: article.id, segment: segmentIndex)
                segmentIndex += 1
            }
        }
    }

    func add(_ text: String, document: String, segment: Int) {
        let (units, tokens, covered) = matcher.analyze(text)
        func word(_ i: Int) -> String { String(decoding: units[Int(tokens[i].start)..<Int(tokens[i].end)], as: UTF16.self) }
        let firstWord = tokens.firstIndex { !$0.isPunctuation }
        /// A word opens a sentence when it is the segment's first, or follows a colon, a dash or an opening quote
        /// that starts a quoted sentence (not a short quoted name such as "Телеграм").
        func opensSentence(_ i: Int) -> Bool {
            if i == firstWord { return true }
            guard i > 0, tokens[i - 1].isPunctuation else { return false }
            let mark = word(i - 1)
            if [":", "—", "–", "-", "…"].contains(mark) { return true }
            guard Self.openingQuotes.contains(mark) else { return false }
            for k in (i + 1)..<min(tokens.count, i + 5) where tokens[k].isPunctuation {
                return !Self.closingQuotes.contains(word(k))
            }
            return true
        }
        for i in tokens.indices where !tokens[i].isPunctuation && !tokens[i].isNumber && !Self.isCapitalized(word(i)) {
            lowercaseSeen.insert(word(i).lowercased())
        }
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            guard !covered[i], !token.isPunctuation, !token.isNumber, Self.isCapitalized(word(i)) else {
                i += 1
                continue
            }
            let initial = opensSentence(i)
            if Self.isAcronym(word(i)) {
                record(i...i, units: units, tokens: tokens, text: text, document: document, segment: segment, initial: initial, acronym: true)
                i += 1
                continue
            }
            // Extend the run over capitalized words and hyphenated parts.
            var j = i
            while j + 1 < tokens.count, !covered[j + 1], !tokens[j + 1].isPunctuation, !tokens[j + 1].isNumber,
                tokens[j + 1].followsHyphen || (Self.isCapitalized(word(j + 1)) && !Self.isAcronym(word(j + 1)))
            {
                j += 1
            }
            if !initial { for k in i...j { capitalizedInside.insert(word(k).lowercased()) } }
            record(i...j, units: units, tokens: tokens, text: text, document: document, segment: segment, initial: initial, acronym: false)
            i = j + 1
        }
    }

    private func record(_ span: ClosedRange<Int>, units: [UInt16], tokens: [Token], text: String, document: String, segment: Int, initial: Bool, acronym: Bool) {
        let start = Int(tokens[span.lowerBound].start)
        let end = Int(tokens[span.upperBound].end)
        let surface = String(decoding: units[start..<end], as: UTF16.self)
        guard surface.unicodeScalars.filter({ $0.properties.isAlphabetic }).count >= 2, !Self.isRomanNumeral(surface) else { return }
        var rest: String?
        if span.count > 1 {
            let restStart = Int(tokens[span.lowerBound + 1].start)
            rest = String(decoding: units[restStart..<end], as: UTF16.self)
        }
        let before = String(decoding: units[..<start], as: UTF16.self)
        let after = String(decoding: units[end...], as: UTF16.self)
        let context = (before.count > 50 ? "…" + before.suffix(50) : before) + surface + (after.count > 50 ? after.prefix(50) + "…" : after)
        occurrences.append(Occurrence(surface: surface, withoutFirstWord: rest, document: document, segment: segment, context: context, sentenceInitial: initial, isAcronym: acronym))
    }

    /// The suggestions, most frequent first.
    public func suggestions(minimumCount: Int = 1) -> [TermSuggestion] {
        // Sentence-initial single words count only when the corpus shows them capitalized inside a sentence.
        // A run opening a sentence loses its first word when that word is a common one (seen in lower case):
        // "В Сенат" → "Сенат", "Срещата" → nothing.
        let kept: [Occurrence] = occurrences.compactMap { occurrence in
            guard occurrence.sentenceInitial, !occurrence.isAcronym else { return occurrence }
            let first = occurrence.surface.split(whereSeparator: { $0 == " " || $0 == "-" }).first.map { $0.lowercased() } ?? ""
            let common = lowercaseSeen.contains(first) || !capitalizedInside.contains(first)
            guard common else { return occurrence }
            guard let rest = occurrence.withoutFirstWord else { return nil }
            var shortened = occurrence
            shortened.surface = rest
            shortened.withoutFirstWord = nil
            return shortened
        }
        var bySurface: [String: [Occurrence]] = [:]
        var order: [String] = []
        for occurrence in kept {
            if bySurface[occurrence.surface] == nil { order.append(occurrence.surface) }
            bySurface[occurrence.surface, default: []].append(occurrence)
        }
        // Group forms under a base form whose inflections produce them: the shortest other form seen (Сената and
        // Сенатът under Сенат), else the form without its article (Студената → Студена), else the form itself.
        var formsCache: [String: Set<String>] = [:]
        func forms(_ base: String) -> Set<String> {
            if let cached = formsCache[base] { return cached }
            let result = Set(inflector.forms(of: base, partOfSpeech: "PROPN", gender: nil) + [base])
            formsCache[base] = result
            return result
        }
        let seenBySize = order.sorted { ($0.count, $0) < ($1.count, $1) }
        var members: [String: [String]] = [:]
        for surface in order {
            var base = surface
            if !bySurface[surface]![0].isAcronym {
                if let seen = seenBySize.first(where: { $0 != surface && $0.count < surface.count && forms($0).contains(surface) }) {
                    base = seen
                } else {
                    let guess = Self.guessLemma(surface, acronym: false)
                    if guess != surface && forms(guess).contains(surface) { base = guess }
                }
            }
            members[base, default: []].append(surface)
        }
        var result: [TermSuggestion] = []
        for (base, surfaces) in members {
            let all = surfaces.flatMap { bySurface[$0]! }
            guard all.count >= minimumCount, let first = all.first else { continue }
            let forms = surfaces.map { ($0, bySurface[$0]!.count) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            result.append(TermSuggestion(
                lemma: base, forms: forms, count: all.count, documents: Set(all.map(\.document)).count, example: first.context,
                exampleDocument: first.document, exampleSegment: first.segment, isAcronym: first.isAcronym,
                draft: Transliteration.bulgarian2009(base)))
        }
        return result.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lemma < $1.lemma }
    }

    /// The base form of a name seen only with its article: "-ът"/"-ят" and, after a vowel, "-та" are dropped.
    static func guessLemma(_ surface: String, acronym: Bool) -> String {
        guard !acronym, !surface.contains(" "), surface.count > 5 else { return surface }
        if surface.hasSuffix("ът") { return String(surface.dropLast(2)) }
        if surface.hasSuffix("ята") || surface.hasSuffix("ата") { return String(surface.dropLast(2)) }
        return surface
    }

    static func isCapitalized(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    static func isAcronym(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    static func isRomanNumeral(_ word: String) -> Bool {
        !word.isEmpty && word.allSatisfy { "IVXLCDM".contains($0) }
    }
}
