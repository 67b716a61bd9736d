import Corpus

/// `script-in-target`: Cyrillic words left inside an English translation.
///
/// Targets that are Bulgarian as a whole are ``Untranslated``'s; words mixing Cyrillic and Latin letters are
/// ``MixedScript``'s (a look-alike letter), so this rule reports words written wholly in Cyrillic.
public struct ScriptInTarget: DocumentRule {
    public static let category = CheckCategory.scriptInTarget
    public init() {}

    public func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding]) {
        let untranslated = workspace.untranslated(document)
        for unit in document.units {
            guard let target = unit.target, target.unicodeScalars.contains(where: { (0x400...0x52F).contains($0.value) }),
                untranslated[unit.index] == nil
            else { continue }
            var cyrillicWords: [Word] = []
            for word in WordScanner.words(in: target) {
                var cyrillic = 0
                var other = 0
                for scalar in word.text.unicodeScalars where WordScanner.isLetter(scalar) {
                    if LetterScript(scalar) == .cyrillic { cyrillic += 1 } else { other += 1 }
                }
                if cyrillic > 0 && other == 0 { cyrillicWords.append(word) }
            }
            for word in cyrillicWords {
                findings.append(Finding(
                    Self.category, "script-in-target.cyrillic-word", .error,
                    "Cyrillic word «\(word.text)» left in the English translation",
                    suggestion: "translate «\(word.text)»", document: document, segment: unit.index, side: .target,
                    range: word.range))
            }
        }
    }
}
