import Foundation
import Numbers
import Segmentation
import Terminology

/// Interned anchor keys: every distinct piece of evidence (`number 2016`, `name Тръмп~Trump`) gets a small integer,
/// so that comparing two segments is a merge of two short sorted integer lists.
final class KeyTable {
    private var ids: [String: Int32] = [:]
    private(set) var kinds: [AnchorKind] = []
    private(set) var labels: [String] = []

    func id(_ key: String, kind: AnchorKind, label: @autoclosure () -> String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(kinds.count)
        ids[key] = id
        kinds.append(kind)
        labels.append(label())
        return id
    }

    var count: Int { kinds.count }
}

/// The evidence of every segment of one side, in flat arrays (one allocation per field, not per segment).
struct SideEvidence {
    /// Characters of each segment.
    var characters: [Int32] = []
    /// Sentence boundaries inside each segment (a segment holding two sentences has 1).
    var boundaries: [Int32] = []
    /// `keys[keyStarts[i]..<keyStarts[i + 1]]` are the sorted anchor keys of segment `i` (repeated when counted twice).
    var keyStarts: [Int32] = [0]
    var keys: [Int32] = []
    /// Name words of each segment (indexes into the side's name vocabulary), resolved into keys once the
    /// neighbourhood of each segment is known.
    var names: [[Int32]] = []
    /// The name vocabulary: phonetic key and one surface form per name.
    var nameKeys: [[UInt8]] = []
    var nameSurfaces: [String] = []
    /// Names seen only as the first word of a segment, where any word is capitalised: they must sound closer to
    /// count (`Един` "one" is not `Elin`).
    var nameOnlyInitial: [Bool] = []

    var count: Int { characters.count }

    func keys(of segment: Int) -> ArraySlice<Int32> { keys[Int(keyStarts[segment])..<Int(keyStarts[segment + 1])] }

    /// The evidence of blocks of `factor` consecutive segments (the last block may be shorter): characters added,
    /// keys merged. Sentence structure and names are left out (they only matter between single segments).
    ///
    /// - Complexity: O(*n* + *k* log *k*) for *k* keys.
    func coarsened(by factor: Int) -> SideEvidence {
        var result = SideEvidence()
        var start = 0
        while start < count {
            let end = min(count, start + factor)
            result.characters.append(characters[start..<end].reduce(0, +))
            result.boundaries.append(0)
            result.keys += keys[Int(keyStarts[start])..<Int(keyStarts[end])].sorted()
            result.keyStarts.append(Int32(result.keys.count))
            result.names.append([])
            start = end
        }
        return result
    }

    /// Keeps only the keys found in exactly one segment of each side (the anchors that say where the path runs; on
    /// coarse grids the others cost time and say little).
    static func keepUniqueKeys(_ bulgarian: inout SideEvidence, _ english: inout SideEvidence, keyCount: Int) {
        // -1: not seen; -2: seen in more than one segment; otherwise the segment.
        func segments(_ side: SideEvidence) -> [Int32] {
            var segmentOf = [Int32](repeating: -1, count: keyCount)
            for i in 0..<side.count {
                for key in side.keys(of: i) {
                    let k = Int(key)
                    if segmentOf[k] == -1 { segmentOf[k] = Int32(i) } else if segmentOf[k] != Int32(i) { segmentOf[k] = -2 }
                }
            }
            return segmentOf
        }
        let inBulgarian = segments(bulgarian)
        let inEnglish = segments(english)
        func filter(_ side: inout SideEvidence) {
            var keys: [Int32] = []
            var starts: [Int32] = [0]
            for i in 0..<side.count {
                var previous: Int32 = -1
                for key in side.keys(of: i) where key != previous && inBulgarian[Int(key)] >= 0 && inEnglish[Int(key)] >= 0 {
                    keys.append(key)
                    previous = key
                }
                starts.append(Int32(keys.count))
            }
            side.keys = keys
            side.keyStarts = starts
        }
        filter(&bulgarian)
        filter(&english)
    }

    /// Adds keys to every segment (each list sorted), rebuilding the flat arrays.
    mutating func add(_ extra: [[Int32]]) {
        var newKeys: [Int32] = []
        newKeys.reserveCapacity(keys.count + extra.reduce(0) { $0 + $1.count })
        var starts: [Int32] = [0]
        starts.reserveCapacity(count + 1)
        for i in 0..<count {
            let merged = (Array(keys(of: i)) + extra[i]).sorted()
            newKeys += merged
            starts.append(Int32(newKeys.count))
        }
        keys = newKeys
        keyStarts = starts
    }
}

