import Corpus
import XMLKit

/// Writes an article as XLIFF 2.1: one `<file>` per article, a `<unit>` per paragraph, a `<segment>` per sentence
/// (state `initial`), an `<ignorable>` for the whitespace between sentences (so sources and ignorables rebuild the
/// paragraph byte for byte), `<mrk type="term">` around each glossary hit with the entry listed in the unit's
/// glossary module (`gls:glossEntry/@ref` pointing at the marker), and the article id, date and source in the
/// metadata module.
///
/// Output is deterministic: the same article and glossary give the same bytes.
public enum XLIFF2Writer: ArticleDocumentWriter {
    /// The document for one article as UTF-8 (``ArticleDocumentWriter/document(_:)`` gives it as a string).
    ///
    /// - Complexity: O(*n*) in the size of the article.
    public static func bytes(_ prepared: PreparedArticle) throws(InterchangeError) -> [UInt8] {
        try prepared.writeDocument(with: write)
    }

    private static func write(_ prepared: PreparedArticle) throws(XMLWriterError) -> [UInt8] {
        let article = prepared.article
        let glossary = prepared.glossaryMarkup
        var xml = XMLWriter(capacity: prepared.documentCapacity)
        try xml.start("xliff", [
            "xmlns": Namespaces.xliff2, "xmlns:gls": Namespaces.glossary, "xmlns:mda": Namespaces.metadata,
            "version": "2.1", "srcLang": prepared.sourceLanguage, "trgLang": prepared.targetLanguage,
        ])
        try xml.start("file", ["id": prepared.fileID, "original": article.source, "xml:space": "preserve"])
        try xml.element("skeleton", text: prepared.skeleton)
        try xml.start("mda:metadata")
        try xml.start("mda:metaGroup", ["category": "article"])
        try xml.element("mda:meta", ["type": "id"], text: article.id)
        if let date = article.date { try xml.element("mda:meta", ["type": "date"], text: date) }
        try xml.element("mda:meta", ["type": "source"], text: article.source)
        try xml.element("mda:meta", ["type": "format"], text: article.format.rawValue)
        xml.end()
        xml.end()
        for paragraph in article.paragraphs {
            let p = paragraph.index
            try xml.start("unit", ["id": Identifiers.unit(paragraph: p)])
            let marks = prepared.marks[p]
            if marks.contains(where: { !$0.isEmpty }) {
                try xml.start("gls:glossary")
                var n = 0
                for (s, list) in marks.enumerated() {
                    for (k, mark) in list.enumerated() {
                        try xml.start("gls:glossEntry", [
                            "id": Identifiers.glossEntry(paragraph: p, entry: n), "ref": "#" + Identifiers.term(paragraph: p, sentence: s, hit: k),
                        ])
                        xml.insert(try glossary.entryBody(mark.entry))
                        xml.end()
                        n += 1
                    }
                }
                xml.end()
            }
            for segment in paragraph.segments {
                let gap = paragraph.gap(before: segment.index)
                if !gap.isEmpty { try ignorable(String(gap), into: &xml) }
                let target = prepared.target(paragraph: p, sentence: segment.index)
                try xml.start("segment", [
                    "id": Identifiers.segment(paragraph: p, sentence: segment.index), "state": target == nil ? "initial" : "translated",
                    "subState": target.map { "prevod:" + $0.qualifier },
                ])
                try xml.startMixed("source")
                try marked(segment.text, marks[segment.index], paragraph: p, sentence: segment.index, entries: prepared.entries, into: &xml)
                xml.end()
                if let target { try xml.element("target", text: target.text) }
                xml.end()
            }
            let tail = paragraph.gap(before: paragraph.segments.count)
            if !tail.isEmpty { try ignorable(String(tail), into: &xml) }
            xml.end()
        }
        return xml.finishBytes()
    }

    private static func ignorable(_ text: String, into xml: inout XMLWriter) throws(XMLWriterError) {
        try xml.start("ignorable")
        try xml.element("source", text: text)
        xml.end()
    }

    /// Writes `text` with `<mrk>` around the marked UTF-8 ranges.
    static func marked(
        _ text: String, _ marks: [TermMark], paragraph: Int, sentence: Int, entries: [TermEntry], into xml: inout XMLWriter
    ) throws(XMLWriterError) {
        var position = 0
        for (k, mark) in marks.enumerated() {
            try xml.text(text, utf8Range: position..<mark.range.lowerBound)
            try xml.start("mrk", ["id": Identifiers.term(paragraph: paragraph, sentence: sentence, hit: k), "type": "term"])
            try xml.text(text, utf8Range: mark.range)
            xml.end()
            position = mark.range.upperBound
        }
        try xml.text(text, utf8Range: position..<text.utf8.count)
    }
}
