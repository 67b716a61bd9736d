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
        var otherKey: [UInt8]
    }

    public func check(_ documents: [CheckDocument], workspace: CheckWorkspace, into report: inout CheckReport) {
        var bySource: [[UInt8]: [Occurrence]] = [:]
        var byTarget: [[UInt8]: [Occurrence]] = [:]
        for (d, document) in documents.enumerated() {
            let untranslated = workspace.untranslated(document)
            for unit in document.units {
                guard let target = unit.target, untranslated[unit.index] == nil else { continue }
                let sourceKey = ComparisonKey.bytes(unit.source)
                let targetKey = ComparisonKey.bytes(target)
                guard !sourceKey.isEmpty, !targetKey.isEmpty else { continue }
                bySource[sourceKey, default: []].append(Occurrence(document: d, unit: unit.index, otherKey: targetKey))
                byTarget[targetKey, default: []].append(Occurrence(document: d, unit: unit.index, otherKey: sourceKey))
            }
        }
        var groups: [(occurrences: [Occurrence], side: Side)] = []
        for occurrences in bySource.values where occurrences.count > 1 { groups.append((occurrences, .source)) }
        for occurrences in byTarget.values where occurrences.count > 1 { groups.append((occurrences, .target)) }
        for group in groups {
            findings(for: group.occurrences, sameSide: group.side, documents: documents, into: &report.findings)
        }
    }

    /// Findings for units that share their `sameSide` text but differ on the other side.
    ///
    /// - Complexity: O(*k*) for *k* occurrences.
    func findings(for occurrences: [Occurrence], sameSide: Side, documents: [CheckDocument], into findings: inout [Finding]) {
        var variants: [[UInt8]: [Int]] = [:]
        for (i, occurrence) in occurrences.enumerated() { variants[occurrence.otherKey, default: []].append(i) }
        guard variants.count > 1 else { return }
        let dominant = variants.max { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key.lexicographicallyPrecedes($1.key) }!
        // Up to three places of each variant, to name in messages, variants in order of first occurrence.
        let samples = variants.sorted { $0.value[0] < $1.value[0] }.map { (key: $0.key, places: Array($0.value.prefix(3))) }
        for occurrence in occurrences {
            let document = documents[occurrence.document]
            var shown: [Int] = []
            for (key, places) in samples where key != occurrence.otherKey && shown.count < 3 { shown += places.prefix(3 - shown.count) }
            let othersCount = occurrences.count - variants[occurrence.otherKey]!.count
            let places = shown.map { index -> String in
                let other = occurrences[index]
                let unit = documents[other.document].units[other.unit]
                let text = (sameSide == .source ? unit.target : unit.source) ?? ""
                return "\(documents[other.document].id) segment \(other.unit): «\(Self.shorten(text))»"
            }.joined(separator: "; ")
            let more = othersCount > shown.count ? " and \(othersCount - shown.count) more" : ""
            let (rule, message): (String, String)
            if sameSide == .source {
                rule = "inconsistent-translation.same-source"
                message = "the same source is translated differently elsewhere: \(places)\(more)"
            } else {
                rule = "inconsistent-translation.same-target"
                message = "the same translation is given for a different source elsewhere: \(places)\(more)"
            }
            let suggestion = sameSide == .source && dominant.value.count > 1 && dominant.key != occurrence.otherKey
                ? "use the translation used \(dominant.value.count) times" : "make the translations agree"
            findings.append(Finding(
                Self.category, rule, .warning, message, suggestion: suggestion, document: document,
                segment: occurrence.unit, side: sameSide == .source ? .target : .source))
        }
    }

    static func shorten(_ text: String, to limit: Int = 80) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
