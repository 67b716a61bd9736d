import Corpus
import Foundation
import Testing
import TestSupport
@testable import Terminology

/// The inflector scored by the official scorer on the BTB treebank forms (acceptance: token recall ≥ 0.99 with at
/// most 8 forms per lemma on average).
@Suite struct InflectionScoreTests {
    static var scorer: URL { TestPaths.shared.appendingPathComponent("data/terminology/score-forms.py") }
    static var gold: URL { TestPaths.shared.appendingPathComponent("data/terminology/btb-forms-dev.tsv") }

    static func python(_ arguments: [String]) throws -> String {
        try runTool("/usr/bin/env", ["python3"] + arguments).output
    }

    @Test(.enabled(if: TestPaths.sharedAvailable, "needs ../shared (reference data; present in CI)"))
    func btbTokenRecall() throws {
        let lemmas = try Self.python([Self.scorer.path, Self.gold.path, "--lemmas"])
        let inflector = BulgarianInflector()
        var jsonl = ""
        for line in lemmas.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let gender = fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil
            let forms = inflector.forms(of: fields[0], partOfSpeech: fields[1], gender: gender)
            jsonl += JSONValue.object([
                ("lemma", .string(fields[0])), ("upos", .string(fields[1])), ("gender", .string(gender ?? "")),
                ("forms", .array(forms.map { .string($0) })),
            ]).serialized() + "\n"
        }
        let predictions = try temporaryFile("pred.jsonl", jsonl)
        let report = try Self.python([Self.scorer.path, Self.gold.path, predictions, "--json"])
        let scores = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: [String: Double]])
        let all = try #require(scores["ALL"])
        #expect(all["lemmas_without_prediction"] == 0)
        #expect(try #require(all["token_recall"]) >= 0.99)
        #expect(try #require(all["forms_per_lemma"]) <= 8)
    }

    /// Forms a grammar gives, checked one by one (independent of the treebank).
    @Test func grammarCases() {
        let inflector = BulgarianInflector()
        let cases: [(String, String, String?, [String])] = [
            ("министър", "NOUN", "Masc", ["министъра", "министърът", "министри", "министрите"]),
            ("учител", "NOUN", "Masc", ["учителя", "учителят", "учители", "учителите"]),
            ("град", "NOUN", "Masc", ["града", "градът", "градове", "градовете"]),
            ("бряг", "NOUN", "Masc", ["брега", "брегът", "брегове"]),
            ("ученик", "NOUN", "Masc", ["ученици", "учениците"]),
            ("американец", "NOUN", "Masc", ["американци", "американците", "американецът"]),
            ("музей", "NOUN", "Masc", ["музея", "музеят", "музеи"]),
            ("българин", "NOUN", "Masc", ["българи", "българите", "българинът"]),
            ("промяна", "NOUN", "Fem", ["промяната", "промени", "промените"]),
            ("област", "NOUN", "Fem", ["областта", "области", "областите"]),
            ("песен", "NOUN", "Fem", ["песента", "песни", "песните"]),
            ("място", "NOUN", "Neut", ["мястото", "места", "местата"]),
            ("решение", "NOUN", "Neut", ["решението", "решения", "решенията"]),
            ("момче", "NOUN", "Neut", ["момчето", "момчета", "момчетата"]),
            ("добър", "ADJ", nil, ["добрия", "добрият", "добра", "добрата", "добро", "доброто", "добри", "добрите"]),
            ("бял", "ADJ", nil, ["белия", "бялата", "бяло", "бели", "белите"]),
            ("краен", "ADJ", nil, ["крайния", "крайна", "крайни"]),
            ("зелен", "ADJ", nil, ["зелена", "зелените"]),
            ("пръв", "ADJ", nil, ["първия", "първата", "първите"]),
            ("Кремъл", "PROPN", "Masc", ["Кремъла", "Кремълът"]),
            ("ТАСС", "PROPN", nil, []),
        ]
        for (lemma, pos, gender, expected) in cases {
            let forms = Set(inflector.forms(of: lemma, partOfSpeech: pos, gender: gender))
            #expect(forms.contains(lemma))
            for form in expected { #expect(forms.contains(form), "\(lemma) → \(form)") }
        }
        #expect(inflector.forms(of: "ТАСС", partOfSpeech: "PROPN", gender: nil) == ["ТАСС"])
        #expect(inflector.forms(of: "на четири очи", partOfSpeech: nil, gender: nil) == ["на четири очи"])
        #expect(inflector.forms(of: "Конго (Киншаса)", partOfSpeech: "PROPN", gender: nil) == ["Конго (Киншаса)"])
    }
}

@Suite struct MatcherPropertyTests {
    /// Random texts over an alphabet rich in the matcher's special cases: hits are in order, never overlap, and
    /// their offsets give back their surfaces, in UTF-8 and in scalars.
    @Test func hitsAreConsistentOnRandomText() throws {
        let g = try glossary("Ким\tKim\tperson\nКим Чен-ун\tKim Jong Un\tperson\nруски\tRussian\tadjective\tADJ\nвъоръжени сили\tarmed forces\tterm\nТАСС\tTASS\tagency")
        let matcher = try TermMatcher(index: TermIndex(g))
        let pieces = ["Ким", "ким", "Чен", "-", "ун", " ", "  ", "\u{A0}", "руските", "Руския", "ТАСС", "тасс", "въоръжените", "ви", "сили", ",", "„", "“", "😀", "e\u{301}", "\u{AD}", "ѝ", "\n", "80", "-ата", "Кимберли"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0..<30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let hits = matcher.hits(in: text)
            let bytes = Array(text.utf8)
            let scalars = Array(text.unicodeScalars)
            var end = 0
            for hit in hits {
                #expect(hit.range.lowerBound >= end)
                end = hit.range.upperBound
                #expect(String(decoding: bytes[hit.range], as: UTF8.self) == hit.surface)
                #expect(String(String.UnicodeScalarView(scalars[hit.characterRange])) == hit.surface)
            }
        }
    }

    /// One index shared by matchers on several threads gives every thread the same hits.
    @Test func indexIsSharedAcrossThreads() throws {
        let index = try TermIndex(SampleArticleTests.curatedGlossary())
        let text = try String(contentsOf: TestPaths.corpora.appendingPathComponent("bta/2025-09-03-putin-kim.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let reference = try TermMatcher(index: index)
        let expected = lines.map { reference.hits(in: $0) }
        let results = ResultBox(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            guard let matcher = try? TermMatcher(index: index) else { return }
            var all: [[TermHit]] = []
            for _ in 0..<20 { all = lines.map { matcher.hits(in: $0) } }
            results.set(worker, all)
        }
        for worker in 0..<8 { #expect(results.get(worker) == expected) }
    }
}

/// Per-worker results written from concurrent threads.
final class ResultBox: @unchecked Sendable {
    private var values: [[[TermHit]]]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [[TermHit]]) { lock.lock(); values[i] = value; lock.unlock() }
    func get(_ i: Int) -> [[TermHit]] { lock.lock(); defer { lock.unlock() }; return values[i] }
}
