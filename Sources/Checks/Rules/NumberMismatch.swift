import Corpus
import Numbers

/// `number`: every number of the Bulgarian source must be in the English translation, and the translation must not
/// add numbers. Values are compared after normalising each language's conventions (`3,5 млн.` = `3.5 million`,
/// `10 000` = `10,000`, `3 септември` = `September 3`, `80%` = `80 per cent`), so what is reported is a real
/// difference: a changed digit, a dropped number, `2.4` become `24`, million become billion.
///
/// Numbers written in words (`двама`, `fifty-eight`) may match a number in digits on the other side, but one left
/// without a partner is not reported: translators write small numbers either way.
public struct NumberMismatch: DocumentRule {
    public static let category = CheckCategory.number
    public init() {}

    public func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding]) {
        let untranslated = workspace.untranslated(document)
        for unit in document.units {
            guard let target = unit.target else { continue }
            // Without a digit on either side, only numbers in words can be found, and those are never reported.
            guard Self.hasDigit(unit.source) || Self.hasDigit(target), untranslated[unit.index] == nil else { continue }
            let source = NumberExtractor.bulgarian(unit.source)
            let translated = NumberExtractor.english(target)
            guard !source.isEmpty || !translated.isEmpty else { continue }
            let (missing, extra) = Self.unmatched(source, translated)
            let missingDigits = missing.filter { !source[$0].spelledOut }
            let extraDigits = extra.filter { !translated[$0].spelledOut }
            // Pair what is left in order: a changed number is one finding, not two.
            let pairs = min(missingDigits.count, extraDigits.count)
            for k in 0..<pairs {
                let s = source[missingDigits[k]]
                let t = translated[extraDigits[k]]
                let range = Self.trimmed(target.scalarRange(ofUTF8: t.range), in: target)
                findings.append(Finding(
                    Self.category, "number.mismatch", .error,
                    "the source has «\(s.surface)» (\(Self.describe(s))), the translation «\(t.surface)» (\(Self.describe(t)))",
                    suggestion: "check «\(t.surface)» against «\(s.surface)»", document: document, segment: unit.index,
                    side: .target, range: range))
            }
            for index in missingDigits.dropFirst(pairs) {
                let s = source[index]
                findings.append(Finding(
                    Self.category, "number.missing", .error,
                    "«\(s.surface)» (\(Self.describe(s))) of the source is missing from the translation",
                    suggestion: "translate «\(s.surface)»", document: document, segment: unit.index, side: .source,
                    range: unit.source.scalarRange(ofUTF8: s.range)))
            }
            for index in extraDigits.dropFirst(pairs) {
                let t = translated[index]
                findings.append(Finding(
                    Self.category, "number.extra", .warning,
                    "«\(t.surface)» (\(Self.describe(t))) of the translation is not in the source",
                    suggestion: "check whether «\(t.surface)» belongs in the translation", document: document,
                    segment: unit.index, side: .target, range: Self.trimmed(target.scalarRange(ofUTF8: t.range), in: target)))
            }
        }
    }

    static func hasDigit(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Indices of source and target mentions left without an equivalent on the other side. Exact-kind matches are
    /// made first, then any equivalent value.
    static func unmatched(_ source: [NumberMention], _ target: [NumberMention]) -> (source: [Int], target: [Int]) {
        var sourceLeft = Array(source.indices)
        var targetLeft = Set(target.indices)
        for pass in 0..<2 {
            sourceLeft = sourceLeft.filter { s in
                let candidates = targetLeft.sorted().filter { t in
                    source[s].isEquivalent(to: target[t]) && (pass == 1 || source[s].kind == target[t].kind)
                }
                guard let t = candidates.first else { return true }
                targetLeft.remove(t)
                return false
            }
        }
        return (sourceLeft, targetLeft.sorted())
    }

    /// An English span without the full stop that ends its sentence ("24 million." → "24 million"); the dot of an
    /// abbreviation ("$5 bn.", "p.m.") stays.
    static func trimmed(_ range: Range<Int>, in text: String) -> Range<Int> {
        let scalars = Array(text.unicodeScalars[text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: range.lowerBound)...].prefix(range.count))
        guard scalars.last == ".", scalars.count >= 2 else { return range }
        var letters = 0
        for scalar in scalars.dropLast().reversed() {
            guard scalar.properties.isAlphabetic else { break }
            letters += 1
        }
        return letters >= 4 ? range.lowerBound..<range.upperBound - 1 : range
    }

    static func describe(_ mention: NumberMention) -> String {
        if mention.kind == .date, let date = mention.date {
            return "date " + [date.year.map(String.init), date.month.map { "month \($0)" }, date.day.map { "day \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
        }
        let whole = mention.value == mention.value.rounded() && abs(mention.value) < 1e15
        let value = !whole ? String(mention.value)
            : mention.kind == .year ? String(Int64(mention.value)) : Self.grouped(Int64(mention.value))
        return "\(mention.kind.rawValue) \(value)"
    }

    /// `10,000`.
    static func grouped(_ value: Int64) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
