/// Edit distances for comparing spellings.
enum EditDistance {
    /// Levenshtein distance (insertions, deletions, substitutions of one element each cost 1).
    ///
    /// - Complexity: O(*m* · *n*) time, O(*n*) memory.
    static func levenshtein<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Similarity in 0...1: 1 − distance / length of the longer.
    static func similarity<T: Equatable>(_ a: [T], _ b: [T]) -> Double {
        let longest = max(a.count, b.count)
        return longest == 0 ? 1 : 1 - Double(levenshtein(a, b)) / Double(longest)
    }

    /// A weighted edit distance between two Bulgarian spellings of one foreign name, in which the differences
    /// transliterators disagree on cost half: vowels for vowels (ъ/а/о, е/и, ия/ья), a vowel or й/ь more or less
    /// (Кавано/Каванау, Пейлин/Палин), a doubled consonant (Харис/Харрис), voiced for voiceless (з/с), ш for с after
    /// щ is spelled шт (Файнщайн/Файнстайн). Everything else costs 1.
    ///
    /// - Complexity: O(*m* · *n*).
    static func transliterationVariants(_ a: String, _ b: String) -> Double {
        let x = Array(normalizedForVariants(a).unicodeScalars)
        let y = Array(normalizedForVariants(b).unicodeScalars)
        if x.isEmpty { return Double(y.count) }
        if y.isEmpty { return Double(x.count) }
        func indel(_ s: [Unicode.Scalar], _ i: Int) -> Double {
            let c = s[i]
            if isSoft(c) { return 0.5 }
            if i > 0 && s[i - 1] == c { return 0.5 }
            if i + 1 < s.count && s[i + 1] == c { return 0.5 }
            return 1
        }
        var previous = [Double](repeating: 0, count: y.count + 1)
        for j in 1...y.count { previous[j] = previous[j - 1] + indel(y, j - 1) }
        var current = previous
        for i in 1...x.count {
            current[0] = previous[0] + indel(x, i - 1)
            for j in 1...y.count {
                let substitution = previous[j - 1] + substitutionCost(x[i - 1], y[j - 1])
                current[j] = min(previous[j] + indel(x, i - 1), current[j - 1] + indel(y, j - 1), substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Lower case, щ written шт, ьо/йо alike.
    static func normalizedForVariants(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "щ" {
                out.append("ш")
                out.append("т")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Vowels and the soft letters й, ь: the letters transliterations of one name disagree on.
    static func isSoft(_ c: Unicode.Scalar) -> Bool {
        "аъоуеиюяйьэыaeiouy".unicodeScalars.contains(c)
    }

    static let voicingPairs: [Unicode.Scalar: Unicode.Scalar] = [
        "б": "п", "п": "б", "в": "ф", "ф": "в", "г": "к", "к": "г", "д": "т", "т": "д", "ж": "ш", "ш": "ж",
        "з": "с", "с": "з",
    ]

    static func substitutionCost(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Double {
        if a == b { return 0 }
        if isSoft(a) && isSoft(b) { return 0.5 }
        if voicingPairs[a] == b { return 0.5 }
        if (a == "ш" && b == "с") || (a == "с" && b == "ш") { return 0.5 }
        return 1
    }
}
