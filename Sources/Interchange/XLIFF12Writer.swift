import Corpus
import XMLKit

/// Writes an article as XLIFF 1.2 (strict schema) for OmegaT and Trados: a `<group>` per paragraph, a
/// `<trans-unit>` per sentence with `<target state="needs-translation">` pre-filled with the source (OmegaT
/// translates only inside `<target>` and skips units without one), glossary hits as `<mrk mtype="term">` in the
/// source and as `<note>`s, and the paragraph structure in the header's skeleton.
public enum XLIFF12Writer {
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
        try xml.start("xliff", ["xmlns": Namespaces.xliff12, "version": "1.2"])
        try xml.start("file", [
            "original": article.source, "source-language": prepared.sourceLanguage, "target-language": prepared.targetLanguage,
            "datatype": "plaintext", "tool-id": "prevod",
        ])
        try xml.start("header")
        try xml.start("skl")
        try xml.element("internal-file", ["form": Skeleton.form], text: Skeleton(article).serialized())
        xml.end()
        try xml.start("tool", ["tool-id": "prevod", "tool-name": "prevod"])
        xml.end()
        var note = "article \(article.id)"
        if let date = article.date { note += ", \(date)" }
        try xml.element("note", ["from": "prevod"], text: note)
        xml.end()
        try xml.start("body")
        for paragraph in article.paragraphs {
            let p = paragraph.index
            try xml.start("group", ["id": Identifiers.unit(paragraph: p), "restype": "x-paragraph"])
            for segment in paragraph.segments {
                let id = Identifiers.segment(paragraph: p, sentence: segment.index)
                let marks = prepared.marks[p][segment.index]
                try xml.start("trans-unit", ["id": id, "resname": Identifiers.global(article: article.id, segment: id), "xml:space": "preserve"])
                try xml.startMixed("source", ["xml:lang": prepared.sourceLanguage])
                var position = 0
                let text = segment.text
                for mark in marks {
                    try xml.text(utf8Slice(text, position..<mark.range.lowerBound))
                    try xml.element("mrk", ["mtype": "term"], text: utf8Slice(text, mark.range))
                    position = mark.range.upperBound
                }
                try xml.text(utf8Slice(text, position..<text.utf8.count))
                xml.end()
                try xml.element("target", ["xml:lang": prepared.targetLanguage, "state": "needs-translation"], text: text)
                var noted = Set<Int>()
                for mark in marks where noted.insert(mark.entry).inserted {
                    try xml.element("note", ["from": "glossary", "annotates": "source"], text: termNote(prepared.entries[mark.entry], surface: utf8Slice(text, mark.range)))
                }
                xml.end()
            }
            xml.end()
        }
        return xml.finish()
    }

    /// "Путин → Putin (person)" style note for one glossary hit.
    static func termNote(_ entry: TermEntry, surface: String) -> String {
        var note = surface == entry.source ? surface : "\(surface) (\(entry.source))"
        note += " → " + (entry.translations.isEmpty ? "?" : entry.translations.joined(separator: " | "))
        if let type = entry.type { note += " [\(type)]" }
        if let extra = entry.note { note += "; " + extra }
        return note
    }
}
