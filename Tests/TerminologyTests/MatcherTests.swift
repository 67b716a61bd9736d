import Foundation
import Testing
import TestSupport
@testable import Terminology

/// A glossary written inline in prevod's TSV format.
func glossary(_ rows: String, header: String = "bg\ten\ttype\tpos\tgender\tforms\tcase") throws -> Glossary {
    let directory = try TestPaths.temporaryDirectory()
    let path = directory.appendingPathComponent("g.tsv").path
    try (header + "\n" + rows + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return try Glossary.load([path])
}

/// The text with every hit bracketed: "[Курската област] ..." — expected outputs read like the text itself.
func marked(_ text: String, _ matcher: TermMatcher) -> String {
    var out = ""
    let bytes = Array(text.utf8)
    var position = 0
    for hit in matcher.hits(in: text) {
        out += String(decoding: bytes[position..<hit.range.lowerBound], as: UTF8.self)
        out += "[" + String(decoding: bytes[hit.range], as: UTF8.self) + "]"
        position = hit.range.upperBound
    }
    return out + String(decoding: bytes[position...], as: UTF8.self)
}

@Suite struct MatcherTests {
    let matcher: TermMatcher

    init() throws {
        let g = try glossary(
            """
            Владимир Путин\tVladimir Putin\tperson
            Путин\tPutin\tperson
            Ким Чен-ун\tKim Jong Un\tperson
            Ким\tKim\tperson
            Курска област\tKursk region\tplace\t\tFem
            руски\tRussian\tadjective\tADJ
            севернокорейски\tNorth Korean\tadjective\tADJ
            руски президент\tRussian President\tterm
            въоръжени сили\tarmed forces\tterm
            ТАСС\tTASS\tagency
            Кремъл\tthe Kremlin\torganisation
            Роза\tRosa\tperson
            80-а годишнина\t80th anniversary\tterm
            неонацизъм\tneo-Nazism\tterm
            """)
        matcher = try TermMatcher(index: TermIndex(g))
    }

    @Test func longestMatchWins() {
        #expect(marked("Владимир Путин и Ким Чен-ун, после Путин и Ким.", matcher)
            == "[Владимир Путин] и [Ким Чен-ун], после [Путин] и [Ким].")
    }

    @Test func tokenBoundaries() {
        #expect(marked("Кимберли и Путинов не са термини.", matcher) == "Кимберли и Путинов не са термини.")
        #expect(marked("руско-китайските отношения", matcher) == "руско-китайските отношения")
        #expect(marked("срещата Путин-Ким", matcher) == "срещата [Путин]-[Ким]")
    }

    @Test func inflectedFormsAndSentenceInitialCapital() {
        #expect(marked("Руският президент посети руската Курска област.", matcher)
            == "[Руският президент] посети [руската] [Курска област].")
        #expect(marked("в Курската област, севернокорейският лидер", matcher)
            == "в [Курската област], [севернокорейският] лидер")
        #expect(marked("по случай 80-ата годишнина от борбата с неонацизма", matcher)
            == "по случай [80-ата годишнина] от борбата с [неонацизма]")
        #expect(marked("публикация на Кремъл, според Кремъла", matcher) == "публикация на [Кремъл], според [Кремъла]")
    }

    @Test func cliticInsideATerm() {
        #expect(marked("жертвите, които понесоха въоръжените ви сили", matcher)
            == "жертвите, които понесоха [въоръжените ви сили]")
    }

    @Test func caseRules() {
        #expect(marked("съобщи ТАСС, а не тасс", matcher) == "съобщи [ТАСС], а не тасс")
        #expect(marked("Роза подари роза", matcher) == "[Роза] подари роза")
        #expect(marked("РУСКИЯТ ПРЕЗИДЕНТ", matcher) == "[РУСКИЯТ ПРЕЗИДЕНТ]")
    }

    @Test func offsetsAreUTF8AndScalars() throws {
        let text = "😀 Путин"
        let hit = try #require(matcher.hits(in: text).first)
        #expect(hit.range == 5..<15)
        #expect(hit.characterRange == 2..<7)
        #expect(hit.surface == "Путин")
        #expect(matcher.index.glossary.entries[hit.entryIndex].target == "Putin")
    }

    @Test func normalizationOfTheText() {
        // Decomposed й (и + U+0306), a soft hyphen inside the word, a no-break space between the words.
        #expect(matcher.hits(in: "Ки\u{AD}м Чен-ун").map(\.surface) == ["Ки\u{AD}м Чен-ун"])
        #expect(matcher.hits(in: "Владимир\u{A0}Путин").count == 1)
        #expect(matcher.hits(in: "Курска\u{A0}област").count == 1)
    }
}
