/// A cheap guess whether a text is Bulgarian, so Bulgarian-only commands can warn about and skip other input
/// (the English side of a bilingual corpus, a Russian article).
///
/// Bulgarian is told from its neighbours by letters: Russian uses ы, э, ё; Ukrainian і, ї, є, ґ; Serbian and
/// Macedonian ј, љ, њ, ђ, ћ, џ, ѓ, ќ, ѕ. Bulgarian uses none of them.
public enum LanguageGuess: Sendable, Equatable, CustomStringConvertible {
    case bulgarian
    /// Cyrillic, but with letters Bulgarian does not use (the language named, when it can be).
    case otherCyrillic(String)
    /// Mostly non-Cyrillic letters (Latin: probably English).
    case notCyrillic
    /// Too few letters to tell; treated as acceptable.
    case undetermined

    public var description: String {
        switch self {
        case .bulgarian: return "Bulgarian"
        case .otherCyrillic(let name): return name
        case .notCyrillic: return "not Cyrillic (probably English)"
        case .undetermined: return "too short to tell"
        }
    }

    /// Whether Bulgarian commands should process the text.
    public var acceptsAsBulgarian: Bool {
        switch self {
        case .bulgarian, .undetermined: return true
        case .otherCyrillic, .notCyrillic: return false
        }
    }

    /// Guesses from the letters of `text` (the first 20,000 scalars are enough).
    ///
    /// - Complexity: O(min(*n*, 20,000)).
    @inlinable
    public static func of<S: StringProtocol>(_ text: S) -> LanguageGuess {
        if let guess = text.utf8.withContiguousStorageIfAvailable({ of(utf8: $0) }) { return guess }
        var tally = LetterTally()
        for scalar in text.unicodeScalars.prefix(LetterTally.limit) { tally.add(scalar) }
        return tally.guess
    }

    /// ``of(_:)`` on well-formed UTF-8, decoded here rather than through a string view.
    @usableFromInline
    static func of(utf8: UnsafeBufferPointer<UInt8>) -> LanguageGuess {
        var tally = LetterTally()
        var i = 0
        var scalars = 0
        while i < utf8.count && scalars < LetterTally.limit {
            let lead = UInt32(utf8[i])
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard i + length <= utf8.count else { break }
            var value = length == 1 ? lead : lead & (0x7F >> UInt32(length))
            for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
            if let scalar = Unicode.Scalar(value) { tally.add(scalar) }
            i += length
            scalars += 1
        }
        return tally.guess
    }
}

/// The letter counts ``LanguageGuess`` decides by.
@usableFromInline
struct LetterTally {
    /// Scalars looked at.
    @usableFromInline static let limit = 20_000
    @usableFromInline var cyrillic = 0
    @usableFromInline var other = 0
    @usableFromInline var russian = 0
    @usableFromInline var ukrainian = 0
    @usableFromInline var southSlavic = 0

    @inlinable init() {}

    @inlinable
    mutating func add(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if (0x0400...0x04FF).contains(v) {
            cyrillic += 1
            switch v {
            case 0x044B, 0x042B, 0x044D, 0x042D, 0x0451, 0x0401: russian += 1  // ы Ы э Э ё Ё
            case 0x0456, 0x0406, 0x0457, 0x0407, 0x0454, 0x0404, 0x0491, 0x0490: ukrainian += 1  // і ї є ґ
            case 0x0458, 0x0408, 0x0459, 0x0409, 0x045A, 0x040A, 0x0452, 0x0402, 0x045B, 0x040B, 0x045F, 0x040F,
                0x0453, 0x0403, 0x045C, 0x040C, 0x0455, 0x0405:
                southSlavic += 1
            default: break
            }
        } else if v < 0x80 {
            // ASCII (spaces, digits, punctuation, Latin letters) without a Unicode property lookup.
            if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { other += 1 }
        } else if (0x2000...0x206F).contains(v) {
            // General Punctuation (dashes, quotes, ellipsis, spaces): no letters.
        } else if scalar.properties.isAlphabetic {
            other += 1
        }
    }

    @inlinable
    var guess: LanguageGuess {
        let letters = cyrillic + other
        if letters < 20 { return other > cyrillic && letters > 0 ? .notCyrillic : .undetermined }
        if cyrillic * 2 < letters { return .notCyrillic }
        // A few stray letters (a quoted Russian name) do not make a text Russian: ask for 0.5% of the letters.
        let threshold = max(2, cyrillic / 200)
        if russian >= threshold { return .otherCyrillic("Russian") }
        if ukrainian >= threshold { return .otherCyrillic("Ukrainian") }
        if southSlavic >= threshold { return .otherCyrillic("Serbian or Macedonian") }
        return .bulgarian
    }
}
