import Corpus
import Foundation
import Interchange
import Segmentation
import Testing
import TestSupport
import XMLKit

/// prepare → fill targets → import, over every Bulgarian article of Corpora/: the source paragraphs come back exactly
/// and the English paragraphs are exactly the targets joined by the source's whitespace.
@Suite struct RoundTripTests {
    static let articles = Fixtures.corpus()

    func roundTrip(_ relative: String, version: String) throws {
        let prepared = try Fixtures.prepared(try Fixtures.read(relative))
        let xml = version == "2.1" ? try XLIFF2Writer.document(prepared) : try XLIFF12Writer.document(prepared)
        let document = try XMLDocumentHelpers.parse(xml)
        let translate = { (id: String, source: String) in Fixtures.translation(of: id, source: source) }
        let filled = version == "2.1" ? Translator.fill2(document.root, translate: translate) : Translator.fill12(document.root, translate: translate)
        let result = Importer.merge(try XLIFFReader.read(try Translator.serialize(filled), source: relative + ".xlf"))
        #expect(result.problems.isEmpty, "\(result.problems)")
        let imported = try #require(result.articles.first)
        let article = prepared.article
        #expect(imported.id == article.id)
        #expect(imported.date == article.date)
        #expect(imported.sourceParagraphs == article.paragraphs.map(\.text))
        let expected = article.paragraphs.map { paragraph in
            var text = ""
            for segment in paragraph.segments {
                text += paragraph.gap(before: segment.index)
                text += Fixtures.translation(of: Identifiers.segment(paragraph: paragraph.index, sentence: segment.index), source: segment.text)
            }
            return text + paragraph.gap(before: paragraph.segments.count)
        }
        #expect(imported.paragraphs == expected)
        #expect(imported.untranslated.isEmpty)
        #expect(imported.pairs.count == article.segmentCount)
        #expect(imported.pairs.first?.text(in: "bg") == article.paragraphs.first?.segments.first?.text)
    }

    @Test(arguments: articles) func xliff21(_ relative: String) throws { try roundTrip(relative, version: "2.1") }

    @Test(arguments: articles) func xliff12(_ relative: String) throws { try roundTrip(relative, version: "1.2") }

    /// The English article written by import reads back with the same paragraph structure.
    @Test func englishArticleKeepsTheParagraphStructure() throws {
        let prepared = try Fixtures.prepared(try Fixtures.read(Fixtures.sample))
        let filled = Translator.fill2(try XMLDocumentHelpers.parse(XLIFF2Writer.document(prepared)).root) { id, _ in "English sentence \(id)." }
        let imported = try #require(Importer.merge(try XLIFFReader.read(try Translator.serialize(filled), source: "s.xlf")).articles.first)
        let (text, ext) = Importer.render(imported)
        #expect(ext == "txt")
        let reread = try CorpusReader().read(bytes: Array(text.utf8), source: "en.txt", id: "en")[0]
        #expect(reread.date == "2025-09-03")
        #expect(reread.paragraphs.map(\.text) == imported.paragraphs)
        #expect(reread.paragraphs.count == prepared.article.paragraphs.count)
    }

    /// A CAT tool that edits a source, drops a segment or invents one: reported with the segment id, not merged.
    @Test func changedSourcesAreReportedNotMerged() throws {
        let prepared = try Fixtures.prepared(try Fixtures.read(Fixtures.sample))
        var xml = try XLIFF12Writer.document(prepared)
        xml = xml.replacingOccurrences(of: "<source xml:lang=\"bg\">Срещата продължи два часа и половина", with: "<source xml:lang=\"bg\">Срещата продължи три часа")
        let result = Importer.merge(try XLIFFReader.read(Array(xml.utf8), source: "edited.xlf"))
        #expect(result.articles.isEmpty)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.description.contains("segment p10s1: the source differs from what was prepared from Corpora/bta/2025-09-03-putin-kim.txt:10") == true)

        var dropped = try XMLDocumentHelpers.parse(try XLIFF2Writer.document(prepared)).root
        dropped = Self.removing(unit: "p3", from: dropped)
        let second = Importer.merge(try XLIFFReader.read(try Translator.serialize(dropped), source: "dropped.xlf"))
        #expect(second.problems.map(\.description).contains { $0.contains("segment p3s1: missing from the returned file") })
        #expect(second.articles.isEmpty)
    }

