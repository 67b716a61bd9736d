/// The language of one side of an alignment.
enum Side: Sendable {
    case bulgarian, english
}

/// A word of a segment, as the anchor extractors see it.
struct ScannedWord: Sendable {
    enum Script: Sendable { case latin, cyrillic, other }

    var text: Substring
    /// UTF-8 offsets in the segment.
    var range: Range<Int>
    var script: Script
    /// Starts with an upper-case letter.
    var capitalised: Bool
    /// Every letter upper case and at least two letters (`NATO`, `НАТО`, `U.S.` joined as `US`).
    var acronym: Bool
    /// Number of letters (Unicode scalars).
    var letters: Int
}

/// What one pass over a segment finds: its words, links and the punctuation that tends to survive translation.
///
/// The scanner is deliberately simple: words are runs of letters (a hyphen or an apostrophe ends a word, so
/// `Бърнърс-Лий` gives two names and `Trump's` gives `Trump`), and a whitespace-delimited chunk that looks like a
/// URL, an e-mail address, a hashtag or a handle is one link and no words.
struct ScannedSegment: Sendable {
    var characters = 0
    var words: [ScannedWord] = []
    var links: [String] = []
    var questions = 0
    var exclamations = 0
    var quotes = 0
    var parentheses = 0

    /// - Complexity: O(*n*) in the length of `text`.
    init(_ text: String, side: Side) {
        var chunkStart = text.startIndex
        var offset = 0
        var chunkOffset = 0
        var inChunk = false
        for index in text.unicodeScalars.indices {
            let scalar = text.unicodeScalars[index]
            let isSpace = CharacterClass.isSpace(scalar)
            if !isSpace { characters += 1 } else if characters > 0 { characters += 1 }
            if isSpace {
                if inChunk { scanChunk(text[chunkStart..<index], at: chunkOffset, side: side) }
                inChunk = false
            } else if !inChunk {
                inChunk = true
                chunkStart = index
                chunkOffset = offset
            }
            offset += UTF8.width(scalar)
        }
        if inChunk { scanChunk(text[chunkStart...], at: chunkOffset, side: side) }
    }

    private mutating func scanChunk(_ chunk: Substring, at chunkOffset: Int, side: Side) {
        if let link = Self.link(in: chunk) {
            links.append(link)
            return
        }
        let firstWord = words.count
        var wordStart: String.Index?
        var wordOffset = 0
        var offset = chunkOffset
        var previous: Unicode.Scalar?
        let scalars = chunk.unicodeScalars
        for index in scalars.indices {
            let scalar = scalars[index]
            let isLetter = CharacterClass.isLetter(scalar)
                || (wordStart != nil && scalar.value >= 0x300 && CharacterClass.isMark(scalar))
            if isLetter {
                if wordStart == nil {
                    wordStart = index
                    wordOffset = offset
                }
            } else {
                if let start = wordStart { appendWord(chunk[start..<index], at: wordOffset) }
                wordStart = nil
                countPunctuation(scalar, previous: previous, next: scalars.index(after: index) < scalars.endIndex ? scalars[scalars.index(after: index)] : nil, side: side)
            }
            previous = scalar
            offset += UTF8.width(scalar)
        }
        if let start = wordStart { appendWord(chunk[start...], at: wordOffset) }
        joinDottedAcronym(chunk, from: firstWord)
    }

    private mutating func countPunctuation(_ scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?, side: Side) {
        switch scalar {
        case "?": questions += 1
        case "!": exclamations += 1
        case "(", "[": parentheses += 1
        case "\"", "«", "»", "\u{201E}", "\u{201C}", "\u{201D}":
            quotes += 1  // every double quotation mark: „…“ in Bulgarian, “…” or "…" in English
        case "'", "\u{2018}", "\u{2019}":
            // English quotes with single marks where Bulgarian uses „…“. A mark that starts or ends a chunk quotes;
            // one inside a word is an apostrophe (she'll, Trump's).
            let starts = previous == nil || previous == "(" || previous == "["
            let ends = next == nil || next.map { !CharacterClass.isLetter($0) && !("0"..."9").contains($0) } ?? true
            if side == .english, starts || (ends && previous.map(CharacterClass.isLetter) == true && previous != "s") { quotes += 1 }
        default: break
        }
    }

