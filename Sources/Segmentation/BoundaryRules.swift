/// Decides whether a candidate position starts a new sentence, from the text on both sides of it.
///
/// Works on UTF-16 code units (the break iterator's representation) and looks only at a few words around each
/// candidate, so its cost is proportional to the number of candidates, not to the text.
struct BoundaryRules {
    /// Abbreviations keyed by their lower-cased UTF-16 units, final dot included.
    private let abbreviations: [[UInt16]: AbbreviationClass]
    private let phraseOpeners: Set<[UInt16]>
    private var scratch: [UInt16] = []

    init(rules: SegmentationRules) {
        var table: [[UInt16]: AbbreviationClass] = [:]
        for (key, value) in rules.abbreviations { table[Array(key.utf16)] = value }
        abbreviations = table
        phraseOpeners = Set(rules.phraseOpeners.map { Array($0.lowercased().utf16) })
    }

    // MARK: Candidates ICU does not propose

    /// The first position after `from` that follows terminal punctuation, optional closing quotes or brackets, and
    /// whitespace: where a sentence could start. ICU proposes most of these itself, but never one before a dialogue
    /// dash or before a number or word in lower case that follows a full stop.
    ///
    /// - Complexity: O(*k*), *k* the distance to the candidate.
    static func nextCandidate(in text: UnsafeBufferPointer<UInt16>, from: Int) -> Int? {
        var i = from
        let count = text.count
        while i < count {
            if isTerminal(text[i]) {
                var j = i + 1
                while j < count && (isTerminal(text[j]) || isCloser(text[j])) { j += 1 }
                let spaceStart = j
                while j < count && isSpace(text[j]) { j += 1 }
                if j > spaceStart && j < count && j > from { return j }
                i = max(j, i + 1)
            } else {
                i += 1
            }
        }
        return nil
    }

    // MARK: The decision

    /// Whether a sentence starts at `position` (just after whitespace), given that the current one started at
    /// `sentenceStart`.
    mutating func isBoundary(_ text: UnsafeBufferPointer<UInt16>, at position: Int, sentenceStart: Int) -> Bool {
        // The end of the previous sentence: before the whitespace, then before closing quotes and brackets.
        var end = position
        while end > sentenceStart && Self.isSpace(text[end - 1]) { end -= 1 }
        let hadSpace = end < position
        var terminalEnd = end
        while terminalEnd > sentenceStart && Self.isCloser(text[terminalEnd - 1]) { terminalEnd -= 1 }
        guard terminalEnd > sentenceStart, Self.isTerminal(text[terminalEnd - 1]) else { return false }
        let terminal = text[terminalEnd - 1]

        // What follows: an optional dialogue dash, opening quotes or brackets, then the first word.
        var next = position
        var dialogue = false
        if Self.isDash(text[next]), next + 1 < text.count, Self.isSpace(text[next + 1]) {
            dialogue = true
            next += 1
            while next < text.count && Self.isSpace(text[next]) { next += 1 }
        }
        while next < text.count && Self.isOpener(text[next]) { next += 1 }
        guard next < text.count else { return false }
        let first = text[next]
        // „Напред!“ – извика той: a closed quotation followed by a dash and a lower-case word is the author's line.
        if dialogue && terminalEnd < end && Self.isLower(first) { return false }

        // Without whitespace only ICU's clear cases count: "край.“Той" is a typo, "3.5" or "U.S." is not a boundary.
        if !hadSpace { return terminal != 0x2E && Self.isUpper(first) }

        // "..." and "…" are ellipses; ".." is a doubled full stop.
        let isEllipsis =
            terminal == 0x2026
            || (terminal == 0x2E && terminalEnd >= 3 && text[terminalEnd - 2] == 0x2E && text[terminalEnd - 3] == 0x2E)
        if terminal != 0x2E || isEllipsis {
            // "? - Това", "! - каза той": a dash after ! ? … starts a new turn (the BTB convention).
            if dialogue { return true }
            // A lower-case continuation: "„Напред!“ извика той", "Ами... не знам".
            if Self.isLower(first) { return false }
            // "„Дали сме разпространили... Не, не сме“": an ellipsis inside an open „…“ quotation is a pause.
            if isEllipsis && Self.insideTypographicQuote(text, at: terminalEnd) { return false }
            return true
        }

        // A full stop: look at the word it ends.
        var tokenStart = terminalEnd - 1
        while tokenStart > sentenceStart, Self.isTokenPart(text[tokenStart - 1]) { tokenStart -= 1 }
        let token = UnsafeBufferPointer(rebasing: text[tokenStart..<terminalEnd])
        let letters = token.dropLast()
        if letters.isEmpty { return !Self.isLower(first) }

        if letters.allSatisfy({ Self.isDigit($0) || $0 == 0x2E }) {
            // "1. Първо" at the start of a sentence numbers a list; "… през 2019. Той" ends one.
            if Self.isLower(first) && !dialogue { return false }
            return !isOnlyOpeners(text, sentenceStart, tokenStart)
        }
        let startsWithDigit = Self.isDigit(first)
        if let kind = abbreviationClass(token, previousWordEnd: tokenStart, sentenceStart: sentenceStart, in: text) {
            switch kind {
            case .never: return false
            case .number where startsWithDigit: return false
            case .may, .number:
                if Self.isLower(first) { return false }
                if isDurationBeforeName(token, text: text, tokenStart: tokenStart, sentenceStart: sentenceStart, next: next) {
                    return false
                }
                // "През 1996 г. Русия подписа …", "На финала, на 5 септември 1996 г. Виденов …": a short time or
                // place phrase opening the sentence or a clause, not a sentence of its own.
                return !isShortOpeningPhrase(text, from: sentenceStart, to: tokenStart)
            }
        }
        // An ordinary word: "… каза той. - Добре" and "… смръщи. - отново го прекъсна" both start a new turn.
        if dialogue { return true }
        if Self.isLower(first) { return false }
        if !startsWithDigit && isInitial(letters) && !startsSentence(text, at: next) { return false }
        return true
    }

