import Corpus
import Terminology

/// `glossary`: a glossary term found in the Bulgarian source (in any inflected form, by ``TermMatcher``) whose English
/// rendering is not in the translation, and forbidden variants used in the translation.
///
/// When the translation has fewer renderings of an entry than the source has occurrences, it is searched for a near
/// miss: a span spelled like the rendering with a letter or two changed (`North Karea`, `Kem` for `Kim`) or like a
/// transliteration of the Bulgarian (`Royters` for `Ройтерс`, `Tramp` for `Тръмп`); that is an error with the span
/// marked. Spans that differ from the rendering by letters added or dropped (`Davies` for `Davis`, `Korean` for
/// `Korea`) are other names and derivations more often than misspellings, and are left alone.
///
/// A rendering that is simply absent — the translator wrote "he", "the president", "NY" — is reported (as a warning,
/// for names only) with ``CheckSettings/strictTerms``, as Xbench's key-term check does.
public struct GlossaryCompliance: DocumentRule {
    public static let category = CheckCategory.glossary
    public init() {}

    /// A span is a transliteration of the Bulgarian when it is at least this similar to it.
    static let transliterationSimilarity = 0.85

    public func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding]) {
        guard let matcher = workspace.matcher() else { return }
        let entries = matcher.index.glossary.entries
        let untranslated = workspace.untranslated(document)
        for unit in document.units {
            guard let target = unit.target, untranslated[unit.index] == nil else { continue }
            let hits = matcher.hits(in: unit.source)
            guard !hits.isEmpty else { continue }
            let folded = Array(LatinFolding.fold(target).unicodeScalars)
            // Ranges in the folded text are ranges in the target when folding kept every letter a letter.
            let aligned = folded.count == target.unicodeScalars.count
            var targetWords: [Word]?
            var hitsByEntry: [Int: [TermHit]] = [:]
            for hit in hits { hitsByEntry[hit.entryIndex, default: []].append(hit) }
            for entryIndex in hitsByEntry.keys.sorted(by: { hitsByEntry[$0]![0].range.lowerBound < hitsByEntry[$1]![0].range.lowerBound }) {
                let entry = entries[entryIndex]
                let entryHits = hitsByEntry[entryIndex]!
                let hit = entryHits[0]
                for variant in entry.forbidden {
                    guard let range = Self.occurrences(of: Self.folded(variant), in: folded, wholeWord: true).first else { continue }
                    findings.append(Finding(
                        Self.category, "glossary.forbidden", .error,
                        "«\(variant)» is a forbidden rendering of «\(entry.source)» (found «\(hit.surface)»)",
                        suggestion: "write «\(entry.target)»", document: document, segment: unit.index, side: .target,
                        range: aligned ? range : nil))
                }
                let renderings = entry.targets.filter { !$0.isEmpty }
                guard !renderings.isEmpty else { continue }
                var found: [Range<Int>] = []
                for rendering in renderings {
                    for range in Self.occurrences(of: Self.folded(rendering), in: folded, wholeWord: false)
                    where !found.contains(where: { $0.overlaps(range) }) {
                        found.append(range)
                    }
                }
                guard found.count < entryHits.count else { continue }
                if targetWords == nil { targetWords = WordScanner.words(in: target) }
                let taken = aligned ? found : []
                let words = targetWords!.filter { word in !taken.contains { $0.overlaps(word.range) } }
                if let miss = Self.nearMiss(of: entry, surface: hit.surface, in: target, words: words) {
                    findings.append(Finding(
                        Self.category, "glossary.wrong-rendering", .error,
                        "«\(hit.surface)» is rendered «\(miss.text)»; the glossary says «\(entry.target)»",
                        suggestion: "write «\(entry.target)»", document: document, segment: unit.index, side: .target,
                        range: miss.range))
                } else if workspace.settings.strictTerms, found.isEmpty, Self.isName(entry) {
                    findings.append(Finding(
                        Self.category, "glossary.missing-rendering", .warning,
                        "«\(hit.surface)» (\(entry.source)) is in the source, but its rendering «\(renderings.joined(separator: "» or «"))» is not in the translation",
                        suggestion: "use «\(entry.target)»", document: document, segment: unit.index, side: .source,
                        range: hit.characterRange))
                }
            }
        }
    }

    static func isName(_ entry: GlossaryEntry) -> Bool {
        switch entry.type {
        case .person, .place, .organisation, .agency: return true
        default: return false
        }
    }

    static func folded(_ text: String) -> [Unicode.Scalar] { Array(LatinFolding.fold(text).unicodeScalars) }

    /// Where `needle` occurs in `haystack` (both folded), as scalar offsets, at the start of a word; with `wholeWord`
    /// also ending one, otherwise followed by at most three more letters (Trump's, Koreans, Russian). An acronym
    /// also matches written with dots (FBI as F.B.I.).
    ///
    /// - Complexity: O(*n* · *m*) at worst, O(*n*) in practice (a first-letter filter).
    static func occurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], wholeWord: Bool) -> [Range<Int>] {
        guard let first = needle.first, needle.count <= haystack.count else { return [] }
        var result: [Range<Int>] = []
        var i = 0
        while i + needle.count <= haystack.count {
            guard haystack[i] == first, haystack[i..<i + needle.count].elementsEqual(needle) else {
                i += 1
                continue
            }
            let startsWord = i == 0 || !WordScanner.isLetter(haystack[i - 1])
            var tail = 0
            var j = i + needle.count
            while j < haystack.count, WordScanner.isLetter(haystack[j]) {
                tail += 1
                j += 1
            }
            if startsWord && (wholeWord ? tail == 0 : tail <= 3) {
                result.append(i..<i + needle.count)
                i += needle.count
            } else {
                i += 1
            }
        }
        if result.isEmpty, needle.count <= 6, needle.allSatisfy(WordScanner.isLetter) {
            let dotted = needle.flatMap { letter -> [Unicode.Scalar] in [letter, "."] }
            return occurrences(of: dotted, in: haystack, wholeWord: false)
        }
        return result
    }

    /// The span of the translation that is a misspelled rendering of `entry` or a transliteration of the
    /// Bulgarian, if there is one.
    static func nearMiss(of entry: GlossaryEntry, surface: String, in target: String, words: [Word]) -> Word? {
        let renderings = entry.targets.filter { !$0.isEmpty }.map { Array(LatinFolding.fold($0).unicodeScalars) }
        var transliterations: Set<[Unicode.Scalar]> = []
        for text in [surface, entry.source] {
            let romanized = LatinFolding.fold(Transliteration.bulgarian2009(text))
            transliterations.insert(Array(romanized.unicodeScalars))
            // Letter by letter, the way a hurried translator writes it: я is ya even at the end (Siriya).
            if text.hasSuffix("ия"), romanized.hasSuffix("ia") { transliterations.insert(Array(romanized.dropLast().unicodeScalars) + ["y", "a"]) }
        }
        let capitalized = entry.target.first?.isUppercase ?? false
        var best: (word: Word, score: Double)?
        func consider(_ reference: [Unicode.Scalar], misspelling: Bool) {
            let length = reference.split(separator: " ").count
            for n in max(1, length - 1)...(length + 1) where n <= words.count {
                for start in 0...(words.count - n) {
                    let first = words[start]
                    if capitalized, !(first.text.first?.isUppercase ?? false) { continue }
                    let last = words[start + n - 1]
                    let range = first.range.lowerBound..<last.range.upperBound
                    let span = target.scalars(range)
                    let folded = Array(LatinFolding.fold(span).unicodeScalars)
                    let score: Double
                    if misspelling {
                        guard let changed = Self.misspelling(folded, of: reference) else { continue }
                        score = 1 - Double(changed) / Double(reference.count)
                    } else {
                        guard abs(folded.count - reference.count) <= 2 else { continue }
                        score = EditDistance.similarity(folded, reference)
                        guard score >= transliterationSimilarity else { continue }
                    }
                    if score > (best?.score ?? 0) {
                        best = (Word(text: span, range: range, startsSentence: false), score)
                    }
                }
            }
        }
        for rendering in renderings where !rendering.isEmpty { consider(rendering, misspelling: true) }
        // Short transliterations are too often words of their own (Рим and the Rim of a canyon).
        for transliteration in transliterations where transliteration.count >= 5 && !renderings.contains(transliteration) {
            consider(transliteration, misspelling: false)
        }
        return best?.word
    }
}

extension GlossaryCompliance {
    /// How many letters `text` changed to be a misspelling of `reference`, or nil when it is not one: letters
    /// replaced (at most one, two in renderings of ten letters or more; the first letter kept in short ones), or one
    /// vowel of a vowel pair dropped (Court → Curt). Letters added or other letters dropped are not misspellings
    /// here (Davies, Korean, Kieran are other words).
    static func misspelling(_ text: [Unicode.Scalar], of reference: [Unicode.Scalar]) -> Int? {
        guard text != reference else { return nil }
        if text.count == reference.count {
            let changed = zip(text, reference).count { $0 != $1 }
            guard changed <= (reference.count >= 10 ? 2 : 1) else { return nil }
            guard text.first == reference.first || reference.count >= 5 else { return nil }
            return changed
        }
        guard text.count + 1 == reference.count else { return nil }
        let vowels = Set("aeiou".unicodeScalars)
        for i in reference.indices where vowels.contains(reference[i]) {
            let pair = (i > 0 && vowels.contains(reference[i - 1])) || (i + 1 < reference.count && vowels.contains(reference[i + 1]))
            guard pair else { continue }
            var shortened = reference
            shortened.remove(at: i)
            if shortened == text { return 1 }
        }
        return nil
    }
}
