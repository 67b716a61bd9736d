import Corpus
import Testing
@testable import Checks

/// Glossary compliance: terms found in any Bulgarian form, their renderings looked for in the English.
@Suite struct GlossaryComplianceTests {
    let settings: CheckSettings

    init() throws {
        settings = CheckSettings(terms: try terms(
            """
            Тръмп\tTrump\tperson\t\t
            Северна Корея\tNorth Korea\tplace\t\t
            Ройтерс\tReuters\tagency\t\t
            Върховен съд\tSupreme Court\torganisation\t\t
            Киев\tKyiv\tplace\t\tKiev
            Сирия\tSyria\tplace\t\t
            ФБР\tFBI\torganisation\t\t
            Рим\tRome\tplace\t\t
            """))
    }

    func check(_ pairs: [(String, String)], strict: Bool = false) -> [Finding] {
        var settings = settings
        settings.strictTerms = strict
        return findings(GlossaryCompliance(), bitext(pairs), settings: settings)
    }

    @Test func renderingsPresentInAnyForm() {
        let found = check([
            ("Тръмп говори.", "Trump's speech."),
            ("Решение на Върховния съд.", "A Supreme Court ruling."),
            ("Съобщи Ройтерс.", "Reuters reported."),
            ("Следствието на ФБР.", "The F.B.I. investigation."),
        ])
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test(arguments: [
        ("Тръмп говори.", "⟦Tramp⟧ spoke."),  // transliteration
        ("Делегацията на Северна Корея.", "The ⟦North Karea⟧ delegation."),  // one letter changed
        ("Решение на Върховния съд.", "A ⟦Supreme Curt⟧ ruling."),  // a vowel pair simplified
        ("Съобщи Ройтерс.", "⟦Royters⟧ reported."),
        ("Сирия е готова.", "⟦Siriya⟧ is ready."),  // letter by letter
    ])
    func wrongRenderings(_ pair: (String, String)) {
        let found = check([pair])
        #expect(found.map(\.rule) == ["glossary.wrong-rendering"])
        #expect(found.map(\.range) == Marked(pair.1).ranges)
    }

    @Test func oneOfTwoOccurrencesMisspelled() {
        let found = check([("Протестиращи срещу Тръмп осъдиха политиката на Тръмп.", "Anti-⟦Tramp⟧ protesters condemned Trump's policies.")])
        #expect(found.map(\.range) == Marked("Anti-⟦Tramp⟧ protesters condemned Trump's policies.").ranges)
    }

    @Test func otherNamesAndDerivationsAreNotMisspellings() {
        #expect(check([("Войната в Северна Корея.", "The North Korean war.")]).isEmpty)
        #expect(check([("Пътят за Рим.", "The road to the Rim.")]).isEmpty, "short transliterations are words of their own")
    }

    @Test func forbiddenVariant() {
        let found = check([("Войната в Киев.", "The war in ⟦Kiev⟧.")])
        #expect(found.map(\.rule) == ["glossary.forbidden"])
        #expect(found.map(\.range) == Marked("The war in ⟦Kiev⟧.").ranges)
    }

    @Test func missingRenderingOnlyWhenStrict() {
        let pair = ("Тръмп говори дълго.", "He spoke for a long time.")
        #expect(check([pair]).isEmpty)
        let strict = check([pair], strict: true)
        #expect(strict.map(\.rule) == ["glossary.missing-rendering"])
        #expect(strict.first?.location.side == "source")
    }
}