    // MARK: Helpers

    /// Whether only opening quotes, brackets or dashes lie between `start` and `end`.
    private func isOnlyOpeners(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Bool {
        (start..<end).allSatisfy { Self.isOpener(text[$0]) || Self.isDash(text[$0]) || Self.isSpace(text[$0]) }
    }

    /// The class of the abbreviation `token` (final dot included), if it is one.
    ///
    /// Lower-case and capitalised spellings match (`г.`, `Проф.`); an all-capital token is an acronym (`АП.`), not
    /// an abbreviation. `гл.серж.` falls back to its last part `серж.`. A one-letter abbreviation that may end a
    /// sentence does so only after a number: `1996 г.` (година) or `XIX в.` (век), but `в. "Таймс"` (вестник).
    private mutating func abbreviationClass(
        _ token: UnsafeBufferPointer<UInt16>, previousWordEnd: Int, sentenceStart: Int, in text: UnsafeBufferPointer<UInt16>
    ) -> AbbreviationClass? {
        guard token.count <= 24 else { return nil }
        let letterUnits = token.filter { Self.isUpper($0) || Self.isLower($0) }
        if letterUnits.count >= 2 && letterUnits.allSatisfy(Self.isUpper) { return nil }
        var parts = 0
        var start = token.startIndex
        while start < token.endIndex - 1 {
            scratch.removeAll(keepingCapacity: true)
            for unit in token[start...] { scratch.append(Self.lower(unit)) }
            if var kind = abbreviations[scratch] {
                if kind == .may && letterUnits.count == 1 && !Self.followsNumber(text, before: previousWordEnd, sentenceStart: sentenceStart) {
                    kind = .never
                }
                return kind
            }
            // Next part: after the next inner dot.
            guard let dot = token[start..<(token.endIndex - 1)].firstIndex(of: 0x2E) else { return nil }
            start = dot + 1
            parts += 1
            if parts > 4 { return nil }
        }
        return nil
    }

    /// Whether the word before `position` is a number: digits (`1996`, `8,10`) or a Roman numeral (`XIX`).
    private static func followsNumber(_ text: UnsafeBufferPointer<UInt16>, before position: Int, sentenceStart: Int) -> Bool {
        var end = position
        while end > sentenceStart && isSpace(text[end - 1]) { end -= 1 }
        while end > sentenceStart && isCloser(text[end - 1]) { end -= 1 }
        var start = end
        while start > sentenceStart && !isSpace(text[start - 1]) && !isOpener(text[start - 1]) { start -= 1 }
        guard start < end else { return false }
        let word = text[start..<end]
        if word.contains(where: isDigit) { return true }
        // Roman numerals, in Latin letters or their Cyrillic look-alikes (І, Х).
        return word.allSatisfy { [0x49, 0x56, 0x58, 0x4C, 0x43, 0x44, 0x4D, 0x406, 0x425, 0x2D].contains($0) }
    }

    /// Whether the word at `position` is a common sentence opener (`Той`, `От`, `Но`): after `буквата U.` it shows
    /// that `U.` was not an initial.
    private mutating func startsSentence(_ text: UnsafeBufferPointer<UInt16>, at position: Int) -> Bool {
        var end = position
        while end < text.count && (Self.isUpper(text[end]) || Self.isLower(text[end])) { end += 1 }
        guard end > position else { return false }
        scratch.removeAll(keepingCapacity: true)
        for unit in text[position..<end] { scratch.append(Self.lower(unit)) }
        return phraseOpeners.contains(scratch) || Self.sentenceStarters.contains(scratch)
    }

    /// Function words that begin sentences but never surnames.
    static let sentenceStarters: Set<[UInt16]> = Set(
        [
            "той", "тя", "то", "те", "това", "тази", "този", "тези", "но", "а", "и", "ако", "когато", "според", "както",
            "също", "освен", "все", "вече", "днес", "вчера", "утре", "сега", "там", "тук", "така", "затова", "обаче",
            "докато", "макар", "въпреки", "защото", "понеже", "дали", "кой", "какво", "как", "къде", "кога", "защо",
            "ние", "вие", "аз", "ти", "всички", "всеки", "никой", "нищо", "the", "this", "that", "he", "she", "it",
            "they", "we", "but", "and", "if", "when", "in", "on", "at", "for", "from", "after",
        ].map { Array($0.utf16) })

    /// Whether `position` lies inside a „…“ quotation: an unmatched „ before it, or an unmatched “ after it (the
    /// quotation may have opened in an earlier paragraph). Nested quotations are counted.
    static func insideTypographicQuote(_ text: UnsafeBufferPointer<UInt16>, at position: Int) -> Bool {
        var depth = 0
        var i = position - 1
        while i >= 0 && position - i < 3000 {
            if text[i] == 0x201C {
                depth += 1
            } else if text[i] == 0x201E {
                if depth == 0 { return true }
                depth -= 1
            }
            i -= 1
        }
        depth = 0
        i = position
        while i < text.count && i - position < 3000 {
            if text[i] == 0x201E {
                depth += 1
            } else if text[i] == 0x201C {
                if depth == 0 { return true }
                depth -= 1
            }
            i += 1
        }
        return false
    }

    /// An initial: one capital letter (`В.`), or a capital and a lower-case consonant (`Дж.`, `Хр.`, `Th.`).
    private func isInitial(_ letters: UnsafeBufferPointer<UInt16>.SubSequence) -> Bool {
        // Take the part after the last dot or hyphen: "В." in "Г.В." (initials written together).
        var start = letters.startIndex
        for i in letters.indices where letters[i] == 0x2E || letters[i] == 0x2D { start = i + 1 }
        let part = letters[start...]
        guard let head = part.first, Self.isUpper(head) else { return false }
        switch part.count {
        case 1: return true
        case 2: return Self.isLower(part.last!) && !Self.isVowel(part.last!) && !Self.isVowel(head)
        default: return false
        }
    }

    /// "на 150 г. Саргон": `г.` after a number that is not a year (an age, a duration) does not end a sentence before
    /// a name. A name here is a capitalised word without a definite article that is not a common sentence opener.
    private mutating func isDurationBeforeName(
        _ token: UnsafeBufferPointer<UInt16>, text: UnsafeBufferPointer<UInt16>, tokenStart: Int, sentenceStart: Int, next: Int
    ) -> Bool {
        guard token.count == 2, Self.lower(token[0]) == 0x433 else { return false }  // "г."
        var end = tokenStart
        while end > sentenceStart && Self.isSpace(text[end - 1]) { end -= 1 }
        var start = end
        while start > sentenceStart && Self.isDigit(text[start - 1]) { start -= 1 }
        let digits = end - start
        guard digits > 0, start == sentenceStart || !Self.isTokenPart(text[start - 1]) || text[start - 1] == 0x2D else { return false }
        if digits == 4 { return false }  // a year: "през 2016 г. Тръмп се опитва" ends a sentence
        var wordEnd = next
        while wordEnd < text.count && (Self.isUpper(text[wordEnd]) || Self.isLower(text[wordEnd])) { wordEnd += 1 }
        guard wordEnd - next >= 2, Self.isUpper(text[next]), Self.isLower(text[next + 1]) else { return false }
        if startsSentence(text, at: next) { return false }
        let tail = text[max(next, wordEnd - 2)..<wordEnd].map(Self.lower)
        let articles: [[UInt16]] = ["ът", "ят", "та", "то", "те"].map { Array($0.utf16) }
        return !articles.contains(tail)
    }

    /// "През 1996", "В края на 2019", "…финала, на 5 септември 1996": the last words before the abbreviation form a
    /// phrase of at most six words opened by a preposition that starts the sentence, follows a comma, or is
    /// capitalised mid-sentence (where an unpunctuated headline was joined to the text).
    private func isShortOpeningPhrase(_ text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int) -> Bool {
        var words: [Range<Int>] = []  // last word first
        var i = end
        while i > start && words.count < 7 {
            while i > start && (Self.isSpace(text[i - 1]) || Self.isOpener(text[i - 1]) || Self.isDash(text[i - 1])) { i -= 1 }
            let wordEnd = i
            while i > start && !Self.isSpace(text[i - 1]) && !Self.isOpener(text[i - 1]) { i -= 1 }
            if i < wordEnd { words.append(i..<wordEnd) }
        }
        var reachedStart = i <= start
        if !reachedStart {
            var j = i
            while j > start && (Self.isSpace(text[j - 1]) || Self.isOpener(text[j - 1])) { j -= 1 }
            reachedStart = j <= start
        }
        for k in 0..<min(words.count, 6) {
            let word = words[k]
            let lowered = text[word].map(Self.lower)
            guard phraseOpeners.contains(lowered) else { continue }
            let isFirst = k == words.count - 1 && reachedStart
            let afterComma = k + 1 < words.count && text[words[k + 1].upperBound - 1] == 0x2C
            let capitalized = Self.isUpper(text[word.lowerBound])
            if isFirst || afterComma || capitalized { return true }
        }
        return false
    }

    // MARK: Character classes (UTF-16)

    static func isSpace(_ u: UInt16) -> Bool {
        switch u {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000, 0xFEFF:
            return true
        default: return false
        }
    }

    /// . ! ? … and the doubled forms ‼ ⁇ ⁈ ⁉.
    static func isTerminal(_ u: UInt16) -> Bool {
        u == 0x2E || u == 0x21 || u == 0x3F || u == 0x2026 || u == 0x203C || (0x2047...0x2049).contains(u)
    }

    /// Closing quotes and brackets that may follow a sentence's terminal punctuation.
    static func isCloser(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201C, 0x201D, 0x203A, 0x300D, 0x300F: return true
        default: return false
        }
    }

