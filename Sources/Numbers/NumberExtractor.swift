/// Finds numbers, amounts, percentages, ordinals, years, dates and times in Bulgarian or English text.
///
/// The two languages differ in conventions, and both are read: Bulgarian writes `3,5` (decimal comma), `10 000`
/// (space-grouped thousands), `3,5 млн.`, `3.09.2025 г.`, `80-ата`; English writes `3.5`, `10,000`, `3.5 million`,
/// `$1.2bn`, `September 3, 2025`, `80th`.
public enum NumberExtractor {
    /// Every number in Bulgarian `text`, in order.
    ///
    /// - Complexity: O(*n*).
    public static func bulgarian(_ text: String) -> [NumberMention] {
        Scanner(text: text, language: .bulgarian).scan()
    }

    /// Every number in English `text`, in order.
    ///
    /// - Complexity: O(*n*).
    public static func english(_ text: String) -> [NumberMention] {
        Scanner(text: text, language: .english).scan()
    }
}

enum Language { case bulgarian, english }

/// A word, a run of digits or one punctuation character, with its UTF-8 range.
struct Token {
    enum Kind { case word, digits, punctuation }
    var kind: Kind
    var range: Range<Int>
    var text: Substring
    /// Whitespace (of any kind) directly before the token.
    var spaceBefore: Bool
    /// The whitespace before was a single space or no-break space (the Bulgarian thousands separator).
    var thinSpaceBefore: Bool
    var lower: String
}

struct Scanner {
    let text: String
    let language: Language
    var tokens: [Token] = []

    init(text: String, language: Language) {
        self.text = text
        self.language = language
        tokens = Self.tokenize(text)
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        var space = false
        var thin = false
        var spaceCount = 0
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let width = UTF8.width(scalar)
            if scalar.isFastWhitespace {
                space = true
                spaceCount += 1
                thin = spaceCount == 1 && (scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{2009}")
                index = scalars.index(after: index)
                offset += width
                continue
            }
            let start = index
            let startOffset = offset
            let kind: Token.Kind
            if scalar.isASCIIDigit {
                kind = .digits
                repeat {
                    offset += 1
                    index = scalars.index(after: index)
                } while index < scalars.endIndex && scalars[index].isASCIIDigit
            } else if scalar.isFastAlphabetic {
                kind = .word
                repeat {
                    offset += UTF8.width(scalars[index])
                    index = scalars.index(after: index)
                } while index < scalars.endIndex && scalars[index].isFastAlphabetic && !scalars[index].isASCIIDigit
            } else {
                kind = .punctuation
                offset += width
                index = scalars.index(after: index)
            }
            let piece = text[start..<index]
            tokens.append(Token(
                kind: kind, range: startOffset..<offset, text: piece, spaceBefore: space, thinSpaceBefore: space && thin,
                lower: kind == .word ? piece.lowercased() : String(piece)))
            space = false
            thin = false
            spaceCount = 0
        }
        return tokens
    }

    func scan() -> [NumberMention] {
        var result: [NumberMention] = []
        var i = 0
        while i < tokens.count {
            if let (mention, next) = parse(at: i) {
                result.append(mention)
                i = next
            } else {
                i += 1
            }
        }
        expandAbbreviatedYearRanges(&result)
        return result
    }

    /// "1950-53" (and "1950–53"): the second number is the year 1953.
    func expandAbbreviatedYearRanges(_ mentions: inout [NumberMention]) {
        guard mentions.count >= 2 else { return }
        for i in 1..<mentions.count {
            let previous = mentions[i - 1]
            guard previous.kind == .year, let year = previous.date?.year, mentions[i].kind == .cardinal,
                mentions[i].surface.count == 2, let tail = Int(mentions[i].surface), tail > year % 100
            else { continue }
            let between = slice(previous.range.upperBound..<mentions[i].range.lowerBound)
            guard between == "-" || between == "–" else { continue }
            let expanded = year / 100 * 100 + tail
            mentions[i].kind = .year
            mentions[i].value = Double(expanded)
            mentions[i].date = .init(year: expanded)
        }
    }

    // MARK: Parsing at a token

