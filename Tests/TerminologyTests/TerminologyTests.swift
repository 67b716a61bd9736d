import Corpus
import Foundation
import Testing
import TestSupport
@testable import Terminology

@Suite struct GlossaryFormatTests {
    @Test func readsPrevodTSV() throws {
        let g = try glossary(
            "Пекин\tBeijing|Peking\tplace\t\t\t\t\n# a comment\n\nТАСС\tTASS\tagency\t\t\t\texact",
            header: "bg\ten\ttype\tpos\tgender\tforms\tcase")
        #expect(g.entries.count == 2)
        #expect(g.entries[0].targets == ["Beijing", "Peking"])
        #expect(g.entries[0].type == .place)
        #expect(g.entries[0].id == "beijing")
        #expect(g.entries[1].caseSensitive)
        #expect(g.entries[1].location?.line == 5)
    }

    @Test func badRowsGiveFileAndLine() throws {
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("bad.tsv").path
        try "bg\ten\nПекин\tBeijing\nМосква\tMoscow\textra\tmore\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try Glossary.load([path])
        } throws: { error in
            "\(error)".hasPrefix("\(path):3:1: error: expected at most 2 tab-separated fields")
        }
        try "bg\ten\nПекин\t\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try Glossary.load([path])
        } throws: { error in
            "\(error)".hasPrefix("\(path):2:1: error: the English rendering") 
        }
    }

    @Test(.enabled(if: TestPaths.sharedAvailable, "needs ../shared (reference data; present in CI)"))
    func importsTheResearchFiles() throws {
        let terminology = TestPaths.shared.appendingPathComponent("data/terminology")
        let seed = try Glossary.load([terminology.appendingPathComponent("seed-glossary.tsv").path])
        #expect(seed.entries.count == 39)
        let kremlin = try #require(seed.entries.first { $0.source == "Кремъл" })
        #expect(kremlin.target == "the Kremlin")
        #expect(kremlin.forms == ["Кремъл"])
        let ntrex = try Glossary.load([terminology.appendingPathComponent("ntrex-glossary-dev.tsv").path])
        #expect(ntrex.entries.count == 172)
        let senate = try #require(ntrex.entries.first { $0.source == "Сенат" })
        #expect(senate.forms == ["Сената", "Сенат"])
        #expect(ntrex.entries.first { $0.source == "САЩ" }?.targets == ["U.S.", "US", "United States", "USA"])
    }
}

@Suite struct TransliterationTests {
    @Test func streamlinedSystem() {
        #expect(Transliteration.bulgarian2009("Щерьо Юлия България") == "Shteryo Yulia Bulgaria")
        #expect(Transliteration.bulgarian2009("КЦТА и ТАСС") == "KTSTA i TASS")
        #expect(Transliteration.bulgarian2009("Ж ж, ЖЕЛЮ, Желю") == "Zh zh, ZHELYU, Zhelyu")
    }

    @Test(.enabled(if: TestPaths.sharedAvailable, "needs ../shared (reference data; present in CI)"))
    func allNamesOfTheActTable() throws {
        let table = try String(contentsOf: TestPaths.shared.appendingPathComponent("data/terminology/translit-2009.tsv"), encoding: .utf8)
        var checked = 0
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t").map(String.init)
            #expect(Transliteration.bulgarian2009(fields[0]) == fields[2], "\(fields[0])")
            checked += 1
        }
        #expect(checked == 51)
    }
}

@Suite struct InflectorTests {
    let inflector = BulgarianInflector()

    @Test func nouns() {
        let forms = Set(inflector.forms(of: "президент", partOfSpeech: "NOUN", gender: "Masc"))
        #expect(forms.isSuperset(of: ["президент", "президента", "президентът", "президенти", "президентите"]))
        #expect(Set(inflector.forms(of: "агенция", partOfSpeech: "NOUN", gender: "Fem")).isSuperset(of: ["агенцията", "агенции", "агенциите"]))
        #expect(Set(inflector.forms(of: "споразумение", partOfSpeech: "NOUN", gender: "Neut")).isSuperset(of: ["споразумението", "споразумения", "споразуменията"]))
        #expect(Set(inflector.forms(of: "неонацизъм", partOfSpeech: "NOUN", gender: "Masc")).isSuperset(of: ["неонацизма", "неонацизмът"]))
    }

    @Test func adjectives() {
        #expect(Set(inflector.forms(of: "военен", partOfSpeech: "ADJ", gender: nil)).isSuperset(of: ["военния", "военният", "военна", "военната", "военно", "военни", "военните"]))
        #expect(Set(inflector.forms(of: "руски", partOfSpeech: "ADJ", gender: nil)).isSuperset(of: ["руския", "руският", "руска", "руската", "руско", "руските"]))
    }

    @Test func phrases() {
        #expect(inflector.forms(of: "Курска област", partOfSpeech: "PROPN", gender: "Fem").contains("Курската област"))
        #expect(inflector.forms(of: "военен парад", partOfSpeech: nil, gender: nil).contains("военния парад"))
        #expect(inflector.forms(of: "чуждестранен лидер", partOfSpeech: nil, gender: nil).contains("чуждестранни лидери"))
        #expect(inflector.forms(of: "споразумение за партньорство", partOfSpeech: nil, gender: nil).contains("споразумението за партньорство"))
        #expect(inflector.forms(of: "ТАСС", partOfSpeech: "PROPN", gender: nil) == ["ТАСС"])
    }
}