    /// Opening quotes and brackets that may precede a sentence's first word.
    static func isOpener(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0xAB, 0x2018, 0x201A, 0x201C, 0x201E, 0x2039, 0x300C, 0x300E: return true
        default: return false
        }
    }

    /// Hyphen-minus, en dash, em dash, horizontal bar: dialogue turns start with one.
    static func isDash(_ u: UInt16) -> Bool { u == 0x2D || u == 0x2013 || u == 0x2014 || u == 0x2015 }

    static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }

    static func isUpper(_ u: UInt16) -> Bool {
        switch u {
        case 0x41...0x5A, 0x400...0x42F: return true
        case 0x61...0x7A, 0x430...0x45F, 0...0x40: return false
        default: return Unicode.Scalar(u)?.properties.isUppercase ?? false
        }
    }

    static func isLower(_ u: UInt16) -> Bool {
        switch u {
        case 0x61...0x7A, 0x430...0x45F: return true
        case 0x41...0x5A, 0x400...0x42F, 0...0x40: return false
        default: return Unicode.Scalar(u)?.properties.isLowercase ?? false
        }
    }

    static func isVowel(_ u: UInt16) -> Bool {
        switch lower(u) {
        case 0x430, 0x435, 0x438, 0x43E, 0x443, 0x44A, 0x44E, 0x44F, 0x45D, 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }

    /// Letters, digits and the dots, hyphens and slashes inside abbreviations (`т.нар`, `д-р`, `м/у`).
    static func isTokenPart(_ u: UInt16) -> Bool {
        switch u {
        case 0x2E, 0x2D, 0x2F, 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x400...0x45F: return true
        case 0...0x7F: return false
        default: return Unicode.Scalar(u)?.properties.isAlphabetic ?? false
        }
    }

    static func lower(_ u: UInt16) -> UInt16 {
        switch u {
        case 0x41...0x5A: return u + 0x20
        case 0x410...0x42F: return u + 0x20
        case 0x400...0x40F: return u + 0x50
        default: return u
        }
    }
}
