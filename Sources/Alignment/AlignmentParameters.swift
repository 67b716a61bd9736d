import Foundation

/// The kinds of evidence two segments can share. Each kind has its own weight in ``AlignmentParameters``.
public enum AnchorKind: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// A number with the same normalised value (`3,5 млн.` ~ `3.5 million`, `10 000` ~ `10,000`, `две` ~ `two`).
    case number
    /// A date, or a month or weekday name (`3 септември` ~ `September 3`, `в събота` ~ `Saturday`).
    case calendar
    /// A glossary entry found in any inflected form on the Bulgarian side and in one of its renderings on the English.
    case glossary
    /// A name whose transliteration sounds like an English name (`Тръмп` ~ `Trump`, `Уорън` ~ `Warren`).
    case name
    /// An acronym written the same in both (`NATO` ~ `НАТО`, `BBC` ~ `BBC`).
    case acronym
    /// A word in Latin script left as is in the Bulgarian text (`Plaid`, `iPhone`).
    case latin
    /// A URL, e-mail address, hashtag or handle.
    case link
    /// A question mark.
    case question
    /// An exclamation mark.
    case exclamation
    /// Quoted text.
    case quote
    /// A parenthesis.
    case parenthesis
    /// A long word that sounds alike in both (`президент` ~ `president`, `кампания` ~ `campaign`).
    case cognate

    public var description: String {
        switch self {
        case .number: return "number"
        case .calendar: return "date"
        case .glossary: return "term"
        case .name: return "name"
        case .acronym: return "acronym"
        case .latin: return "word"
        case .link: return "url"
        case .question: return "?"
        case .exclamation: return "!"
        case .quote: return "quote"
        case .parenthesis: return "()"
        case .cognate: return "cognate"
        }
    }
}

/// The weights of the alignment model. The defaults were calibrated on Bulgarian–English news (NTREX-128 dev
/// articles); a user can override any of them with a JSON object `{"name": value}` (``load(overrides:)``).
///
/// Scores are in nats (natural-log units): a link's score is the log prior of its shape, plus the log-likelihood
/// ratio of its lengths under "translation" against "unrelated text", plus the anchors it shares, minus the anchors
/// one side has and the other lacks.
public struct AlignmentParameters: Sendable, Hashable {
    // MARK: Link shape priors (probabilities, normalised when used)
    public var prior11 = 0.89
    public var prior21 = 0.04
    public var prior22 = 0.004
    public var prior31 = 0.003
    public var prior10 = 0.02

    // MARK: Length model (Gale–Church style, on the log of the character ratio)
    /// Mean of log(English characters / Bulgarian characters) in a translation pair.
    public var lengthMean = -0.081
    /// Variance of that log ratio: `lengthVarianceFloor + lengthVariancePerChar / mean length`.
    public var lengthVarianceFloor = 0.0044
    public var lengthVariancePerChar = 1.41
    /// Characters added to both lengths before taking the ratio (tames very short segments).
    public var lengthSmoothing = 4.0
    /// Degrees of freedom of the Student t density used for the ratio (heavier tails than a normal).
    public var lengthDegreesOfFreedom = 5.0
    /// Standard deviation of the log ratio between unrelated segments.
    public var randomLengthDeviation = 0.75
    /// Cap on the length evidence of a single link (nats), so length alone never outweighs anchors.
    public var lengthEvidenceCap = 3.0

    // MARK: Anchors
    public var numberMatch = 3.0
    public var numberMiss = 1.2
    public var calendarMatch = 2.0
    public var calendarMiss = 0.8
    public var glossaryMatch = 2.5
    public var glossaryMiss = 0.8
    public var nameMatch = 2.5
    public var nameMiss = 0.6
    public var acronymMatch = 3.0
    public var acronymMiss = 0.8
    public var latinMatch = 2.5
    public var latinMiss = 0.8
    public var linkMatch = 4.0
    public var linkMiss = 2.0
    public var questionMatch = 1.5
    public var questionMiss = 1.0
    public var exclamationMatch = 1.0
    public var exclamationMiss = 0.6
    public var quoteMatch = 0.7
    public var quoteMiss = 0.4
    public var parenthesisMatch = 0.8
    public var parenthesisMiss = 0.5
    public var cognateMatch = 1.5
    public var cognateMiss = 0.5
    /// How much a key's frequency in the document discounts it (0: not at all, 1: fully by its inverse frequency).
    public var rarity = 0.7
    /// Transliteration similarity (0...1) at which two names count as the same.
    public var nameSimilarity = 0.6

    // MARK: Sentence structure
    /// Per sentence boundary inside a link on both sides (a merged segment on one side against two on the other).
    public var structureMatch = 1.5
    /// Per sentence boundary inside a link on one side only.
    public var structureMiss = 1.0

    // MARK: Paragraphs (used when both sides have more than one)
    /// Added where both sides start a paragraph at the same point.
    public var paragraphAgree = 1.0
    /// Subtracted where one side starts a paragraph and the other is in the middle of one.
    public var paragraphDisagree = 3.0

    // MARK: Confidence
    /// Temperature of the posterior (higher: less certain).
    public var temperature = 1.0
    /// The evidence of a link (nats) at which its own support counts as even; below it, its score drops.
    public var supportMidpoint = -1.0
    /// Steepness of the support curve (per nat).
    public var supportSlope = 1.5

    // MARK: Search
    /// Documents up to this many cells (segments × segments) are searched in full; larger ones in a band.
    public var fullSearchCells = 250_000.0
    /// Half-width of the band around the guide path, in segments (doubled while the best path touches its edge).
    public var bandWidth = 10.0

    public init() {}

