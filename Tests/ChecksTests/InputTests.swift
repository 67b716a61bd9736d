import Corpus
import Foundation
import Interchange
import Testing
import TestSupport
@testable import Checks

/// Reading what `prevod check` is given: JSON Lines bitext, XLIFF, TMX, and Bulgarian corpora.
@Suite struct InputTests {
    func write(_ text: String, name: String) throws -> String {
        let path = try TestPaths.temporaryDirectory().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func jsonLinesBitext() throws {
        let path = try write(
            """
            {"id": "d1", "bg": ["Първо.", "Второ."], "en": ["First.", "Second."]}

            {"id": 7, "bg": ["Само източник."]}
            """, name: "pairs.jsonl")
        let documents = try CheckInputReader().read([path]).documents
        #expect(documents.map(\.id) == ["d1", "7"])
        #expect(documents[0].units.map(\.target) == ["First.", "Second."])
        #expect(documents[0].units[1].location?.description == "\(path):1")
        #expect(documents[1].units.map(\.target) == [nil], "a record without en is a monolingual document")
        #expect(documents[1].units[0].location?.line == 3)
    }

    @Test func unequalSidesAreAnErrorNamingTheLine() throws {
        let path = try write(#"{"id": "d1", "bg": ["Едно."], "en": ["One.", "Two."]}"# + "\n", name: "bad.jsonl")
        #expect {
            try CheckInputReader().read([path])
        } throws: { error in
            "\(error)" == "\(path):1: error: document d1: \"bg\" has 1 segments and \"en\" has 2; aligned segments must pair one to one"
        }
        let broken = try write("{\"id\": \"d1\", \"bg\": [\n", name: "broken.jsonl")
        #expect(throws: ChecksError.self) { try CheckInputReader().read([broken]) }
    }

    @Test func xliff12FromACATTool() throws {
        let path = try write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
              <file original="news/bbc.1.txt" source-language="bg" target-language="en" datatype="plaintext">
                <body>
                  <group id="p1">
                    <trans-unit id="p1s1"><source>Тръмп говори.</source><target state="translated">Trump spoke.</target></trans-unit>
                    <trans-unit id="p1s2"><source>Ким слуша.</source><target state="new">Ким слуша.</target></trans-unit>
                  </group>
                </body>
              </file>
            </xliff>
            """, name: "returned.xlf")
        let documents = try CheckInputReader().read([path]).documents
        #expect(documents.map(\.id) == ["bbc.1"])
        let units = documents[0].units
        #expect(units.map(\.id) == ["p1s1", "p1s2"])
        #expect(units.map(\.target) == ["Trump spoke.", ""], "a segment left untranslated counts as empty")
        #expect(units[0].location?.line == 6)
        let found = findings(Untranslated(), documents[0])
        #expect(found.map(\.rule) == ["untranslated.empty"])
    }

    @Test func xliff2OfPrepareIsASource() throws {
        let path = try write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="bg" trgLang="en">
              <file id="f1">
                <unit id="p1"><segment id="s1"><source>Путин и Ким.</source></segment><ignorable><source> </source></ignorable><segment id="s2"><source>Срещата продължи.</source></segment></unit>
              </file>
            </xliff>
            """, name: "prepared.xlf")
        let documents = try CheckInputReader().read([path]).documents
        #expect(documents.count == 1)
        #expect(documents[0].units.map(\.id) == ["p1/s1", "p1/s2"])
        #expect(documents[0].units.allSatisfy { $0.target == nil && $0.paragraph == 0 })
    }

    @Test func tmxMemory() throws {
        let tmx = try TMXWriter.document([
            TranslationUnit(id: "a/p1s1", variants: [("bg", "Тръмп говори."), ("en", "Trump spoke.")]),
            TranslationUnit(id: "a/p1s2", variants: [("bg", "Ким слуша."), ("en-GB", "Kim listens.")]),
        ])
        let path = try write(tmx, name: "memory.tmx")
        let documents = try CheckInputReader().read([path]).documents
        #expect(documents.map(\.id) == ["memory"])
        #expect(documents[0].units.map(\.id) == ["a/p1s1", "a/p1s2"])
        #expect(documents[0].units.map(\.target) == ["Trump spoke.", "Kim listens."])
    }

    @Test func bulgarianArticleIsSegmentedWithLineAndColumn() throws {
        let path = try write(" date 2025-09-03 Първо изречение. Второ изречение.\nНов абзац.\n", name: "article.txt")
        let read = try CheckInputReader().read([path])
        let units = try #require(read.documents.first).units
        #expect(units.map(\.source) == ["Първо изречение.", "Второ изречение.", "Нов абзац."])
        #expect(units.map { "\($0.location!.line):\($0.location!.column)" } == ["1:18", "1:35", "2:1"])
        #expect(units.map(\.paragraph) == [0, 0, 1])
    }

    @Test func findingColumnPointsAtTheWord() throws {
        let path = try write("Той каза, че това е\u{0020}добaвя.\n", name: "one.txt")
        let document = try #require(try CheckInputReader().read([path]).documents.first)
        let finding = try #require(findings(MixedScript(), document).first)
        #expect(finding.location.source?.description == "\(path):1:21")
    }

    @Test func englishArticlesAreSkippedWithAWarning() throws {
        let path = try write("The meeting lasted two and a half hours, the agency said.\n", name: "english.txt")
        let read = try CheckInputReader().read([path])
        #expect(read.documents.isEmpty)
        #expect(read.warnings.count == 1 && read.warnings[0].contains("not Bulgarian"))
    }
}
