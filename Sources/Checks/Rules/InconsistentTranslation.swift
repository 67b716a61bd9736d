import Corpus

/// `inconsistent-translation`: one source sentence translated differently in different places, and different
/// source sentences sharing one translation. Case and whitespace differences do not count; untranslated units are
/// ``Untranslated``'s and are left out.
///
/// - Complexity: O(*n*) in the total length of the units (hashing).
public struct InconsistentTranslation: CorpusRule {
    public static let category = CheckCategory.inconsistentTranslation
    public init() {}

    struct Occurrence {
        var document: Int
        var unit: Int
        var otherKey: String
    }

    public func check(_ documents: [CheckDocument], workspace: CheckWorkspace, into report: inout CheckReport) {
        var bySource: [String: [Occurrence]] = [:]
        var byTarget: [String: [Occurrence]] = [:]
        for (d, document) in documents.enumerated() {
            for unit in document.units {
                guard let target = unit.target, Untranslated.problem(of: unit) == nil else { continue }
                let sourceKey = ComparisonKey.of(unit.source)
                let targetKey = ComparisonKey.of(target)
                guard !sourceKey.isEmpty, !targetKey.isEmpty else { continue }
                bySource[sourceKey, default: []].append(Occurrence(document: d, unit: unit.index, otherKey: targetKey))
                byTarget[targetKey, default: []].append(Occurrence(document: d, unit: unit.index, otherKey: sourceKey))
            }
        }
        for occurrences in bySource.values where occurrences.count > 1 {
            findings(for: occurrences, sameSide: .source, documents: documents, into: &report.findings)
        }
        for occurrences in byTarget.values where occurrences.count > 1 {
            findings(for: occurrences, sameSide: .target, documents: documents, into: &report.findings)
        }
    }

    /// Findings for units that share their `sameSide` text but differ on the other side.
    func findings(for occurrences: [Occurrence], sameSide: Side, documents: [CheckDocument], into findings: inout [Finding]) {
        var variants: [String: Int] = [:]
        for occurrence in occurrences { variants[occurrence.otherKey, default: 0] += 1 }
        guard variants.count > 1 else { return }
        for occurrence in occurrences {
            let document = documents[occurrence.document]
            let others = occurrences.filter { $0.otherKey != occurrence.otherKey }
            let places = others.prefix(3).map { other -> String in
                let unit = documents[other.document].units[other.unit]
                let text = (sameSide == .source ? unit.target : unit.source) ?? ""
                return "\(documents[other.document].id) segment \(other.unit): «\(Self.shorten(text))»"
            }.joined(separator: "; ")
            let more = others.count > 3 ? " and \(others.count - 3) more" : ""
            let (rule, message): (String, String)
            if sameSide == .source {
                rule = "inconsistent-translation.same-source"
                message = "the same source is translated differently elsewhere: \(places)\(more)"
            } else {
                rule = "inconsistent-translation.same-target"
                message = "the same translation is given for a different source elsewhere: \(places)\(more)"
            }
            let dominant = variants.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!
            let suggestion = sameSide == .source && dominant.value > 1 && dominant.key != occurrence.otherKey
                ? "use the translation used \(dominant.value) times" : "make the translations agree"
            findings.append(Finding(
                Self.category, rule, .warning, message, suggestion: suggestion, document: document,
                segment: occurrence.unit, side: sameSide == .source ? .target : .source))
        }
    }

    static func shorten(_ text: String, to limit: Int = 80) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
