import Corpus
import Foundation
import Testing
import TestSupport
@testable import Segmentation

/// Inline-marker cases: `‖` marks where a new sentence starts; the paragraph is the text without the markers.
private let markedCases: [String] = [
    // Abbreviations that never end a sentence.
    "Лекцията изнесе проф. Иванов от БАН.",
    "Прегледа го д-р Петров. ‖Състоянието му е стабилно.",
    "Живее на ул. „Раковски“ 12, а работи на бул. „Витоша“.",
    "Т.нар. ислямска държава пое отговорност.",
    "Има много примери, напр. България и Румъния.",
    "Според чл. 5, ал. 2 от закона това е забранено.",
    "Роден е в гр. Пловдив.",
    "Вж. стр. 5 от доклада.",
    // Abbreviations that may end one: decided by what follows.
    "Роден е през 1948 г. ‖Невинната кръв течеше тогава.",
    "През 1996 г. Русия подписа споразумението.",
    "На финала, на 5 септември 1996 г. Виденов хариза рафинерията.",
    "Продадоха го за 11 млн. ‖Купувачът е чуждестранен.",
    "Цената е 3,5 млн. лв. без ДДС.",
    "Срещата е в 15 ч. в сградата на общината.",
    "Присъстваха министри, депутати и др. ‖Срещата продължи два часа.",
    "Той управлява в продължение на 150 г. Саргон надделява в двубой.",
    // Initials.
    "Срещата с В. Путин продължи два часа.",
    "Бившият президент Дж. Буш пристигна вчера.",
    "Романът на Дж. Р. Р. Толкин е преведен.",
    "Буквата е U. ‖От комисията казаха, че няма да я сменят.",
    // Numbers and dates.
    "На 3.09.2025 г. в Пекин се проведе парад.",
    "По случай 80-ата годишнина се събраха 26 лидери.",
    "Загинаха 15 души. ‖12 от тях са деца.",
    "1. Първо прочетете условието.",
    // Dialogue and interview turns.
    "Какво ще правите сега? ‖- Ще продължим да работим.",
    "Това е всичко. ‖– Благодаря ви за интервюто.",
    "„Напред!“ – извика той.",
    "Той се смръщи. ‖- отново го прекъсна Вальо.",
    // Ellipsis.
    "Ами... не знам какво да кажа.",
    "Чакахме дълго... ‖Накрая той дойде.",
    "„Дали сме разпространили... Не, не сме“, каза той.",
    // Quotes and brackets.
    "Той каза: „Състоянието е стабилно.“ ‖Междувременно лекарите продължиха.",
    "\"По ваша инициатива частите участваха. ‖Вашите войници се сражаваха смело\", каза Путин.",
    "„Кой си ти?“, попита тя.",
    "Изследванията (напр. ЯМР, КТ) са готови. ‖Резултатите са добри.",
    "Гласуваха 120 депутати (от общо 240). ‖Законът беше приет.",
    // Question and exclamation marks.
    "Кой ще плати? ‖Никой не знае! ‖Така е.",
    // Acronyms are not abbreviations.
    "Това съобщиха от АП. ‖По време на войната в Косово беше иначе.",
    "Срещата е в ЕС. ‖Той не дойде.",
]

@Suite struct MarkedBoundaryTests {
    let segmenter: Segmenter

    init() throws { segmenter = try Segmenter.bulgarian() }

    @Test(arguments: markedCases)
    func boundaries(_ marked: String) {
        let expected = marked.components(separatedBy: "‖").map { $0.trimmingCharacters(in: .whitespaces) }
        let paragraph = marked.replacingOccurrences(of: "‖", with: "")
        #expect(segmenter.sentences(of: paragraph) == expected)
    }

    @Test func sampleArticleGivesNineteenSentencesAndKeepsItsHeaderOut() throws {
        let url = TestPaths.corpora.appendingPathComponent("bta/2025-09-03-putin-kim.txt")
        let article = segmenter.segment(try #require(try CorpusReader().read(.file(url.path)).first))
        #expect(article.segmentCount == 19)
        #expect(!article.segments.contains { $0.segment.text.contains("date") })
        #expect(article.segments[0].segment.text.hasPrefix("Руският президент"))
    }

    @Test func headlinesWithoutFullStopStaySeparate() throws {
        let article = try #require(try CorpusReader().read(bytes: Array("Заглавие без точка\nТекстът започва тук. И продължава.\n".utf8), source: "h.txt", id: "h").first)
        let segmented = segmenter.segment(article)
        #expect(segmented.segments.map(\.segment.text) == ["Заглавие без точка", "Текстът започва тук.", "И продължава."])
    }

    @Test func userAbbreviationsExtendTheRules() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("extra.tsv")
        try "# my newsroom's abbreviations\nабрев.\tnever\tабревиатура\n".write(to: file, atomically: true, encoding: .utf8)
        var rules = try SegmentationRules.bulgarian()
        #expect(try Segmenter(rules: rules).sentences(of: "Виж абрев. Кратко.").count == 2)
        try rules.load(file: file.path)
        #expect(try Segmenter(rules: rules).sentences(of: "Виж абрев. Кратко.").count == 1)
    }

