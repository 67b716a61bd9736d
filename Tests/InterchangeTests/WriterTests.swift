import Corpus
import Foundation
import Interchange
import Segmentation
import Testing
import TestSupport
import XMLKit

@Suite struct WriterTests {
    @Test(arguments: [
        ("2025-09-03-putin-kim", "2025-09-03-putin-kim"),
        ("bbc.381646", "bbc.381646"),
        ("статия 1", "_441__442__430__442__438__44F__20_1"),
        ("a_b", "a_5F_b"),
        ("#1/x", "_23_1_2F_x"),
        ("", "_"),
    ])
    func idsAreNMTokens(_ id: String, _ expected: String) {
        #expect(Identifiers.token(id) == expected)
        #expect(Identifiers.isNMToken(Identifiers.token(id)))
    }

    @Test func distinctArticleIDsGiveDistinctTokens() {
        let ids = ["a_b", "a b", "a-b", "a.b", "a__b", "a_5F_b", "A_b"]
        #expect(Set(ids.map(Identifiers.token)).count == ids.count)
    }

    @Test func unchangedInputGivesByteIdenticalOutput() throws {
        let article = try Fixtures.read(Fixtures.sample)
        let first = try XLIFF2Writer.document(Fixtures.prepared(article))
        let second = try XLIFF2Writer.document(Fixtures.prepared(try Fixtures.read(Fixtures.sample)))
        #expect(first == second)
        #expect(try XLIFF12Writer.document(Fixtures.prepared(article)) == XLIFF12Writer.document(Fixtures.prepared(article)))
    }

    @Test func marksTermsAndListsThemInTheUnitGlossary() throws {
        let xml = try XLIFF2Writer.document(Fixtures.prepared(try Fixtures.read(Fixtures.sample)))
        #expect(xml.contains("<mrk id=\"p1s1t1\" type=\"term\">Владимир Путин</mrk>"))
        #expect(xml.contains("<gls:glossEntry id=\"p1g1\" ref=\"#p1s1t1\">"))
        #expect(xml.contains("<gls:translation>Vladimir Putin</gls:translation>"))
        #expect(xml.contains("<mda:meta type=\"date\">2025-09-03</mda:meta>"))
        // An entry without an English rendering still satisfies glossEntry's translation-or-definition rule.
        #expect(xml.contains("<gls:definition>no English rendering in the glossary</gls:definition>"))
        let xliff12 = try XLIFF12Writer.document(Fixtures.prepared(try Fixtures.read(Fixtures.sample)))
        #expect(xliff12.contains("<mrk mtype=\"term\">Пекин</mrk>"))
        #expect(xliff12.contains("<note from=\"glossary\" annotates=\"source\">Пекин → Beijing [place]; never Peking</note>"))
        #expect(xliff12.contains("state=\"needs-translation\""))
    }

    /// Tabs, carriage returns and odd spacing between sentences survive the XML and the ignorables.
    @Test func whitespaceInParagraphsRoundTrips() throws {
        let text = "Първо изречение.\tВторо изречение.  \r Трето изречение с \"кавички\" & <знаци>."
        let json = "{\"id\":\"ws\",\"text\":\(JSONValue.string(text).serialized())}"
        let article = try CorpusReader(format: .jsonl).read(bytes: Array(json.utf8), source: "ws.jsonl", id: "ws")[0]
        let prepared = try Fixtures.prepared(article, glossary: false)
        #expect(prepared.article.paragraphs[0].segments.count == 3)
        for xml in [try XLIFF2Writer.document(prepared), try XLIFF12Writer.document(prepared)] {
            let document = try XLIFFReader.read(Array(xml.utf8), source: "ws.xlf")
            let result = Importer.merge(document)
            #expect(result.problems.isEmpty)
            #expect(result.articles.first?.sourceParagraphs == [text])
        }
        // The XLIFF 2 ignorables alone rebuild it too.
        let document = try XLIFFReader.read(Array(try XLIFF2Writer.document(prepared).utf8), source: "ws.xlf")
        #expect(document.files[0].units[0].parts.map(\.source).joined() == text)
    }

    @Test func charactersIllegalInXMLAreRefusedWithTheirPlace() throws {
        let article = try CorpusReader().read(bytes: Array("Първи ред.\nВтори \u{1}ред.\n".utf8), source: "bad.txt", id: "bad")[0]
        let prepared = try Fixtures.prepared(article, glossary: false)
        for version in ["2.1", "1.2"] {
            #expect {
                _ = version == "2.1" ? try XLIFF2Writer.document(prepared) : try XLIFF12Writer.document(prepared)
            } throws: { error in
                "\(error)".hasPrefix("bad.txt:2:7: error: character U+0001 is not allowed in XML 1.0")
            }
        }
    }

    @Test func tmxRoundTripsThroughTheReader() throws {
        let units = [
            TranslationUnit(id: "a/p1s1", variants: [("bg", "Път & <път>"), ("en", "Road\t\"x\"")]),
            TranslationUnit(id: "a/p1s2", variants: [("bg", "Две"), ("en-GB", "Two")], properties: [("x-note", "n")]),
        ]
        let xml = try TMXWriter.document(units)
        let memory = try TMXReader.read(Array(xml.utf8), source: "m.tmx")
        #expect(memory.sourceLanguage == "bg")
        #expect(memory.units == units)
        #expect(memory.units[1].text(in: "en") == "Two")
    }

    @Test func tmxReaderSkipsInlineCodesAndRefusesEntities() throws {
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><tuv xml:lang="en"><seg>Click <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept><ph>{0}</ph>.</seg></tuv></tu></body></tmx>
            """
        let memory = try TMXReader.read(Array(tmx.utf8), source: "m.tmx")
        #expect(memory.units.first?.text(in: "en") == "Click here.")
        let evil = "<!DOCTYPE tmx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>&x;</seg></tuv></tu></body></tmx>"
        #expect(throws: InterchangeError.self) { try TMXReader.read(Array(evil.utf8), source: "evil.tmx") }
    }
}
