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
    static func problem(of unit: CheckUnit) -> Problem? {
        guard let target = unit.target else { return nil }
        let sourceKey = ComparisonKey.of(unit.source)
        let targetKey = ComparisonKey.of(target)
        if targetKey.isEmpty { return sourceKey.isEmpty ? nil : .empty }
        if targetKey == sourceKey { return ScriptProfile(unit.source).cyrillic > 0 ? .copy : nil }
        let profile = ScriptProfile(target)
        if profile.letters > 0, profile.cyrillicShare >= bulgarianShare { return .bulgarian(share: profile.cyrillicShare) }
        return nil
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
