import Numbers
import Segmentation

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

    var count: Int { characters.count }

    func keys(of segment: Int) -> ArraySlice<Int32> { keys[Int(keyStarts[segment])..<Int(keyStarts[segment + 1])] }

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

/// Turns segments into ``SideEvidence``: numbers, dates, calendar words, glossary terms, acronyms, Latin words, links,
/// punctuation, sentence structure and name candidates.
///
/// One extractor per alignment task (it owns a segmenter per language); one key table per document.
final class EvidenceExtractor {
    private let bulgarianSegmenter: Segmenter?
    private let englishSegmenter: Segmenter?
    private let glossary: GlossaryAnchors?

    init(glossary: GlossaryAnchors?) {
        self.glossary = glossary
        bulgarianSegmenter = try? Segmenter.bulgarian()
        englishSegmenter = try? Segmenter(rules: SegmentationRules.english())
    }

    /// The Bulgarian side; returns its evidence and the Latin words it contains (for the English side).
    func bulgarian(_ segments: [String], table: KeyTable) -> (SideEvidence, latinWords: Set<String>) {
        var latin: Set<String> = []
        let evidence = extract(segments, side: .bulgarian, table: table) { word in
            guard word.script == .latin, !word.acronym, word.text.count >= 2 else { return nil }
            let lower = word.text.lowercased()
            latin.insert(lower)
            return lower
        }
        return (evidence, latin)
    }

    /// The English side; `latinWords` are the Latin words of the Bulgarian side, the only ones worth a key here.
    func english(_ segments: [String], latinWords: Set<String>, table: KeyTable) -> SideEvidence {
        extract(segments, side: .english, table: table) { word in
            guard !latinWords.isEmpty, !word.acronym else { return nil }
            let lower = word.text.lowercased()
            return latinWords.contains(lower) ? lower : nil
        }
    }

    private func extract(_ segments: [String], side: Side, table: KeyTable, latin: (ScannedWord) -> String?) -> SideEvidence {
        var evidence = SideEvidence()
        evidence.characters.reserveCapacity(segments.count)
        evidence.names.reserveCapacity(segments.count)
        var nameIndex: [String: Int32] = [:]
        let segmenter = side == .bulgarian ? bulgarianSegmenter : englishSegmenter
        var keys: [Int32] = []
        for text in segments {
            keys.removeAll(keepingCapacity: true)
            let scanned = ScannedSegment(text, side: side)
            evidence.characters.append(Int32(scanned.characters))
            evidence.boundaries.append(Int32(max(0, (segmenter?.ranges(of: text).count ?? 1) - 1)))

            for mention in side == .bulgarian ? NumberExtractor.bulgarian(text) : NumberExtractor.english(text) {
                keys += numberKeys(mention, table: table)
            }
            // Glossary terms; the words they cover are not names.
            var covered: [Range<Int>] = []
            if let glossary {
                for hit in side == .bulgarian ? glossary.bulgarianHits(in: text) : glossary.englishHits(in: text) {
                    keys.append(table.id("g\(hit.entry)", kind: .glossary, label: "term \(glossary.label(of: hit.entry))"))
                    covered.append(hit.range)
                }
            }
            var names: [Int32] = []
            for word in scanned.words {
                if let calendar = CalendarWords.key(of: word, side: side) {
                    keys.append(table.id("c" + calendar, kind: .calendar, label: "date \(word.text)"))
                    continue
                }
                if covered.contains(where: { $0.overlaps(word.range) || $0.lowerBound == word.range.lowerBound }) { continue }
                if word.acronym {
                    let latinForm = side == .bulgarian && word.script == .cyrillic ? Self.romanised(word.text) : word.text.uppercased()
                    keys.append(table.id("a" + latinForm, kind: .acronym, label: "acronym \(word.text)"))
                    continue
                }
                if let lower = latin(word) {
                    keys.append(table.id("l" + lower, kind: .latin, label: "word \(word.text)"))
                    continue
                }
                let isName = word.capitalised && word.text.count >= 2
                    && (side == .bulgarian ? word.script == .cyrillic : word.script == .latin)
                guard isName else { continue }
                let surface = String(word.text)
                if let id = nameIndex[surface] {
                    names.append(id)
                } else {
                    let id = Int32(evidence.nameKeys.count)
                    nameIndex[surface] = id
                    evidence.nameKeys.append(side == .bulgarian ? NameSimilarity.bulgarianKey(surface) : NameSimilarity.englishKey(surface))
                    evidence.nameSurfaces.append(surface)
                    names.append(id)
                }
            }
            for link in scanned.links { keys.append(table.id("u" + link, kind: .link, label: "url \(link)")) }
            keys += repeatElement(table.id("?", kind: .question, label: "?"), count: scanned.questions)
            keys += repeatElement(table.id("!", kind: .exclamation, label: "!"), count: scanned.exclamations)
            keys += repeatElement(table.id("\"", kind: .quote, label: "quote"), count: scanned.quotes)
            keys += repeatElement(table.id("(", kind: .parenthesis, label: "()"), count: scanned.parentheses)
            keys.sort()
            evidence.keys += keys
            evidence.keyStarts.append(Int32(evidence.keys.count))
            evidence.names.append(names)
        }
        return evidence
    }

    /// Keys of a number: its value; for a date, month and day together and the year as a number (so `2016 г.` and
    /// a bare `2016` meet).
    private func numberKeys(_ mention: NumberMention, table: KeyTable) -> [Int32] {
        if mention.kind == .date, let date = mention.date {
            var keys: [Int32] = []
            if let month = date.month, let day = date.day {
                keys.append(table.id("d\(month)-\(day)", kind: .calendar, label: "date \(day).\(month)."))
            }
            if let year = date.year { keys.append(table.id("n\(year)", kind: .number, label: "number \(year)")) }
            if keys.isEmpty, let day = date.day { keys.append(table.id("n\(day)", kind: .number, label: "number \(day)")) }
            return keys
        }
        let value = mention.value
        let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        return [table.id("n" + text, kind: .number, label: "number \(text)")]
    }

    /// A Cyrillic acronym in Latin letters (`НАТО` → `NATO`), so it meets the English spelling.
    static func romanised(_ word: Substring) -> String {
        var result = ""
        for scalar in word.lowercased().unicodeScalars {
            result += NameSimilarity.romanisation[scalar] ?? String(scalar)
        }
        return result.uppercased()
    }
}

/// Glossary entries found in segments: Bulgarian hits in any inflected form, English hits by rendering.
protocol GlossaryAnchors: AnyObject {
    func bulgarianHits(in text: String) -> [(entry: Int, range: Range<Int>)]
    func englishHits(in text: String) -> [(entry: Int, range: Range<Int>)]
    func label(of entry: Int) -> String
}
