import Corpus
import Foundation

/// What kind of thing an entry names. It decides the defaults of inflection (personal names take no article) and
/// of clitics inside a term, and lets checks treat names and terms differently.
public enum EntryType: String, Sendable, Hashable, CaseIterable {
    case person, place, organisation, agency, term, adjective, event, other

    /// Reads a type label as glossaries write it: the canonical names, and the synonyms other glossaries use
    /// (`country`, `city` → place; `org`, `organization`, `company`, `brand` → organisation; `title`, `idiom`,
    /// `month`, `concept` → term; `adj` → adjective). Returns nil for anything else.
    public init?(label: String) {
        let key = label.trimmingCharacters(in: .whitespaces).lowercased()
        if let exact = EntryType(rawValue: key) {
            self = exact
            return
        }
        switch key {
        case "country", "city", "region", "territory", "location", "loc", "gpe": self = .place
        case "org", "organization", "company", "brand", "institution", "party": self = .organisation
        case "news agency", "news-agency": self = .agency
        case "per", "people", "name": self = .person
        case "title", "idiom", "month", "concept", "phrase", "noun": self = .term
        case "adj": self = .adjective
        case "misc": self = .other
        default: return nil
        }
    }
}

/// How the letter case of a text occurrence must relate to the entry.
public enum CaseRule: String, Sendable, Hashable, CaseIterable {
    /// Decided per word of the entry: a word with capitals after its first letter (an acronym such as ТАСС, КЦТА,
    /// МВнР) must appear exactly so; a capitalized word must appear capitalized (so the name Роза does not match
    /// the flower роза); a lower-case word matches in any case (a sentence-initial capital, a headline in capitals).
    case auto
    /// Every word exactly as written in the entry (after NFC).
    case exact
    /// Any case.
    case ignore
}

/// One glossary entry: a Bulgarian base form and its English renderings, with what the matcher and the checks need.
public struct GlossaryEntry: Sendable, Hashable {
    /// Stable within a glossary, e.g. "putin" or "e12".
    public var id: String
    /// The Bulgarian base form (lemma): "Курска област", "руски", "ТАСС".
    public var source: String
    /// English renderings, the preferred one first.
    public var targets: [String]
    public var type: EntryType?
    /// Universal Dependencies part of speech of the (head) word: NOUN, PROPN, ADJ; X switches inflection off.
    public var partOfSpeech: String?
    /// Masc, Fem or Neut (UD); inferred from the ending when absent.
    public var gender: String?
    /// Explicit extra Bulgarian forms, matched besides the generated ones.
    public var forms: [String]
    /// English variants checks must flag (Kiev where the glossary says Kyiv).
    public var forbidden: [String]
    /// How letter case must match (see ``CaseRule``); `caseSensitive` is the same setting seen as a flag.
    public var caseRule: CaseRule
    public var note: String?
    /// Where the rendering comes from (the "source" column): an agency style guide, CLDR, a URL.
    public var origin: String?
    /// Where the entry was read from.
    public var location: SourceLocation?
    /// Whether a short clitic (ви, ни, си, ...) may stand after the first word, as in "въоръжените ви сили";
    /// nil: decided from the type (yes for multiword terms, no for names).
    public var allowsClitics: Bool?
    /// The type label as written in the file when it is not one prevod knows (lint reports it); nil otherwise.
    public var unknownTypeLabel: String?
    /// Any further columns of the source file (name → value), kept so conversions lose nothing.
    public var extra: [String: String]

    /// Acronyms such as ТАСС match only in capitals: true when ``caseRule`` is `.exact`.
    public var caseSensitive: Bool {
        get { caseRule == .exact }
        set { caseRule = newValue ? .exact : .auto }
    }

    public init(
        id: String, source: String, targets: [String], type: EntryType? = nil, partOfSpeech: String? = nil,
        gender: String? = nil, forms: [String] = [], forbidden: [String] = [], caseSensitive: Bool = false,
        note: String? = nil, origin: String? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.source = source
        self.targets = targets
        self.type = type
        self.partOfSpeech = partOfSpeech
        self.gender = gender
        self.forms = forms
        self.forbidden = forbidden
        self.caseRule = caseSensitive ? .exact : .auto
        self.note = note
        self.origin = origin
        self.location = location
        self.allowsClitics = nil
        self.unknownTypeLabel = nil
        self.extra = [:]
    }

    /// The preferred English rendering ("" when the entry has none).
    public var target: String { targets.first ?? "" }
}
