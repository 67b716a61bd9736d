import Corpus

/// `punctuation` (pairs): quotation marks and brackets that open and never close, or close without opening.
///
/// In a corpus, pairs are matched over the whole document (a quotation may run over several sentences and
/// paragraphs); a paragraph that opens a quotation while one is still open continues it (news style for quotations
/// over several paragraphs). In a bitext, where a quotation may run over several units, a unit is reported only when its source
/// and its target are unbalanced differently — the translation opened a quotation the source did not, or lost a
/// bracket. `а)`, `1)` are list markers, not closing brackets; straight quotes (`"`) open or close by position.
public struct UnbalancedPairs: DocumentRule {
    public static let category = CheckCategory.punctuation
    public init() {}

    /// A quotation mark or bracket left without its partner.
    struct Mark: Equatable {
        enum Kind: String { case quote = "quotation", parenthesis, bracket, guillemet }
        var scalar: Unicode.Scalar
        var kind: Kind
        var opens: Bool
        var unit: Int
        var offset: Int
    }

    public func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding]) {
        if document.isBitext {
            let untranslated = workspace.untranslated(document)
            for unit in document.units where untranslated[unit.index] == nil {
                var source = Scanner(side: .source)
                source.scan(unit.source, unit: unit.index)
                var target = Scanner(side: .target)
                target.scan(unit.target ?? "", unit: unit.index)
                let (s, t) = (source.leftovers, target.leftovers)
                guard Self.signature(s) != Self.signature(t) else { continue }
                // Report the side whose leftovers the other side does not mirror.
                let sourceSignature = Self.signature(s)
                let targetSignature = Self.signature(t)
                for mark in t where !sourceSignature.contains(Self.key(mark)) {
                    report(mark, side: .target, document: document, into: &findings)
                }
                for mark in s where !targetSignature.contains(Self.key(mark)) {
                    report(mark, side: .source, document: document, into: &findings)
                }
            }
            return
        }
        // A corpus: the whole document, since a quotation may run over several paragraphs (and the lines of some
        // corpora are sentences). A paragraph that opens a quotation while one is still open continues it.
        var scanner = Scanner(side: .source)
        for unit in document.units {
            if unit.index > 0, unit.paragraph != document.units[unit.index - 1].paragraph, Self.opensWithQuote(unit.source),
                let top = scanner.stack.last, top.kind == .quote
            {
                scanner.stack.removeLast()
            }
            scanner.scan(unit.source, unit: unit.index)
        }
        for mark in scanner.leftovers { report(mark, side: .source, document: document, into: &findings) }
    }

    static func key(_ mark: Mark) -> String { "\(mark.kind)\(mark.opens)" }

    static func signature(_ marks: [Mark]) -> [String] { marks.map(key).sorted() }

    static func opensWithQuote(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "„" || first == "“" || first == "\"" || first == "«"
    }

    func report(_ mark: Mark, side: Side, document: CheckDocument, into findings: inout [Finding]) {
        let language = side == .source ? "Bulgarian" : "English"
        let message = mark.opens
            ? "«\(Character(mark.scalar))» opens a \(mark.kind.rawValue) that is never closed in the \(language) text"
            : "«\(Character(mark.scalar))» closes a \(mark.kind.rawValue) that was never opened in the \(language) text"
        findings.append(Finding(
            Self.category, "punctuation.unbalanced", .warning, message,
            suggestion: mark.opens ? "close it or remove it" : "add the opening mark or remove it", document: document,
            segment: mark.unit, side: side, range: mark.offset..<mark.offset + 1))
    }

    /// Matches pairs over one or more texts of one side.
    struct Scanner {
        let side: Side
        var stack: [Mark] = []
        var unmatched: [Mark] = []
        /// Quotations whose last nested quotation closed with them: `„… „…“,` writes one closing mark for both.
        var merged: Set<Int> = []

        /// What is left unmatched: closers without openers and openers still open.
        var leftovers: [Mark] {
            unmatched + stack.filter { !(merged.contains($0.offset) && $0.kind == .quote) }
        }

        mutating func scan(_ text: String, unit: Int) {
            let scalars = Array(text.unicodeScalars)
            for (i, scalar) in scalars.enumerated() {
                func mark(_ kind: Mark.Kind, opens: Bool) -> Mark {
                    Mark(scalar: scalar, kind: kind, opens: opens, unit: unit, offset: i)
                }
                switch scalar {
                case "(": stack.append(mark(.parenthesis, opens: true))
                case "[": stack.append(mark(.bracket, opens: true))
                case "«": stack.append(mark(.guillemet, opens: true))
                case "„": stack.append(mark(.quote, opens: true))
                case ")":
                    if !stack.contains(where: { $0.scalar == "(" }), Self.isListMarker(scalars, at: i) { continue }
                    if i > 0, [":", ";"].contains(scalars[i - 1]) { continue }  // :)
                    close(mark(.parenthesis, opens: false), openers: ["("])
                case "]": close(mark(.bracket, opens: false), openers: ["["])
                case "»": close(mark(.guillemet, opens: false), openers: ["«"])
                case "”": close(mark(.quote, opens: false), openers: ["“", "„", "\""])
                case "“":
                    // Bulgarian: closes „; English (and English-style Bulgarian): opens.
                    if stack.last?.scalar == "„" || (side == .source && !Self.opensByPosition(scalars, at: i)) {
                        close(mark(.quote, opens: false), openers: ["„", "“"])
                    } else {
                        stack.append(mark(.quote, opens: true))
                    }
                case "'", "‘", "’":
                    // English single quotation marks; apostrophes (don't, Waters', '90s) are left alone.
                    guard side == .target else { continue }
                    if scalar != "’", Self.opensByPosition(scalars, at: i), i + 1 < scalars.count, WordScanner.isLetter(scalars[i + 1]),
                        i == 0 || !WordScanner.isLetter(scalars[i - 1])
                    {
                        stack.append(mark(.quote, opens: true))
                    } else if scalar != "‘", i > 0, stack.last.map({ $0.scalar == "'" || $0.scalar == "‘" }) ?? false
                        || ".,!?".unicodeScalars.contains(scalars[i - 1]), Self.closesByPosition(scalars, at: i)
                    {
                        close(mark(.quote, opens: false), openers: ["'", "‘"])
                    }
                case "\"":
                    if Self.opensByPosition(scalars, at: i) && !(stack.last?.scalar == "\"" && Self.closesByPosition(scalars, at: i)) {
                        stack.append(mark(.quote, opens: true))
                    } else {
                        close(mark(.quote, opens: false), openers: ["\"", "„", "“"])
                    }
                default: continue
                }
            }
        }

        mutating func close(_ mark: Mark, openers: Set<Unicode.Scalar>) {
            if let top = stack.last, openers.contains(top.scalar) {
                stack.removeLast()
                if top.kind == .quote, let outer = stack.last, outer.kind == .quote { merged.insert(outer.offset) }
            } else if let depth = stack.lastIndex(where: { openers.contains($0.scalar) }) {
                // Something opened inside it was never closed.
                unmatched += stack[(depth + 1)...]
                stack.removeSubrange(depth...)
            } else {
                unmatched.append(mark)
            }
        }

        /// A quotation mark opens when nothing or a space, an opening bracket or a dash is before it and a non-space
        /// follows.
        static func opensByPosition(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
            let before = i == 0 || scalars[i - 1].isSpace || "([{—–-/".unicodeScalars.contains(scalars[i - 1])
            let after = i + 1 < scalars.count && !scalars[i + 1].isSpace
            return before && after
        }

        /// A quotation mark closes when a non-space is before it and a space, punctuation or nothing follows.
        static func closesByPosition(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
            guard i > 0, !scalars[i - 1].isSpace else { return false }
            return i + 1 == scalars.count || !WordScanner.isLetter(scalars[i + 1])
        }

        /// `а)`, `1)`, `iv)` at the start of a text or after a space.
        static func isListMarker(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
            var start = i
            while start > 0, scalars[start - 1].properties.isAlphabetic || scalars[start - 1].properties.numericType != nil {
                start -= 1
            }
            guard start < i, i - start <= 3 else { return false }
            return start == 0 || scalars[start - 1].isSpace
        }
    }
}