    func parse(at i: Int) -> (NumberMention, Int)? {
        let token = tokens[i]
        switch token.kind {
        case .digits:
            // A digit run glued to a preceding word is part of an identifier ("G20", "COVID-19" keeps 19 though).
            if i > 0, !token.spaceBefore, tokens[i - 1].kind == .word { return nil }
            return parseNumeral(at: i)
        case .word:
            if let date = parseEnglishMonthFirstDate(at: i) { return date }
            return parseNumberWords(at: i)
        case .punctuation:
            // Currency before the number: "$ 11 млн.", "€20", "£1.2bn".
            if Self.currencySymbols.contains(token.lower), i + 1 < tokens.count, tokens[i + 1].kind == .digits,
                let (mention, next) = parseNumeral(at: i + 1)
            {
                var money = mention
                money.kind = .money
                money.range = token.range.lowerBound..<mention.range.upperBound
                money.surface = slice(money.range)
                return (money, next)
            }
            return nil
        }
    }

    /// Digits with separators, then what follows: a scale word, %, a unit, an ordinal ending, a month name, "г.".
    func parseNumeral(at start: Int) -> (NumberMention, Int)? {
        var parts: [Substring] = [tokens[start].text]
        var separators: [Character] = []
        var j = start + 1
        // Internal separators without spaces: 3,5  10,000  3.09.2025  15:00  1.200.000
        while j + 1 < tokens.count, tokens[j].kind == .punctuation, !tokens[j].spaceBefore,
            [",", ".", ":"].contains(tokens[j].text), tokens[j + 1].kind == .digits, !tokens[j + 1].spaceBefore
        {
            separators.append(Character(String(tokens[j].text)))
            parts.append(tokens[j + 1].text)
            j += 2
        }
        // Space-grouped thousands: "10 000", "1 200 000" (first group 1–3 digits, then groups of exactly 3).
        if separators.isEmpty && parts[0].count <= 3 {
            while j < tokens.count, tokens[j].kind == .digits, tokens[j].thinSpaceBefore, tokens[j].text.count == 3 {
                // "в 15 000 души" yes; "през 2015 200 души" never starts here (4-digit first group).
                parts[0] += tokens[j].text
                j += 1
            }
            // A decimal part after space groups: "1 200,5"
            if language == .bulgarian, j + 1 < tokens.count, tokens[j].text == ",", !tokens[j].spaceBefore,
                tokens[j + 1].kind == .digits, !tokens[j + 1].spaceBefore
            {
                separators.append(",")
                parts.append(tokens[j + 1].text)
                j += 2
            }
        }
        let startOffset = tokens[start].range.lowerBound
        var end = tokens[j - 1].range.upperBound

        // Dates and times written with separators.
        if let date = numericDate(parts: parts, separators: separators) {
            var k = j
            if language == .bulgarian, let after = yearMarker(at: k) { k = after }
            end = tokens[k - 1].range.upperBound
            return (NumberMention(value: Double(date.day ?? 0), kind: .date, range: startOffset..<end, surface: slice(startOffset..<end), date: date), k)
        }
        if separators == [":"], parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 25, minutes < 60, parts[1].count == 2 {
            var k = j
            if let after = wordAt(k, in: ["ч", "часа", "h"]) { k = after }
            end = tokens[k - 1].range.upperBound
            return (NumberMention(value: Double(hours) + Double(minutes) / 100, kind: .time, range: startOffset..<end, surface: slice(startOffset..<end)), k)
        }
        guard var value = numericValue(parts: parts, separators: separators) else { return nil }
        var kind: NumberMention.Kind = separators.contains(where: { isDecimalSeparator($0, parts: parts, separators: separators) }) ? .decimal : .cardinal
        var date: NumberMention.DateValue?
        var k = j

        // English suffixes glued to the digits: 80th, 1st, 5m, 1.2bn, 20k
        if k < tokens.count, tokens[k].kind == .word, !tokens[k].spaceBefore {
            let suffix = tokens[k].lower
            if ["st", "nd", "rd", "th"].contains(suffix) && kind == .cardinal {
                kind = .ordinal
                k += 1
            } else if let scale = Self.englishGluedScales[suffix] {
                value *= scale
                k += 1
            } else if language == .bulgarian, let scale = Self.bulgarianScales[suffix] {
                value *= scale
                k += 1
                k = skipDot(after: k)
            }
        }
        // Ordinal endings: 80-ата, 1-ви, 3-ти, 20-те (years: 90-те); compound adjectives: 25-хилядна, 3-милионен.
        if k + 1 < tokens.count, tokens[k].text == "-" || tokens[k].text == "–", !tokens[k].spaceBefore, tokens[k + 1].kind == .word,
            !tokens[k + 1].spaceBefore
        {
            let ending = tokens[k + 1].lower
            if Self.bulgarianOrdinalEndings.contains(ending) {
                kind = .ordinal
                k += 2
            } else if let scale = Self.compoundScales.first(where: { ending.hasPrefix($0.key) })?.value {
                value *= scale
                k += 2
            }
        }
        // Scale words: "3,5 млн.", "2 милиарда", "3.5 million", "10 хил."
        if k < tokens.count, tokens[k].kind == .word, tokens[k].spaceBefore || kind != .ordinal {
            let word = tokens[k].lower
            if let scale = (language == .bulgarian ? Self.bulgarianScales[word] : Self.englishScales[word]) {
                value *= scale
                k = skipDot(after: k + 1)
            }
        }
        // Percent: "80%", "80 %", "5 процента", "12 per cent", "12 percent"
        if k < tokens.count, tokens[k].text == "%" {
            kind = .percent
            k += 1
        } else if let after = wordAt(k, in: ["процента", "процент", "percent", "pct"]) {
            kind = .percent
            k = skipDot(after: after)
        } else if let after = wordAt(k, in: ["per"]), let cent = wordAt(after, in: ["cent"]) {
            kind = .percent
            k = cent
        } else if let after = wordAt(k, in: ["на"]), let hundred = wordAt(after, in: ["сто"]) {
            kind = .percent
            k = hundred
        }
        // Hours: "в 19 ч.", "19 часа" (Bulgarian); "7 p.m.", "7pm", "11 a.m." (English, converted to 24 hours).
        if kind == .cardinal, separators.isEmpty, value < 25 {
            if language == .bulgarian, let after = wordAt(k, in: ["ч"]) {
                kind = .time
                k = skipDot(after: after)
                if let afternoon = wordAt(k, in: ["следобед", "вечерта"]), value < 12 {
                    value += 12
                    k = afternoon
                }
            } else if language == .bulgarian, let after = wordAt(k, in: ["следобед", "вечерта"]) {
                kind = .time
                value = value < 12 ? value + 12 : value
                k = after
            } else if language == .english, let (hours, after) = meridiem(at: k, hour: value) {
                kind = .time
                value = hours
                k = after
            }
        }
        // Money after the number: "5 лв.", "11 млн. долара", "20 евро", "5 dollars"
        if kind == .cardinal || kind == .decimal, let after = wordAt(k, in: Self.currencyWords) {
            kind = .money
            k = skipDot(after: after)
        }
        // Years: "1996 г.", "2025 година", and plain four-digit years 1800–2100 ("през 2016", "in 2016").
        if kind == .cardinal, separators.isEmpty, parts[0].count == 4, let year = Int(parts[0]) {
            if language == .bulgarian, let after = yearMarker(at: k) {
                kind = .year
                k = after
            } else if (1800...2100).contains(year) {
                kind = .year
            }
            if kind == .year { date = .init(year: year) }
        }
        // Bulgarian day + month name (+ year): "3 септември 2025 г.", "5 февруари"
        if kind == .cardinal, separators.isEmpty, let day = Int(parts[0]), (1...31).contains(day),
            let (month, afterMonth) = monthName(at: k)
        {
            var components = NumberMention.DateValue(month: month, day: day)
            var m = afterMonth
            if m < tokens.count, tokens[m].text == ",", m + 1 < tokens.count { m += 1 }  // "September 3, 2025" handled elsewhere
            if m < tokens.count, tokens[m].kind == .digits, tokens[m].text.count == 4, let year = Int(tokens[m].text) {
                components.year = year
                m += 1
                if language == .bulgarian, let after = yearMarker(at: m) { m = after }
            } else {
                m = afterMonth
            }
            end = tokens[m - 1].range.upperBound
            return (NumberMention(value: Double(day), kind: .date, range: startOffset..<end, surface: slice(startOffset..<end), date: components), m)
        }
        end = tokens[k - 1].range.upperBound
        return (NumberMention(value: value, kind: kind, range: startOffset..<end, surface: slice(startOffset..<end), date: date), k)
    }

