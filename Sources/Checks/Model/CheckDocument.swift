import Corpus

/// One unit a check looks at: a Bulgarian segment, with its English translation when the input is a bitext.
///
/// Units are what findings point at (`FindingLocation.segment` is ``index``), so a unit keeps the place its text came
/// from: the file, line and column of the source text, and for bitext the unit id of the exchange file.
public struct CheckUnit: Sendable, Hashable {
    /// Position in the document's units, from 0 (``CheckDocument`` keeps it so): the index of the aligned pair (JSON Lines `bg[i]`/`en[i]`), the trans-unit
    /// or translation unit in file order, or the segment of an article in reading order.
    public var index: Int
    /// The unit id of an XLIFF or TMX file, when it has one.
    public var id: String?
    /// The Bulgarian text.
    public var source: String
    /// The English text; nil when the input is a monolingual corpus.
    public var target: String?
    /// Where the source text starts in the input file.
    public var location: SourceLocation?
    /// Index of the paragraph the unit belongs to (units of one paragraph share it); nil when unknown.
    public var paragraph: Int?

    public init(
        index: Int, id: String? = nil, source: String, target: String? = nil, location: SourceLocation? = nil,
        paragraph: Int? = nil
    ) {
        self.index = index
        self.id = id
        self.source = source
        self.target = target
        self.location = location
        self.paragraph = paragraph
    }

    /// The text of one side.
    public func text(_ side: Side) -> String? {
        switch side {
        case .source: return source
        case .target: return target
        }
    }
}

/// The two sides of a bitext.
public enum Side: String, Sendable, Hashable, CaseIterable {
    /// Bulgarian.
    case source
    /// English.
    case target
}

/// A document checked as a whole: an article of a corpus, one record of a JSON Lines bitext, or one `<file>` of an
/// XLIFF document or a whole TMX.
public struct CheckDocument: Sendable, Hashable {
    /// The document id findings name (`doc` in JSON): the article id, the JSON `id`, the XLIFF file id.
    public var id: String
    /// The input file it was read from (`-` for standard input).
    public var file: String
    public var units: [CheckUnit]

    /// A document of `units`, whose indices are set to their positions.
    public init(id: String, file: String, units: [CheckUnit]) {
        self.id = id
        self.file = file
        self.units = units
        for i in self.units.indices where self.units[i].index != i { self.units[i].index = i }
    }

    /// Whether the units carry translations (bitext checks apply).
    public var isBitext: Bool { units.contains { $0.target != nil } }

    /// Where finding `segment` of this document is, for messages.
    public func location(segment: Int?, side: Side? = nil, range: Range<Int>? = nil) -> FindingLocation {
        let unit = segment.flatMap { $0 < units.count ? units[$0] : nil }
        var source = unit?.location
        if var located = source, let range, side == .source, located.column > 0, !unit!.source.contains("\n") {
            located.column += range.lowerBound
            source = located
        }
        return FindingLocation(source: source ?? SourceLocation(file: file), document: id, segment: segment, range: range, side: side?.rawValue)
    }
}
