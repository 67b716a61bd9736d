import Foundation
import TestSupport
import Testing

@testable import Alignment

/// Whole documents: link shapes, paragraphs, mismatched inputs, the banded search.
@Suite struct AlignerTests {
    let aligner = try! Aligner()

    /// A short news text and its translation, sentence by sentence.
    static let bulgarian = [
        "Уорън заяви, че ще „обмисли сериозно“ кандидатурата си за президент",
        "Сенаторът Елизабет Уорън обяви в събота, че ще обмисли кандидатурата си след изборите през ноември.",
        "Бостън Глоуб съобщи, че тя е говорила пред 200 души в Холиоук.",
        "Уорън е постоянен критик на президента Доналд Тръмп.",
        "Тя ще се кандидатира за преизбиране срещу Джеф Дийл, който ръководеше кампанията на Тръмп през 2016 г.",
        "Срещата беше 36-тата ѝ среща с избиратели.",
    ]
    static let english = [
        "Warren plans to take a 'hard look' at running for president",
        "Sen. Elizabeth Warren said on Saturday she would consider a run after the November elections.",
        "The Boston Globe reported that she spoke to 200 people in Holyoke.",
        "Warren is a frequent critic of President Donald Trump.",
        "She is running for re-election against Geoff Diehl, who ran Trump's 2016 campaign.",
        "The event was her 36th meeting with constituents.",
    ]

    func align(_ bulgarian: [String], _ english: [String]) -> DocumentAlignment {
        aligner.align(DocumentPair(id: "t", bulgarian: AlignmentSide(segments: bulgarian), english: AlignmentSide(segments: english)))
    }

    @Test func oneToOne() {
        let result = align(Self.bulgarian, Self.english)
        #expect(Bitext.links(result) == (0..<6).map { [[$0], [$0]] })
        #expect(result.links.allSatisfy { $0.score > 0.7 }, "\(result.links.map(\.score))")
        #expect(result.warnings.isEmpty)
    }

    @Test func mergedSentencesBecomeTwoToOneAndOneToTwo() {
        var english = Self.english
        english[3...4] = [english[3] + " " + english[4]]
        let result = align(Self.bulgarian, english)
        #expect(Bitext.links(result) == [[[0], [0]], [[1], [1]], [[2], [2]], [[3, 4], [3]], [[5], [4]]])

        var bulgarian = Self.bulgarian
        bulgarian[1...2] = [bulgarian[1] + " " + bulgarian[2]]
        #expect(Bitext.links(align(bulgarian, Self.english)) == [[[0], [0]], [[1], [1, 2]], [[2], [3]], [[3], [4]], [[4], [5]]])
    }

    @Test func droppedSentencesBecomeNullLinks() {
        var english = Self.english
        english.remove(at: 2)
        let result = align(Self.bulgarian, english)
        #expect(Bitext.links(result) == [[[0], [0]], [[1], [1]], [[2], []], [[3], [2]], [[4], [3]], [[5], [4]]])
        #expect(result.links[2].evidence == ["no counterpart"])

        var bulgarian = Self.bulgarian
        bulgarian.remove(at: 4)
        #expect(Bitext.links(align(bulgarian, Self.english)) == [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[], [4]], [[4], [5]]])
    }