    /// English month-first dates: "September 3, 2025", "Sept. 3", "September 2025".
    func parseEnglishMonthFirstDate(at i: Int) -> (NumberMention, Int)? {
        guard let (month, after) = monthName(at: i), after < tokens.count, tokens[after].kind == .digits else { return nil }
        let number = tokens[after]
        guard let value = Int(number.text) else { return nil }
        var components = NumberMention.DateValue(month: month)
        var k = after + 1
        if number.text.count == 4 {
            components.year = value
        } else if (1...31).contains(value) {
            components.day = value
            if k < tokens.count, tokens[k].kind == .word, !tokens[k].spaceBefore, ["st", "nd", "rd", "th"].contains(tokens[k].lower) { k += 1 }
            if k + 1 < tokens.count, tokens[k].text == ",", tokens[k + 1].kind == .digits, tokens[k + 1].text.count == 4,
                let year = Int(tokens[k + 1].text)
            {
                components.year = year
                k += 2
            }
        } else {
            return nil
        }
        let range = tokens[i].range.lowerBound..<tokens[k - 1].range.upperBound
        return (NumberMention(value: Double(components.day ?? components.year ?? 0), kind: .date, range: range, surface: slice(range), date: components), k)
    }

    /// Numbers written in words: "двама", "петдесет и осем", "fifty-eight", "three million".
    func parseNumberWords(at i: Int) -> (NumberMention, Int)? {
        let table = language == .bulgarian ? Self.bulgarianNumberWords : Self.englishNumberWords
        guard table[tokens[i].lower] != nil else { return nil }
        var total = 0.0
        var current = 0.0
        var k = i
        var last = i
        while k < tokens.count {
            let word = tokens[k].lower
            if let value = table[word] {
                if value == 100 {
                    current = max(current, 1) * 100
                } else if value >= 1000 {
                    total += max(current, 1) * value
                    current = 0
                } else {
                    current += value
                }
                last = k
                k += 1
                // Connectors: "петдесет и осем", "fifty-eight", "one hundred and five"
                if k + 1 < tokens.count, (tokens[k].lower == "и" || tokens[k].lower == "and" || tokens[k].text == "-"),
                    table[tokens[k + 1].lower] != nil
                {
                    k += 1
                }
                continue
            }
            // A scale word after spelled units: "три милиона", "two billion"
            let scales = language == .bulgarian ? Self.bulgarianScales : Self.englishScales
            if let scale = scales[word], k > i {
                total += max(current, 1) * scale
                current = 0
                last = skipDot(after: k + 1) - 1
                k = last + 1
            }
            break
        }
        let value = total + current
        guard value > 0 else { return nil }
        var kind: NumberMention.Kind = .cardinal
        var end = last + 1
        if let after = wordAt(end, in: ["процента", "процент", "percent"]) {
            kind = .percent
            end = after
        } else if let after = wordAt(end, in: ["per"]), let cent = wordAt(after, in: ["cent"]) {
            kind = .percent
            end = cent
        }
        let range = tokens[i].range.lowerBound..<tokens[end - 1].range.upperBound
        return (NumberMention(value: value, kind: kind, range: range, surface: slice(range), spelledOut: true), end)
    }

