/// Romanization of Bulgarian.
public enum Transliteration {
    /// `text` romanized by Bulgaria's Transliteration Act of 2009 (the Streamlined System): щ → sht, ъ → a,
    /// ю → yu, я → ya, ц → ts, ж → zh, х → h, й → y, ь → y (ьо → yo), word-final -ия → -ia, and the country's
    /// own name България → Bulgaria. Capitals follow the source: Щерьо → Shteryo, КЦТА → KTSTA.
    /// Characters that are not Bulgarian Cyrillic letters pass through unchanged.
    ///
    /// - Complexity: O(*n*).
    public static func bulgarian2009(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            guard let (lower, isUpper) = cyrillicLetter(scalar) else {
                output.unicodeScalars.append(scalar)
                i += 1
                continue
            }
            // The word around position i: is it written in capitals throughout?
            var wordEnd = i
            while wordEnd < scalars.count, cyrillicLetter(scalars[wordEnd]) != nil { wordEnd += 1 }
            var wordStart = i
            while wordStart > 0, cyrillicLetter(scalars[wordStart - 1]) != nil { wordStart -= 1 }
            let word = scalars[wordStart..<wordEnd]
            let allCaps = word.count > 1 && word.allSatisfy { cyrillicLetter($0)!.1 }
            if i == wordStart, let special = exceptions[String(String.UnicodeScalarView(word)).lowercased()] {
                output += allCaps ? special.uppercased() : (isUpper ? special.prefix(1).uppercased() + special.dropFirst() : special)
                i = wordEnd
                continue
            }
            var latin: String
            if lower == "и", i + 2 == wordEnd, let next = cyrillicLetter(scalars[i + 1]), next.0 == "я" {
                // Word-final -ия → -ia.
                latin = "ia"
                i += 2
                output += cased(latin, upper: isUpper, allCaps: allCaps)
                continue
            }
            if lower == "ь", i + 1 < wordEnd, let next = cyrillicLetter(scalars[i + 1]), next.0 == "о" {
                latin = "yo"
                i += 2
                output += cased(latin, upper: isUpper, allCaps: allCaps)
                continue
            }
            latin = table[lower] ?? String(lower)
            output += cased(latin, upper: isUpper, allCaps: allCaps)
            i += 1
        }
        return output
    }

    private static func cased(_ latin: String, upper: Bool, allCaps: Bool) -> String {
        if allCaps { return latin.uppercased() }
        if upper { return latin.prefix(1).uppercased() + latin.dropFirst() }
        return latin
    }

    /// The lower-case letter and whether `scalar` was a capital, for the Bulgarian Cyrillic alphabet (and ѝ, ѐ).
    private static func cyrillicLetter(_ scalar: Unicode.Scalar) -> (Character, Bool)? {
        switch scalar.value {
        case 0x430...0x44F: return (Character(scalar), false)
        case 0x410...0x42F: return (Character(Unicode.Scalar(scalar.value + 0x20)!), true)
        case 0x45D, 0x450: return (Character(scalar), false)
        case 0x40D, 0x400: return (Character(Unicode.Scalar(scalar.value + 0x50)!), true)
        default: return nil
        }
    }

    private static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
        "ѝ": "i", "ѐ": "e",
    ]

    /// Names with a traditional romanization the Act keeps (its article 4).
    private static let exceptions: [String: String] = ["българия": "Bulgaria"]
}
