import ICU

/// Keys under which texts compare equal for consistency checks: case and whitespace differences do not count.
enum ComparisonKey {
    /// Case-folded (NFKC), with every run of whitespace made one space and the ends trimmed.
    static func of(_ text: String) -> String {
        var collapsed = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pendingSpace = !collapsed.isEmpty
                continue
            }
            if pendingSpace { collapsed.append(" ") }
            pendingSpace = false
            collapsed.append(scalar)
        }
        let string = String(collapsed)
        return (try? Normalization.nfkcCasefold(string)) ?? string.lowercased()
    }
}

extension Unicode.Scalar {
    /// Letters of the Cyrillic block used by Bulgarian and Russian (А–я, Ѐ–џ).
    var isCyrillicLetter: Bool { (0x400...0x45F).contains(value) || (0x460...0x4FF).contains(value) && properties.isAlphabetic }
    /// ASCII letters.
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
}

/// How much of a text is in which script.
struct ScriptProfile: Sendable {
    var cyrillic = 0
    var latin = 0
    var otherLetters = 0

    init(_ text: String) {
        for scalar in text.unicodeScalars where WordScanner.isLetter(scalar) {
            switch LetterScript(scalar) {
            case .cyrillic: cyrillic += 1
            case .latin: latin += 1
            default: otherLetters += 1
            }
        }
    }

    var letters: Int { cyrillic + latin + otherLetters }
    /// Share of Cyrillic among the letters (0 when there are none).
    var cyrillicShare: Double { letters == 0 ? 0 : Double(cyrillic) / Double(letters) }
}
