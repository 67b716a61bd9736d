/// Month and weekday names, which news translations keep even where they drop the number: `през септември` ~
/// `in September`, `в събота` ~ `on Saturday`, `съботата` ~ `Saturday's`.
enum CalendarWords {
    /// The calendar key of a word (`m9`, `d6`), if it names a month or a weekday.
    ///
    /// English month and day names must be capitalised (`may` is a verb). Bulgarian weekdays take the definite article
    /// (`съботата`, `понеделника`).
    static func key(of word: ScannedWord, side: Side) -> String? {
        guard side == .bulgarian || word.capitalised else { return nil }
        return (side == .bulgarian ? bulgarian : english)[word.text]
    }

    /// Every form (lower case and capitalised) with its key.
    private static func table(months: [String: Int], weekdays: [(String, Int)], articles: [String]) -> [Substring: String] {
        var table: [Substring: String] = [:]
        func add(_ form: String, _ key: String) {
            table[Substring(form)] = key
            table[Substring(form.prefix(1).uppercased() + form.dropFirst())] = key
        }
        for (name, month) in months { add(name, "m\(month)") }
        for (name, day) in weekdays {
            add(name, "d\(day)")
            for article in articles {
                // "събота" → "съботата": a final vowel takes -та; a consonant takes -а / -ът.
                let vowelFinal = name.last.map { "аеиоуъюя".contains($0) } ?? false
                if vowelFinal == (article == "та") { add(name + article, "d\(day)") }
            }
        }
        return table
    }

    static let bulgarian = table(months: bulgarianMonths, weekdays: bulgarianWeekdays, articles: ["та", "а", "ът"])
    static let english = table(months: englishMonths, weekdays: englishWeekdays.map { ($0.key, $0.value) }, articles: [])

    static let bulgarianMonths: [String: Int] = [
        "януари": 1, "февруари": 2, "март": 3, "април": 4, "май": 5, "юни": 6, "юли": 7, "август": 8,
        "септември": 9, "октомври": 10, "ноември": 11, "декември": 12,
    ]

    /// Weekdays; the forms add the article (`-та`, `-а`, `-ът`).
    static let bulgarianWeekdays: [(String, Int)] = [
        ("понеделник", 1), ("вторник", 2), ("сряда", 3), ("четвъртък", 4), ("петък", 5), ("събота", 6),
        ("неделя", 7),
    ]

    static let englishMonths: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    static let englishWeekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]
}
