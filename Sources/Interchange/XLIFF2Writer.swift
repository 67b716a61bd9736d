import Corpus
import XMLKit

/// Writes an article as XLIFF 2.1: one `<file>` per article, a `<unit>` per paragraph, a `<segment>` per sentence
/// (state `initial`), an `<ignorable>` for the whitespace between sentences (so sources and ignorables rebuild the
/// paragraph byte for byte), `<mrk type="term">` around each glossary hit with the entry listed in the unit's
/// glossary module (`gls:glossEntry/@ref` pointing at the marker), and the article id, date and source in the
/// metadata module.
///
/// Output is deterministic: the same article and glossary give the same bytes.
public enum XLIFF2Writer {
    /// The document for one article.
    ///
    /// - Complexity: O(*n*) in the size of the article.
    public static func document(_ prepared: PreparedArticle) throws(InterchangeError) -> String {
        try prepared.checkCharacters()
        do {
            return try write(prepared)
        } catch {
            throw .invalid(SourceLocation(file: prepared.article.source), error.description)
        }
    }

    private static func write(_ prepared: PreparedArticle) throws(XMLWriterError) -> String {
        let article = prepared.article
        var xml = XMLWriter()
        try xml.start("xliff", [
            "xmlns": Namespaces.xliff2, "xmlns:gls": Namespaces.glossary, "xmlns:mda": Namespaces.metadata,
            "version": "2.1", "srcLang": prepared.sourceLanguage, "trgLang": prepared.targetLanguage,
        ])
        try xml.start("file", ["id": prepared.fileID, "original": article.source, "xml:space": "preserve"])
        try xml.element("skeleton", text: Skeleton(article).serialized())
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
            let hits = marks.enumerated().flatMap { s, list in list.enumerated().map { (s, $0, $1) } }
            if !hits.isEmpty {
                try xml.start("gls:glossary")
                for (n, (s, k, mark)) in hits.enumerated() {
                    let entry = prepared.entries[mark.entry]
                    try xml.start("gls:glossEntry", [
                        "id": Identifiers.glossEntry(paragraph: p, entry: n), "ref": "#" + Identifiers.term(paragraph: p, sentence: s, hit: k),
                    ])
                    try xml.element("gls:term", ["source": "glossary:" + entry.id], text: entry.source)
                    for translation in entry.translations { try xml.element("gls:translation", text: translation) }
                    if entry.translations.isEmpty || entry.note != nil {
                        try xml.element("gls:definition", text: entry.note ?? "no English rendering in the glossary")
                    }
                    xml.end()
                }
                xml.end()
            }
            for segment in paragraph.segments {
                let gap = paragraph.gap(before: segment.index)
                if !gap.isEmpty { try ignorable(String(gap), into: &xml) }
                try xml.start("segment", ["id": Identifiers.segment(paragraph: p, sentence: segment.index), "state": "initial"])
                try xml.startMixed("source")
                try marked(segment.text, marks[segment.index], paragraph: p, sentence: segment.index, entries: prepared.entries, into: &xml)
                xml.end()
                xml.end()
            }
            let tail = paragraph.gap(before: paragraph.segments.count)
            if !tail.isEmpty { try ignorable(String(tail), into: &xml) }
            xml.end()
        }
        return xml.finish()
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
            try xml.text(utf8Slice(text, position..<mark.range.lowerBound))
            try xml.start("mrk", ["id": Identifiers.term(paragraph: paragraph, sentence: sentence, hit: k), "type": "term"])
            try xml.text(utf8Slice(text, mark.range))
            xml.end()
            position = mark.range.upperBound
        }
        try xml.text(utf8Slice(text, position..<text.utf8.count))
    }
}

/// The substring of `text` at UTF-8 offsets `range`.
func utf8Slice(_ text: String, _ range: Range<Int>) -> String {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let end = utf8.index(start, offsetBy: range.count)
    return String(text[start..<end])
}
