import Corpus
import Foundation

/// What prevod prepared for one article, carried inside every exchange file it writes (XLIFF 2 `<skeleton>`,
/// XLIFF 1.2 `<skl><internal-file>`): the paragraph structure (segment ids and the exact whitespace between
/// sentences) and a SHA-256 of every source segment. An import checks returned sources against it and rebuilds the
/// paragraphs from it, so a CAT tool that drops XLIFF 1.2's inter-sentence whitespace cannot break the merge.
public struct Skeleton: Sendable, Hashable {
    public struct ParagraphShape: Sendable, Hashable {
        public var unit: String
        public var line: Int
        /// Whitespace before each segment and after the last one (`segments.count + 1` entries).
        public var gaps: [String]
        public var segments: [String]
        /// ``digest(_:)`` of each segment's source text.
        public var digests: [String]
    }

    public var article: String
    public var date: String?
    public var format: String
    public var source: String
    public var paragraphs: [ParagraphShape]

    /// The fingerprint of a source segment: the first 16 hex digits (64 bits) of its SHA-256, enough to tell an
    /// edited source from the prepared one.
    public static func digest(_ text: String) -> String { String(SHA256.hex(text).prefix(16)) }

    /// The media type written into XLIFF 1.2 `internal-file/@form`.
    public static let form = "application/x-prevod-skeleton+json"

    public init(_ article: Article) {
        self.article = article.id
        date = article.date
        format = article.format.rawValue
        source = article.source
        paragraphs = article.paragraphs.map { paragraph in
            ParagraphShape(
                unit: Identifiers.unit(paragraph: paragraph.index), line: paragraph.line,
                gaps: (0...paragraph.segments.count).map { String(paragraph.gap(before: $0)) },
                segments: paragraph.segments.map { Identifiers.segment(paragraph: paragraph.index, sentence: $0.index) },
                digests: paragraph.segments.map { Skeleton.digest($0.text) })
        }
    }

    /// One line of JSON.
    public func serialized() -> String {
        var members: [(String, JSONValue)] = [("prevod-skeleton", 1), ("article", .string(article))]
        if let date { members.append(("date", .string(date))) }
        members += [("format", .string(format)), ("source", .string(source))]
        members.append(("paragraphs", .array(paragraphs.map { shape in
            .object([
                ("unit", .string(shape.unit)), ("line", .int(shape.line)), ("gaps", .array(shape.gaps.map(JSONValue.string))),
                ("segments", .array(shape.segments.map(JSONValue.string))), ("sha256", .array(shape.digests.map(JSONValue.string))),
            ])
        })))
        return JSONValue.object(members).serialized()
    }

    /// Reads a skeleton back; nil when `text` is not one of prevod's.
    public static func parse(_ text: String) -> Skeleton? {
        guard let data = text.trimmingCharacters(in: .whitespacesAndNewlines).data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["prevod-skeleton"] as? Int == 1, let article = object["article"] as? String,
            let rawParagraphs = object["paragraphs"] as? [[String: Any]]
        else { return nil }
        var paragraphs: [ParagraphShape] = []
        for raw in rawParagraphs {
            guard let unit = raw["unit"] as? String, let gaps = raw["gaps"] as? [String], let segments = raw["segments"] as? [String],
                let digests = raw["sha256"] as? [String], gaps.count == segments.count + 1, digests.count == segments.count
            else { return nil }
            paragraphs.append(ParagraphShape(unit: unit, line: raw["line"] as? Int ?? 0, gaps: gaps, segments: segments, digests: digests))
        }
        return Skeleton(
            article: article, date: object["date"] as? String, format: object["format"] as? String ?? "article",
            source: object["source"] as? String ?? "", paragraphs: paragraphs)
    }

    init(article: String, date: String?, format: String, source: String, paragraphs: [ParagraphShape]) {
        self.article = article
        self.date = date
        self.format = format
        self.source = source
        self.paragraphs = paragraphs
    }
}
