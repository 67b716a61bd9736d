import Corpus

/// `punctuation` (end): the source and the translation end differently — a question that became a statement, a
/// sentence whose full stop was lost. Closing quotes and brackets are looked through (`нищо“.` and `nothing."` both
/// end with a full stop).
public struct EndPunctuation: DocumentRule {
    public static let category = CheckCategory.punctuation
    public init() {}

    enum Ending: String, Equatable {
        case fullStop = "."
        case question = "?"
        case exclamation = "!"
        case ellipsis = "…"
        case colon = ":"
        case semicolon = ";"
        case none = ""

        var name: String {
            switch self {
            case .fullStop: return "a full stop"
            case .question: return "a question mark"
            case .exclamation: return "an exclamation mark"
            case .ellipsis: return "an ellipsis"
            case .colon: return "a colon"
            case .semicolon: return "a semicolon"
            case .none: return "no punctuation"
            }
        }
    }

    static let closers: Set<Unicode.Scalar> = ["\"", "'", "“", "”", "’", "»", ")", "]", "‘"]

    /// The terminal punctuation of `text`, looking through closing quotes and brackets.
    static func ending(of text: String) -> Ending {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last.isSpace || closers.contains(last) { scalars.removeLast() }
        guard let last = scalars.last else { return .none }
        switch last {
        case ".":
            return scalars.count >= 3 && scalars[scalars.count - 2] == "." && scalars[scalars.count - 3] == "." ? .ellipsis : .fullStop
        case "?": return .question
        case "!": return .exclamation
        case "…": return .ellipsis
        case ":": return .colon
        case ";": return .semicolon
        default: return .none
        }
    }

    public func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding]) {
        let untranslated = workspace.untranslated(document)
        for unit in document.units {
            guard let target = unit.target, untranslated[unit.index] == nil else { continue }
            let source = Self.ending(of: unit.source)
            let translated = Self.ending(of: target)
            guard source != translated else { continue }
            // "?!" and "!" and "?", a full stop after an ellipsis: same intent.
            if Set([source, translated]).isSubset(of: [.fullStop, .ellipsis]) { continue }
            let severity: Finding.Severity = source == .question || translated == .question ? .warning : .info
            findings.append(Finding(
                Self.category, "punctuation.end", severity,
                "the source ends with \(source.name), the translation with \(translated.name)",
                suggestion: source == .none ? nil : "end the translation with «\(source.rawValue)»", document: document,
                segment: unit.index, side: .target))
        }
    }
}