/// What one segment shows before its keys are interned: computed for many segments in parallel, then interned in
/// one pass (the key table is shared by both sides and is not thread-safe).
struct SegmentFacts: Sendable {
    var characters: Int32 = 0
    var boundaries: Int32 = 0
    /// Anchor keys (kind prefix included) with the text a reviewer sees.
    var keys: [(kind: AnchorKind, key: String, display: String)] = []
    var questions = 0
    var exclamations = 0
    var quotes = 0
    var parentheses = 0
    /// Name candidates (capitalised words in the side's own script), and whether each opens the segment.
    var names: [(word: Substring, initial: Bool)] = []
    /// Bulgarian: its words in Latin script, lower case. English: its words that could be one of them.
    var latin: [Substring] = []
    /// Sound-alike prefixes of long lower-case words (`президент` ~ `president`), kept where both sides have them.
    var cognates: [String] = []
}

/// Turns segments into ``SideEvidence``: numbers, dates, calendar words, glossary terms, acronyms, Latin words, links,
/// punctuation, sentence structure and name candidates.
///
/// Segments are read in parallel chunks (each with its own segmenter); the keys are then interned in order, so the
/// result does not depend on the number of threads.
final class EvidenceExtractor: Sendable {
    private let bulgarianRules: SegmentationRules?
    private let englishRules: SegmentationRules?
    let glossary: GlossaryAnchors?
    /// Segments per parallel job.
    private let chunk = 2_000

    init(glossary: GlossaryAnchors?) {
        bulgarianRules = try? SegmentationRules.bulgarian()
        englishRules = try? SegmentationRules.english()
        self.glossary = glossary
    }

