/// The document model every stage of prevod works on: an article made of paragraphs made of segments, each of
/// which knows where it came from in the source file.
///
/// The model is a value: stages are functions that take an `Article` and return a richer one (segmentation fills
/// ``Paragraph/segments``); nothing is mutated behind a caller's back.

/// One input document: a news article, a plain-text file, or one record of a JSON Lines file.
public struct Article: Sendable, Hashable {
    /// Stable identifier: the file name without its extension, or the `id` of a JSON Lines record.
    public var id: String
    /// The publication date (`YYYY-MM-DD`) from the article header or the JSON `date` field.
    public var date: String?
    /// Where the article was read from: a path, or `-` for standard input.
    public var source: String
    /// How the source was interpreted.
    public var format: InputFormat
    /// The document text that character offsets refer to: the decoded file (byte order mark removed) or the JSON
    /// `text` field. The article header lies inside it but belongs to no paragraph.
    public var text: String
    /// Paragraphs in reading order (empty lines are not paragraphs).
    public var paragraphs: [Paragraph]
    /// Problems met while reading that were repaired (only with `--lossy`).
    public var repairs: [ReadIssue]

    public init(
        id: String, date: String? = nil, source: String, format: InputFormat, text: String, paragraphs: [Paragraph],
        repairs: [ReadIssue] = []
    ) {
        self.id = id
        self.date = date
        self.source = source
        self.format = format
        self.text = text
        self.paragraphs = paragraphs
        self.repairs = repairs
    }

    /// Every segment of the article in order, with its paragraph.
    public var segments: [(paragraph: Paragraph, segment: Segment)] {
        paragraphs.flatMap { paragraph in paragraph.segments.map { (paragraph, $0) } }
    }

    /// Number of segments (zero before segmentation).
    public var segmentCount: Int { paragraphs.reduce(0) { $0 + $1.segments.count } }
}

/// A paragraph: one line of an article file, one blank-line-separated block of a plain-text file, or one line of a
/// JSON `text` field.
public struct Paragraph: Sendable, Hashable {
    /// Position in the article, from 0.
    public var index: Int
    /// The paragraph's text exactly as in the source (leading and trailing whitespace of the line excluded).
    public var text: String
    /// 1-based line of the source where the paragraph starts (for JSON Lines: the record's line).
    public var line: Int
    /// 1-based column (in characters) of the paragraph's first character on that line (JSON Lines: 1).
    public var column: Int
    /// UTF-8 byte offsets of the paragraph in the source file (JSON Lines: the whole record line, since escapes
    /// make the text's own bytes differ from the file's).
    public var byteRange: Range<Int>
    /// Offset of the paragraph's first character in ``Article/text``, in Unicode scalars.
    public var characterOffset: Int
    /// Sentence-level segments; empty until a segmenter has run.
    public var segments: [Segment]

    public init(
        index: Int, text: String, line: Int, column: Int = 1, byteRange: Range<Int>, characterOffset: Int,
        segments: [Segment] = []
    ) {
        self.index = index
        self.text = text
        self.line = line
        self.column = column
        self.byteRange = byteRange
        self.characterOffset = characterOffset
        self.segments = segments
    }

    /// The whitespace before segment `i` (for i == 0: before the first segment) — with the segments it rebuilds the
    /// paragraph exactly.
    public func gap(before i: Int) -> Substring {
        let utf8 = text.utf8
        let start = i == 0 ? 0 : segments[i - 1].range.upperBound
        let end = i < segments.count ? segments[i].range.lowerBound : utf8.count
        return text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
    }

    /// Segments and the gaps between them, concatenated: equals ``text`` for any segmentation prevod produces.
    public var reassembled: String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for i in segments.indices {
            result += gap(before: i)
            result += segments[i].text
        }
        result += gap(before: segments.count)
        return result
    }
}

/// A sentence-level translation unit inside a paragraph.
public struct Segment: Sendable, Hashable {
    /// Position in the paragraph, from 0.
    public var index: Int
    /// UTF-8 byte offsets into ``Paragraph/text``.
    public var range: Range<Int>
    /// The segment's text (the paragraph's bytes in ``range``).
    public var text: String

    public init(index: Int, range: Range<Int>, text: String) {
        self.index = index
        self.range = range
        self.text = text
    }
}

/// How an input is read.
public enum InputFormat: String, Sendable, CaseIterable, Hashable {
    /// Decide from the file: `.jsonl`/`.ndjson` or a first line starting with `{` is JSON Lines; a file of wrapped
    /// blank-line-separated blocks is plain text; anything else is an article.
    case auto
    /// prevod's article format: optional ` date YYYY-MM-DD ` header on the first line, one paragraph per line.
    case article
    /// Plain text: paragraphs separated by blank lines, possibly wrapped over several lines.
    case text
    /// JSON Lines: one `{"id", "text", "date"?}` object per line; `text` may hold several `\n`-separated paragraphs.
    case jsonl
}
