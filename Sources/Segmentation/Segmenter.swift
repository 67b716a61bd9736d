import Corpus
import ICU

/// Splits paragraphs into sentence-level segments: ICU's sentence boundaries, corrected by language rules.
///
/// ICU proposes boundaries; a scanner adds the places ICU never proposes (before a `- ` or `– ` dialogue turn, before a
/// number or a lower-case word after a full stop); every candidate then goes through ``BoundaryRules``, which knows
/// abbreviations, initials, numbers and dates, quotes and ellipses. A paragraph end is always a boundary.
///
/// Segmentation is lossless: the segments and the whitespace between them rebuild the paragraph exactly.
/// A segmenter owns an ICU iterator and reusable buffers, so it is not thread-safe: create one per task.
public final class Segmenter {
    public let rules: SegmentationRules
    private let iterator: BreakIterator
    private var units: [UInt16] = []
    private var decider: BoundaryRules

    public init(rules: SegmentationRules) throws(SegmentationError) {
        self.rules = rules
        do {
            iterator = try BreakIterator(.sentence, locale: rules.language)
        } catch {
            throw .icu(error.description)
        }
        decider = BoundaryRules(rules: rules)
    }

    /// A segmenter with the built-in Bulgarian rules.
    public static func bulgarian() throws(SegmentationError) -> Segmenter {
        try Segmenter(rules: .bulgarian())
    }

    /// The article with every paragraph's ``Paragraph/segments`` filled.
    ///
    /// - Complexity: O(*n*) in the length of the article.
    public func segment(_ article: Article) -> Article {
        var result = article
        for i in result.paragraphs.indices {
            let text = result.paragraphs[i].text
            let utf8 = text.utf8
            result.paragraphs[i].segments = ranges(of: text).enumerated().map { index, range in
                let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                let end = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
                return Segment(index: index, range: range, text: String(text[start..<end]))
            }
        }
        return result
    }

    /// The sentences of `paragraph` as UTF-8 byte ranges, without surrounding whitespace.
    ///
    /// - Complexity: O(*n*) in the length of `paragraph`.
    public func ranges(of paragraph: String) -> [Range<Int>] {
        var text = paragraph
        let utf8Count = text.utf8.count
        guard utf8Count > 0 else { return [] }
        if units.count < utf8Count { units = Array(repeating: 0, count: utf8Count) }
        let length = text.withUTF8 { bytes in
            units.withUnsafeMutableBufferPointer { buffer in UTF16Transcoding.transcode(bytes, into: buffer) }
        }
        return units.withUnsafeBufferPointer { buffer in
            let text = UnsafeBufferPointer(rebasing: buffer[0..<length])
            return Self.trimmedUTF8Ranges(splitting: text, at: splitPoints(text))
        }
    }

    /// The sentences of `paragraph` as strings.
    public func sentences(of paragraph: String) -> [String] {
        let utf8 = paragraph.utf8
        return ranges(of: paragraph).map {
            String(paragraph[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)])
        }
    }

    /// The UTF-16 offsets where a new sentence starts (after the whitespace that follows the previous one).
    private func splitPoints(_ text: UnsafeBufferPointer<UInt16>) -> [Int32] {
        let icu = (try? iterator.boundaries(in: text)) ?? []
        var accepted: [Int32] = []
        var sentenceStart = 0
        var icuIndex = icu.startIndex
        var scanned = BoundaryRules.nextCandidate(in: text, from: 0)
        // Merge ICU's boundaries with the scanner's candidates, in order, and judge each once.
        while true {
            let fromICU = icuIndex < icu.endIndex ? Int(icu[icuIndex]) : Int.max
            let candidate = min(fromICU, scanned ?? Int.max)
            if candidate == Int.max { break }
            if candidate == fromICU { icuIndex += 1 }
            if candidate == scanned { scanned = BoundaryRules.nextCandidate(in: text, from: candidate) }
            if candidate <= sentenceStart || candidate >= text.count { continue }
            if decider.isBoundary(text, at: candidate, sentenceStart: sentenceStart) {
                accepted.append(Int32(candidate))
                sentenceStart = candidate
            }
        }
        return accepted
    }

    /// Cuts the text at the split points and returns each piece as a UTF-8 range without its leading and trailing
    /// whitespace. Pieces that are whitespace only are dropped (their characters stay in the gaps).
    static func trimmedUTF8Ranges(splitting text: UnsafeBufferPointer<UInt16>, at points: [Int32]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(points.count + 1)
        var utf16Position = 0
        var utf8Position = 0
        // Advances the running UTF-16 → UTF-8 offset conversion to `target`.
        func advance(to target: Int) {
            while utf16Position < target {
                let unit = text[utf16Position]
                utf8Position += unit < 0x80 ? 1 : unit < 0x800 ? 2 : (unit & 0xFC00 == 0xD800 || unit & 0xFC00 == 0xDC00) ? 2 : 3
                utf16Position += 1
            }
        }
        var start = 0
        for end in points.map(Int.init) + [text.count] {
            var lower = start
            var upper = end
            while lower < upper && BoundaryRules.isSpace(text[lower]) { lower += 1 }
            while upper > lower && BoundaryRules.isSpace(text[upper - 1]) { upper -= 1 }
            if lower < upper {
                advance(to: lower)
                let from = utf8Position
                advance(to: upper)
                result.append(from..<utf8Position)
            }
            start = end
        }
        return result
    }
}
