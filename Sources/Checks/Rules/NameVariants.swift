import Alignment
import Corpus
import Terminology

/// `name-variant`: one name spelled more than one way across the corpus — Тръмп and Трамп, Кавано and Каванау,
/// Пейлин and Палин — grouped across inflected forms (Тръмп, Тръмпа), with counts and places, proposing the glossary
/// spelling or else the one used most; and names spelled slightly differently from a glossary name (near misses).
///
/// Two spellings are taken for one name when they differ only the way transliterations do (vowels, a doubled
/// consonant, з/с — see ``EditDistance/transliterationVariants(_:_:)``) and something else ties them together:
/// - in a bitext, both correspond to the same English word of their translations (Пейлин and Палин to Palin);
/// - or they stand next to the same other name (Брет Кавано, Брет Каванау), or one of them is the glossary's;
/// - or, in a corpus alone, one is used far more and in more documents and the other differs by half a letter.
/// Names standing next to different names (Питър Мартин, Ханс-Петер Бартелс), corresponding to different English
/// words, or met together in one sentence are different people and are never grouped.
///
/// - Complexity: O(*n*) in the number of words for collecting names; pairs are compared only within a block of
///   spellings with the same phonetic key or the same English word, so the comparison stays near-linear.
public struct NameVariants: CorpusRule {
    public static let category = CheckCategory.nameVariant
    public init() {}

    /// A spelling (a stem with its inflected forms) and what is known about its occurrences.
    struct Spelling {
        var stem: String
        var forms: [String: Int] = [:]
        var mentions: [Int] = []
        var links: [String: Int] = [:]
        var neighbours: Set<String> = []
        var midSentence = 0
        var documents: Set<Int> = []
        var units: Set<Int64> = []
        /// Index of the glossary entry this spelling belongs to.
        var glossaryEntry: Int?
        /// A glossary spelling that does not occur in the corpus.
        var glossaryOnly = false
        /// The glossary entry that lists this spelling as a variant of one of its words (a form that is not an
        /// inflection: Каванау under Кавано), with that word's stem.
        var glossaryVariantOf: (entry: Int, stem: String)?

        /// The base form: the most used form, shortest first on ties (set once the forms are known).
        var base = ""

        mutating func settleBase() {
            base = forms.max { a, b in
                a.value != b.value ? a.value < b.value
                    : a.key.unicodeScalars.count != b.key.unicodeScalars.count ? a.key.unicodeScalars.count > b.key.unicodeScalars.count
                    : a.key > b.key
            }?.key ?? stem
        }

        var count: Int { mentions.count }

        /// The English word most of its linked occurrences correspond to.
        var link: String? {
            let total = links.values.reduce(0, +)
            guard let best = links.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
                Double(best.value) >= Double(total) * 0.5
            else { return nil }
            return best.key
        }
    }

