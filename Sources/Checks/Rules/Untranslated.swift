import Corpus

/// `untranslated`: a target that is empty, a copy of the source, or still Bulgarian.
///
/// A copy of a source without Bulgarian letters ("Baden-Wuerttemberg", "2018", a URL) is a correct translation and
/// is not reported.
public struct Untranslated: DocumentRule {
    public static let category = CheckCategory.untranslated
    public init() {}

    /// A target counts as Bulgarian when at least this share of its letters are Cyrillic.
    static let bulgarianShare = 0.5

    enum Problem: Equatable {
        case empty, copy
        case bulgarian(share: Double)
    }

    /// What is untranslated about `unit`, if anything (other target checks skip such units).
    ///
    /// - Complexity: O(*n*); the texts are case-folded only when the target is mostly Cyrillic.
    static func problem(of unit: CheckUnit) -> Problem? {
        guard let target = unit.target else { return nil }
        if target.unicodeScalars.allSatisfy({ $0.isSpace }) {
            return unit.source.unicodeScalars.allSatisfy({ $0.isSpace }) ? nil : .empty
        }
        let profile = ScriptProfile(target)
        // A copy of a Bulgarian source is mostly Cyrillic too; anything else is a translation (or a copy of a
        // source without Bulgarian letters, which is one).
        guard profile.letters > 0, profile.cyrillicShare >= bulgarianShare else { return nil }
        if target == unit.source || ComparisonKey.of(target) == ComparisonKey.of(unit.source) { return .copy }
        return .bulgarian(share: profile.cyrillicShare)
    }

    public func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding]) {
        for unit in document.units {
            guard let problem = Self.problem(of: unit) else { continue }
            let (rule, message, suggestion): (String, String, String)
            switch problem {
            case .empty:
                (rule, message, suggestion) = ("untranslated.empty", "the translation is empty", "translate the segment")
            case .copy:
                (rule, message, suggestion) = (
                    "untranslated.copy", "the translation is a copy of the Bulgarian source", "translate the segment"
                )
            case .bulgarian(let share):
                (rule, message, suggestion) = (
                    "untranslated.bulgarian",
                    "the translation is in Bulgarian (\(Int((share * 100).rounded()))% of its letters are Cyrillic)",
                    "translate the segment into English"
                )
            }
            findings.append(Finding(
                Self.category, rule, .error, message, suggestion: suggestion, document: document, segment: unit.index,
                side: .target))
        }
    }
}
