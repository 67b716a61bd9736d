/// The input and output of sentence alignment: two sides of segments in, links with confidence scores out.
///
/// Alignment works on plain segment lists so that it can take the segments of a ``Corpus/Article`` pair (with
/// paragraph boundaries), a presegmented file, or a line of a batch file alike.

/// One side of a bilingual document: its segments in reading order and the paragraph each belongs to.
public struct AlignmentSide: Sendable, Hashable {
    /// The segments' texts.
    public var segments: [String]
    /// For each segment, the index of its paragraph (non-decreasing). All zero when the side has no paragraphs.
    public var paragraphs: [Int]

    /// A side whose segments are grouped into paragraphs (`paragraphs[i]` is the paragraph of segment `i`).
    public init(segments: [String], paragraphs: [Int]) {
        precondition(segments.count == paragraphs.count, "one paragraph index per segment")
        self.segments = segments
        self.paragraphs = paragraphs
    }

    /// A side without paragraph structure.
    public init(segments: [String]) {
        self.init(segments: segments, paragraphs: Array(repeating: 0, count: segments.count))
    }

    /// A side built from paragraphs, each a list of segments (empty paragraphs are skipped).
    public init(paragraphs: [[String]]) {
        var segments: [String] = []
        var indexes: [Int] = []
        var paragraph = 0
        for group in paragraphs where !group.isEmpty {
            segments += group
            indexes += Array(repeating: paragraph, count: group.count)
            paragraph += 1
        }
        self.init(segments: segments, paragraphs: indexes)
    }

    public var count: Int { segments.count }

    /// Number of paragraphs.
    public var paragraphCount: Int { (paragraphs.last ?? -1) + 1 }
}

/// A Bulgarian text and its English translation (or original), to be aligned.
public struct DocumentPair: Sendable, Hashable {
    /// Identifier carried into outputs (an article id, a file name, a batch record id).
    public var id: String
    public var bulgarian: AlignmentSide
    public var english: AlignmentSide

    public init(id: String, bulgarian: AlignmentSide, english: AlignmentSide) {
        self.id = id
        self.bulgarian = bulgarian
        self.english = english
    }
}

/// A link between a group of consecutive Bulgarian segments and a group of consecutive English segments.
///
/// `1-1`, `1-2`, `2-1`, `2-2` (and, rarely, `1-3`, `3-1`) links pair text; `1-0` and `0-1` links mark a segment
/// with no counterpart on the other side.
public struct Link: Sendable, Hashable {
    /// Bulgarian segment indexes (empty for a `0-1` link).
    public var bulgarian: Range<Int>
    /// English segment indexes (empty for a `1-0` link).
    public var english: Range<Int>
    /// Confidence in 0...1 that the link is right: the posterior probability of the link under the alignment model,
    /// tempered by how much the evidence of the link itself speaks for a translation.
    public var score: Double
    /// What the link rests on, for people reviewing it (`number 2016`, `name Trump`, `length`).
    public var evidence: [String]

    public init(bulgarian: Range<Int>, english: Range<Int>, score: Double, evidence: [String] = []) {
        self.bulgarian = bulgarian
        self.english = english
        self.score = score
        self.evidence = evidence
    }

    /// `1-1`, `2-1`, `1-0`, ...
    public var kind: String { "\(bulgarian.count)-\(english.count)" }

    /// Whether the link pairs text on both sides (what a translation memory keeps).
    public var isPair: Bool { !bulgarian.isEmpty && !english.isEmpty }
}

/// Something a person should know about an alignment: the inputs do not look like a translation pair.
public struct AlignmentWarning: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// One side has no segments.
        case emptySide = "empty-side"
        /// The sides' lengths differ far more than a translation's do.
        case lengthMismatch = "length-mismatch"
        /// Little of the text is supported by shared names, numbers or a plausible length.
        case notATranslation = "not-a-translation"
        /// Many segments were left without a counterpart.
        case manyUnaligned = "many-unaligned"
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "warning: \(message)" }
}

/// The result of aligning one ``DocumentPair``.
public struct DocumentAlignment: Sendable, Hashable {
    public var document: DocumentPair
    /// Links in document order; together they cover every segment of both sides exactly once.
    public var links: [Link]
    public var warnings: [AlignmentWarning]

    public init(document: DocumentPair, links: [Link], warnings: [AlignmentWarning]) {
        self.document = document
        self.links = links
        self.warnings = warnings
    }

    /// The Bulgarian text of a link (segments joined by a space).
    public func bulgarianText(of link: Link) -> String {
        link.bulgarian.map { document.bulgarian.segments[$0] }.joined(separator: " ")
    }

    /// The English text of a link (segments joined by a space).
    public func englishText(of link: Link) -> String {
        link.english.map { document.english.segments[$0] }.joined(separator: " ")
    }

    /// Mean score of the links that pair text (0 when there are none).
    public var meanPairScore: Double {
        let pairs = links.filter(\.isPair)
        return pairs.isEmpty ? 0 : pairs.reduce(0) { $0 + $1.score } / Double(pairs.count)
    }
}
