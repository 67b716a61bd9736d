import Terminology

/// How alike a Bulgarian name and an English name sound: `Тръмп` ~ `Trump`, `Уорън` ~ `Warren`,
/// `Масачузетс` ~ `Massachusetts`.
///
/// Both names are first brought to a rough phonetic spelling: the Bulgarian one through its romanisation under the
/// 2009 Act (``Terminology/Transliteration``), the English one by undoing spellings that Bulgarian renders by sound (`ph` → f, `ck` → k,
/// `c` before e/i → s, `w` → u, `th` → t, double letters). The similarity is then the better of two normalised edit
/// similarities: on the whole spelling, and on its consonant skeleton (vowels are where renderings differ most).
enum NameSimilarity {
    /// The phonetic spelling of a Bulgarian (Cyrillic) word.
    ///
    /// - Complexity: O(*n*).
    static func bulgarianKey<S: StringProtocol>(_ word: S) -> [UInt8] {
        englishKey(Transliteration.bulgarian2009(String(word)))
    }

    /// The phonetic spelling of an English (Latin) word, or of its first `limit` letters.
    ///
    /// - Complexity: O(*n*); no allocation but the result for ASCII words.
    static func englishKey<S: StringProtocol>(_ word: S, limit: Int = .max) -> [UInt8] {
        var latin: [UInt8] = []
        latin.reserveCapacity(min(limit, word.utf8.count))
        for scalar in word.unicodeScalars {
            if latin.count >= limit { break }
            let v = scalar.value
            if (0x61...0x7A).contains(v) {
                latin.append(UInt8(v))
            } else if (0x41...0x5A).contains(v) {
                latin.append(UInt8(v + 0x20))
            } else if v >= 0x80, let folded = latinFolding[scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar] {
                latin.append(folded)
            }
        }
        return phonetic(latin)
    }

    /// The phonetic spelling of the first `limit` letters of a Bulgarian word, by the letter values of the 2009 Act
    /// (the word-level rules of ``Terminology/Transliteration`` do not change a prefix's sound). Used for every long
    /// word of a text (cognates), where the full transliteration would cost too much.
    static func bulgarianPrefixKey<S: StringProtocol>(_ word: S, limit: Int) -> [UInt8] {
        var latin: [UInt8] = []
        latin.reserveCapacity(limit + 2)
        for scalar in word.unicodeScalars {
            if latin.count >= limit { break }
            var v = scalar.value
            if (0x410...0x42F).contains(v) { v += 0x20 }
            if (0x430...0x44F).contains(v) {
                latin += letterValues[Int(v - 0x430)].utf8
            } else if v == 0x45D {
                latin.append(UInt8(ascii: "i"))
            } else if (0x61...0x7A).contains(v) {
                latin.append(UInt8(v))
            }
        }
        return phonetic(latin)
    }

    /// а … я in alphabet order (U+0430 … U+044F), Streamlined System values.
    private static let letterValues: [String] = [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "h",
        "ts", "ch", "sh", "sht", "a", "y", "y", "e", "yu", "ya",
    ]

    /// Similarity in 0...1 of two phonetic spellings.
    ///
    /// - Complexity: O(*n* × *m*) in the lengths of the two keys (names are short).
    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        if a == b { return 1 }
        let whole = 1 - Double(editDistance(a, b)) / Double(max(a.count, b.count))
        let sa = skeleton(a)
        let sb = skeleton(b)
        guard sa.count >= 2, sb.count >= 2 else { return whole }
        let consonants = 1 - Double(editDistance(sa, sb)) / Double(max(sa.count, sb.count))
        return max(whole, consonants)
    }

    // MARK: Spelling

    /// Accented Latin letters folded to their base letter.
    static let latinFolding: [Unicode.Scalar: UInt8] = {
        var table: [Unicode.Scalar: UInt8] = [:]
        let groups: [(String, Character)] = [
            ("àáâãäåāăą", "a"), ("çćčĉċ", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"), ("ß", "s"),
        ]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = base.asciiValue! }
        }
        return table
    }()

    private static let vowels: Set<UInt8> = Set("aeiou".utf8)

    /// Rewrites a lower-case Latin spelling into the rough phonetic alphabet both sides are compared in.
    static func phonetic(_ letters: [UInt8]) -> [UInt8] {
        let c = UInt8(ascii: "c"), e = UInt8(ascii: "e"), g = UInt8(ascii: "g")
        let h = UInt8(ascii: "h"), i = UInt8(ascii: "i"), j = UInt8(ascii: "j"), k = UInt8(ascii: "k")
        let p = UInt8(ascii: "p"), q = UInt8(ascii: "q"), s = UInt8(ascii: "s"), t = UInt8(ascii: "t")
        let u = UInt8(ascii: "u"), v = UInt8(ascii: "v"), w = UInt8(ascii: "w"), x = UInt8(ascii: "x")
        let y = UInt8(ascii: "y"), z = UInt8(ascii: "z"), d = UInt8(ascii: "d"), f = UInt8(ascii: "f")
        // Sound classes: š = "S", ž/dž/j = "J", č = "C", ts = "T"
        let sh = UInt8(ascii: "S"), zh = UInt8(ascii: "J"), ch = UInt8(ascii: "C"), ts = UInt8(ascii: "T")
        var out: [UInt8] = []
        out.reserveCapacity(letters.count)
        var index = 0
        func at(_ offset: Int) -> UInt8 { index + offset < letters.count ? letters[index + offset] : 0 }
        while index < letters.count {
            let letter = letters[index]
            var emitted: UInt8? = letter
            var width = 1
            switch letter {
            case s where at(1) == c && at(2) == h: emitted = sh; width = 3
            case s where at(1) == h: emitted = sh; width = 2
            case s where at(1) == z: emitted = sh; width = 2  // Polish/Hungarian sz
            case t where at(1) == c && at(2) == h: emitted = ch; width = 3
            case c where at(1) == h: emitted = ch; width = 2
            case d where at(1) == z && at(2) == h: emitted = zh; width = 3
            case z where at(1) == h: emitted = zh; width = 2
            case j: emitted = zh
            case t where at(1) == s || at(1) == z: emitted = ts; width = 2
            case t where at(1) == h: emitted = t; width = 2
            case p where at(1) == h: emitted = f; width = 2
            case g where at(1) == h: emitted = g; width = 2
            case c where at(1) == k: emitted = k; width = 2
            case c where at(1) == e || at(1) == i || at(1) == y: emitted = s
            case c, q: emitted = k
            case x: out.append(k); emitted = s
            case w where at(1) == h: emitted = u; width = 2
            case w: emitted = u
            case z: emitted = s
            case y: emitted = i
            case h where index > 0 && !vowels.contains(at(-1)) && at(-1) != y: emitted = nil  // silent after consonants
            case v: emitted = v
            case e where index == letters.count - 1 && letters.count > 3: emitted = nil  // silent final e
            default: break
            }
            if let symbol = emitted { out.append(symbol) }
            index += width
        }
        // Collapse doubled letters that spelling kept (vowel pairs are kept: "ee" ~ "ий").
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(out.count)
        for symbol in out where collapsed.last != symbol || vowels.contains(symbol) { collapsed.append(symbol) }
        return collapsed
    }

    /// The spelling without vowels (keeping a leading one).
    static func skeleton(_ key: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        for (index, symbol) in key.enumerated() where index == 0 || !vowels.contains(symbol) { result.append(symbol) }
        return result
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