    @Test func linksCoverEverySegmentOnceInOrder() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30 {
            let n = Int.random(in: 0...12, using: &generator)
            let m = Int.random(in: 0...12, using: &generator)
            let bulgarian = (0..<n).map { _ in String(repeating: "дума ", count: Int.random(in: 1...30, using: &generator)) }
            let english = (0..<m).map { _ in String(repeating: "word ", count: Int.random(in: 1...30, using: &generator)) }
            let result = align(bulgarian, english)
            #expect(result.links.flatMap(\.bulgarian) == Array(0..<n))
            #expect(result.links.flatMap(\.english) == Array(0..<m))
            #expect(result.links.allSatisfy { (0...1).contains($0.score) && (!$0.bulgarian.isEmpty || !$0.english.isEmpty) })
        }
    }

    @Test func emptySideWarnsAndScoresZero() {
        let result = align(Self.bulgarian, [])
        #expect(result.warnings.map(\.kind) == [.emptySide])
        #expect(result.links.count == 6 && result.links.allSatisfy { $0.english.isEmpty && $0.score == 0 })
        #expect(align([], []).links.isEmpty)
        #expect(align([""], ["", ""]).links.flatMap(\.english) == [0, 1])
    }

    @Test func textsThatAreNotTranslationsWarnAndScoreLow() throws {
        let bulgarian = try Bitext.ntrex("bg", "bbc.381790")
        let english = try Bitext.ntrex("en", "cnn.304447")
        let result = align(bulgarian, english)
        #expect(result.warnings.contains { $0.kind == .notATranslation })
        #expect(result.meanPairScore < 0.3, "\(result.meanPairScore)")
        // The real pair is fine.
        let real = align(bulgarian, try Bitext.ntrex("en", "bbc.381790"))
        #expect(real.warnings.isEmpty)
        #expect(real.meanPairScore > 0.8)
    }

    @Test func wildlyDifferentLengthsWarnAndScoreLow() throws {
        let bulgarian = try Bitext.ntrex("bg", "bbc.381790")
        let english = Array(try Bitext.ntrex("en", "bbc.381790").prefix(2))
        let result = align(bulgarian, english)
        #expect(result.warnings.contains { $0.kind == .lengthMismatch })
        #expect(result.links.allSatisfy { $0.score < 0.5 })
        #expect(Bitext.links(result).first == [[0], [0]])
    }

    @Test func paragraphBoundariesKeepLinksInsideParagraphs() {
        // Four sentences of equal length in two paragraphs; the English lacks one sentence of the first paragraph.
        // Lengths alone cannot tell which sentence is missing; the paragraphs say it is one of the first two.
        let sentence = String(repeating: "дума ", count: 12)
        let english = String(repeating: "word ", count: 11)
        let bulgarianSide = AlignmentSide(paragraphs: [[sentence, sentence], [sentence, sentence]])
        let englishSide = AlignmentSide(paragraphs: [[english], [english, english]])
        let result = aligner.align(DocumentPair(id: "p", bulgarian: bulgarianSide, english: englishSide))
        #expect(result.links.count == 4)
        for link in result.links {
            let bulgarianParagraphs = Set(link.bulgarian.map { bulgarianSide.paragraphs[$0] })
            let englishParagraphs = Set(link.english.map { englishSide.paragraphs[$0] })
            #expect(bulgarianParagraphs.count <= 1 && englishParagraphs.count <= 1)
            if link.isPair { #expect(bulgarianParagraphs == englishParagraphs) }
        }
        #expect(Bitext.links(result).suffix(2) == [[[2], [1]], [[3], [2]]])
    }

    @Test func bandedSearchFindsWhatTheFullSearchFinds() throws {
        // Eight NTREX articles in a row (about 150 segments a side) with sentences merged and dropped, searched in
        // full and coarse to fine in a narrow band. Names are matched only near the band, so a near-tie may fall
        // differently; the paths must agree almost everywhere and both must find the changes.
        var bulgarian: [String] = []
        var english: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpora.appendingPathComponent("ntrex/bg").path).sorted().prefix(8)
        for name in names {
            let stem = (name as NSString).deletingPathExtension
            bulgarian += try Bitext.ntrex("bg", stem)
            english += try Bitext.ntrex("en", stem)
        }
        // Gold: merge English i and i+1, drop Bulgarian i+7, every 23 sentences.
        var gold: [[[Int]]] = []
        var b = 0
        var e = 0
        var mergedBulgarian: [String] = []
        var mergedEnglish: [String] = []
        var k = 0
        while k < bulgarian.count && k < english.count {
            if k % 23 == 10 && k + 1 < english.count && k + 1 < bulgarian.count {
                mergedBulgarian += [bulgarian[k], bulgarian[k + 1]]
                mergedEnglish.append(english[k] + " " + english[k + 1])
                gold.append([[b, b + 1], [e]])
                (b, e, k) = (b + 2, e + 1, k + 2)
            } else if k % 23 == 17 {
                mergedEnglish.append(english[k])
                gold.append([[], [e]])
                (e, k) = (e + 1, k + 1)
            } else {
                mergedBulgarian.append(bulgarian[k])
                mergedEnglish.append(english[k])
                gold.append([[b], [e]])
                (b, e, k) = (b + 1, e + 1, k + 1)
            }
        }
        let document = DocumentPair(id: "long", bulgarian: AlignmentSide(segments: mergedBulgarian), english: AlignmentSide(segments: mergedEnglish))
        let full = try Aligner().align(document)
        var narrow = AlignmentParameters()
        narrow.fullSearchCells = 1_000
        narrow.bandWidth = 4
        let banded = try Aligner(parameters: narrow).align(document)
        #expect(Bitext.strictF1(gold: ["long": gold], predicted: ["long": Bitext.links(full)]) >= 0.97)
        #expect(Bitext.strictF1(gold: ["long": gold], predicted: ["long": Bitext.links(banded)]) >= 0.97)
        #expect(Bitext.strictF1(gold: ["long": Bitext.links(full)], predicted: ["long": Bitext.links(banded)]) >= 0.98)
    }

    @Test func parametersLoadFromJSONAndRejectUnknownNames() throws {
        var parameters = AlignmentParameters()
        try parameters.load(overrides: #"{"numberMatch": 4.5, "prior10": 0.05}"#, file: "p.json")
        #expect(parameters.numberMatch == 4.5 && parameters.prior10 == 0.05)
        #expect(throws: AlignmentError.self) { try parameters.load(overrides: #"{"numbrMatch": 1}"#, file: "p.json") }
        #expect(throws: AlignmentError.self) { try parameters.load(overrides: "[1]", file: "p.json") }
        #expect(throws: AlignmentError.self) { try parameters.load(overrides: #"{"prior11": true}"#, file: "p.json") }
        #expect(throws: AlignmentError.self) { try parameters.load(overrides: #"{"prior11": -1}"#, file: "p.json") }
        #expect(throws: AlignmentError.self) { try parameters.load(overrides: #"{"temperature": 0}"#, file: "p.json") }
    }

    @Test func withoutNullLinkPriorsEverySegmentIsStillPlaced() throws {
        var parameters = AlignmentParameters()
        try parameters.load(overrides: #"{"prior10": 0, "prior21": 0, "prior22": 0, "prior31": 0}"#, file: "p.json")
        let result = try Aligner(parameters: parameters).align(
            DocumentPair(id: "z", bulgarian: AlignmentSide(segments: ["Едно."]), english: AlignmentSide(segments: ["One.", "Two.", "Three.", "Four.", "Five."])))
        #expect(result.links.flatMap(\.bulgarian) == [0])
        #expect(result.links.flatMap(\.english) == [0, 1, 2, 3, 4])
    }
}