    /// Every tunable parameter by name.
    public static var fields: [(name: String, path: WritableKeyPath<AlignmentParameters, Double>)] { [
        ("prior11", \.prior11), ("prior21", \.prior21), ("prior22", \.prior22), ("prior31", \.prior31),
        ("prior10", \.prior10),
        ("lengthMean", \.lengthMean), ("lengthVarianceFloor", \.lengthVarianceFloor),
        ("lengthVariancePerChar", \.lengthVariancePerChar), ("lengthSmoothing", \.lengthSmoothing),
        ("lengthDegreesOfFreedom", \.lengthDegreesOfFreedom), ("randomLengthDeviation", \.randomLengthDeviation),
        ("lengthEvidenceCap", \.lengthEvidenceCap),
        ("numberMatch", \.numberMatch), ("numberMiss", \.numberMiss),
        ("calendarMatch", \.calendarMatch), ("calendarMiss", \.calendarMiss),
        ("glossaryMatch", \.glossaryMatch), ("glossaryMiss", \.glossaryMiss),
        ("nameMatch", \.nameMatch), ("nameMiss", \.nameMiss),
        ("acronymMatch", \.acronymMatch), ("acronymMiss", \.acronymMiss),
        ("latinMatch", \.latinMatch), ("latinMiss", \.latinMiss),
        ("linkMatch", \.linkMatch), ("linkMiss", \.linkMiss),
        ("questionMatch", \.questionMatch), ("questionMiss", \.questionMiss),
        ("exclamationMatch", \.exclamationMatch), ("exclamationMiss", \.exclamationMiss),
        ("quoteMatch", \.quoteMatch), ("quoteMiss", \.quoteMiss),
        ("parenthesisMatch", \.parenthesisMatch), ("parenthesisMiss", \.parenthesisMiss),
        ("cognateMatch", \.cognateMatch), ("cognateMiss", \.cognateMiss),
        ("rarity", \.rarity), ("nameSimilarity", \.nameSimilarity),
        ("structureMatch", \.structureMatch), ("structureMiss", \.structureMiss),
        ("paragraphAgree", \.paragraphAgree), ("paragraphDisagree", \.paragraphDisagree),
        ("temperature", \.temperature), ("supportMidpoint", \.supportMidpoint), ("supportSlope", \.supportSlope),
        ("fullSearchCells", \.fullSearchCells), ("bandWidth", \.bandWidth),
    ] }

    /// The (match, miss) weights of an anchor kind.
    func weights(_ kind: AnchorKind) -> (match: Double, miss: Double) {
        switch kind {
        case .number: return (numberMatch, numberMiss)
        case .calendar: return (calendarMatch, calendarMiss)
        case .glossary: return (glossaryMatch, glossaryMiss)
        case .name: return (nameMatch, nameMiss)
        case .acronym: return (acronymMatch, acronymMiss)
        case .latin: return (latinMatch, latinMiss)
        case .link: return (linkMatch, linkMiss)
        case .question: return (questionMatch, questionMiss)
        case .exclamation: return (exclamationMatch, exclamationMiss)
        case .quote: return (quoteMatch, quoteMiss)
        case .parenthesis: return (parenthesisMatch, parenthesisMiss)
        case .cognate: return (cognateMatch, cognateMiss)
        }
    }

    /// Applies a JSON object of overrides, `{"numberMatch": 3.5, ...}`.
    public mutating func load(overrides json: String, file: String) throws(AlignmentError) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            throw .badParameters(file: file, reason: "expected a JSON object of parameter names and numbers")
        }
        for (name, value) in object {
            guard let field = Self.fields.first(where: { $0.name == name }) else {
                throw .badParameters(file: file, reason: "unknown parameter \"\(name)\"; known: \(Self.fields.map(\.name).joined(separator: ", "))")
            }
            // JSONSerialization gives booleans as NSNumber too; their type code is "c".
            guard let number = value as? NSNumber, String(cString: number.objCType) != "c", number.doubleValue.isFinite else {
                throw .badParameters(file: file, reason: "parameter \"\(name)\" must be a number")
            }
            self[keyPath: field.path] = number.doubleValue
        }
        try validate(file: file)
    }

    /// Checks that the values make a model: probabilities and weights not negative, spreads and sizes positive.
    public func validate(file: String) throws(AlignmentError) {
        let positive: [String] = [
            "lengthVarianceFloor", "lengthVariancePerChar", "lengthDegreesOfFreedom", "randomLengthDeviation", "temperature",
            "bandWidth",
        ]
        for (name, path) in Self.fields {
            let value = self[keyPath: path]
            if positive.contains(name) && value <= 0 {
                throw .badParameters(file: file, reason: "parameter \"\(name)\" must be greater than 0 (found \(value))")
            }
            if value < 0 && !["lengthMean", "supportMidpoint"].contains(name) {
                throw .badParameters(file: file, reason: "parameter \"\(name)\" must not be negative (found \(value))")
            }
        }
        if prior11 + prior21 + prior22 + prior31 + prior10 <= 0 {
            throw .badParameters(file: file, reason: "at least one link prior must be greater than 0")
        }
    }
}

/// Why an alignment could not be done or its inputs not read.
public enum AlignmentError: Error, Sendable, Equatable, CustomStringConvertible {
    case badParameters(file: String, reason: String)
    case badBatchLine(file: String, line: Int, reason: String)
    case glossary(String)

    public var description: String {
        switch self {
        case .badParameters(let file, let reason): return "\(file): error: \(reason)"
        case .badBatchLine(let file, let line, let reason): return "\(file):\(line): error: \(reason)"
        case .glossary(let message): return message
        }
    }
}
