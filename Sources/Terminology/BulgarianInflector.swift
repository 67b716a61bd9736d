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
            // A plural-only noun (преговори, финанси) given without a gender.
            if gender == nil && lower.hasSuffix("и") && Self.syllables(lower) >= 2 { result.append(lower + "те") }
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
            let definiteFirst = modifiers[0] + "те"
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
            // Where a modifier's stem is uncertain (червен: червения or червения) every variant is produced.
            let variants = modifiers.map { Self.stemVariants($0).count }.max() ?? 1
            for variant in 0..<variants {
                let agreeing = modifiers.map { Self.agree($0, slot.agreement, variant: variant) }
                results.append(assemble(agreeing + [slot.head]))
                if !slot.definiteHeads.isEmpty {
                    for article in Self.definiteAll(modifiers[0], agreeing[0], agreement: slot.agreement, variant: variant) {
                        results.append(assemble([article] + agreeing.dropFirst() + [slot.head]))
                    }
                }
            }
        }
        return unique(results)
    }

    enum Agreement { case masc, fem, neut, plural }

    /// A modifier (adjective in its masculine, feminine or neuter lemma form, or an ordinal like 80-а) in the form
    /// that agrees with `agreement`.
    /// The stems of a modifier: one, or two for a masculine -ен adjective whose fleeting vowel is uncertain.
    static func stemVariants(_ modifier: String) -> [(open: String, front: String)] {
        if let last = modifier.last, !vowels.contains(last), splitOrdinal(modifier) == nil {
            return adjectiveStems(modifier).map { ($0, frontStem($0)) }
        }
        return [adjectiveStem(modifier)]
    }

    static func agree(_ modifier: String, _ agreement: Agreement, variant: Int = 0) -> String {
        if let (number, _) = splitOrdinal(modifier) {
            switch agreement {
            case .masc, .plural: return number + "-и"
            case .fem: return number + "-а"
            case .neut: return number + "-о"
            }
        }
        let stems = stemVariants(modifier)
        let stem = stems[min(variant, stems.count - 1)]
        switch agreement {
        case .masc: return masculineFromStem(modifier, stem)
        case .fem: return stem.open + "а"
        case .neut: return stem.open + "о"
        case .plural: return stem.front + "и"
        }
    }

    /// Definite forms of the first modifier (its lemma and its agreeing form; masculine: both -ия and -ият).
    static func definiteAll(_ lemma: String, _ agreeing: String, agreement: Agreement, variant: Int = 0) -> [String] {
        switch agreement {
        case .masc:
            if let (number, _) = splitOrdinal(lemma) { return [number + "-ия", number + "-ият"] }
            let stems = stemVariants(lemma)
            let stem = stems[min(variant, stems.count - 1)]
            return [stem.front + "ия", stem.front + "ият"]
        case .fem, .neut: return [agreeing + "та"]
        case .plural: return [agreeing + "те"]
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
        if w.hasSuffix("ият") || w.hasSuffix("ия") {
            w = String(w.dropLast(w.hasSuffix("ият") ? 3 : 2))
            return (w, w)
        }
        if let last = w.last, "аои".contains(last) {
            w.removeLast()
            return (w, frontStem(w))
        }
        let open = adjectiveStems(word)[0]
        return (open, frontStem(open))
    }

    /// Stems of a masculine adjective before an ending: the fleeting vowel drops (военен → военн, добър → добр,
    /// краен → крайн); where the rule is unsure (-ен of participles: даден → дадена) both stems are returned.
    static func adjectiveStems(_ word: String) -> [String] {
        let chars = Array(word)
        let n = chars.count
        if let last = chars.last, last == "и", n > 2 { return [String(chars.dropLast())] }
        guard n >= 4 else { return metathesis(word) }
        let before = chars[n - 3]
        if chars[n - 2] == "е" && chars[n - 1] == "н" {
            let base = String(chars[0..<(n - 2)])
            if vowels.contains(before) { return [base + "йн"] }
            if word.hasSuffix("ствен") { return [word] }
            return [base + "н", word]
        }
        if chars[n - 2] == "ъ" && !vowels.contains(before) && "ркглнм".contains(chars[n - 1]) && syllables(word) >= 2 {
            return [String(chars[0..<(n - 2)]) + String(chars[n - 1])]
        }
        return metathesis(word)
    }

    /// пръв → първ-: a monosyllable with р/л before ъ may swap them before an ending (both returned).
    static func metathesis(_ word: String) -> [String] {
        let chars = Array(word)
        guard syllables(word) == 1, let i = chars.firstIndex(of: "ъ"), i >= 2, "рл".contains(chars[i - 1]), i + 1 < chars.count else {
            return [word]
        }
        var swapped = chars
        swapped.swapAt(i - 1, i)
        return [word, String(swapped)]
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
        var forms: [String] = []
        for open in adjectiveStems(lemma) {
            let fronts = unique([frontStem(open), open])
            forms += [open + "а", open + "ата", open + "о", open + "ото"]
            for front in fronts { forms += [front + "ия", front + "ият", front + "и", front + "ите"] }
        }
        return unique(forms)
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

    /// A noun's forms by slot; `pluralDefinite[i]` is the definite of `plural[i]`.
    struct NounParadigm {
        var lemma: String
        var singularDefinite: [String] = []
        var plural: [String] = []
        var pluralDefinite: [String] = []
        var count: [String] = []
        var other: [String] = []
        var all: [String] { [lemma] + singularDefinite + plural + pluralDefinite + count + other }

        mutating func addPlural(_ forms: [String]) {
            for form in forms where !plural.contains(form) {
                plural.append(form)
                pluralDefinite.append(form + (form.hasSuffix("а") || form.hasSuffix("я") ? "та" : "те"))
            }
        }
    }

    static func inferGender(_ word: String) -> Gender {
        guard let last = word.last else { return .masc }
        if "ая".contains(last) { return .fem }
        if "оеиую".contains(last) { return .neut }
        if word.hasSuffix("ост") || word.hasSuffix("ест") || feminineConsonantNouns.contains(word) { return .fem }
        return .masc
    }

    static func nounForms(_ word: String, gender: Gender) -> [String] {
        var forms = nounParadigm(word, gender: gender).all
        if let abbreviation = abbreviations[word] { forms.append(abbreviation) }
        return forms
    }

    /// Names rarely inflect; place and organisation names take the article (Кремъла, Сената, Европата).
    static func properNounForms(_ word: String, gender: Gender) -> [String] {
        guard let last = word.last else { return [] }
        switch gender {
        case .masc:
            if vowels.contains(last) { return [] }
            if last == "й" { return [String(word.dropLast()) + "я", String(word.dropLast()) + "ят"] }
            return [word + "а", word + "ът"]
        case .fem:
            return last == "а" || last == "я" || !vowels.contains(last) ? [word + "та"] : []
        case .neut:
            return vowels.contains(last) ? [word + "то"] : []
        }
    }

    static func nounParadigm(_ word: String, gender: Gender) -> NounParadigm {
        if let irregular = irregularNouns[word] {
            var paradigm = NounParadigm(lemma: word)
            paradigm.other = irregular
            return paradigm
        }
        switch gender {
        case .masc: return masculine(word)
        case .fem: return feminine(word)
        case .neut: return neuter(word)
        }
    }

    static func masculine(_ word: String) -> NounParadigm {
        var p = NounParadigm(lemma: word)
        guard let last = word.last else { return p }
        // Masculine nouns in -а/-я (баща, съдия): feminine-like article -та, plural -и.
        if last == "а" || last == "я" {
            let stem = String(word.dropLast())
            p.singularDefinite = [word + "та"]
            p.addPlural([stem + "и"])
            return p
        }
        // -о/-е personal nouns (дрипльо, запалянко, чичо): -то, plural -овци.
        if vowels.contains(last) {
            p.singularDefinite = [word + "то"]
            p.addPlural(last == "о" ? [word + "вци"] : [word + "та"])
            return p
        }
        if last == "й" {
            let stem = String(word.dropLast())
            p.singularDefinite = [stem + "я", stem + "ят"]
            p.addPlural([stem + "и", stem + "еве"])
            p.count = [stem + "я"]
            return p
        }
        let dropped = fleetingVowelDropped(word, dropsE: false)
        var articleStems = [word]
        let swapped = metathesis(word).dropFirst()
        if word.hasSuffix("ъм") { articleStems = [dropped] }
        if syllables(word) == 1 && frontStem(word) != word { articleStems.append(frontStem(word)) }
        articleStems += swapped
        let soft = softMasculine(word)
        for stem in articleStems {
            switch soft {
            case .hard: p.singularDefinite += [stem + "а", stem + "ът"]
            case .soft: p.singularDefinite += [stem + "я", stem + "ят"]
            case .both: p.singularDefinite += [stem + "а", stem + "ът", stem + "я", stem + "ят"]
            }
        }
        p.count = [articleStems[0] + (soft == .soft ? "я" : "а")]
        if word.hasSuffix("ър") { p.count.append(dropped + "а") }
        if syllables(word) == 1 {
            p.addPlural([frontStem(word) + "ове", word + "ове", word + "и"] + swapped.map { $0 + "ове" })
            if "жчшщнлр".contains(last) { p.addPlural([word + "е"]) }
        } else if word.hasSuffix("чин") {
            p.addPlural([String(word.dropLast(3)) + "ци", word + "и"])
        } else if word.hasSuffix("ин") {
            p.addPlural([String(word.dropLast(2)) + "и", word + "и"])
        } else if "кгх".contains(last) {
            let palatal = palatalized(dropped)
            if word.hasSuffix("ик") || word.hasSuffix("ък") || word.hasSuffix("ог") || word.hasSuffix("ях") {
                p.addPlural([palatalized(word) + "и"])
            } else {
                p.addPlural([palatal + "и", word + "и"])
            }
        } else {
            p.addPlural([dropped + "и"])
        }
        return p
    }

    static func feminine(_ word: String) -> NounParadigm {
        var p = NounParadigm(lemma: word)
        guard let last = word.last else { return p }
        p.singularDefinite = [word + "та"]
        if last == "а" || last == "я" {
            let stem = String(word.dropLast())
            p.addPlural(unique([frontStem(stem) + "и", stem + "и"]))
        } else if !vowels.contains(last) {
            p.addPlural([fleetingVowelDropped(word) + "и"])
        }
        return p
    }

    static func neuter(_ word: String) -> NounParadigm {
        var p = NounParadigm(lemma: word)
        guard let last = word.last else { return p }
        p.singularDefinite = [word + "то"]
        let stem = String(word.dropLast())
        switch last {
        case "о":
            p.addPlural(unique([frontStem(stem) + "а", stem + "а"]))
        case "е":
            if word.hasSuffix("ие") {
                p.addPlural([stem + "я"])
                if syllables(word) <= 3 { p.addPlural([word + "та"]) }
            } else if word.hasSuffix("ане") || word.hasSuffix("яне") || word.hasSuffix("ене") {
                p.addPlural([stem + "ия"])
                if syllables(word) <= 2 { p.addPlural([word + "та"]) }
            } else if word.hasSuffix("ме") {
                p.addPlural([word + "на", word + "та"])
            } else if word.hasSuffix("ще") || word.hasSuffix("це") {
                p.addPlural([stem + "а"])
            } else {
                p.addPlural([word + "та"])
            }
        default:
            p.addPlural([word + "та"])
        }
        return p
    }

    // MARK: - Sound rules and word lists

    static let vowels: Set<Character> = ["а", "ъ", "о", "у", "е", "и", "ю", "я", "ѝ"]

    static let functionWords: Set<String> = [
        "на", "за", "от", "в", "във", "с", "със", "по", "до", "при", "към", "срещу", "между", "без", "през", "след",
        "пред", "над", "под", "чрез", "и", "или", "у", "около",
    ]

    static let feminineConsonantNouns: Set<String> = [
        "област", "власт", "част", "страст", "вест", "чест", "съвест", "пролет", "есен", "вечер", "любов", "кръв",
        "сол", "нощ", "мисъл", "смърт", "помощ", "мощ", "пещ", "ос", "песен", "болест", "реч", "цел", "същност", "длан",
        "кал", "скръб", "гръд", "прах", "лъжа", "младеж",
    ]

    /// Nouns whose forms no rule gives (a grammar's list of irregular paradigms).
    static let irregularNouns: [String: [String]] = [
        "ден": ["деня", "денят", "дни", "дните", "дена"],
        "път": ["пътя", "пътят", "пътища", "пътищата", "пъти"],
        "брат": ["брата", "братът", "братя", "братята"],
        "човек": ["човека", "човекът", "хора", "хората", "души"],
        "крак": ["крака", "кракът", "краката"],
        "око": ["окото", "очи", "очите"],
        "ухо": ["ухото", "уши", "ушите"],
        "дете": ["детето", "деца", "децата"],
        "рамо": ["рамото", "рамене", "раменете"],
        "ръка": ["ръката", "ръце", "ръцете"],
        "нога": ["ногата", "нозе", "нозете"],
        "цвете": ["цветето", "цветя", "цветята"],
        "месец": ["месеца", "месецът", "месеци", "месеците"],
        "гръд": ["гърдата", "гърди", "гърдите"],
    ]

    /// Standard abbreviations that stand for a noun in running text.
    static let abbreviations: [String: String] = [
        "километър": "км", "килограм": "кг", "сантиметър": "см", "метър": "м", "литър": "л", "час": "ч",
        "господин": "г-н", "госпожа": "г-жа", "госпожица": "г-ца", "милиметър": "мм", "грам": "гр",
    ]

    static func syllables(_ word: String) -> Int { word.filter { vowels.contains($0) }.count }

    enum Article { case hard, soft, both }

    /// Masculine nouns take the soft article -ят/-я after -тел agent nouns, -й and a few roots; -ар/-яр nouns and
    /// two-syllable -тел nouns (хотел, жител) may take either.
    static func softMasculine(_ word: String) -> Article {
        if ["ден", "път", "кон", "огън", "цар", "зет", "крал", "лакът", "нокът", "сън", "Господ"].contains(word) { return .soft }
        if word.hasSuffix("тел") { return syllables(word) >= 3 ? .soft : .both }
        if word.hasSuffix("ар") || word.hasSuffix("яр") { return .both }
        return .hard
    }

    /// The stem with a fleeting ъ or е of its last syllable dropped (министър → министр, неонацизъм → неонацизм,
    /// американец → американц, песен → песн; after a vowel е becomes й: боец → бойц).
    static func fleetingVowelDropped(_ word: String, dropsE: Bool = true) -> String {
        let chars = Array(word)
        guard chars.count >= 4 else { return word }
        let n = chars.count
        let vowel = chars[n - 2]
        let final = chars[n - 1]
        let before = chars[n - 3]
        if vowel == "е" && final == "ц" {
            return String(chars[0..<(n - 2)]) + (vowels.contains(before) ? "й" : "") + "ц"
        }
        guard !vowels.contains(before) else { return word }
        if vowel == "ъ" && "лрмн".contains(final) {
            return String(chars[0..<(n - 2)]) + String(final)
        }
        if dropsE && vowel == "е" && final == "н" && n > 4 {
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
        // Only letters, digits and inner hyphens: "(Киншаса)" or "САР," are not words to inflect.
        guard word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" }) else { return nil }
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
