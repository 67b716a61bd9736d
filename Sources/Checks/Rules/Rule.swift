import Corpus
import Terminology

/// A check that looks at one document at a time (most rules: a unit, or the units of a paragraph).
///
/// Rules are values without state; whatever is expensive or not thread-safe (ICU handles, term matchers) lives in the
/// ``CheckWorkspace`` of the task that runs them.
public protocol DocumentRule: Sendable {
    /// The category every finding of the rule carries (`untranslated`, `mixed-script`, ...).
    static var category: String { get }
    /// Appends the findings of `document` to `findings`.
    func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding])
}

/// A check that needs the whole corpus at once (names across articles, the same sentence translated twice).
public protocol CorpusRule: Sendable {
    static var category: String { get }
    func check(_ documents: [CheckDocument], workspace: CheckWorkspace, into report: inout CheckReport)
}

/// What one task of the checker holds: ICU handles that are not thread-safe, the compiled glossary.
public final class CheckWorkspace {
    public let settings: CheckSettings
    private var termMatcher: TermMatcher?
    /// ``Untranslated``'s verdict on the units of the document the rules are looking at (every rule asks).
    private var untranslatedDocument: (id: String, file: String, problems: [Untranslated.Problem?])?
    private var matcherFailed = false

    public init(settings: CheckSettings) {
        self.settings = settings
    }

    /// What is untranslated about each unit of `document`, computed once for all the rules that ask.
    func untranslated(_ document: CheckDocument) -> [Untranslated.Problem?] {
        if let cached = untranslatedDocument, cached.id == document.id, cached.file == document.file, cached.problems.count == document.units.count {
            return cached.problems
        }
        let problems = document.units.map(Untranslated.problem(of:))
        untranslatedDocument = (document.id, document.file, problems)
        return problems
    }

    /// A matcher over the glossary (nil without a glossary, or when ICU's word iterator cannot be opened).
    func matcher() -> TermMatcher? {
        if let termMatcher { return termMatcher }
        guard let terms = settings.terms, !matcherFailed else { return nil }
        termMatcher = try? TermMatcher(index: terms)
        matcherFailed = termMatcher == nil
        return termMatcher
    }
}

extension Finding {
    /// A finding of a rule at a unit of a document.
    init(
        _ category: String, _ rule: String, _ severity: Severity, _ message: String, suggestion: String? = nil,
        document: CheckDocument, segment: Int?, side: Side? = nil, range: Range<Int>? = nil
    ) {
        self.init(
            category: category, rule: rule, severity: severity, message: message, suggestion: suggestion,
            location: document.location(segment: segment, side: side, range: range))
    }
}
