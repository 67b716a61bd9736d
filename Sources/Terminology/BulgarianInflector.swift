/// Generates the forms a Bulgarian base form takes in running text: the definite article (-ът/-а, -та, -то, -те),
/// plurals (-и, -ове, -а, -ета, -ия), the masculine count form, the agreement forms of adjectives, with the
/// fleeting vowel (военен → военни, неонацизъм → неонацизма) and the я/е alternation (бял → бели, бряг → брегове).
///
/// The rules are those of a Bulgarian grammar, written for recall at a small number of forms: where a rule is
/// ambiguous (-ар nouns take -ят or -ът) both forms are generated. Scored with
/// `../shared/data/terminology/score-forms.py` on the BTB treebank (see Docs/terminology.md).
///
/// Forms keep the letter case of the base form: a capitalized lemma gives capitalized forms; acronyms (ТАСС) and
/// words with digits or Latin letters are not inflected.
public struct BulgarianInflector: Sendable {
    public init() {}

    /// The forms of `lemma` (itself included, first), for a UD part of speech (NOUN, PROPN, ADJ; X or nil with a
    /// multiword lemma: a phrase) and gender (Masc, Fem, Neut; inferred from the ending when nil).
    ///
    /// - Complexity: O(*w*) in the number of words of `lemma`.
    public func forms(of lemma: String, partOfSpeech: String?, gender: String?) -> [String] {
        let words = lemma.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return [] }
        let pos = partOfSpeech?.uppercased()
        if pos == "X" { return [lemma] }
        if words.count > 1 { return phraseForms(words, partOfSpeech: pos, gender: gender.flatMap(Gender.init)) }
        let word = words[0]
        guard let shape = WordShape(word) else { return [lemma] }
        let lower = shape.lower
        var result: [String]
        switch pos {
        case "ADJ":
            result = Self.adjectiveForms(lower)
        case "PROPN":
            result = Self.properNounForms(lower, gender: gender.flatMap(Gender.init) ?? Self.inferGender(lower))
        default:
            result = Self.nounForms(lower, gender: gender.flatMap(Gender.init) ?? Self.inferGender(lower))
        }
        return unique([word] + result.map(shape.apply))
    }

    // MARK: - Phrases

    /// Forms of a multiword term: leading adjectives agree with the head noun, the article goes on the first word,
    /// words from the first preposition on stay as they are ("споразумение за партньорство").
    func phraseForms(_ words: [String], partOfSpeech: String?, gender: Gender?) -> [String] {
        let lemma = words.joined(separator: " ")
        let lowers = words.map { $0.lowercased() }
        if Self.functionWords.contains(lowers[0]) { return [lemma] }
        let end = lowers.indices.dropFirst().first { Self.functionWords.contains(lowers[$0]) } ?? words.count
        let headIndex = end - 1
        let shapes = words[0..<end].map(WordShape.init)
        guard shapes.allSatisfy({ $0 != nil }) else { return [lemma] }
        let tail = words[end...].joined(separator: " ")
        func assemble(_ parts: [String]) -> String {
            let head = zip(parts, shapes).map { $1!.apply($0) }.joined(separator: " ")
            return tail.isEmpty ? head : head + " " + tail
        }
        let headLower = lowers[headIndex]
        let modifiers = Array(lowers[0..<headIndex])
        if partOfSpeech == "ADJ" && headIndex == 0 {
            return unique([lemma] + Self.adjectiveForms(headLower).map { assemble([$0]) })
        }
        // A plural lemma ("въоръжени сили"): every word ends in -и.
        let plural = modifiers.allSatisfy { $0.hasSuffix("и") } && headLower.hasSuffix("и") && !modifiers.isEmpty
            && gender == nil
        var results = [lemma]
        if plural {
            let definiteFirst = modifiers.isEmpty ? headLower + "те" : Self.definite(modifiers[0], agreement: .plural)
            results.append(assemble([definiteFirst] + modifiers.dropFirst() + [headLower]))
            return unique(results)
        }
        let g = gender ?? Self.inferGender(headLower)
        let noun = Self.nounParadigm(headLower, gender: g)
        let isName = partOfSpeech == "PROPN"
        let singular: Agreement = g == .masc ? .masc : (g == .fem ? .fem : .neut)
        // (agreement of the modifiers, the indefinite head, the head's definite forms when the article is due)
        var slots: [(agreement: Agreement, head: String, definiteHeads: [String])] = [(singular, headLower, noun.singularDefinite)]
        if !isName {
            for (i, form) in noun.plural.enumerated() {
                slots.append((.plural, form, i < noun.pluralDefinite.count ? [noun.pluralDefinite[i]] : []))
            }
            for form in noun.count { slots.append((.plural, form, [])) }
        }
        for slot in slots {
            if modifiers.isEmpty {
                results.append(assemble([slot.head]))
                for form in slot.definiteHeads { results.append(assemble([form])) }
                continue
            }
            let agreeing = modifiers.map { Self.agree($0, slot.agreement) }
            results.append(assemble(agreeing + [slot.head]))
            if !slot.definiteHeads.isEmpty {
                for article in Self.definiteAll(agreeing[0], agreement: slot.agreement) {
                    results.append(assemble([article] + agreeing.dropFirst() + [slot.head]))
                }
            }
        }
        return unique(results)
    }

    enum Agreement { case masc, fem, neut, plural }

    /// A modifier (adjective in its masculine, feminine or neuter lemma form, or an ordinal like 80-а) in the form
    /// that agrees with `agreement`.
    static func agree(_ modifier: String, _ agreement: Agreement) -> String {
        if let (number, suffix) = splitOrdinal(modifier) {
            _ = suffix
            switch agreement {
            case .masc: return number + "-и"
            case .fem: return number + "-а"
            case .neut: return number + "-о"
            case .plural: return number + "-и"
            }
        }
        let stem = adjectiveStem(modifier)
        switch agreement {
        case .masc: return masculineFromStem(modifier, stem)
        case .fem: return stem.open + "а"
        case .neut: return stem.open + "о"
        case .plural: return stem.front + "и"
        }
    }

    /// Definite forms of an agreeing modifier (masculine: both -ия and -ият).
    static func definiteAll(_ modifier: String, agreement: Agreement) -> [String] {
        if agreement == .masc {
            if let (number, _) = splitOrdinal(modifier) { return [number + "-ия", number + "-ият"] }
            let stem = adjectiveStem(modifier)
            return [stem.front + "ия", stem.front + "ият"]
        }
        return [definite(modifier, agreement: agreement)]
    }

    static func definite(_ modifier: String, agreement: Agreement) -> String {
        switch agreement {
        case .masc: return definiteAll(modifier, agreement: .masc)[1]
        case .fem, .neut: return modifier + "та"
        case .plural: return modifier + "те"
        }
    }

    static func splitOrdinal(_ word: String) -> (String, String)? {
        guard let dash = word.lastIndex(of: "-") else { return nil }
        let number = word[..<dash]
        guard !number.isEmpty, number.allSatisfy(\.isNumber) else { return nil }
        return (String(number), String(word[word.index(after: dash)...]))
    }

    // MARK: - Adjectives

    /// The stem of an adjective in any of its lemma forms: `open` before -а/-о, `front` before -и/-ия (я → е).
    static func adjectiveStem(_ word: String) -> (open: String, front: String) {
        var w = word
        if w.hasSuffix("ия") || w.hasSuffix("ият") {
            w = String(w.dropLast(w.hasSuffix("ият") ? 3 : 2))
            return (w, w)
        }
        if let last = w.last, "аои".contains(last) {
            w.removeLast()
            return (w, frontStem(w))
        }
        // Masculine lemma ending in a consonant: the fleeting vowel drops before an ending.
        let open = fleetingVowelDropped(w)
        return (open, frontStem(open))
    }

    static func masculineFromStem(_ modifier: String, _ stem: (open: String, front: String)) -> String {
        if let last = modifier.last, !"аоия".contains(last) { return modifier }
        if modifier.hasSuffix("и") && !modifier.hasSuffix("ии") { return modifier }
        // From a feminine or neuter form: restore the masculine (военна → военен, руска → руски).
        let s = stem.open
        if s.hasSuffix("ск") || s.hasSuffix("шк") || s.hasSuffix("цк") { return s + "и" }
        if s.hasSuffix("н") && s.count > 2, let before = s.dropLast().last, !vowels.contains(before) {
            return String(s.dropLast()) + "ен" 
        }
        return s
    }

    /// Forms of an adjective from its masculine singular lemma: -ия/-ият, -а/-ата, -о/-ото, -и/-ите.
    static func adjectiveForms(_ lemma: String) -> [String] {
        if let (number, _) = splitOrdinal(lemma) {
            return ["и", "ия", "ият", "а", "ата", "о", "ото", "ите"].map { number + "-" + $0 }
        }
        var stem = adjectiveStem(lemma)
        if lemma.hasSuffix("и") && !lemma.hasSuffix("ии") {
            stem = (String(lemma.dropLast()), String(lemma.dropLast()))
        }
        var forms = [
            stem.front + "ия", stem.front + "ият", stem.open + "а", stem.open + "ата",
            stem.open + "о", stem.open + "ото", stem.front + "и", stem.front + "ите",
        ]
        if lemma.hasSuffix("ен") && stem.open != lemma.dropLast(2) + "н" {
            _ = forms
        }
        if lemma.hasSuffix("ен"), stem.open.hasSuffix("н"), !lemma.hasSuffix("нен") {
            // Participle-like -ен adjectives keep the vowel (зелен → зелена); cover both when unsure.
            if keepsFleetingVowel(lemma) {
                let s = lemma
                forms = [
                    s + "ия", s + "ият", s + "а", s + "ата", s + "о", s + "ото", s + "и", s + "ите",
                ]
            }
        }
        return forms
    }

    static func keepsFleetingVowel(_ lemma: String) -> Bool {
        let keep: Set<String> = ["зелен", "червен", "студен", "учен", "блажен", "смирен", "solen", "лишен", "скрит"]
        return keep.contains(lemma)
    }

    // MARK: - Nouns

    enum Gender {
        case masc, fem, neut
        init?(_ label: String) {
            switch label.lowercased() {
            case "masc", "m", "masculine": self = .masc
            case "fem", "f", "feminine": self = .fem
            case "neut", "n", "neuter": self = .neut
            default: return nil
            }
        }
    }

    struct NounParadigm {
        var lemma: String
        var singularDefinite: [String]
        var plural: [String]
        var pluralDefinite: [String]
        var count: [String]
        var all: [String] { [lemma] + singularDefinite + plural + pluralDefinite + count }
    }

    static func inferGender(_ word: String) -> Gender {
        guard let last = word.last else { return .masc }
        if "ая".contains(last) { return .fem }
        if "оеиую".contains(last) { return .neut }
        if word.hasSuffix("ост") || word.hasSuffix("ест") || feminineConsonantNouns.contains(word) { return .fem }
        return .masc
    }

    static func nounForms(_ word: String, gender: Gender) -> [String] {
        nounParadigm(word, gender: gender).all
    }

    static func properNounForms(_ word: String, gender: Gender) -> [String] {
        switch gender {
        case .masc:
            guard let last = word.last, !vowels.contains(last) else { return [] }
            if last == "й" { return [String(word.dropLast()) + "я", String(word.dropLast()) + "ят"] }
            return [word + "а", word + "ът"]
        case .fem, .neut:
            return []
        }
    }

    static func nounParadigm(_ word: String, gender: Gender) -> NounParadigm {
        switch gender {
        case .masc: return masculine(word)
        case .fem: return feminine(word)
        case .neut: return neuter(word)
        }
    }

    static func masculine(_ word: String) -> NounParadigm {
        guard let last = word.last else { return NounParadigm(lemma: word, singularDefinite: [], plural: [], pluralDefinite: [], count: []) }
        // Masculine nouns in -а/-я (баща, съдия): feminine-like article -та, plural -и.
        if last == "а" || last == "я" {
            let stem = String(word.dropLast())
            return NounParadigm(lemma: word, singularDefinite: [word + "та"], plural: [stem + "и"], pluralDefinite: [stem + "ите"], count: [])
        }
        if vowels.contains(last) {
            return NounParadigm(lemma: word, singularDefinite: [word + "то", word + "а", word + "ът"], plural: [word + "та"], pluralDefinite: [word + "тата"], count: [])
        }
        var sgDef: [String]
        if last == "й" {
            let stem = String(word.dropLast())
            sgDef = [stem + "я", stem + "ят"]
            return NounParadigm(lemma: word, singularDefinite: sgDef, plural: [stem + "и", stem + "еве"], pluralDefinite: [stem + "ите", stem + "евете"], count: [stem + "я"])
        }
        let dropped = fleetingVowelDropped(word)
        let articleStem = word.hasSuffix("изъм") ? dropped : word
        if softMasculine(word) {
            sgDef = [articleStem + "я", articleStem + "ят"]
        } else {
            sgDef = [articleStem + "а", articleStem + "ът"]
        }
        var plural: [String]
        let pluralStem = palatalized(dropped)
        if syllables(word) == 1 {
            plural = [word + "ове", frontStem(word) + "ове"]
            plural.append(pluralStem + "и")
        } else if word.hasSuffix("ин") && !word.hasSuffix("ейн") {
            plural = [String(word.dropLast(2)) + "и", word + "и"]
        } else {
            plural = [pluralStem + "и"]
        }
        plural = unique(plural)
        let pluralDefinite = plural.map { $0 + "те" }
        return NounParadigm(lemma: word, singularDefinite: sgDef, plural: plural, pluralDefinite: pluralDefinite, count: [articleStem + (softMasculine(word) ? "я" : "а")])
    }

    static func feminine(_ word: String) -> NounParadigm {
        guard let last = word.last else { return NounParadigm(lemma: word, singularDefinite: [], plural: [], pluralDefinite: [], count: []) }
        if last == "а" || last == "я" {
            let stem = String(word.dropLast())
            let plural = stem + "и"
            return NounParadigm(lemma: word, singularDefinite: [word + "та"], plural: [plural], pluralDefinite: [plural + "те"], count: [])
        }
        if vowels.contains(last) {
            return NounParadigm(lemma: word, singularDefinite: [word + "та"], plural: [], pluralDefinite: [], count: [])
        }
        let plural = fleetingVowelDropped(word) + "и"
        return NounParadigm(lemma: word, singularDefinite: [word + "та"], plural: [plural], pluralDefinite: [plural + "те"], count: [])
    }

    static func neuter(_ word: String) -> NounParadigm {
        guard let last = word.last else { return NounParadigm(lemma: word, singularDefinite: [], plural: [], pluralDefinite: [], count: []) }
        let stem = String(word.dropLast())
        var plural: [String]
        switch last {
        case "о":
            plural = [frontStem(stem) + "а"]
            if stem.hasSuffix("ств") || stem.hasSuffix("ищ") { plural = [stem + "а"] }
        case "е":
            if word.hasSuffix("ие") {
                plural = [stem + "я"]
            } else if word.hasSuffix("ще") || word.hasSuffix("це") {
                plural = [stem + "а"]
            } else {
                plural = [word + "та"]
            }
        default:
            plural = []
        }
        return NounParadigm(lemma: word, singularDefinite: [word + "то"], plural: plural, pluralDefinite: plural.map { $0 + "та" }, count: [])
    }

    // MARK: - Sound rules

    static let vowels: Set<Character> = ["а", "ъ", "о", "у", "е", "и", "ю", "я", "ѝ"]

    static let functionWords: Set<String> = [
        "на", "за", "от", "в", "във", "с", "със", "по", "до", "при", "към", "срещу", "между", "без", "през", "след",
        "пред", "над", "под", "чрез", "и", "или", "за", "у", "около",
    ]

    static let feminineConsonantNouns: Set<String> = [
        "област", "власт", "част", "страст", "вест", "чест", "съвест", "пролет", "есен", "вечер", "любов", "кръв",
        "сол", "нощ", "мисъл", "смърт", "помощ", "мощ", "пещ", "ос", "песен", "болест", "младост", "радост", "реч",
        "цел", "роля", "същност", "прилика", "длан", "кал", "скръб", "жертва",
    ]

    static func syllables(_ word: String) -> Int { word.filter { vowels.contains($0) }.count }

    /// Masculine nouns that take the soft article -ят/-я: -тел, -ар agent nouns, -й, ден, път, кон, огън, цар.
    static func softMasculine(_ word: String) -> Bool {
        if word.hasSuffix("тел") || word.hasSuffix("ар") || word.hasSuffix("яр") { return true }
        return ["ден", "път", "кон", "огън", "цар", "зет", "крал", "лакът", "нокът", "сън"].contains(word)
    }

    /// The stem with a fleeting ъ or е of its last syllable dropped (министър → министр, неонацизъм → неонацизм,
    /// американец → американц, военен → военн).
    static func fleetingVowelDropped(_ word: String) -> String {
        let chars = Array(word)
        guard chars.count >= 4 else { return word }
        let n = chars.count
        let vowel = chars[n - 2]
        let final = chars[n - 1]
        let before = chars[n - 3]
        guard !vowels.contains(before) else { return word }
        if vowel == "ъ" && "лрмкн".contains(final) {
            return String(chars[0..<(n - 2)]) + String(final)
        }
        if vowel == "е" && (final == "ц" || final == "н" && word.count > 4) {
            return String(chars[0..<(n - 2)]) + String(final)
        }
        return word
    }

    /// Before a front-vowel ending the last я of the stem becomes е (бряг → брегове, бял → бели).
    static func frontStem(_ stem: String) -> String {
        guard let index = stem.lastIndex(where: { vowels.contains($0) }), stem[index] == "я" else { return stem }
        let afterVowel = stem[stem.index(after: index)...]
        guard !afterVowel.isEmpty else { return stem }
        var result = stem
        result.replaceSubrange(index...index, with: "е")
        return result
    }

    /// к → ц, г → з, х → с before the plural -и of polysyllabic masculine nouns (ученик → ученици).
    static func palatalized(_ stem: String) -> String {
        guard let last = stem.last else { return stem }
        switch last {
        case "к": return String(stem.dropLast()) + "ц"
        case "г": return String(stem.dropLast()) + "з"
        case "х": return String(stem.dropLast()) + "с"
        default: return stem
        }
    }
}

/// The letter case of a word, to apply to generated lower-case forms.
struct WordShape {
    var lower: String
    var capitalized: Bool

    /// Nil for words that must not be inflected: acronyms (two capitals or more) and words with digits outside an
    /// ordinal ("80-а"), Latin letters or other scripts.
    init?(_ word: String) {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard !letters.isEmpty else { return nil }
        let uppercase = letters.filter { $0.properties.isUppercase }.count
        if uppercase >= 2 && letters.count >= 2 { return nil }
        let digits = word.unicodeScalars.filter { $0.properties.numericType != nil }.count
        if digits > 0 && BulgarianInflector.splitOrdinal(word.lowercased()) == nil { return nil }
        for scalar in letters where !(0x400...0x4FF).contains(scalar.value) { return nil }
        lower = word.lowercased()
        capitalized = uppercase == 1 && letters.first.map { $0.properties.isUppercase } == true
    }

    func apply(_ form: String) -> String {
        guard capitalized, let first = form.first else { return form }
        return first.uppercased() + form.dropFirst()
    }
}

/// The elements of `items` in their first order, without repeats.
func unique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
}
