import Terminology

/// What the checker runs and with which data.
public struct CheckSettings: Sendable {
    /// Categories to run (nil: all). Names as in ``CheckCategory``.
    public var categories: Set<String>?
    /// The glossary, compiled for matching (nil: no glossary checks; name checks work from the corpus alone).
    public var terms: TermIndex?
    /// Report every glossary name whose rendering is missing from the translation, not only misspelled ones.
    public var strictTerms: Bool

    public init(categories: Set<String>? = nil, terms: TermIndex? = nil, strictTerms: Bool = false) {
        self.categories = categories
        self.terms = terms
        self.strictTerms = strictTerms
    }

    /// The glossary's entries (none without a glossary).
    public var glossaryEntries: [GlossaryEntry] { terms?.glossary.entries ?? [] }

    func runs(_ category: String) -> Bool { categories?.contains(category) ?? true }
}

/// The categories of findings `prevod check` reports.
public enum CheckCategory {
    /// Spellings of one name that differ across the corpus (source).
    public static let nameVariant = "name-variant"
    /// Latin look-alikes in Cyrillic words and the reverse, invisible characters (either side).
    public static let mixedScript = "mixed-script"
    /// A glossary term whose English rendering is missing or wrong; a forbidden variant used.
    public static let glossary = "glossary"
    /// A number of the source missing from the target, or an extra number in the target.
    public static let number = "number"
    /// An empty target, or a target that is a copy of the source.
    public static let untranslated = "untranslated"
    /// Cyrillic words left in the English.
    public static let scriptInTarget = "script-in-target"
    /// One source translated differently, or different sources translated the same.
    public static let inconsistentTranslation = "inconsistent-translation"
    /// End punctuation and quotes that differ between source and target, unbalanced quotes and brackets.
    public static let punctuation = "punctuation"
    /// Double spaces, spaces before punctuation, leading and trailing spaces.
    public static let whitespace = "whitespace"

    /// Every category, in the order reports list them.
    public static let all = [
        nameVariant, mixedScript, glossary, number, untranslated, scriptInTarget, inconsistentTranslation, punctuation,
        whitespace,
    ]
}
