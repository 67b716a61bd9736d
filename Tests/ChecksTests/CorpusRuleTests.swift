import Corpus
import Testing
@testable import Checks

/// Checks across documents: the same sentence translated two ways, names spelled two ways.
@Suite struct CorpusRuleTests {
    @Test func sameSourceTranslatedDifferently() {
        let a = bitext([("Той каза, че е готов.", "He said he was ready."), ("Друго.", "Other.")], id: "a")
        let b = bitext([("Нещо.", "Something."), ("той  каза, че е готов.", "He stated he was ready.")], id: "b")
        let c = bitext([("Той каза, че е готов.", "he said he was  READY.")], id: "c")
        let found = report(InconsistentTranslation(), [a, b, c]).findings
        #expect(found.map { "\($0.location.document!):\($0.segment!)" } == ["a:0", "b:1", "c:0"])
        #expect(found.allSatisfy { $0.rule == "inconsistent-translation.same-source" })
        #expect(found[1].suggestion == "use the translation used 2 times")
    }

    @Test func differentSourcesSharingATranslation() {
        let a = bitext([("Той каза да.", "He said yes.")], id: "a")
        let b = bitext([("Тя рече да.", "He said yes.")], id: "b")
        let found = report(InconsistentTranslation(), [a, b]).findings
        #expect(found.map(\.rule) == ["inconsistent-translation.same-target", "inconsistent-translation.same-target"])
    }

    @Test func nameVariantInABitextIsGroupedByItsEnglish() throws {
        let usual = (0..<3).map { bitext([("Тръмп говори днес.", "Trump spoke today."), ("Президентът Доналд Тръмп отпътува.", "President Donald Trump left.")], id: "usual\($0)") }
        let odd = bitext([("Трамп отговори.", "Trump answered."), ("Според Трампа всичко е наред.", "According to Trump all is well.")], id: "odd")
        let result = report(NameVariants(), usual + [odd])
        #expect(result.findings.map { "\($0.location.document!):\($0.segment!)" } == ["odd:0", "odd:1"])
        #expect(result.findings.allSatisfy { $0.category == "name-variant" && $0.location.side == "source" })
        #expect(result.findings[1].suggestion == "write «Тръмпа»", "the inflection is kept")
        let group = try #require(result.nameGroups.first)
        #expect(group.preferred == "Тръмп" && group.reason == "dominant" && group.english == "Trump")
        #expect(group.spellings.map(\.text) == ["Тръмп", "Трамп"])
        #expect(group.spellings.map(\.count) == [6, 2])
        #expect(group.spellings[1].forms == ["Трамп", "Трампа"])
    }

    @Test func realVariantsThroughTheTranslation() {
        let a = bitext([("Сара Пейлин пристигна.", "Sarah Palin arrived.")], id: "a")
        let b = bitext([("Сара Палин говори.", "Sarah Palin spoke."), ("Палин се усмихна.", "Palin smiled.")], id: "b")
        let result = report(NameVariants(), [a, b])
        #expect(result.nameGroups.map(\.preferred) == ["Палин"])
        #expect(result.findings.map(\.location.document) == ["a"])
    }

    @Test func differentPeopleAreNotVariants() {
        // Same English first name, different surnames next to them; different English words.
        let a = bitext([("Питър Мартин заяви.", "Peter Martin said."), ("Питър Мартин добави.", "Peter Martin added.")], id: "a")
        let b = bitext([("Ханс-Петер Бартелс отговори.", "Hans-Peter Bartels replied.")], id: "b")
        let c = bitext([("Рей дойде.", "Ray came.")], id: "c")
        let d = bitext([("Рой дойде.", "Roy came.")], id: "d")
        #expect(report(NameVariants(), [a, b, c, d]).findings.isEmpty)
    }

    @Test func monolingualCorpusNeedsStrongerEvidence() {
        let many = (0..<3).map { corpus([["Министър Мартинес говори с Калифорния днес."]], id: "m\($0)") }
        let one = corpus([["Губернаторът на Калифорнья каза друго."]], id: "x")
        let result = report(NameVariants(), many + [one])
        #expect(result.findings.map(\.location.document) == ["x"])
        #expect(result.nameGroups.first?.preferred == "Калифорния")
        // One occurrence each: nothing to go by.
        #expect(report(NameVariants(), [corpus([["Пейлин дойде."]], id: "a"), corpus([["Палин дойде."]], id: "b")]).findings.isEmpty)
    }

    @Test func glossarySpellingIsPreferredAndNearMissesFound() throws {
        let settings = CheckSettings(terms: try terms(
            """
            Кавано\tKavanaugh\tperson\tКаванау\t
            Чуюк\tChuuk\tplace\t\t
            Сен Мартен\tSt. Martin\tplace\t\t
            """))
        let a = bitext([("Брет Каванау отговори.", "Brett Kavanaugh replied."), ("Каванау се усмихна.", "Kavanaugh smiled.")], id: "a")
        let b = bitext([("Островът Чуук пострада.", "The island of Chuuk was hit."), ("Питър Мартин каза.", "Peter Martin said.")], id: "b")
        let result = report(NameVariants(), [a, b], settings: settings)
        #expect(result.findings.map { "\($0.location.document!):\($0.segment!):\($0.rule)" } == [
            "a:0:name-variant.glossary-near-miss", "a:1:name-variant.glossary-near-miss", "b:0:name-variant.glossary-near-miss",
        ])
        #expect(result.findings[0].message.contains("listed there as a variant"))
        #expect(result.findings[0].suggestion == "write «Кавано»")
        #expect(result.nameGroups.map(\.preferred) == ["Кавано", "Чуюк"])
        #expect(result.nameGroups.allSatisfy { $0.reason == "glossary" })
    }
}
