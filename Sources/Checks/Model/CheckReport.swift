import Corpus

/// Everything one run of the checker found, with what reports need to show it: the documents (source and target of
/// each finding) and the groups of name spellings.
public struct CheckReport: Sendable {
    public var documents: [CheckDocument]
    public var findings: [Finding]
    /// Names spelled more than one way across the corpus, with counts (the `name-variant` findings point into them).
    public var nameGroups: [NameVariantGroup]
    /// Inputs read, for the report's header.
    public var inputs: [String]
    /// Glossary files used, with their entry count.
    public var glossaries: [String]
    public var glossaryEntries: Int

    public init(
        documents: [CheckDocument] = [], findings: [Finding] = [], nameGroups: [NameVariantGroup] = [],
        inputs: [String] = [], glossaries: [String] = [], glossaryEntries: Int = 0
    ) {
        self.documents = documents
        self.findings = findings
        self.nameGroups = nameGroups
        self.inputs = inputs
        self.glossaries = glossaries
        self.glossaryEntries = glossaryEntries
    }

    /// Number of units (segments or aligned pairs) checked.
    public var unitCount: Int { documents.reduce(0) { $0 + $1.units.count } }

    /// Number of findings at `severity` or above.
    public func count(atLeast severity: Finding.Severity) -> Int { findings.count { $0.severity >= severity } }

    /// The unit a finding points at.
    public func unit(of finding: Finding) -> CheckUnit? {
        guard let segment = finding.location.segment, let document = document(named: finding.location.document) else { return nil }
        return document.units.indices.contains(segment) ? document.units[segment] : nil
    }

    public func document(named id: String?) -> CheckDocument? {
        guard let id else { return nil }
        if documentIndex == nil || documentIndex!.count != documents.count {
            return documents.first { $0.id == id }
        }
        return documentIndex![id].map { documents[$0] }
    }

    /// Findings ordered the way reports list them: by document (input order), segment, category, rule.
    public mutating func sortFindings() {
        var order: [String: Int] = [:]
        for (i, document) in documents.enumerated() where order[document.id] == nil { order[document.id] = i }
        documentIndex = order
        findings.sort { a, b in
            let da = a.location.document.flatMap { order[$0] } ?? Int.max
            let db = b.location.document.flatMap { order[$0] } ?? Int.max
            if da != db { return da < db }
            let sa = a.location.segment ?? -1
            let sb = b.location.segment ?? -1
            if sa != sb { return sa < sb }
            let ca = CheckCategory.all.firstIndex(of: a.category) ?? Int.max
            let cb = CheckCategory.all.firstIndex(of: b.category) ?? Int.max
            if ca != cb { return ca < cb }
            if a.rule != b.rule { return a.rule < b.rule }
            return (a.location.range?.lowerBound ?? 0) < (b.location.range?.lowerBound ?? 0)
        }
    }

    private var documentIndex: [String: Int]?
}

/// One name spelled more than one way across a corpus: every spelling with its inflected forms, counts and places,
/// and the spelling prevod proposes.
public struct NameVariantGroup: Sendable, Hashable {
    public struct Spelling: Sendable, Hashable {
        /// The base spelling (inflected forms grouped under it).
        public var text: String
        /// The forms met in the text ("Тръмп", "Тръмпа").
        public var forms: [String]
        /// Occurrences in the corpus.
        public var count: Int
        /// Documents and units where it occurs.
        public var places: [Place]
        /// Whether the glossary has this spelling.
        public var inGlossary: Bool

        public init(text: String, forms: [String], count: Int, places: [Place], inGlossary: Bool) {
            self.text = text
            self.forms = forms
            self.count = count
            self.places = places
            self.inGlossary = inGlossary
        }

        public var documentCount: Int { Set(places.map(\.document)).count }
    }

    public struct Place: Sendable, Hashable {
        public var document: String
        public var segment: Int

        public init(document: String, segment: Int) {
            self.document = document
            self.segment = segment
        }
    }

    /// The spelling to use: the glossary's, or the one used most.
    public var preferred: String
    /// Why it is preferred: `glossary` or `dominant`.
    public var reason: String
    /// The English rendering that ties the spellings together, when known (glossary or translation).
    public var english: String?
    /// Spellings, the preferred one first.
    public var spellings: [Spelling]

    public init(preferred: String, reason: String, english: String?, spellings: [Spelling]) {
        self.preferred = preferred
        self.reason = reason
        self.english = english
        self.spellings = spellings
    }
}
