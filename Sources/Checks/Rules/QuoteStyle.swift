import Corpus

/// `punctuation` (quotes): Bulgarian quotation marks (`„…“`, `«…»`) left in the English translation.
public struct QuoteStyle: DocumentRule {
    public static let category = CheckCategory.punctuation
    public init() {}

    public func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding]) {
        let untranslated = workspace.untranslated(document)
        for unit in document.units {
            guard let target = unit.target, untranslated[unit.index] == nil else { continue }
            if let offset = target.unicodeScalars.firstIndex(where: { $0 == "„" || $0 == "«" || $0 == "»" }) {
                let position = target.unicodeScalars.distance(from: target.unicodeScalars.startIndex, to: offset)
                let mark = target.unicodeScalars[offset]
                findings.append(Finding(
                    Self.category, "punctuation.quote-style", .warning,
                    "the English text uses the quotation mark «\(Character(mark))» (Bulgarian style)",
                    suggestion: "use English quotation marks “…” (or \"…\")", document: document, segment: unit.index,
                    side: .target, range: position..<position + 1))
            }
        }
    }
}