    /// The evidence of both sides of a document, keys interned in `table`.
    ///
    /// - Complexity: O(*n* + *m*) in the length of the texts.
    func evidence(bulgarian: [String], english: [String], table: KeyTable) -> (SideEvidence, SideEvidence) {
        let jobs = Array(stride(from: 0, to: bulgarian.count, by: chunk).map { (Side.bulgarian, $0..<min(bulgarian.count, $0 + chunk)) })
            + stride(from: 0, to: english.count, by: chunk).map { (Side.english, $0..<min(english.count, $0 + chunk)) }
        nonisolated(unsafe) var results = [[SegmentFacts]](repeating: [], count: jobs.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                let (side, range) = jobs[index]
                let rules = side == .bulgarian ? bulgarianRules : englishRules
                let segmenter = rules.flatMap { try? Segmenter(rules: $0) }
                let matcher = side == .bulgarian ? glossary.flatMap { try? TermMatcher(index: $0.index) } : nil
                let texts = side == .bulgarian ? bulgarian : english
                output[index] = range.map { facts(texts[$0], side: side, segmenter: segmenter, matcher: matcher) }
            }
        }
        let bulgarianFacts = zip(jobs, results).filter { $0.0.0 == .bulgarian }.flatMap(\.1)
        let englishFacts = zip(jobs, results).filter { $0.0.0 == .english }.flatMap(\.1)
        let latinWords = Self.sharedLatinWords(bulgarianFacts, englishFacts)
        let cognates = Set(bulgarianFacts.flatMap(\.cognates)).intersection(englishFacts.flatMap(\.cognates))
        return (
            intern(bulgarianFacts, side: .bulgarian, table: table, latinWords: latinWords, cognates: cognates),
            intern(englishFacts, side: .english, table: table, latinWords: latinWords, cognates: cognates)
        )
    }

    /// The Latin-script words of the Bulgarian side worth matching on the English side: those the English side does
    /// not use in many more segments (a title quoted as `The Apprentice` must not turn every English `the` into
    /// evidence).
    static func sharedLatinWords(_ bulgarian: [SegmentFacts], _ english: [SegmentFacts]) -> Set<Substring> {
        var bulgarianCount: [Substring: Int] = [:]
        for facts in bulgarian {
            for word in Set(facts.latin) { bulgarianCount[word, default: 0] += 1 }
        }
        guard !bulgarianCount.isEmpty else { return [] }
        let lengths = Set(bulgarianCount.keys.map(\.utf8.count))
        var englishCount: [Substring: Int] = [:]
        for facts in english {
            var seen: Set<Substring> = []
            for word in facts.latin where lengths.contains(word.utf8.count) {
                let lower = Substring(word.lowercased())
                if bulgarianCount[lower] != nil, seen.insert(lower).inserted { englishCount[lower, default: 0] += 1 }
            }
        }
        return Set(bulgarianCount.filter { word, count in (englishCount[word] ?? 0) <= 2 * count + 1 }.keys)
    }

    /// The facts of one segment.
    func facts(_ text: String, side: Side, segmenter: Segmenter?, matcher: TermMatcher?) -> SegmentFacts {
        var facts = SegmentFacts()
        let scanned = ScannedSegment(text, side: side)
        facts.characters = Int32(scanned.characters)
        facts.boundaries = Int32(max(0, (segmenter?.ranges(of: text).count ?? 1) - 1))
        if Self.mayHoldNumbers(text, scanned.words, side: side) {
            for mention in side == .bulgarian ? NumberExtractor.bulgarian(text) : NumberExtractor.english(text) {
                facts.keys += Self.numberKeys(mention)
            }
        }
        // Glossary terms; the words they cover are not names, acronyms or loose words.
        var covered: [Range<Int>] = []
        if let glossary {
            var groups: [Int32] = []
            if side == .bulgarian, let matcher {
                for hit in matcher.hits(in: text) {
                    groups += glossary.keysOfEntry[hit.entryIndex]
                    covered.append(hit.range)
                }
            } else if side == .english {
                (covered, groups) = glossary.englishHits(in: scanned.words)
            }
            for group in groups { facts.keys.append((.glossary, "g\(group)", glossary.labels[Int(group)])) }
        }
        let firstWord = scanned.words.first?.range.lowerBound ?? -1
        for word in scanned.words {
            if !covered.isEmpty, covered.contains(where: { $0.overlaps(word.range) }) { continue }
            if let calendar = CalendarWords.key(of: word, side: side) {
                facts.keys.append((.calendar, "c" + calendar, String(word.text)))
                continue
            }
            if word.acronym {
                let latinForm = side == .bulgarian && word.script == .cyrillic ? Self.romanised(word.text) : word.text.uppercased()
                facts.keys.append((.acronym, "a" + latinForm, String(word.text)))
                continue
            }
            switch (side, word.script) {
            case (.bulgarian, .latin):
                if word.letters >= 2 { facts.latin.append(Substring(word.text.lowercased())) }
            case (.english, .latin):
                if word.letters >= 2 { facts.latin.append(word.text) }
                if !word.capitalised && word.letters >= 6 { facts.cognates.append(Self.cognateKey(NameSimilarity.englishKey(word.text, limit: 9))) }
                if word.capitalised && word.letters >= 2 { facts.names.append((word.text, word.range.lowerBound == firstWord)) }
            case (.bulgarian, .cyrillic):
                if word.capitalised && word.letters >= 2 { facts.names.append((word.text, word.range.lowerBound == firstWord)) }
                if !word.capitalised && word.letters >= 6 { facts.cognates.append(Self.cognateKey(NameSimilarity.bulgarianPrefixKey(word.text, limit: 9))) }
            default: break
            }
        }
        for link in scanned.links { facts.keys.append((.link, "u" + link, link)) }
        facts.questions = scanned.questions
        facts.exclamations = scanned.exclamations
        facts.quotes = scanned.quotes
        facts.parentheses = scanned.parentheses
        return facts
    }

    /// Interns the keys of one side and builds its name vocabulary.
    private func intern(_ all: [SegmentFacts], side: Side, table: KeyTable, latinWords: Set<Substring>, cognates: Set<String>) -> SideEvidence {
        var evidence = SideEvidence()
        evidence.characters.reserveCapacity(all.count)
        evidence.boundaries.reserveCapacity(all.count)
        evidence.names.reserveCapacity(all.count)
        var nameIndex: [Substring: Int32] = [:]
        let latinLengths = Set(latinWords.map(\.utf8.count))
        let question = table.id("?", kind: .question, label: "?")
        let exclamation = table.id("!", kind: .exclamation, label: "!")
        let quote = table.id("\"", kind: .quote, label: "quote")
        let parenthesis = table.id("(", kind: .parenthesis, label: "()")
        var keys: [Int32] = []
        for facts in all {
            keys.removeAll(keepingCapacity: true)
            evidence.characters.append(facts.characters)
            evidence.boundaries.append(facts.boundaries)
            for (kind, key, display) in facts.keys { keys.append(table.id(key, kind: kind, label: "\(kind) \(display)")) }
            for word in facts.latin where side == .bulgarian || latinLengths.contains(word.utf8.count) {
                let lower = side == .bulgarian ? word : Substring(word.lowercased())
                guard latinWords.contains(lower) else { continue }
                keys.append(table.id("l" + lower, kind: .latin, label: "word \(word)"))
            }
            for cognate in facts.cognates where cognates.contains(cognate) {
                keys.append(table.id("k" + cognate, kind: .cognate, label: "cognate \(cognate)"))
            }
            keys += repeatElement(question, count: facts.questions)
            keys += repeatElement(exclamation, count: facts.exclamations)
            keys += repeatElement(quote, count: facts.quotes)
            keys += repeatElement(parenthesis, count: facts.parentheses)
            keys.sort()
            evidence.keys += keys
            evidence.keyStarts.append(Int32(evidence.keys.count))
            var names: [Int32] = []
            for (name, initial) in facts.names {
                if let id = nameIndex[name] {
                    names.append(id)
                    if !initial { evidence.nameOnlyInitial[Int(id)] = false }
                } else {
                    let id = Int32(evidence.nameKeys.count)
                    nameIndex[name] = id
                    evidence.nameKeys.append(side == .bulgarian ? NameSimilarity.bulgarianKey(name) : NameSimilarity.englishKey(name))
                    evidence.nameSurfaces.append(String(name))
                    evidence.nameOnlyInitial.append(initial)
                    names.append(id)
                }
            }
            evidence.names.append(names)
        }
        return evidence
    }

    /// The first five sounds of a word's phonetic spelling.
    static func cognateKey(_ key: [UInt8]) -> String {
        String(decoding: key.prefix(5), as: UTF8.self)
    }

    /// Whether the number extractor can find anything: a digit, or a word that starts like a number word (`три`,
    /// `двама`, `хиляди`, `twenty`, `thousand`). Most sentences have neither, and the extractor reads every word.
    static func mayHoldNumbers(_ text: String, _ words: [ScannedWord], side: Side) -> Bool {
        if text.utf8.contains(where: { (0x30...0x39).contains($0) }) { return true }
        let stems = side == .bulgarian ? bulgarianNumberStems : englishNumberStems
        for word in words where word.letters >= 3 {
            var key: UInt64 = 0
            for scalar in word.text.unicodeScalars.prefix(3) {
                var v = scalar.value
                if (0x41...0x5A).contains(v) || (0x410...0x42F).contains(v) { v += 0x20 }
                key = key << 21 | UInt64(v)
            }
            if stems.contains(key) { return true }
        }
        return false
    }

    /// The first three letters of the number words of each language (a superset test: `пет` also opens `петък`).
    private static func stems(_ words: [String]) -> Set<UInt64> {
        Set(words.map { $0.unicodeScalars.prefix(3).reduce(UInt64(0)) { $0 << 21 | UInt64($1.value) } })
    }
    private static let bulgarianNumberStems = stems([
        "два", "две", "три", "четири", "пет", "шест", "седем", "седмина", "осем", "осмина", "девет", "десет",
        "единадесет", "сто", "хиляда", "милион", "милиард", "половин", "нула",
    ])
    private static let englishNumberStems = stems([
        "one", "two", "three", "four", "forty", "five", "fifty", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "twenty", "hundred", "thousand", "million", "billion", "half", "dozen", "zero",
    ])

    /// Keys of a number: its value; for a date, month and day together and the year as a number (so `2016 г.` and
    /// a bare `2016` meet).
    static func numberKeys(_ mention: NumberMention) -> [(kind: AnchorKind, key: String, display: String)] {
        if mention.kind == .date, let date = mention.date {
            var keys: [(kind: AnchorKind, key: String, display: String)] = []
            if let month = date.month, let day = date.day { keys.append((.calendar, "d\(month)-\(day)", mention.surface)) }
            if let year = date.year { keys.append((.number, "n\(year)", "\(year)")) }
            if keys.isEmpty, let day = date.day { keys.append((.number, "n\(day)", "\(day)")) }
            return keys
        }
        let value = mention.value
        let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        return [(.number, "n" + text, text)]
    }

    /// A Cyrillic acronym in Latin letters (`НАТО` → `NATO`), so it meets the English spelling.
    static func romanised(_ word: Substring) -> String {
        Transliteration.bulgarian2009(String(word)).uppercased()
    }
}
