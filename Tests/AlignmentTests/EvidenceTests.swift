import Terminology
import Testing

@testable import Alignment

/// The pieces of evidence: length, names, scanning, anchor keys.
@Suite struct EvidenceTests {
    let length = LengthModel(AlignmentParameters())

    @Test func lengthsOfATranslationPairSpeakForIt() {
        // English is about 0.92 of the Bulgarian length in characters.
        #expect(length.evidence(bulgarian: 120, english: 110) > 1)
        #expect(length.evidence(bulgarian: 40, english: 36) > 0.5)
        #expect(length.evidence(bulgarian: 120, english: 30) < -3)
        #expect(length.evidence(bulgarian: 25, english: 200) < -3)
        // Long segments are held to a tighter ratio than short ones.
        #expect(length.evidence(bulgarian: 400, english: 250) < length.evidence(bulgarian: 40, english: 25))
    }

    @Test(arguments: [
        ("Тръмп", "Trump"), ("Уорън", "Warren"), ("Масачузетс", "Massachusetts"), ("Холиоук", "Holyoke"),
        ("Кавано", "Kavanaugh"), ("Вашингтон", "Washington"), ("Джонсън", "Johnson"), ("Пелоси", "Pelosi"),
        ("Дийл", "Diehl"), ("Шарън", "Sharon"),
    ])
    func namesThatSoundAlikeMatch(bulgarian: String, english: String) {
        let similarity = NameSimilarity.similarity(NameSimilarity.bulgarianKey(bulgarian), NameSimilarity.englishKey(english))
        #expect(similarity >= AlignmentParameters().nameSimilarity, "\(bulgarian) ~ \(english): \(similarity)")
    }

    @Test(arguments: [("Тръмп", "Warren"), ("Пелоси", "Graham"), ("Лондон", "Berlin"), ("Кавано", "Trump")])
    func differentNamesDoNot(bulgarian: String, english: String) {
        let similarity = NameSimilarity.similarity(NameSimilarity.bulgarianKey(bulgarian), NameSimilarity.englishKey(english))
        #expect(similarity < AlignmentParameters().nameSimilarity, "\(bulgarian) ~ \(english): \(similarity)")
    }

    @Test func scannerFindsWordsLinksAndPunctuation() {
        let scanned = ScannedSegment("Sen. Warren's 'hard look' at https://www.bbc.co.uk/news. (U.S.) Why? Now!", side: .english)
        #expect(scanned.words.map(\.text).contains("Warren"))
        #expect(!scanned.words.map(\.text).contains("Warren's"))
        #expect(scanned.links == ["bbc.co.uk/news"])
        #expect(scanned.words.contains { $0.text == "US" && $0.acronym })
        #expect(scanned.quotes == 2)  // 'hard look', not the apostrophe of Warren's
        #expect(scanned.questions == 1 && scanned.exclamations == 1 && scanned.parentheses == 1)

        let bulgarian = ScannedSegment("„Ще обмисли сериозно“, каза Уорън пред НАТО.", side: .bulgarian)
        #expect(bulgarian.quotes == 2)
        #expect(bulgarian.words.contains { $0.text == "НАТО" && $0.acronym && $0.script == .cyrillic })
        #expect(bulgarian.words.contains { $0.text == "Уорън" && $0.capitalised && !$0.acronym })
    }

    /// The keys two segments share, through the whole extractor.
    func shared(_ bulgarian: String, _ english: String, glossary: GlossaryAnchors? = nil) -> [String] {
        let table = KeyTable()
        var (b, e) = EvidenceExtractor(glossary: glossary).evidence(bulgarian: [bulgarian], english: [english], table: table)
        NameMatcher(threshold: AlignmentParameters().nameSimilarity).resolve(&b, &e, band: .full(rows: 1, columns: 1), margin: 1, table: table)
        let scorer = LinkScorer(bulgarian: b, english: e, table: table, parameters: AlignmentParameters())
        return scorer.explain(0..<1, 0..<1).shared.map { table.labels[Int($0)] }
    }

    @Test func numbersMeetAcrossConventions() {
        #expect(shared("Бюджетът е 3,5 млн. лв.", "The budget is 3.5 million levs.").contains("number 3500000"))
        #expect(shared("Дойдоха 10 000 души.", "Some 10,000 people came.").contains("number 10000"))
        #expect(shared("Законът от 2017 г. даде правомощия.", "The 2017 Act gave powers.").contains("number 2017"))
        #expect(shared("Срещата е на 3 септември 2025 г.", "The meeting is on September 3, 2025.").contains { $0.hasPrefix("date") })
    }

    @Test func calendarWordsAcronymsAndLatinWords() {
        #expect(shared("Говори в събота в Холиоук.", "She spoke Saturday in Holyoke.").contains("date събота"))
        #expect(shared("През септември.", "In September.").contains("date септември"))
        #expect(shared("Членовете на НАТО.", "NATO members.").contains("acronym НАТО"))
        #expect(shared("Партията Plaid е против.", "Plaid is against.").contains("word plaid"))
    }

    @Test func namesByTransliteration() {
        let keys = shared("Уорън критикува Тръмп.", "Warren criticised Trump.")
        #expect(keys.contains("name Уорън~Warren"))
        #expect(keys.contains("name Тръмп~Trump"))
        // A capitalised first word is a name only if it sounds very close: "Един" (one) is not "Elin".
        #expect(!shared("Един от членовете каза това.", "Elin said that.").contains { $0.hasPrefix("name") })
    }

    @Test func glossaryTermsInInflectedFormsMeetTheirRenderings() throws {
        let glossary = Glossary(entries: [
            GlossaryEntry(id: "assembly", source: "Асамблея", targets: ["Assembly"], type: .organisation),
            GlossaryEntry(id: "kavanaugh", source: "Кавано", targets: ["Kavanaugh"], type: .person),
            GlossaryEntry(id: "brett", source: "Брет Кавано", targets: ["Brett Kavanaugh"], type: .person),
            GlossaryEntry(id: "us", source: "САЩ", targets: ["U.S.", "United States"], type: .place),
        ])
        let anchors = try GlossaryAnchors(glossary: glossary)
        #expect(shared("Членовете на Асамблеята гласуваха.", "Assembly Members voted.", glossary: anchors).contains("term Асамблея~Assembly"))
        // The longer rendering also stands for the shorter one inside it.
        #expect(shared("Брет Кавано отрече.", "Kavanaugh denied it.", glossary: anchors).contains("term Кавано~Kavanaugh"))
        #expect(shared("В САЩ.", "In the United States.", glossary: anchors).contains("term САЩ~U.S."))
        #expect(shared("В САЩ.", "In the U.S.", glossary: anchors).contains("term САЩ~U.S."))
        // A glossary hit is not also a name or an acronym of its own.
        #expect(!shared("В САЩ.", "In the U.S.", glossary: anchors).contains { $0.hasPrefix("acronym") })
    }
}
