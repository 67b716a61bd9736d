import Corpus
import Foundation
import Interchange
import Segmentation
import TestSupport
import XMLKit

/// Shared fixtures: corpus articles prepared in memory, a tiny glossary marked by literal search (a fixture, not a
/// matcher: the real matching is the Terminology module's job), and pseudo-translations.
enum Fixtures {
    static let sample = "Corpora/bta/2025-09-03-putin-kim.txt"

    static let entries: [TermEntry] = [
        TermEntry(id: "putin", source: "Владимир Путин", translations: ["Vladimir Putin"], type: "person"),
        TermEntry(id: "putin-short", source: "Путин", translations: ["Putin"], type: "person"),
        TermEntry(id: "kim", source: "Ким Чен-ун", translations: ["Kim Jong Un"], type: "person"),
        TermEntry(id: "beijing", source: "Пекин", translations: ["Beijing"], type: "place", note: "never Peking"),
        TermEntry(id: "tass", source: "ТАСС", translations: ["TASS"], type: "agency"),
        TermEntry(id: "kcna", source: "КЦТА", translations: [], type: "agency"),
    ]

    /// Literal, longest-first, non-overlapping occurrences of the fixture entries' source forms.
    static func marks(in text: String) -> [TermMark] {
        let bytes = Array(text.utf8)
        var taken = [Bool](repeating: false, count: bytes.count)
        var marks: [TermMark] = []
        for (index, entry) in entries.enumerated().sorted(by: { $0.1.source.utf8.count > $1.1.source.utf8.count }) {
            let needle = Array(entry.source.utf8)
            guard needle.count <= bytes.count else { continue }
            var i = 0
            while i + needle.count <= bytes.count {
                if Array(bytes[i..<i + needle.count]) == needle && !taken[i..<i + needle.count].contains(true) {
                    marks.append(TermMark(range: i..<i + needle.count, entry: index))
                    for j in i..<i + needle.count { taken[j] = true }
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return marks.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func read(_ relative: String) throws -> Article {
        let url = TestPaths.packageRoot.appendingPathComponent(relative)
        let bytes = try [UInt8](Data(contentsOf: url))
        return try CorpusReader().read(bytes: bytes, source: relative, id: CorpusReader.articleID(for: .file(relative)))[0]
    }

    static func prepared(_ article: Article, glossary: Bool = true) throws -> PreparedArticle {
        let segmented = try Segmenter.bulgarian().segment(article)
        let marks = segmented.paragraphs.map { $0.segments.map { glossary ? Self.marks(in: $0.text) : [] } }
        return PreparedArticle(article: segmented, entries: entries, marks: marks)
    }

    /// A deterministic "translation" that exercises escaping and whitespace: markup characters, a tab, a carriage
    /// return, a character outside the BMP, and the segment id.
    static func translation(of id: String, source: String) -> String {
        "EN \(id) <&> \"q\" 'a'\tтаб\r\u{1F600} " + String(source.unicodeScalars.count)
    }

    /// Every Bulgarian article file of Corpora/, relative to the package root.
    static func corpus() -> [String] {
        TestPaths.corpusFiles().map { String($0.path.dropFirst(TestPaths.packageRoot.path.count + 1)) }
    }
}

/// Fills targets the way CAT tools return them.
enum Translator {
    /// XLIFF 2: a `<target>` after each segment's `<source>`, state `translated`.
    static func fill2(_ element: XMLElement, translate: (String, String) -> String) -> XMLElement {
        var result = element
        if element.name.local == "segment", let id = element.attribute("id"), let source = element.element("source") {
            var target = source
            target.name.local = "target"
            target.qualifiedName = "target"
            target.attributes = []
            target.namespaceDeclarations = []
            target.children = [.text(translate(id, XLIFFReaderTestAccess.plain(source)))]
            result.children.append(.element(target))
            if let state = result.attributes.firstIndex(where: { $0.name.local == "state" }) { result.attributes[state].value = "translated" }
            return result
        }
        result.children = element.children.map { child in
            if case .element(let inner) = child { return .element(fill2(inner, translate: translate)) }
            return child
        }
        return result
    }

    /// XLIFF 1.2 as OmegaT returns it: the translation replaces the pre-filled `<target>` text; the state is left.
    static func fill12(_ element: XMLElement, translate: (String, String) -> String) -> XMLElement {
        var result = element
        if element.name.local == "trans-unit", let id = element.attribute("id"), let source = element.element("source") {
            result.children = element.children.map { child in
                if case .element(var inner) = child, inner.name.local == "target" {
                    inner.children = [.text(translate(id, XLIFFReaderTestAccess.plain(source)))]
                    return .element(inner)
                }
                return child
            }
            return result
        }
        result.children = element.children.map { child in
            if case .element(let inner) = child { return .element(fill12(inner, translate: translate)) }
            return child
        }
        return result
    }

    static func serialize(_ root: XMLElement) throws -> [UInt8] {
        var writer = XMLWriter(indent: nil)
        try writer.write(root)
        return Array(writer.finish().utf8)
    }
}

enum XLIFFReaderTestAccess {
    static func plain(_ element: XMLElement) -> String { element.text }
}
