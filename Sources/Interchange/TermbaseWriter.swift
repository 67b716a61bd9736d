import Corpus
import XMLKit

/// Writes glossary entries for CAT tools: TBX v2 (`martif`, valid against the TBX core structure DTD; OmegaT and
/// translate-toolkit read it) and OmegaT's tab-separated glossary.
///
/// These carry only what exchange files need (the entries a prepared corpus uses); converting whole glossaries
/// between formats is `prevod glossary`'s job.
public enum TermbaseWriter {
    /// TBX v2: a `termEntry` per entry with a Bulgarian `langSet` (the base form, part of speech) and an English one
    /// (every rendering, preferred first); the type and note as `<note>`s.
    public static func tbx(_ entries: [TermEntry], title: String, sourceLanguage: String = "bg", targetLanguage: String = "en") throws(InterchangeError) -> String {
        var xml = XMLWriter()
        do {
            try xml.start("martif", ["type": "TBX", "xml:lang": targetLanguage])
            try xml.start("martifHeader")
            try xml.start("fileDesc")
            try xml.start("sourceDesc")
            try xml.element("p", text: title)
            xml.end()
            xml.end()
            xml.end()
            try xml.start("text")
            try xml.start("body")
            var taken = Set<String>()
            for entry in entries {
                try xml.start("termEntry", ["id": uniqueXMLID(entry.id, taken: &taken)])
                if let type = entry.type { try xml.element("descrip", ["type": "subjectField"], text: type) }
                if let note = entry.note { try xml.element("note", text: note) }
                try xml.start("langSet", ["xml:lang": sourceLanguage])
                try xml.start("tig")
                try xml.element("term", text: entry.source)
                if let pos = entry.partOfSpeech { try xml.element("termNote", ["type": "partOfSpeech"], text: partOfSpeech(pos)) }
                xml.end()
                xml.end()
                if !entry.translations.isEmpty {
                    try xml.start("langSet", ["xml:lang": targetLanguage])
                    for translation in entry.translations {
                        try xml.start("tig")
                        try xml.element("term", text: translation)
                        xml.end()
                    }
                    xml.end()
                }
                xml.end()
            }
            if entries.isEmpty {
                // The DTD needs at least one termEntry; an empty glossary gets an explicit placeholder.
                try xml.start("termEntry", ["id": "empty"])
                try xml.element("note", text: "no glossary entry was used")
                try xml.start("langSet", ["xml:lang": sourceLanguage])
                try xml.start("tig")
                try xml.element("term", text: "")
                xml.end()
                xml.end()
                xml.end()
            }
        } catch {
            throw .invalid(SourceLocation(file: title), error.description)
        }
        return xml.finish()
    }

    /// OmegaT's glossary: `source TAB target TAB comment` per line, UTF-8; every further rendering on its own line.
    /// Tabs and line breaks inside a field become spaces (the format has no escape).
    public static func omegaT(_ entries: [TermEntry]) -> String {
        func field(_ text: String) -> String {
            String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        }
        var out = ""
        for entry in entries {
            var comment = [entry.type, entry.note].compactMap { $0 }.joined(separator: "; ")
            if entry.translations.count > 1 { comment = (comment.isEmpty ? "" : comment + "; ") + "preferred: \(entry.translations[0])" }
            for translation in entry.translations.isEmpty ? [""] : entry.translations {
                out += field(entry.source) + "\t" + field(translation) + "\t" + field(comment) + "\n"
            }
        }
        return out
    }

    /// TBX part-of-speech picklist values for the UD tags glossaries use.
    static func partOfSpeech(_ tag: String) -> String {
        switch tag.uppercased() {
        case "PROPN": return "properNoun"
        case "NOUN": return "noun"
        case "ADJ": return "adjective"
        case "VERB": return "verb"
        case "ADV": return "adverb"
        default: return "other"
        }
    }

    /// An XML `ID` (a name: a letter first, no colon), unique in the document.
    static func uniqueXMLID(_ id: String, taken: inout Set<String>) -> String {
        var base = Identifiers.token(id)
        if let first = base.unicodeScalars.first, !("a"..."z" ~= first || "A"..."Z" ~= first || first == "_") { base = "e" + base }
        var candidate = base
        var n = 2
        while !taken.insert(candidate).inserted {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }
}