    // MARK: Pieces

    func numericDate(parts: [Substring], separators: [Character]) -> NumberMention.DateValue? {
        // 3.09.2025, 03.09.25 (Bulgarian); 9/3/2025 is ambiguous and not read as a date.
        guard separators == [".", "."], parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            (1...31).contains(day), (1...12).contains(month), parts[2].count == 4 || parts[2].count == 2, parts[0].count <= 2,
            parts[1].count <= 2
        else { return nil }
        return .init(year: parts[2].count == 2 ? 2000 + year : year, month: month, day: day)
    }

    func isDecimalSeparator(_ separator: Character, parts: [Substring], separators: [Character]) -> Bool {
        numericValue(parts: parts, separators: separators).map { $0 != $0.rounded() } ?? false
            || (separators.count == 1 && (separator == "," ? language == .bulgarian && parts[1].count != 3 : separator == "." && language == .english))
    }

    /// The value of digits joined by separators, by the conventions of the language.
    func numericValue(parts: [Substring], separators: [Character]) -> Double? {
        guard !separators.isEmpty else { return Double(parts[0]) }
        let groupsOfThree = parts.dropFirst().allSatisfy { $0.count == 3 } && parts[0].count <= 3
        let unique = Set(separators)
        if unique.count == 1 {
            let separator = separators[0]
            if separators.count > 1 {
                // 1,200,000 or 1.200.000: thousands.
                guard groupsOfThree, separator != ":" else { return nil }
                return Double(parts.joined())
            }
            switch (language, separator) {
            case (.english, ","), (.bulgarian, "."):
                // English 10,000 / Bulgarian 1.500 are thousands when the group has three digits; otherwise decimal.
                return groupsOfThree ? Double(parts.joined()) : Double(parts[0] + "." + parts[1])
            case (.english, "."), (.bulgarian, ","):
                return Double(parts[0] + "." + parts[1])
            default:
                return nil
            }
        }
        // Mixed: 1,200.5 (English) or 1.200,5 (Bulgarian): the last separator is the decimal one.
        let decimal = separators.last!
        let thousands: Character = decimal == "." ? "," : "."
        guard separators.dropLast().allSatisfy({ $0 == thousands }) else { return nil }
        return Double(parts.dropLast().joined() + "." + parts.last!)
    }

