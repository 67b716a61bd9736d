import Foundation

/// Why segmentation rules could not be loaded or written.
public enum SegmentationError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingResource(String)
    case unreadable(path: String, reason: String)
    case badRule(file: String, line: Int, reason: String)
    case icu(String)

    public var description: String {
        switch self {
        case .missingResource(let name):
            return "error: the built-in rule file \(name) is missing from prevod's resources (reinstall prevod)"
        case .unreadable(let path, let reason): return "\(path): error: cannot read: \(reason)"
        case .badRule(let file, let line, let reason): return "\(file):\(line): error: \(reason)"
        case .icu(let message): return "error: \(message)"
        }
    }
}

/// How an abbreviation behaves at a possible sentence end.
public enum AbbreviationClass: String, Sendable, CaseIterable {
    /// Never ends a sentence: the next word belongs to the same sentence (`проф.`, `ул.`, `т.нар.`).
    case never
    /// May end a sentence: decided by what follows (`г.`, `лв.`, `млн.`).
    case may
    /// Never ends a sentence before a number (`чл. 5`, `No. 10`); decided by what follows otherwise.
    case number
}

/// The language-specific data of the segmenter: abbreviations, and the words that open a short prepositional
/// phrase such as `През 1996 г.` (after which a capitalised word continues the sentence).
///
/// Rules are data: the built-in files live in `Sources/Segmentation/Resources/` and a user adds to them with
/// `--abbreviations FILE` (same tab-separated format: abbreviation, class, note).
public struct SegmentationRules: Sendable {
    /// The language code (`bg`, `en`); also the ICU locale of the break iterator.
    public var language: String
    /// Lower-cased abbreviations with their final dot (`г.`, `т.нар.`, `mr.`).
    public var abbreviations: [String: AbbreviationClass]
    /// Lower-cased words that open a sentence-initial time or place phrase (`през`, `в`, `след`).
    public var phraseOpeners: Set<String>
    /// Where each rule file came from, for SRX export and manifests.
    public var sources: [String]

    public init(language: String, abbreviations: [String: AbbreviationClass], phraseOpeners: Set<String>, sources: [String] = []) {
        self.language = language
        self.abbreviations = abbreviations
        self.phraseOpeners = phraseOpeners
        self.sources = sources
    }

    /// The built-in Bulgarian rules.
    public static func bulgarian() throws(SegmentationError) -> SegmentationRules {
        var rules = SegmentationRules(
            language: "bg", abbreviations: [:],
            phraseOpeners: [
                "през", "в", "във", "от", "до", "след", "преди", "около", "към", "на", "още", "между", "със", "с",
                "за", "по", "чак", "едва", "именно", "само", "дори", "тогава", "към", "началото", "края", "средата",
            ])
        try rules.load(resource: "bg-abbreviations")
        try rules.load(resource: "common-abbreviations")
        return rules
    }

    /// The built-in English rules (for the English side of an alignment).
    public static func english() throws(SegmentationError) -> SegmentationRules {
        var rules = SegmentationRules(
            language: "en", abbreviations: [:],
            phraseOpeners: ["in", "on", "at", "by", "since", "until", "from", "after", "before", "around", "about", "during"])
        try rules.load(resource: "common-abbreviations")
        try rules.load(resource: "en-abbreviations")
        return rules
    }

    /// Adds (or overrides) the abbreviations of a user's file.
    public mutating func load(file path: String) throws(SegmentationError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        try merge(text: text, file: path)
    }

    mutating func load(resource name: String) throws(SegmentationError) {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv"),
            let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8)
        else { throw .missingResource("\(name).tsv") }
        try merge(text: text, file: "\(name).tsv")
    }

    /// Parses the tab-separated rule format: `abbreviation <TAB> never|may|number [<TAB> note]`; `#` comments and a
    /// header row (`abbreviation ...`) are skipped. A bare abbreviation defaults to `never`.
    mutating func merge(text: String, file: String) throws(SegmentationError) {
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines.subtracting(.init(charactersIn: "\t")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if fields[0] == "abbreviation" || fields[0] == "abbr" { continue }
            var abbreviation = fields[0].lowercased()
            guard !abbreviation.isEmpty, !abbreviation.contains(" ") || abbreviation.split(separator: " ").count == 2 else {
                throw .badRule(file: file, line: number + 1, reason: "expected an abbreviation such as \"проф.\" in the first column, found \"\(fields[0])\"")
            }
            if !abbreviation.hasSuffix(".") && !abbreviation.contains("-") && !abbreviation.contains("/") && abbreviation != "№" {
                abbreviation += "."
            }
            var kind = AbbreviationClass.never
            if fields.count > 1, !fields[1].isEmpty {
                switch fields[1].lowercased() {
                case "never", "no": kind = .never
                case "may", "yes": kind = .may
                case "number": kind = .number
                default:
                    throw .badRule(file: file, line: number + 1, reason: "expected never, may or number in the second column, found \"\(fields[1])\"")
                }
            }
            // "и др." and "и т.н." are stored by their last word: the segmenter looks at one token.
            if let last = abbreviation.split(separator: " ").last { abbreviations[String(last)] = kind }
        }
        sources.append(file)
    }
}