    @Test func badRuleFilesNameTheLine() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.tsv")
        try "абрев.\tnever\nдруго.\tsometimes\n".write(to: file, atomically: true, encoding: .utf8)
        var rules = try SegmentationRules.bulgarian()
        #expect(throws: SegmentationError.badRule(file: file.path, line: 2, reason: "expected never, may or number in the second column, found \"sometimes\"")) {
            try rules.load(file: file.path)
        }
    }
}

@Suite struct LosslessTests {
    let segmenter: Segmenter

    init() throws { segmenter = try Segmenter.bulgarian() }

    /// Segments plus the whitespace between them rebuild every paragraph of every file in Corpora/.
    @Test func everyCorpusFileRoundTrips() throws {
        let files = TestPaths.corpusFiles(bulgarianOnly: false)
        #expect(files.count >= 83)
        for url in files {
            for article in try CorpusReader().read(.file(url.path)) {
                let segmented = segmenter.segment(article)
                for paragraph in segmented.paragraphs {
                    #expect(paragraph.reassembled == paragraph.text, "\(url.lastPathComponent) paragraph \(paragraph.index)")
                    for i in 0...paragraph.segments.count {
                        #expect(paragraph.gap(before: i).allSatisfy { $0.isWhitespace })
                    }
                }
            }
        }
    }

    /// Random Unicode text (Cyrillic, Latin, digits, punctuation, quotes, dashes, spaces of every kind, combining
    /// marks, emoji) always segments losslessly into ordered, non-empty, trimmed pieces.
    @Test func randomUnicodeTextRoundTrips() {
        let alphabet: [String] = [
            "а", "Б", "в", "Ж", "ъ", "a", "Z", "1", "9", ".", ".", ".", "!", "?", "…", ",", ";", ":", "-", "–", "—",
            "„", "“", "\"", "'", "(", ")", "[", "]", " ", " ", " ", "\u{A0}", "\t", "\n", "\r\n", "\u{2009}", "\u{200B}",
            "\u{0301}", "👍", "🇧🇬", "г.", "проф.", "В.", "3,5", "млн.", "\u{FEFF}", "\u{2028}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let ranges = segmenter.ranges(of: text)
            let utf8 = Array(text.utf8)
            var previous = 0
            var rebuilt: [UInt8] = []
            for range in ranges {
                #expect(range.lowerBound >= previous && range.upperBound > range.lowerBound && range.upperBound <= utf8.count)
                let gap = String(decoding: utf8[previous..<range.lowerBound], as: UTF8.self)
                #expect(gap.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" }, "\(text.debugDescription)")
                rebuilt += utf8[previous..<range.upperBound]
                previous = range.upperBound
            }
            rebuilt += utf8[previous...]
            #expect(rebuilt == utf8)
        }
    }

    @Test func randomBytesNeverCrashReaderAndSegmenter() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            guard let articles = try? CorpusReader(lossy: true).read(bytes: bytes, source: "r", id: "r") else { continue }
            for article in articles {
                for paragraph in segmenter.segment(article).paragraphs { #expect(paragraph.reassembled == paragraph.text) }
            }
        }
    }
}

/// Scores on the reference gold sets, with the reference scorer (`../shared/data/segmentation/score.py`).
@Suite(.enabled(if: TestPaths.sharedAvailable, "needs ../shared (reference data beside the checkout; present in CI)"))
struct GoldScoreTests {
    func score(_ name: String) throws -> [String: Any] {
        let segmentation = TestPaths.shared.appendingPathComponent("data/segmentation")
        let gold = segmentation.appendingPathComponent("\(name).jsonl")
        let segmenter = try Segmenter.bulgarian()
        var predictions = ""
        for article in try CorpusReader(format: .jsonl).read(.file(gold.path)) {
            let sentences = segmenter.segment(article).segments.map { JSONValue.string($0.segment.text) }
            predictions += JSONValue.object([("id", .string(article.id)), ("sentences", .array(sentences))]).serialized() + "\n"
        }
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let predicted = directory.appendingPathComponent("pred.jsonl")
        let metrics = directory.appendingPathComponent("metrics.json")
        try predictions.write(to: predicted, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", segmentation.appendingPathComponent("score.py").path, gold.path, predicted.path, "--json", metrics.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: metrics)) as? [String: Any])
    }

    @Test func btbPunctuatedBoundaries() throws {
        let metrics = try score("btb-seg-dev")
        #expect((metrics["F1_punct"] as? Double ?? 0) >= 0.995)
    }

    @Test func ntrexRunningText() throws {
        let metrics = try score("ntrex-seg-dev")
        #expect((metrics["F1"] as? Double ?? 0) >= 0.99)
    }

    @Test func goldenRulesAllExact() throws {
        let metrics = try score("golden-rules")
        #expect((metrics["exact"] as? Double ?? 0) == 1.0)
    }
}
