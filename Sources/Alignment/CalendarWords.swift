/// Month and weekday names, which news translations keep even where they drop the number: `през септември` ~
/// `in September`, `в събота` ~ `on Saturday`, `съботата` ~ `Saturday's`.
enum CalendarWords {
    /// The calendar key of a word (`m9`, `d6`), if it names a month or a weekday.
    ///
    /// English month and day names must be capitalised (`may` is a verb). Bulgarian weekdays take the definite article
    /// (`съботата`, `понеделника`).
    static func key(of word: ScannedWord, side: Side) -> String? {
        switch side {
        case .bulgarian:
            let lower = word.text.lowercased()
            if let month = bulgarianMonths[lower] { return "m\(month)" }
            for (stem, day) in bulgarianWeekdays where lower.hasPrefix(stem) && lower.count <= stem.count + 3 {
                return "d\(day)"
            }
            return nil
        case .english:
            guard word.capitalised else { return nil }
            let lower = word.text.lowercased()
            if let month = englishMonths[lower] { return "m\(month)" }
            if let day = englishWeekdays[lower] { return "d\(day)" }
            return nil
        }
    }

    static let bulgarianMonths: [String: Int] = [
        "януари": 1, "февруари": 2, "март": 3, "април": 4, "май": 5, "юни": 6, "юли": 7, "август": 8,
        "септември": 9, "октомври": 10, "ноември": 11, "декември": 12,
    ]

    /// Weekday stems; the forms add the article (`-та`, `-а`, `-ът`).
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
