import Corpus
import Testing
@testable import Checks

/// Checks of the Bulgarian source: scripts, invisible characters, spaces, pairs of quotes and brackets.
@Suite struct SourceRuleTests {
    @Test(arguments: [
        "Джилс ⟦добaвя⟧, че жертвата е понесла наранявания.",  // Latin a
        "„Не съм ⟦отcтъпил⟧ нищо“.",  // Latin c
        "⟦Изoбретателят⟧ на мрежата каза още нещо.",  // Latin o, capitalized word
        "Тя ⟦e⟧ тук от вчера.",  // a lone Latin e for the word е
        "Самолетът на Air ⟦Niugіni⟧ кацна.",  // Cyrillic і inside a Latin name: the reverse
    ])
    func lookalikes(_ sentence: String) {
        let marked = Marked(sentence)
        let found = findings(MixedScript(), corpus([[sentence]]))
        #expect(found.map(\.range) == marked.ranges)
        #expect(found.allSatisfy { $0.rule == "mixed-script.lookalike" && $0.severity == .error })
    }

    @Test func suggestionRestoresTheWord() throws {
        let found = findings(MixedScript(), corpus([["Джилс добaвя, че е така."]]))
        let finding = try #require(found.first)
        #expect(finding.suggestion == "write «добавя»")
        #expect(finding.message.contains("U+0061 LATIN SMALL LETTER A"))
    }

    @Test(arguments: [
        "Фрегатите от клас Baden-Wuerttemberg и CNN-ските репортажи.",
        "Витамин C, план B, клас A и формула 1 не са грешки.",
        "Проектът COVID-19 и iPhone-ът са на латиница.",
        "XXI век, Ел Ей и Ню Йорк.",
    ])
    func latinWordsAreNotMixed(_ sentence: String) {
        #expect(findings(MixedScript(), corpus([[sentence]])).isEmpty)
    }

    @Test func targetLookalikeIsReportedOnTheTarget() {
        let found = findings(MixedScript(), bitext([("Тръмп говори.", "⟦Тrump⟧ spoke.")]))
        #expect(found.map(\.range) == Marked("⟦Тrump⟧ spoke.").ranges)
        #expect(found.first?.location.side == "target")
    }

    @Test func invisibleCharacters() {
        let text = "Пре⟦\u{00AD}⟧зидентът и⟦\u{200B}⟧ Ким⟦\u{FEFF}⟧."
        let found = findings(InvisibleCharacters(), corpus([[text]]))
        #expect(found.map(\.range) == Marked(text).ranges)
        #expect(found.first?.suggestion == "remove the soft hyphen")
        #expect(findings(InvisibleCharacters(), corpus([["10\u{00A0}000 души."]])).isEmpty, "a no-break space is visible spacing")
    }

    @Test func doubleSpaces() {
        let found = findings(DoubleSpaces(), bitext([("Две⟦  ⟧думи.", "Two words⟦ ⟧, here.")]))
        #expect(found.map(\.rule) == ["whitespace.double-space", "whitespace.space-before-punctuation"])
        #expect(found[0].range == Marked("Две⟦  ⟧думи.").ranges[0])
    }

    @Test func quotationsOverSeveralSentencesOfAParagraph() {
        let document = corpus([
            ["„Първо изречение.", "Второ изречение“, каза той."],
            ["„Цитатът продължава в нов абзац.", "И свършва тук“."],
            ["Скоби (отворени", "и затворени) са наред; а) б) са списък."],
        ])
        #expect(findings(UnbalancedPairs(), document).isEmpty)
    }

    @Test func unbalancedInACorpus() {
        let document = corpus([
            ["Тук няма отваряне⟦“⟧.", "Друго изречение."],
            ["Скоба ⟦(⟧без край.", "Той каза ⟦„⟧нещо."],
            ["И статията свършва."],
        ])
        let found = findings(UnbalancedPairs(), document)
        #expect(found.map(\.segment) == [0, 2, 3])
        #expect(found.map(\.range) == [Marked("Тук няма отваряне⟦“⟧.").ranges[0], Marked("Скоба ⟦(⟧без край.").ranges[0], Marked("Той каза ⟦„⟧нещо.").ranges[0]])
    }

    @Test func quotationsOverSeveralLinesOfACorpus() {
        // NTREX-style files: one sentence per line, a quotation over three lines.
        #expect(findings(UnbalancedPairs(), corpus([["„Първо."], ["Второ."], ["Трето“, каза той."]])).isEmpty)
    }

    @Test func nestedQuotationsClosingTogether() {
        // Bulgarian writes one closing mark where an inner and an outer quotation end together.
        #expect(findings(UnbalancedPairs(), corpus([["„Не можех да му кажа „няма да бъдеш до мен“, разказа той."]])).isEmpty)
    }
}