    /// Untranslated segments (OmegaT leaves the pre-filled source) keep their Bulgarian text and are listed.
    @Test func untranslatedSegmentsAreListed() throws {
        let prepared = try Fixtures.prepared(try Fixtures.read(Fixtures.sample))
        let result = Importer.merge(try XLIFFReader.read(Array(try XLIFF12Writer.document(prepared).utf8), source: "u.xlf"))
        let article = try #require(result.articles.first)
        #expect(article.untranslated.count == prepared.article.segmentCount)
        #expect(article.pairs.isEmpty)
        #expect(article.paragraphs == prepared.article.paragraphs.map(\.text))
    }

    /// A foreign XLIFF 2 file (no skeleton): merged by structure, ignorables keep their whitespace.
    @Test func foreignXLIFF2IsMergedByStructure() throws {
        let xml = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="bg" trgLang="en"><file id="doc">
            <unit id="u1"><segment id="s1"><source>Едно.</source><target>One.</target></segment><ignorable><source> </source></ignorable>\
            <segment id="s2"><source>Две.</source><target>Two.</target></segment></unit></file></xliff>
            """
        let result = Importer.merge(try XLIFFReader.read(Array(xml.utf8), source: "foreign.xlf"))
        #expect(result.warnings.count == 1)
        #expect(result.articles.first?.paragraphs == ["One. Two."])
        #expect(result.articles.first?.sourceParagraphs == ["Едно. Две."])
    }

    static func removing(unit id: String, from element: XMLElement) -> XMLElement {
        var result = element
        result.children = element.children.compactMap { child in
            guard case .element(let inner) = child else { return child }
            if inner.name.local == "unit" && inner.attribute("id") == id { return nil }
            return .element(removing(unit: id, from: inner))
        }
        return result
    }
}

/// The parallel `Preparer` on real files.
@Suite struct PreparerTests {
    func run(_ inputs: [String], into directory: URL, jobs: Int) throws -> Preparer.Report {
        let reader = CorpusReader()
        let sources = try reader.sources(for: inputs)
        let preparer = Preparer(
            options: .init(outputDirectory: directory.path, xliff: .both, jobs: jobs, reader: reader, rules: try SegmentationRules.bulgarian()))
        return preparer.run(sources)
    }

    func contents(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [] {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = try Data(contentsOf: url)
            }
        }
        return result
    }

    @Test func parallelOutputEqualsSerialAndOnlyTheEditedArticleChanges() throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: TestPaths.corpora.appendingPathComponent("ntrex/bg"), to: corpus)
        let serial = try run([corpus.path], into: root.appendingPathComponent("serial"), jobs: 1)
        let parallel = try run([corpus.path], into: root.appendingPathComponent("parallel"), jobs: 4)
        #expect(serial.errors.isEmpty && parallel.errors.isEmpty)
        #expect(serial.articles == 41 && parallel.articles == 41)
        #expect(serial.segments == parallel.segments)
        let before = try contents(root.appendingPathComponent("serial"))
        #expect(before.count == 82)
        #expect(before == (try contents(root.appendingPathComponent("parallel"))))

        // Edit one article, prepare again into the same directory: only its two files change.
        let edited = corpus.appendingPathComponent("bbc.381701.txt")
        try (String(contentsOf: edited, encoding: .utf8) + "Добавено изречение.\n").write(to: edited, atomically: true, encoding: .utf8)
        _ = try run([corpus.path], into: root.appendingPathComponent("serial"), jobs: 2)
        let after = try contents(root.appendingPathComponent("serial"))
        let changed = before.keys.filter { before[$0] != after[$0] }.sorted()
        #expect(changed == ["xliff12/bbc.381701.xlf", "xliff21/bbc.381701.xlf"])
    }

    @Test func badArticlesAreReportedAndTheRestPrepared() throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try "Добро изречение.\n".write(to: corpus.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        try "Лошо \u{7} изречение.\n".write(to: corpus.appendingPathComponent("bad.txt"), atomically: true, encoding: .utf8)
        try "An English article.\n".write(to: corpus.appendingPathComponent("english.txt"), atomically: true, encoding: .utf8)
        let report = try run([corpus.path], into: root.appendingPathComponent("out"), jobs: 2)
        #expect(report.articles == 1)
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.contains("bad.txt:1:6: error: character U+0007 is not allowed in XML 1.0") == true)
        #expect(report.skipped.contains { $0.contains("article english is") })
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/xliff21/bad.xlf").path))
    }
}