    public func check(_ documents: [CheckDocument], workspace: CheckWorkspace, into report: inout CheckReport) {
        var scanner = NameMentionScanner()
        scanner.scan(documents)
        let mentions = scanner.mentions
        guard !mentions.isEmpty else { return }

        // Forms of the corpus and of the glossary's names, joined into spellings when they share a stem.
        let entries = workspace.settings.glossaryEntries
        var forms: [String] = []
        var formIndex: [String: Int] = [:]
        func formID(_ form: String) -> Int {
            if let id = formIndex[form] { return id }
            formIndex[form] = forms.count
            forms.append(form)
            return forms.count - 1
        }
        let mentionForms = mentions.map { formID($0.form) }
        var glossaryForms: [(form: Int, entry: Int, base: Bool, variantOf: String?)] = []
        for (e, entry) in entries.enumerated() where Self.isNameEntry(entry) {
            let baseWords = Set(WordScanner.words(in: entry.source).map(\.text))
            // Forms listed in the glossary that are no inflection of the base form are spelling variants.
            var inflections = entry
            inflections.forms = []
            let inflected = Set(TermIndex.matchedForms(of: inflections).flatMap { WordScanner.words(in: $0).map(\.text) })
            let sourceWords = WordScanner.words(in: entry.source).map(\.text)
            for text in TermIndex.matchedForms(of: entry) {
                let words = WordScanner.words(in: text).map(\.text)
                for (position, word) in words.enumerated() where NameMentionScanner.isNameLike(word) && word.unicodeScalars.count >= 3 {
                    let variant = !inflected.contains(word)
                        && !NameStem.candidates(of: word).contains { candidate in inflected.contains { NameStem.candidates(of: $0).contains(candidate) } }
                    // The word of the base form a variant stands for: the one in its place, or the most alike.
                    var replaces: String?
                    if variant {
                        replaces = words.count == sourceWords.count ? sourceWords[position]
                            : sourceWords.min { EditDistance.transliterationVariants($0, word) < EditDistance.transliterationVariants($1, word) }
                    }
                    glossaryForms.append((formID(word), e, baseWords.contains(word), replaces.map(NameStem.of)))
                }
            }
        }
        var formSets = UnionFind(count: forms.count)
        var byCandidate: [String: Int] = [:]
        for (f, form) in forms.enumerated() {
            for candidate in NameStem.candidates(of: form) {
                if let other = byCandidate[candidate] {
                    formSets.union(f, other)
                } else {
                    byCandidate[candidate] = f
                }
            }
        }
        var spellings: [Spelling] = []
        var spellingOfRoot: [Int: Int] = [:]
        func spellingID(_ form: Int) -> Int {
            let r = formSets.root(form)
            if let s = spellingOfRoot[r] { return s }
            spellingOfRoot[r] = spellings.count
            var spelling = Spelling(stem: NameStem.of(forms[form]))
            spelling.glossaryOnly = true
            spellings.append(spelling)
            return spellings.count - 1
        }
        for (m, mention) in mentions.enumerated() {
            let s = spellingID(mentionForms[m])
            spellings[s].glossaryOnly = false
            spellings[s].forms[mention.form, default: 0] += 1
            spellings[s].mentions.append(m)
            if let link = mention.link { spellings[s].links[link, default: 0] += 1 }
            spellings[s].neighbours.formUnion(mention.neighbours)
            if !mention.startsSentence { spellings[s].midSentence += 1 }
            spellings[s].documents.insert(mention.document)
            spellings[s].units.insert(Int64(mention.document) << 32 | Int64(mention.unit))
        }
        for (form, e, base, variantOf) in glossaryForms {
            let s = spellingID(form)
            if let variantOf {
                if spellings[s].glossaryVariantOf == nil { spellings[s].glossaryVariantOf = (e, variantOf) }
                continue
            }
            if spellings[s].glossaryEntry == nil { spellings[s].glossaryEntry = e }
            guard spellings[s].glossaryOnly else { continue }
            // A glossary name absent from the corpus: its base form, the words of its English as links, the other
            // words of the name as neighbours (Мартен of Сен Мартен is a near miss only next to Сен).
            if base {
                spellings[s].forms[forms[form]] = 0
                for word in WordScanner.words(in: entries[e].source) where word.text != forms[form] && NameMentionScanner.isNameLike(word.text) {
                    spellings[s].neighbours.insert(NameStem.of(word.text))
                }
            }
            for word in WordScanner.words(in: entries[e].target) { spellings[s].links[word.text.lowercased(), default: 0] += 1 }
        }
        for s in spellings.indices where spellings[s].glossaryVariantOf != nil && spellings[s].glossaryEntry == spellings[s].glossaryVariantOf?.entry {
            spellings[s].glossaryVariantOf = nil
        }
        for s in spellings.indices { spellings[s].settleBase() }
        // A capitalized word met only at the start of sentences and also in lower case is a common word.
        let isName = spellings.map { spelling in
            spelling.glossaryOnly || spelling.midSentence > 0
                || !spelling.forms.keys.contains { scanner.isSeenInLowerCase($0) }
        }

        // Candidate pairs: same phonetic key, or same English word.
        var blocks: [String: [Int]] = [:]
        for s in spellings.indices where isName[s] {
            let key = String(decoding: PhoneticKey.bulgarian(spellings[s].base), as: UTF8.self)
            if !key.isEmpty { blocks["k:\(spellings[s].stem.unicodeScalars.first!):" + key, default: []].append(s) }
            if let link = spellings[s].link { blocks["l:" + String(decoding: PhoneticKey.latin(link), as: UTF8.self), default: []].append(s) }
            if let e = spellings[s].glossaryVariantOf?.entry ?? spellings[s].glossaryEntry { blocks["g:\(e)", default: []].append(s) }
        }
        var sets = UnionFind(count: spellings.count)
        var compared: Set<Int64> = []
        // A block of hundreds of spellings says nothing about any two of them (a very short key).
        for block in blocks.values where block.count > 1 && block.count <= 500 {
            for (i, a) in block.enumerated() {
                for b in block[(i + 1)...] where a != b {
                    let pairKey = Int64(min(a, b)) << 32 | Int64(max(a, b))
                    guard compared.insert(pairKey).inserted else { continue }
                    if Self.sameName(spellings[a], spellings[b]) { sets.union(a, b) }
                }
            }
        }

        // Groups with at least two spellings, one of them in the corpus.
        var members: [Int: [Int]] = [:]
        for s in spellings.indices where isName[s] { members[sets.root(s), default: []].append(s) }
        var groups: [(preferred: Int, spellings: [Int])] = []
        for group in members.values where group.count > 1 {
            let inCorpus = group.filter { !spellings[$0].glossaryOnly }
            guard !inCorpus.isEmpty, inCorpus.count > 1 || group.contains(where: { spellings[$0].glossaryOnly }) else { continue }
            // Glossary-only spellings take part only as the proposal for a near miss.
            let preferred = group.max { a, b in Self.preference(spellings[a]) < Self.preference(spellings[b]) }!
            // Chains (A like B, B like C) do not make A like C: keep what is like the preferred spelling itself.
            let variants = group.filter { $0 != preferred && !spellings[$0].glossaryOnly && Self.sameName(spellings[$0], spellings[preferred]) }
            guard !variants.isEmpty else { continue }
            let ordered = [preferred] + variants.sorted {
                spellings[$0].count != spellings[$1].count ? spellings[$0].count > spellings[$1].count : spellings[$0].stem < spellings[$1].stem
            }
            groups.append((preferred, ordered))
        }
        groups.sort { spellings[$0.preferred].base < spellings[$1.preferred].base }

        for group in groups {
            let preferred = spellings[group.preferred]
            let english = preferred.glossaryEntry.map { entries[$0].target } ?? preferred.link.map(Self.capitalized)
            var summary: [NameVariantGroup.Spelling] = []
            for s in group.spellings where !(spellings[s].glossaryOnly && s != group.preferred) {
                let spelling = spellings[s]
                let places = spelling.mentions.map { NameVariantGroup.Place(document: documents[mentions[$0].document].id, segment: mentions[$0].unit) }
                var unique: [NameVariantGroup.Place] = []
                var seen: Set<NameVariantGroup.Place> = []
                for place in places where seen.insert(place).inserted { unique.append(place) }
                summary.append(NameVariantGroup.Spelling(
                    text: spelling.base, forms: spelling.forms.keys.sorted { spelling.forms[$0]! > spelling.forms[$1]! || (spelling.forms[$0]! == spelling.forms[$1]! && $0 < $1) },
                    count: spelling.count, places: unique, inGlossary: spelling.glossaryEntry != nil))
            }
            report.nameGroups.append(NameVariantGroup(
                preferred: preferred.base, reason: preferred.glossaryEntry != nil ? "glossary" : "dominant", english: english,
                spellings: summary))
            let glossaryNote = preferred.glossaryEntry != nil ? "the glossary spelling" : "used \(preferred.count) times in \(preferred.documents.count) document\(preferred.documents.count == 1 ? "" : "s")"
            for s in group.spellings where s != group.preferred && !spellings[s].glossaryOnly {
                let spelling = spellings[s]
                var reportedUnits: Set<Int64> = []
                for m in spelling.mentions {
                    let mention = mentions[m]
                    guard reportedUnits.insert(Int64(mention.document) << 32 | Int64(mention.unit)).inserted else { continue }
                    let suggestion = Self.respell(mention.form, base: spelling.base, to: preferred.base)
                    let rule = preferred.glossaryOnly ? "name-variant.glossary-near-miss" : "name-variant.spelling"
                    let listed = Self.isListedVariant(spelling, of: preferred) ? ", listed there as a variant" : ""
                    let message = preferred.glossaryOnly
                        ? "«\(mention.form)» is close to the glossary name «\(preferred.base)»\(english.map { " (\($0))" } ?? "")\(listed)"
                        : "«\(mention.form)» is another spelling of «\(preferred.base)» (\(glossaryNote)\(listed)); «\(spelling.base)» is used \(spelling.count) time\(spelling.count == 1 ? "" : "s") in \(spelling.documents.count) document\(spelling.documents.count == 1 ? "" : "s")"
                    report.findings.append(Finding(
                        Self.category, rule, .warning, message, suggestion: "write «\(suggestion)»",
                        document: documents[mention.document], segment: mention.unit, side: .source, range: mention.range))
                }
            }
        }
    }

