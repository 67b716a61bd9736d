import Corpus
import Foundation

/// What prevod prepared for one article, carried inside every exchange file it writes (XLIFF 2 `<skeleton>`,
/// XLIFF 1.2 `<skl><internal-file>`): the paragraph structure (segment ids and the exact whitespace between
/// sentences) and a fingerprint of every source segment. An import checks returned sources against it and rebuilds the
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

        public init(unit: String, line: Int, gaps: [String], segments: [String], digests: [String]) {
            self.unit = unit
            self.line = line
            self.gaps = gaps
            self.segments = segments
            self.digests = digests
        }
    }

    public var article: String
    public var date: String?
    public var format: String
    public var source: String
    public var paragraphs: [ParagraphShape]

    /// The fingerprint of a source segment: 64-bit FNV-1a of its UTF-8, in 16 hex digits. It tells an edited source
    /// from the prepared one (a CAT tool's accident, not an adversary: integrity of whole files is the kit
    /// manifest's SHA-256), at a fraction of a cryptographic hash's cost in every file `prepare` writes.
    public static func digest(_ text: String) -> String {
        var hex: [UInt8] = []
        appendDigest(of: text, to: &hex)
        return String(decoding: hex, as: UTF8.self)
    }

    /// Appends ``digest(_:)`` of `text` (16 lower-case hex digits) to `out`.
    static func appendDigest(of text: String, to out: inout [UInt8]) {
        var text = text
        var hash = text.withUTF8 { utf8 in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            return hash
        }
        let start = out.count
        out.append(contentsOf: repeatElement(0x30, count: 16))
        for i in stride(from: start + 15, through: start, by: -1) {
            let nibble = UInt8(hash & 0xF)
            out[i] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            hash >>= 4
        }
    }

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
    ///
    /// - Complexity: O(*n*) in the size of the article's structure (written directly, not through a JSON tree:
    ///   it is in every file `prepare` writes).
    public func serialized() -> String {
        var out = "{\"prevod-skeleton\":1,\"article\":"
        Self.appendJSON(article, to: &out)
        if let date {
            out += ",\"date\":"
            Self.appendJSON(date, to: &out)
        }
        out += ",\"format\":"
        Self.appendJSON(format, to: &out)
        out += ",\"source\":"
        Self.appendJSON(source, to: &out)
        out += ",\"paragraphs\":["
        for (i, shape) in paragraphs.enumerated() {
            if i > 0 { out += "," }
            out += "{\"unit\":\"" + shape.unit + "\",\"line\":" + String(shape.line) + ",\"gaps\":["
            for (j, gap) in shape.gaps.enumerated() {
                if j > 0 { out += "," }
                Self.appendJSON(gap, to: &out)
            }
            out += "],\"segments\":[\"" + shape.segments.joined(separator: "\",\"") + "\"],\"fnv64\":[\""
            out += shape.digests.joined(separator: "\",\"") + "\"]}"
        }
        return out + "]}"
    }

    /// The same JSON as `Skeleton(article).serialized()`, written straight from the article into bytes: no
    /// skeleton value and no string per gap, id or digest (it is in every file `prepare` writes).
    ///
    /// - Complexity: O(*n*) in the size of the article (its segments' text is read once, for the digests).
    public static func serialized(_ article: Article) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256 + article.paragraphs.count * 96 + article.segmentCount * 32)
        out += #"{"prevod-skeleton":1,"article":"#.utf8
        appendJSON(article.id, to: &out)
        if let date = article.date {
            out += #","date":"#.utf8
            appendJSON(date, to: &out)
        }
        out += #","format":"#.utf8
        appendJSON(article.format.rawValue, to: &out)
        out += #","source":"#.utf8
        appendJSON(article.source, to: &out)
        out += #","paragraphs":["#.utf8
        for (i, paragraph) in article.paragraphs.enumerated() {
            if i > 0 { out.append(0x2C) }
            let p = paragraph.index
            out += #"{"unit":""#.utf8
            out += Identifiers.unit(paragraph: p).utf8
            out += #"","line":"#.utf8
            out += String(paragraph.line).utf8
            out += #","gaps":["#.utf8
            var text = paragraph.text
            text.withUTF8 { utf8 in
                for g in 0...paragraph.segments.count {
                    if g > 0 { out.append(0x2C) }
                    // Paragraph.gap(before:), in bytes.
                    let start = g == 0 ? 0 : paragraph.segments[g - 1].range.upperBound
                    let end = g < paragraph.segments.count ? paragraph.segments[g].range.lowerBound : utf8.count
                    appendJSON(UnsafeBufferPointer(rebasing: utf8[start..<end]), to: &out)
                }
            }
            // As serialized(): the ids and digests joined inside one pair of quotes.
            out += #"],"segments":[""#.utf8
            for (n, segment) in paragraph.segments.enumerated() {
                if n > 0 { out += #"",""#.utf8 }
                out += Identifiers.segment(paragraph: p, sentence: segment.index).utf8
            }
            out += #""],"fnv64":[""#.utf8
            for (n, segment) in paragraph.segments.enumerated() {
                if n > 0 { out += #"",""#.utf8 }
                appendDigest(of: segment.text, to: &out)
            }
            out += #""]}"#.utf8
        }
        out += "]}".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a JSON string needs escapes `JSONValue` writes (controls, quote, backslash; 0xE2 may start U+2028
    /// or U+2029).
    @inline(__always)
    private static func needsJSONEscapes(_ utf8: some Sequence<UInt8>) -> Bool {
        utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
    }

    /// A JSON string literal (the same escapes as `JSONValue`).
    static func appendJSON(_ text: String, to out: inout String) {
        if !needsJSONEscapes(text.utf8) {
            out += "\"" + text + "\""
            return
        }
        JSONValue.string(text).write(into: &out)
    }

    /// A JSON string literal of `text` as UTF-8 bytes.
    static func appendJSON(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendJSON($0, to: &out) }
    }

    /// A JSON string literal of well-formed UTF-8 (the same escapes as `JSONValue`).
    static func appendJSON(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if !needsJSONEscapes(utf8) {
            out.append(0x22)
            out.append(contentsOf: utf8)
            out.append(0x22)
            return
        }
        var literal = ""
        JSONValue.string(String(decoding: utf8, as: UTF8.self)).write(into: &literal)
        out += literal.utf8
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
                let digests = raw["fnv64"] as? [String], gaps.count == segments.count + 1, digests.count == segments.count
            else { return nil }
            paragraphs.append(ParagraphShape(unit: unit, line: raw["line"] as? Int ?? 0, gaps: gaps, segments: segments, digests: digests))
        }
        return Skeleton(
            article: article, date: object["date"] as? String, format: object["format"] as? String ?? "article",
            source: object["source"] as? String ?? "", paragraphs: paragraphs)
    }

    /// A skeleton recorded elsewhere (a kit's manifest keeps the same structure).
    public init(article: String, date: String?, format: String, source: String, paragraphs: [ParagraphShape]) {
        self.article = article
        self.date = date
        self.format = format
        self.source = source
        self.paragraphs = paragraphs
    }
}
