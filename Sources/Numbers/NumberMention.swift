/// A number found in text, with its value normalised across Bulgarian and English conventions:
/// `3,5 млн.` and `3.5 million` are both 3,500,000; `10 000` and `10,000` are both 10,000; `3 септември 2025 г.` and
/// `September 3, 2025` are the same date.
public struct NumberMention: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A plain count or amount: `26`, `10 000`, `3,5 млн.`
        case cardinal
        /// A number with a fractional part: `3,5`, `2.4`
        case decimal
        /// `80%`, `5 процента`, `12 per cent`
        case percent
        /// `80-ата`, `1-ви`, `3rd`
        case ordinal
        /// `1996 г.`, `през 2016`, `in 2016`
        case year
        /// A calendar date: `3 септември 2025`, `3.09.2025`, `September 3`
        case date
        /// A time of day: `15:00 ч.`, `7.30`
        case time
        /// An amount of money: `5 лв.`, `$ 11 млн.`, `€20`
        case money
    }

    /// Year, month and day of a date; absent parts are nil (`септември 2025` has no day).
    public struct DateValue: Sendable, Hashable {
        public var year: Int?
        public var month: Int?
        public var day: Int?

        public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// Whether two dates agree on every part both of them give (and share at least one part).
        public func agrees(with other: DateValue) -> Bool {
            var shared = 0
            for (a, b) in [(year, other.year), (month, other.month), (day, other.day)] {
                if let a, let b {
                    if a != b { return false }
                    shared += 1
                }
            }
            return shared > 0
        }
    }

    /// The normalised value: for dates the day (or the year when there is no day), for times hours + minutes/100.
    public var value: Double
    public var kind: Kind
    /// UTF-8 offsets of the whole expression (number, scale word, unit) in the text.
    public var range: Range<Int>
    /// The expression as written.
    public var surface: String
    /// For dates (and years): the calendar parts.
    public var date: DateValue?
    /// Written in words (`двама`, `fifty-eight`) rather than digits. Consumers may treat these leniently: a word
    /// can satisfy a number on the other side, but translators often write small numbers either way.
    public var spelledOut: Bool

    public init(
        value: Double, kind: Kind, range: Range<Int>, surface: String, date: DateValue? = nil, spelledOut: Bool = false
    ) {
        self.value = value
        self.kind = kind
        self.range = range
        self.surface = surface
        self.date = date
        self.spelledOut = spelledOut
    }

    public var description: String {
        var text = "\(kind.rawValue) \(Self.format(value)) «\(surface)»"
        if let date { text += " [\(date.year.map(String.init) ?? "?")-\(date.month.map(String.init) ?? "?")-\(date.day.map(String.init) ?? "?")]" }
        return text
    }

    /// Whether two mentions denote the same quantity: equal values (relative tolerance 1e-9), or agreeing dates, or a
    /// year that is the year of a date.
    public func isEquivalent(to other: NumberMention) -> Bool {
        if let a = date, let b = other.date, kind == .date || other.kind == .date { return a.agrees(with: b) }
        if kind == .date, let year = date?.year, other.kind != .date { return Double(year) == other.value }
        if other.kind == .date, let year = other.date?.year, kind != .date { return Double(year) == value }
        return Self.same(value, other.value)
    }

    static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