    /// "p.m." / "pm" / "a.m." after an hour: the hour on a 24-hour clock and the index after the marker.
    func meridiem(at k: Int, hour: Double) -> (Double, Int)? {
        guard k < tokens.count, tokens[k].kind == .word else { return nil }
        let word = tokens[k].lower
        var after = k + 1
        var isPM: Bool
        switch word {
        case "pm": isPM = true
        case "am": isPM = false
        case "p", "a":
            // "p.m." tokenizes as p . m .
            guard after + 1 < tokens.count, tokens[after].text == ".", tokens[after + 1].lower == "m" else { return nil }
            isPM = word == "p"
            after = skipDot(after: after + 2)
        default: return nil
        }
        let hours = isPM ? (hour < 12 ? hour + 12 : hour) : (hour == 12 ? 0 : hour)
        return (hours, after)
    }

    /// After a year number: "г.", "год.", "година", "годината".
    func yearMarker(at k: Int) -> Int? {
        if let after = wordAt(k, in: ["г", "год"]) { return skipDot(after: after) }
        return wordAt(k, in: ["година", "годината", "години"])
    }

    /// A month name (full or abbreviated) at token `k`: (month, index after it).
    func monthName(at k: Int) -> (Int, Int)? {
        guard k < tokens.count, tokens[k].kind == .word else { return nil }
        let word = tokens[k].lower
        let table = language == .bulgarian ? Self.bulgarianMonths : Self.englishMonths
        guard let month = table[word] else { return nil }
        var after = k + 1
        if word.count <= 5 { after = skipDot(after: after) }
        return (month, after)
    }

    func wordAt(_ k: Int, in words: Set<String>) -> Int? {
        guard k < tokens.count, tokens[k].kind == .word, words.contains(tokens[k].lower) else { return nil }
        return k + 1
    }

    func skipDot(after k: Int) -> Int {
        k < tokens.count && tokens[k].text == "." && !tokens[k].spaceBefore ? k + 1 : k
    }

    func slice(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }

    // MARK: Vocabulary

