import Corpus
import Foundation
import Segmentation
import Testing
import TestSupport
@testable import Terminology

/// Lint cases written as a glossary whose last column names the findings expected on that row (inline markers):
/// the test fails on a missing finding and on an unexpected one.
@Suite struct LintTests {
    static let cases = """
        bg\ten\ttype\tpos\tgender\tforms\tcase\texpect
        Пекин\tBeijing\tplace\t\t\t\t\t
        Пекин\tPeking\tplace\t\t\t\t\tlint.conflicting-renderings
        Москва\tMoscow\tplace\t\t\t\t\t
        Москва\tMoscow\tplace\t\t\t\t\tlint.duplicate-entry
        Роза\tRosa\tperson\t\t\t\t\t
        роза\trose\tterm\t\t\t\t\t
        Пeкин\tBeijing\tplace\t\t\t\t\tlint.mixed-script
        Варна\tVarna\tplaec\t\t\t\t\tlint.unknown-type
        Бял дом\tWhite House\torganisation\t\t\t\t\t
        Белия дом\tthe White House\torganisation\t\t\t\t\tlint.shadowed-entry
        Киев\tKyiv||Kiev\tplace\t\t\t\t\tlint.empty-field
        ТАСС\tTASS\tagency\t\t\t\tmaybe\tformat.bad-value
        София\t\tplace\t\t\t\t\tformat.empty-target
        \tEmpty\tplace\t\t\t\t\tformat.empty-source
        Бургас\tBurgas\tplace\tNOUNS\t\t\t\tformat.bad-value
        Русе\tRuse\tplace\t\tMale\t\t\tformat.bad-value
        Видин\tVidin\tplace\t\t\t\t\t\textra\tformat.fields
        Плевен\tПлевен\tplace\t\t\t\t\tlint.cyrillic-rendering
        Ловеч\tLovech  town\tplace\t\t\t\t\tlint.whitespace
        """

    @Test func everyRowGivesExactlyTheMarkedFindings() throws {
        let path = try temporaryFile("cases.tsv", Self.cases)
        let findings = GlossaryLint.lint([path])
        var expected: [Int: Set<String>] = [:]
        for (offset, line) in Self.cases.split(separator: "\n").enumerated() where offset > 0 {
            let marker = line.split(separator: "\t", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            if !marker.isEmpty { expected[offset + 1, default: []].insert(marker) }
        }
        var found: [Int: Set<String>] = [:]
        for finding in findings where finding.severity != .info && finding.rule != "lint.extra-column" {
            found[finding.location.source?.line ?? 0, default: []].insert(finding.rule)
        }
        #expect(found == expected)
        #expect(findings.allSatisfy { $0.location.source?.file == path && $0.category == "lint" })
        let text = findings.map(\.description)
        #expect(text.contains { $0.hasPrefix("\(path):3:1: error: \"Пекин\" is rendered \"Peking\" here but \"Beijing\" at \(path):2:1") })
    }

    @Test func conflictsAcrossFilesAreWarningsAndDuplicatesNotes() throws {
        let a = try temporaryFile("a.tsv", "bg\ten\nМосква\tMoscow\nКиев\tKyiv\n")
        let b = try temporaryFile("b.tsv", "bg\ten\nМосква\tMoscow\nКиев\tKiev\n")
        let findings = GlossaryLint.lint([a, b])
        #expect(findings.map(\.severity) == [.info, .warning])
        #expect(findings.map(\.rule) == ["lint.duplicate-entry", "lint.conflicting-renderings"])
    }

    @Test func draftsAreReported() throws {
        let path = try temporaryFile("d.tsv", "bg\ten\tsource\nДяоюйтай\tDyaoyuytay\tprevod glossary suggest (draft)\n")
        #expect(GlossaryLint.lint([path]).map(\.rule) == ["lint.draft"])
    }
}

@Suite struct SuggestionTests {
    static func sample() throws -> Article {
        let path = TestPaths.corpora.appendingPathComponent("bta/2025-09-03-putin-kim.txt").path
        return try #require(try CorpusReader().readAll([path]).first)
    }

    @Test func namesTheGlossaryLacksGroupedWithDrafts() throws {
        let glossary = try glossary("Путин\tPutin\tperson")
        let suggester = try TermSuggester(index: TermIndex(glossary))
        suggester.add(try Segmenter.bulgarian().segment(try Self.sample()))
        let suggestions = suggester.suggestions()
        let names = suggestions.map(\.lemma)
        #expect(!names.contains("Путин"), "covered by the glossary")
        #expect(names.contains("Ким Чен-ун"))
        #expect(names.contains("КЦТА"))
        #expect(!names.contains("Той") && !names.contains("Срещата") && !names.contains("Лидерите"), "sentence-initial words")
        let kim = try #require(suggestions.first { $0.lemma == "Ким" })
        #expect(kim.count == 6)
        #expect(kim.draft == "Kim")
        let russianMediated = try #require(suggestions.first { $0.lemma == "Ким Чен-ун" })
        #expect(russianMediated.draft == "Kim Chen-un")
        #expect(russianMediated.entry.note?.hasPrefix("draft:") == true)
        #expect(russianMediated.example.contains("Ким Чен-ун"))
        let telegram = try #require(suggestions.first { $0.lemma == "Телеграм" }, "a name in quotes")
        #expect(telegram.count == 1)
    }

    @Test func formsAreGroupedUnderTheBase() throws {
        let suggester = try TermSuggester(index: TermIndex(Glossary()))
        suggester.add("Решението на Сената дойде бързо.", document: "d", segment: 0)
        suggester.add("Говорителят на Сената и Сенатът мълчат.", document: "d", segment: 1)
        suggester.add("В Сенат влизат двама.", document: "e", segment: 0)
        let senate = try #require(suggester.suggestions().first)
        #expect(senate.lemma == "Сенат")
        #expect(senate.count == 4)
        #expect(senate.documents == 2)
        #expect(senate.forms.map(\.form) == ["Сената", "Сенат", "Сенатът"])
    }

    @Test func nothingLeftWithTheCuratedGlossaries() throws {
        let suggester = try TermSuggester(index: TermIndex(SampleArticleTests.curatedGlossary()))
        suggester.add(try Segmenter.bulgarian().segment(try Self.sample()))
        #expect(suggester.suggestions().map(\.lemma) == [])
    }
}

@Suite struct CLDRTests {
    @Test func countriesAndCitiesFromICU() throws {
        let glossary = try CLDRGlossary.build()
        #expect(glossary.entries.count > 400)
        let bySource = Dictionary(glossary.entries.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(bySource.count == glossary.entries.count, "no Bulgarian name twice")
        #expect(bySource["Северна Корея"]?.target == "North Korea")
        #expect(bySource["Пхенян"]?.target == "Pyongyang")
        #expect(bySource["България"]?.target == "Bulgaria")
        #expect(bySource["Пхенян"]?.origin?.contains("Asia/Pyongyang") == true)
        #expect(glossary.entries.allSatisfy { $0.type == .place && CLDRGlossary.isBulgarian($0.source) })
        #expect(GlossaryLint.check(glossary).filter { $0.severity == .error }.isEmpty)
    }

    @Test func shippedStarterMatchesThisICU() throws {
        let shipped = try Glossary.load([TestPaths.glossaries.appendingPathComponent("cldr-bg-en.tsv").path])
        let built = try CLDRGlossary.build()
        #expect(shipped.entries.map(\.source) == built.entries.map(\.source), "regenerate Glossaries/cldr-bg-en.tsv with `prevod glossary cldr`")
    }
}
