import Terminology

/// A loaded glossary for exchange files: the entries as ``TermEntry``s and the Terminology module's compiled index,
/// from which each worker gets its own `TermMatcher`.
public struct GlossaryTerms: TermAnnotatorFactory {
    public let entries: [TermEntry]
    public let index: TermIndex
    /// The glossary itself (entry `i` is ``entries``[i]).
    public var glossary: Glossary { index.glossary }

    /// Loads glossary files (any format Terminology reads), gives entries without an id one, and compiles the index.
    public static func load(_ files: [String]) throws -> GlossaryTerms {
        var glossary = try Glossary.load(files)
        glossary.assignIDs()
        return try GlossaryTerms(glossary)
    }

    public init(_ glossary: Glossary) throws {
        index = try TermIndex(glossary)
        entries = glossary.entries.map { entry in
            TermEntry(id: entry.id, source: entry.source, translations: entry.targets, type: entry.type?.rawValue, partOfSpeech: entry.partOfSpeech, note: entry.note)
        }
    }

    public func makeAnnotator() throws -> TermAnnotator {
        let matcher = try TermMatcher(index: index)
        return { text in matcher.hits(in: text).map { TermMark(range: $0.range, entry: $0.entryIndex) } }
    }
}

extension GlossaryTerms {
    /// The entries at `indexes` (ascending) as a glossary of their own: what a kit or a prepared corpus uses.
    public func subset(_ indexes: [Int]) -> Glossary {
        Glossary(entries: indexes.map { glossary.entries[$0] })
    }

    /// The entries used, as OmegaT's tab-separated glossary, written by the Terminology module with a line for
    /// every inflected form prevod matches (OmegaT matches glossary entries by text, so "Курската област" needs
    /// its own line).
    public func omegaTGlossary(_ indexes: [Int]) throws -> String {
        try GlossaryWriter.write(subset(indexes), format: .omegat, withForms: true)
    }

    /// The entries used as TBX v2 (TBX-Basic `martif`), written by the Terminology module; nil when none is used
    /// (a TBX body needs at least one entry).
    public func tbxGlossary(_ indexes: [Int]) throws -> String? {
        indexes.isEmpty ? nil : try GlossaryWriter.write(subset(indexes), format: .tbx)
    }
}