    static let currencySymbols: Set<String> = ["$", "€", "£", "¥"]
    static let currencyWords: Set<String> = [
        "лв", "лева", "лев", "евро", "долара", "долар", "щатски", "паунда", "британски", "dollars", "dollar", "euros", "euro",
        "pounds", "pound", "leva", "yen", "юана", "рубли", "рубла", "франка",
    ]
    static let bulgarianScales: [String: Double] = [
        "хил": 1e3, "хиляди": 1e3, "хиляда": 1e3, "млн": 1e6, "милион": 1e6, "милиона": 1e6, "милиони": 1e6,
        "млрд": 1e9, "милиард": 1e9, "милиарда": 1e9, "милиарди": 1e9, "трлн": 1e12, "трилион": 1e12, "трилиона": 1e12,
    ]
    static let englishScales: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9,
        "trillion": 1e12, "tn": 1e12,
    ]
    static let englishGluedScales: [String: Double] = ["k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12]
    /// Compound adjectives: "25-хилядна тълпа" is a crowd of 25,000.
    static let compoundScales: [String: Double] = ["хиляд": 1e3, "милион": 1e6, "милиард": 1e9]
    static let bulgarianOrdinalEndings: Set<String> = [
        "ви", "ри", "ти", "ми", "ата", "ия", "ият", "ия", "та", "то", "те", "ата", "ото", "ите", "а", "о", "и",
    ]
    static let bulgarianMonths: [String: Int] = [
        "януари": 1, "февруари": 2, "март": 3, "април": 4, "май": 5, "юни": 6, "юли": 7, "август": 8, "септември": 9,
        "октомври": 10, "ноември": 11, "декември": 12, "ян": 1, "яну": 1, "фев": 2, "февр": 2, "апр": 4, "авг": 8,
        "сеп": 9, "септ": 9, "окт": 10, "ное": 11, "ноем": 11, "дек": 12,
    ]
    static let englishMonths: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9,
        "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
        "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    /// Spelled-out numbers from two up (един/one are articles as often as numbers).
    static let bulgarianNumberWords: [String: Double] = [
        "два": 2, "две": 2, "двама": 2, "три": 3, "трима": 3, "четири": 4, "четирима": 4, "пет": 5, "петима": 5,
        "шест": 6, "шестима": 6, "седем": 7, "седмина": 7, "осем": 8, "осмина": 8, "девет": 9, "деветима": 9,
        "десет": 10, "десетима": 10, "единадесет": 11, "единайсет": 11, "дванадесет": 12, "дванайсет": 12,
        "тринадесет": 13, "тринайсет": 13, "четиринадесет": 14, "четиринайсет": 14, "петнадесет": 15, "петнайсет": 15,
        "шестнадесет": 16, "шестнайсет": 16, "седемнадесет": 17, "седемнайсет": 17, "осемнадесет": 18,
        "осемнайсет": 18, "деветнадесет": 19, "деветнайсет": 19, "двадесет": 20, "двайсет": 20, "тридесет": 30,
        "трийсет": 30, "четиридесет": 40, "четирийсет": 40, "петдесет": 50, "шестдесет": 60, "седемдесет": 70,
        "осемдесет": 80, "деветдесет": 90, "сто": 100, "двеста": 200, "триста": 300, "четиристотин": 400,
        "петстотин": 500, "шестстотин": 600, "седемстотин": 700, "осемстотин": 800, "деветстотин": 900,
        "хиляда": 1000, "хиляди": 1000,
    ]
    static let englishNumberWords: [String: Double] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    ]
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// Whitespace (and the zero-width space), answered without a Unicode property lookup for ASCII and Cyrillic.
    @inline(__always) var isFastWhitespace: Bool {
        switch value {
        case 0x20, 0x09...0x0D: return true
        case 0x21..<0x80, 0x400..<0x530: return false
        default: return properties.isWhitespace || value == 0x200B
        }
    }

    /// Letters, answered without a Unicode property lookup for ASCII and Cyrillic (the hot path of the tokenizer).
    @inline(__always) var isFastAlphabetic: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x481, 0x48A...0x52F: return true
        case 0..<0x80, 0x482...0x489: return false
        default: return properties.isAlphabetic
        }
    }
}