    /// Whether two spellings name the same person or place (see the type's documentation).
    static func sameName(_ a: Spelling, _ b: Spelling) -> Bool {
        // The glossary lists one as a variant of the other.
        if isListedVariant(a, of: b) || isListedVariant(b, of: a) { return a.units.isDisjoint(with: b.units) && !(a.glossaryOnly && b.glossaryOnly) }
        if a.glossaryOnly && b.glossaryOnly { return false }
        if let ea = a.glossaryEntry, let eb = b.glossaryEntry, ea == eb { return false }
        let (x, y) = (a.base.lowercased(), b.base.lowercased())
        let (xn, yn) = (x.unicodeScalars.count, y.unicodeScalars.count)
        let shortest = min(xn, yn)
        guard shortest >= 3, abs(xn - yn) <= 4, !isDerivation(x, y) else { return false }
        let cost = EditDistance.transliterationVariants(x, y)
        guard cost > 0, cost <= 2.0 else { return false }
        if !a.units.isDisjoint(with: b.units) { return false }
        let glossary = (a.glossaryEntry != nil) != (b.glossaryEntry != nil)
        // In a bitext: do the English words they correspond to agree?
        var english: Bool?
        if a.glossaryOnly || b.glossaryOnly {
            let (entry, corpus) = a.glossaryOnly ? (a, b) : (b, a)
            if let link = corpus.link { english = entry.links.keys.contains { sameEnglish($0, link) } }
            if !entry.neighbours.isEmpty && entry.neighbours.isDisjoint(with: corpus.neighbours) { return false }
        } else if let linkA = a.link, let linkB = b.link {
            english = sameEnglish(linkA, linkB)
        }
        if english == false { return false }
        // Next to different names: different people — unless the translation shows one name and one spelling is
        // the glossary's, which spells the name whoever bears it.
        let neighbourConflict = !a.neighbours.isEmpty && !b.neighbours.isEmpty && a.neighbours.isDisjoint(with: b.neighbours)
        if neighbourConflict && !(glossary && english == true) { return false }
        let halfLetter = shortest <= 4 ? 0.5 : nil
        if english == true {
            if a.glossaryOnly || b.glossaryOnly { return cost <= (halfLetter ?? 1.0) }
            return cost <= (halfLetter ?? min(2.0, Double(shortest) / 2.5))
        }
        // No translation to go by.
        if !a.neighbours.isDisjoint(with: b.neighbours) { return cost <= (halfLetter ?? 1.0) }
        guard shortest >= 5, cost <= 0.5 else { return false }
        if glossary { return true }
        let (major, minor) = a.count >= b.count ? (a, b) : (b, a)
        return major.count > minor.count && major.documents.count > minor.documents.count
    }

