import Corpus

/// `mixed-script`: a word whose letters come from two scripts — a Latin `a` typed inside the Cyrillic `добавя`, a
/// Cyrillic `о` inside the Latin `Bоston` — and a lone Latin letter standing for a Bulgarian one-letter word
/// (`и`, `е`, `а`, `с`, `о`, `у`, `в`) between Cyrillic words.
///
/// A word's script is the script of most of its letters (ties: Cyrillic in the source, Latin in the target). Letters
/// of another script that look like a letter of the word's script (ICU confusables) are errors with the corrected
/// word as suggestion; other mixtures are warnings. Words joined by a hyphen (`CNN-ските`) are separate words.
public struct MixedScript: DocumentRule {
    public static let category = CheckCategory.mixedScript
    public init() {}

    public func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding]) {
        let untranslated = workspace.untranslated(document)
        for unit in document.units {
            check(unit.source, side: .source, unit: unit, document: document, into: &findings)
            if let target = unit.target, untranslated[unit.index] == nil {
                check(target, side: .target, unit: unit, document: document, into: &findings)
            }
        }
    }

    func check(_ text: String, side: Side, unit: CheckUnit, document: CheckDocument, into findings: inout [Finding]) {
        // Most texts are in one script (or mix only Latin and Cyrillic words, never inside a word): look closer only
        // when a letter of one script touches a letter of another.
        guard Self.mayMix(text) else { return }
        let confusables = Confusables.shared
        let words = WordScanner.words(in: text)
        for (n, word) in words.enumerated() {
            let letters = word.text.unicodeScalars.filter(WordScanner.isLetter)
            var counts: [LetterScript: Int] = [:]
            for letter in letters { counts[LetterScript(letter), default: 0] += 1 }
            if counts.count == 1 {
                if side == .source, letters.count == 1, counts[.latin] != nil,
                    let finding = loneLatinLetter(word, at: n, in: words, text: text, unit: unit, document: document)
                {
                    findings.append(finding)
                }
                continue
            }
            let preferred: LetterScript = side == .source ? .cyrillic : .latin
            let base = counts.max { a, b in
                a.value != b.value ? a.value < b.value : (b.key == preferred)
            }!.key
            var corrected = String.UnicodeScalarView()
            var foreign: [Unicode.Scalar] = []
            var allLookalikes = true
            for scalar in word.text.unicodeScalars {
                guard WordScanner.isLetter(scalar), LetterScript(scalar) != base else {
                    corrected.append(scalar)
                    continue
                }
                foreign.append(scalar)
                if let replacement = confusables.lookalike(of: scalar, in: base) {
                    corrected.append(replacement)
                } else {
                    allLookalikes = false
                    corrected.append(scalar)
                }
            }
            let foreignScript = LetterScript(foreign[0]).name
            let described = foreign.map { "«\(Character($0))» (\($0.codePointDescription))" }.joined(separator: ", ")
            if allLookalikes {
                findings.append(Finding(
                    Self.category, "mixed-script.lookalike", .error,
                    "«\(word.text)» mixes scripts: \(foreignScript) \(described) among \(base.name) letters",
                    suggestion: "write «\(String(corrected))»", document: document, segment: unit.index, side: side,
                    range: word.range))
            } else {
                findings.append(Finding(
                    Self.category, "mixed-script.mixed-word", .warning,
                    "«\(word.text)» mixes \(base.name) and \(foreignScript) letters (\(described))",
                    suggestion: "write the word in one script", document: document, segment: unit.index, side: side,
                    range: word.range))
            }
        }
    }

    /// Whether `text` has letters of two scripts next to each other, or a lone Latin letter between spaces.
    static func mayMix(_ text: String) -> Bool {
        var previous: LetterScript?
        var previousScalar: Unicode.Scalar = " "
        var beforePrevious: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            let script: LetterScript? = WordScanner.isLetter(scalar) ? LetterScript(scalar) : nil
            if let script, let previous, script != previous { return true }
            if script == nil, previous == .latin, !WordScanner.isLetter(beforePrevious), scalar == " " || scalar == "\u{00A0}" {
                return true  // "e " after a non-letter: a one-letter Latin word
            }
            beforePrevious = previousScalar
            previousScalar = scalar
            previous = script
        }
        return previous == .latin && !WordScanner.isLetter(beforePrevious)
    }

    /// Bulgarian one-letter words and the Latin letters that look like them.
    static let oneLetterWords: Set<Unicode.Scalar> = ["а", "в", "е", "и", "к", "о", "с", "у", "я", "А", "В", "Е", "И", "К", "О", "С", "У", "Я"]

    /// A Latin letter standing alone between Cyrillic words where Bulgarian has a one-letter word that looks the
    /// same ("Тя e тук" with a Latin `e`). Capital letters inside a sentence are labels ("клас A", "план B") and pass.
    func loneLatinLetter(
        _ word: Word, at n: Int, in words: [Word], text: String, unit: CheckUnit, document: CheckDocument
    ) -> Finding? {
        let letter = word.text.unicodeScalars.first!
        guard let cyrillic = Confusables.shared.lookalike(of: letter, in: .cyrillic), Self.oneLetterWords.contains(cyrillic)
        else { return nil }
        let isCapital = letter.properties.isUppercase
        if isCapital && !word.startsSentence { return nil }
        func isCyrillicWord(_ i: Int) -> Bool {
            guard words.indices.contains(i) else { return false }
            return words[i].text.unicodeScalars.allSatisfy { !WordScanner.isLetter($0) || LetterScript($0) == .cyrillic }
        }
        // Only spaces between the letter and its Cyrillic neighbours.
        func spacesOnly(_ range: Range<Int>) -> Bool {
            range.isEmpty || text.scalars(range).unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{00A0}" }
        }
        let after = isCyrillicWord(n + 1) && spacesOnly(word.range.upperBound..<words[n + 1].range.lowerBound)
        let before = isCyrillicWord(n - 1) && spacesOnly(words[n - 1].range.upperBound..<word.range.lowerBound)
        guard after && (before || word.startsSentence) else { return nil }
        return Finding(
            Self.category, "mixed-script.lookalike", .error,
            "Latin «\(word.text)» (\(letter.codePointDescription)) stands for the Bulgarian word «\(Character(cyrillic))»",
            suggestion: "write the Cyrillic «\(Character(cyrillic))»", document: document, segment: unit.index,
            side: .source, range: word.range)
    }
}
