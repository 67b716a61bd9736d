/// One result of any check prevod runs — glossary lint, file validation, source and bitext checks — so every report
/// (text, JSON, HTML) and every exit code is computed the same way.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: return 0
            case .warning: return 1
            case .error: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The family of the check (`name-variant`, `mixed-script`, `glossary`, `number`, `untranslated`, `lint`, ...).
    public var category: String
    /// The specific rule (`glossary.missing-rendering`, `lint.duplicate-entry`).
    public var rule: String
    public var severity: Severity
    /// What is wrong, in words a person can act on.
    public var message: String
    /// What to do about it, when there is a clear fix.
    public var suggestion: String?
    public var location: FindingLocation

    public init(
        category: String, rule: String, severity: Severity, message: String, suggestion: String? = nil,
        location: FindingLocation
    ) {
        self.category = category
        self.rule = rule
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
        self.location = location
    }
}

/// Where a finding is: a place in a file, a segment of a document, or both.
public struct FindingLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file, with line and column when known.
    public var source: SourceLocation?
    /// The document (article id) the finding belongs to.
    public var document: String?
    /// Index of the segment (or aligned pair) in the document, from 0.
    public var segment: Int?
    /// Character (Unicode scalar) offsets inside the segment.
    public var range: Range<Int>?
    /// Which side of a bitext: `source` (Bulgarian) or `target` (English).
    public var side: String?

    public init(
        source: SourceLocation? = nil, document: String? = nil, segment: Int? = nil, range: Range<Int>? = nil,
        side: String? = nil
    ) {
        self.source = source
        self.document = document
        self.segment = segment
        self.range = range
        self.side = side
    }

    public var description: String {
        var parts: [String] = []
        if let source { parts.append(source.description) }
        if let document, source == nil || source?.file != document { parts.append(document) }
        if let segment { parts.append("segment \(segment)") }
        return parts.isEmpty ? "-" : parts.joined(separator: ": ")
    }
}

extension Finding: CustomStringConvertible {
    /// `file:line:column: warning: message [rule]`, the style compilers and linters use.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message) [\(rule)]"
        if let suggestion { text += "\n  suggestion: \(suggestion)" }
        return text
    }
}