    /// Whether the glossary lists `variant` as another spelling of the word `spelling` is.
    static func isListedVariant(_ variant: Spelling, of spelling: Spelling) -> Bool {
        guard let listed = variant.glossaryVariantOf, listed.entry == spelling.glossaryEntry else { return false }
        return spelling.stem == listed.stem || spelling.forms.keys.contains { NameStem.candidates(of: $0).contains(listed.stem) }
    }

    /// Whether two English words (lower case) are one name: equal, or one letter apart in names of five letters or
    /// more (Harris, Haris).
    static func sameEnglish(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard min(a.count, b.count) >= 5 else { return false }
        return EditDistance.levenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars)) <= 1
    }

    /// Whether one spelling is the other with more letters after it (Масачузетс, Масачузетския): a derived word,
    /// unless what is added is a single vowel (Нугрохо, Нугрохоу).
    static func isDerivation(_ x: String, _ y: String) -> Bool {
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        guard long.hasPrefix(short), long.count > short.count else { return false }
        let added = long.dropFirst(short.count)
        return !(added.count == 1 && added.unicodeScalars.allSatisfy(EditDistance.isSoft))
    }

    /// Glossary spellings first, then the one in more documents, then the one used more.
    static func preference(_ s: Spelling) -> (Int, Int, Int, Int) {
        (s.glossaryEntry != nil && s.glossaryVariantOf == nil ? 1 : 0, s.glossaryOnly ? 0 : 1, s.documents.count, s.count)
    }

    static func isNameEntry(_ entry: GlossaryEntry) -> Bool {
        switch entry.type {
        case .person, .place, .organisation, .agency, .event: return true
        case .term, .adjective, .other: return false
        case nil: return entry.source.first?.isUppercase ?? false
        }
    }

    /// `form` respelled as the preferred spelling, keeping an ending it adds to its own base (Трампа → Тръмпа).
    static func respell(_ form: String, base: String, to preferred: String) -> String {
        let lowerForm = form.lowercased()
        let lowerBase = base.lowercased()
        guard lowerForm != lowerBase, lowerForm.hasPrefix(lowerBase) else { return preferred }
        return preferred + form.dropFirst(base.count)
    }

    static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
}