    private mutating func appendWord(_ word: Substring, at offset: Int) {
        guard let first = word.unicodeScalars.first else { return }
        let script: ScannedWord.Script
        if (0x0400...0x04FF).contains(first.value) {
            script = .cyrillic
        } else if first.isASCII || (0x00C0...0x024F).contains(first.value) {
            script = .latin
        } else {
            script = .other
        }
        let capitalised = CharacterClass.isUppercase(first)
        var letters = 0
        var upper = 0
        for scalar in word.unicodeScalars {
            letters += 1
            if CharacterClass.isUppercase(scalar) { upper += 1 }
        }
        words.append(ScannedWord(
            text: word, range: offset..<offset + word.utf8.count, script: script, capitalised: capitalised,
            acronym: letters >= 2 && upper == letters, letters: letters))
    }

    /// `U.S.`, `U.N.`, `E.U.`: single capital letters each followed by a dot become one acronym word.
    private mutating func joinDottedAcronym(_ chunk: Substring, from firstWord: Int) {
        guard words.count - firstWord >= 2 else { return }
        var run: [Int] = []
        var i = words.count - 1
        while i >= firstWord, words[i].letters == 1, words[i].capitalised,
            words[i].text.endIndex < chunk.endIndex, chunk[words[i].text.endIndex] == "."
        {
            run.insert(i, at: 0)
            i -= 1
        }
        guard run.count >= 2, let first = run.first, let last = run.last else { return }
        let joined = chunk[words[first].text.startIndex..<words[last].text.endIndex]
        let range = words[first].range.lowerBound..<words[last].range.upperBound
        words.removeSubrange(first...last)
        words.append(ScannedWord(
            text: Substring(joined.filter { $0 != "." }), range: range, script: .latin, capitalised: true, acronym: true,
            letters: run.count))
    }

    /// The normalised link a chunk is, if it is one: `https://www.bbc.co.uk/news.` → `bbc.co.uk/news`.
    static func link(in chunk: Substring) -> String? {
        // Cheap test first: most chunks are words.
        var candidate = false
        var previous: UInt8 = 0
        for byte in chunk.utf8 {
            if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "#") || (byte == UInt8(ascii: "/") && previous == UInt8(ascii: ":"))
                || ((byte == UInt8(ascii: ".")) && (previous == UInt8(ascii: "w") || previous == UInt8(ascii: "W")))
            {
                candidate = true
                break
            }
            previous = byte
        }
        guard candidate else { return nil }
        var body = chunk
        while let last = body.last, ".,;:!?)]\"'”’»".contains(last) { body = body.dropLast() }
        while let first = body.first, "([\"'“‘«„".contains(first) { body = body.dropFirst() }
        guard body.count >= 3 else { return nil }
        let lower = body.lowercased()
        if let scheme = lower.range(of: "://") {
            return Self.trimWWW(String(lower[scheme.upperBound...]))
        }
        if lower.hasPrefix("www.") { return Self.trimWWW(lower) }
        if let at = lower.firstIndex(of: "@") {
            if at == lower.startIndex { return lower.dropFirst().allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? lower : nil }
            let domain = lower[lower.index(after: at)...]
            return domain.contains(".") && !domain.hasSuffix(".") ? lower : nil
        }
        if lower.hasPrefix("#"), lower.dropFirst().first?.isLetter == true { return lower }
        return nil
    }

    private static func trimWWW(_ link: String) -> String {
        var result = link.hasPrefix("www.") ? String(link.dropFirst(4)) : link
        if result.hasSuffix("/") { result.removeLast() }
        return result
    }
}

/// Character classes with fast paths for ASCII and Cyrillic (Unicode property lookups dominate scanning otherwise).
enum CharacterClass {
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if v < 0x2000 { return v == 0x85 || v == 0xA0 || v == 0x1680 }
        return v <= 0x3000 && scalar.properties.isWhitespace
    }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        if (0x400...0x481).contains(v) || (0x48A...0x4FF).contains(v) { return true }
        return scalar.properties.isAlphabetic && !(0x30...0x39).contains(v)
    }

    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (0x41...0x5A).contains(v) }
        if (0x400...0x42F).contains(v) { return true }
        if (0x430...0x45F).contains(v) { return false }
        return scalar.properties.isUppercase
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
