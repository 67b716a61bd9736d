import XMLKit

/// What the exchange files say about each glossary entry, rendered once instead of at every hit: the body of an
/// XLIFF 2 `gls:glossEntry` (`gls:term`, `gls:translation`s, `gls:definition`) as an ``XMLFragment``, and the
/// part of an XLIFF 1.2 term note after the surface ("→ Putin [person]; note").
///
/// `prepare` renders the whole glossary once per run and hands it to every article; a ``PreparedArticle`` made
/// without one renders the entries it uses when written. Either way the bytes are the same.
public struct GlossaryMarkup: Sendable {
    /// The depth of a glossary entry's body in an XLIFF 2 document: xliff › file › unit › gls:glossary ›
    /// gls:glossEntry › body.
    static let entryBodyDepth = 5

    private var bodies: [Int: Result<XMLFragment, XMLWriterError>] = [:]
    private var noteSuffixes: [Int: String] = [:]

    /// Renders the entries at `indexes` of `entries`.
    public init(entries: [TermEntry], indexes: some Sequence<Int>) {
        for index in indexes {
            let entry = entries[index]
            bodies[index] = Result { () throws(XMLWriterError) in
                try XMLWriter.fragment(depth: Self.entryBodyDepth) { xml throws(XMLWriterError) in
                    try xml.element("gls:term", ["source": "glossary:" + entry.id], text: entry.source)
                    for translation in entry.translations { try xml.element("gls:translation", text: translation) }
                    if entry.translations.isEmpty || entry.note != nil {
                        try xml.element("gls:definition", text: entry.note ?? "no English rendering in the glossary")
                    }
                }
            }
            noteSuffixes[index] = Self.noteSuffix(entry)
        }
    }

    /// The whole glossary.
    public init(entries: [TermEntry]) {
        self.init(entries: entries, indexes: entries.indices)
    }

    /// The XLIFF 2 `gls:glossEntry` body of entry `index` (or the error writing it met).
    ///
    /// - Precondition: the entry was rendered.
    func entryBody(_ index: Int) throws(XMLWriterError) -> XMLFragment {
        guard let body = bodies[index] else { preconditionFailure("glossary entry \(index) was not rendered") }
        return try body.get()
    }

    /// The XLIFF 1.2 note of entry `index` after its surface.
    ///
    /// - Precondition: the entry was rendered.
    func noteSuffix(_ index: Int) -> String {
        guard let suffix = noteSuffixes[index] else { preconditionFailure("glossary entry \(index) was not rendered") }
        return suffix
    }

    /// " → Putin | Poutine [person]; note": what follows the surface (and the base form) in a term note.
    static func noteSuffix(_ entry: TermEntry) -> String {
        var note = " → " + (entry.translations.isEmpty ? "?" : entry.translations.joined(separator: " | "))
        if let type = entry.type { note += " [\(type)]" }
        if let extra = entry.note { note += "; " + extra }
        return note
    }
}
