import XMLKit

/// Writes segmentation rules as SRX 2.0, so CAT tools (OmegaT, Okapi, Trados) can follow prevod's segmentation as far
/// as SRX's regular expressions can express it.
///
/// SRX cannot express everything the segmenter decides: the short opening phrase (`През 1996 г. Русия …`) and
/// list numbers at a sentence start are left to the generic rules there. Expressions use Java/ICU regex syntax
/// (what OmegaT and Okapi run).
public struct SRXExporter {
    public var rules: [SegmentationRules]

    public init(rules: [SegmentationRules]) { self.rules = rules }

    /// The SRX document.
    public func document() throws -> String {
        var xml = XMLWriter()
        try xml.start("srx", ["xmlns": "http://www.lisa.org/srx20", "version": "2.0"])
        try xml.start("header", ["segmentsubflows": "yes", "cascade": "no"])
        try xml.element("formathandle", ["type": "start", "include": "no"])
        try xml.element("formathandle", ["type": "end", "include": "yes"])
        try xml.element("formathandle", ["type": "isolated", "include": "no"])
        xml.end()
        try xml.start("body")
        try xml.start("languagerules")
        for ruleSet in rules {
            try xml.start("languagerule", ["languagerulename": Self.name(of: ruleSet.language)])
            for (before, after, isBreak) in expressions(for: ruleSet) {
                try xml.start("rule", ["break": isBreak ? "yes" : "no"])
                try xml.element("beforebreak", text: before)
                try xml.element("afterbreak", text: after)
                xml.end()
            }
            xml.end()
        }
        xml.end()
        try xml.start("maprules")
        for ruleSet in rules {
            try xml.element(
                "languagemap", ["languagepattern": "\(ruleSet.language).*", "languagerulename": Self.name(of: ruleSet.language)])
        }
        xml.end()
        xml.end()
        return xml.finish()
    }

    static func name(of language: String) -> String {
        switch language {
        case "bg": return "Bulgarian"
        case "en": return "English"
        default: return language
        }
    }

    /// (beforebreak, afterbreak, break) triples in the order SRX applies them: exceptions first.
    func expressions(for rules: SegmentationRules) -> [(String, String, Bool)] {
        let notInWord = "(?<![\\p{L}\\p{N}.\\-])"
        let closers = "[\"'”“»)\\]]*"
        let openers = "[\"'„“«(\\[]*"
        var result: [(String, String, Bool)] = []
        func alternatives(_ kind: AbbreviationClass) -> String {
            rules.abbreviations.filter { $0.value == kind }.keys.sorted().map { abbreviation in
                // "т.нар." matches "т.нар." and "Т.нар."; the final dot is the candidate break.
                let body = abbreviation.hasSuffix(".") ? String(abbreviation.dropLast()) : abbreviation
                return Self.regexEscape(body)
            }.joined(separator: "|")
        }
        let never = alternatives(.never)
        if !never.isEmpty { result.append(("(?iu)\(notInWord)(?:\(never))\\.", "\\s", false)) }
        let number = alternatives(.number)
        if !number.isEmpty { result.append(("(?iu)\(notInWord)(?:\(number))\\.", "\\s+\\p{N}", false)) }
        // Initials: "В. Путин", "Дж. Буш".
        result.append(("\(notInWord)\\p{Lu}\\p{Ll}?\\.", "\\s+\\p{Lu}", false))
        // A lower-case word (optionally after a dialogue dash or quote) continues the sentence.
        result.append(("[.!?…]\(closers)", "\\s+(?:[-–—]\\s+)?\(openers)\\p{Ll}", false))
        // Everything else after terminal punctuation and whitespace is a sentence start, dialogue turns included.
        result.append(("[.!?…]\(closers)", "\\s+(?:[-–—]\\s+)?\(openers)[\\p{Lu}\\p{N}]", true))
        result.append(("[.!?…]\(closers)", "\\s+[-–—]\\s", true))
        return result
    }

    static func regexEscape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}-/".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
