import Corpus
import XMLKit

/// Writes an article as XLIFF 1.2 (strict schema) for OmegaT and Trados: a `<group>` per paragraph, a
/// `<trans-unit>` per sentence with `<target state="needs-translation">` pre-filled with the source (OmegaT
/// translates only inside `<target>` and skips units without one), glossary hits as `<mrk mtype="term">` in the
/// source and as `<note>`s, and the paragraph structure in the header's skeleton.
public enum XLIFF12Writer: ArticleDocumentWriter {
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
        try xml.start("xliff", ["xmlns": Namespaces.xliff12, "version": "1.2"])
        try xml.start("file", [
            "original": article.source, "source-language": prepared.sourceLanguage, "target-language": prepared.targetLanguage,
            "datatype": "plaintext", "tool-id": "prevod",
        ])
        try xml.start("header")
        try xml.start("skl")
        try xml.element("internal-file", ["form": Skeleton.form], text: prepared.skeleton)
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
                    try xml.text(text, utf8Range: position..<mark.range.lowerBound)
                    try xml.start("mrk", ["mtype": "term"])
                    try xml.text(text, utf8Range: mark.range)
                    xml.end()
                    position = mark.range.upperBound
                }
                try xml.text(text, utf8Range: position..<text.utf8.count)
                xml.end()
                if let target = prepared.target(paragraph: p, sentence: segment.index) {
                    try xml.element("target", ["xml:lang": prepared.targetLanguage, "state": "translated", "state-qualifier": target.qualifier], text: target.text)
                } else {
                    try xml.element("target", ["xml:lang": prepared.targetLanguage, "state": "needs-translation"], text: text)
                }
                // A note per entry, at its first hit: "Курската област (Курска област) → Kursk Oblast [place]".
                for (k, mark) in marks.enumerated() where !marks[..<k].contains(where: { $0.entry == mark.entry }) {
                    let entry = prepared.entries[mark.entry]
                    try xml.start("note", ["from": "glossary", "annotates": "source"])
                    try xml.text(text, utf8Range: mark.range)
                    if !isBaseForm(text, mark.range, of: entry) {
                        try xml.text(" (")
                        try xml.text(entry.source)
                        try xml.text(")")
                    }
                    try xml.text(glossary.noteSuffix(mark.entry))
                    xml.end()
                }
                xml.end()
            }
            xml.end()
        }
        return xml.finishBytes()
    }

    /// Whether the hit at UTF-8 offsets `range` of `text` is the entry's base form (string equality, so
    /// canonically equivalent spellings count as the same; equal bytes answer without building a string).
    static func isBaseForm(_ text: String, _ range: Range<Int>, of entry: TermEntry) -> Bool {
        var text = text
        var source = entry.source
        let sameBytes = text.withUTF8 { utf8 in source.withUTF8 { $0.elementsEqual(utf8[range]) } }
        if sameBytes { return true }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[start..<utf8.index(start, offsetBy: range.count)] == entry.source
    }
}
