import Foundation
import Terminology

/// Aligns Bulgarian segments with their English counterparts.
///
/// The pipeline for one document:
/// 1. **Evidence** per segment (read in parallel): characters, sentence boundaries inside it, and anchor keys
///    (numbers, dates, glossary terms, acronyms, Latin words, cognates, links, punctuation), plus name candidates.
/// 2. **Band**: a small document is searched in full; a large one coarse to fine (blocks of 4, 16, 64 … segments
///    first, then each finer level near the coarser path), so cost is linear in the length.
/// 3. **Names** that sound alike (by transliteration) in nearby segments become shared keys.
/// 4. **Search**: the best path of links (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3) by dynamic programming, and the
///    posterior of each link by forward–backward; the band is doubled while the path runs along its edge.
/// 5. **Scores and warnings**: each link's score is its posterior tempered by its own support; documents that do
///    not look like a translation pair are flagged and their scores lowered.
///
/// An aligner holds no mutable state: one can serve several tasks at once.
public final class Aligner: Sendable {
    public let parameters: AlignmentParameters
    private let extractor: EvidenceExtractor
    private let shapes: [LinkShape]

    /// An aligner using `glossary`'s entries as anchors (Bulgarian forms against English renderings).
    public init(parameters: AlignmentParameters = AlignmentParameters(), glossary: Glossary? = nil) throws(AlignmentError) {
        self.parameters = parameters
        do {
            extractor = EvidenceExtractor(glossary: try glossary.map { glossary throws(TerminologyError) in try GlossaryAnchors(glossary: glossary) })
        } catch {
            throw .glossary(error.description)
        }
        shapes = LinkShape.shapes(parameters)
    }

    /// Aligns one document.
    ///
    /// - Complexity: O((*n* + *m*) × *w*) time and memory for *n* and *m* segments and band half-width *w* (the whole
    ///   grid for documents below ``AlignmentParameters/fullSearchCells``).
    public func align(_ document: DocumentPair) -> DocumentAlignment {
        let n = document.bulgarian.count
        let m = document.english.count
        if n == 0 || m == 0 { return unalignable(document) }

        let table = KeyTable()
        var (bulgarian, english) = extractor.evidence(bulgarian: document.bulgarian.segments, english: document.english.segments, table: table)

        // Coarse to fine: blocks of blockSize^level segments until the grid is small enough to search in full.
        let blockSize = 4
        var pyramid = [(bulgarian, english)]
        while let (b, e) = pyramid.last, Double(b.count + 1) * Double(e.count + 1) > parameters.fullSearchCells, b.count > 1 || e.count > 1 {
            var coarseBulgarian = b.coarsened(by: blockSize)
            var coarseEnglish = e.coarsened(by: blockSize)
            SideEvidence.keepUniqueKeys(&coarseBulgarian, &coarseEnglish, keyCount: table.count)
            pyramid.append((coarseBulgarian, coarseEnglish))
        }
        let width = max(2, Int(parameters.bandWidth))
        let noParagraphs = ParagraphCost(bulgarian: AlignmentSide(segments: []), english: AlignmentSide(segments: []), parameters: parameters)
        var coarsePath: [(i: Int, j: Int)] = []
        for level in stride(from: pyramid.count - 1, through: 1, by: -1) {
            let (b, e) = pyramid[level]
            let scorer = LinkScorer(bulgarian: b, english: e, table: table, parameters: parameters)
            coarsePath = search(scorer, coarsePath: coarsePath, factor: blockSize, width: width, paragraphs: noParagraphs).states
        }
        let fineBand = coarsePath.isEmpty ? Band.full(rows: n, columns: m) : Band.covering(path: coarsePath, factor: blockSize, width: width, rows: n, columns: m)
        NameMatcher(threshold: parameters.nameSimilarity).resolve(&bulgarian, &english, band: fineBand, margin: 3, table: table)
        let scorer = LinkScorer(bulgarian: bulgarian, english: english, table: table, parameters: parameters)
        let paragraphs = ParagraphCost(bulgarian: document.bulgarian, english: document.english, parameters: parameters)
        let result = search(scorer, coarsePath: coarsePath, factor: blockSize, width: width, paragraphs: paragraphs)

        // A pair's score: its posterior times the support of its own evidence. An unaligned segment's score: half the
        // posterior that it has no counterpart (a reviewer should look at every one).
        var links: [Link] = []
        links.reserveCapacity(result.posteriors.count)
        for (index, (from, to)) in zip(result.states, result.states.dropFirst()).enumerated() {
            let b = from.i..<to.i
            let e = from.j..<to.j
            let posterior = result.posteriors[index]
            var link = Link(bulgarian: b, english: e, score: 0.5 * posterior, evidence: ["no counterpart"])
            if link.isPair {
                let evidence = scorer.evidence(b, e)
                link.score = posterior * Self.sigmoid(parameters.supportSlope * (evidence - parameters.supportMidpoint))
                link.evidence = explanation(scorer, b, e, table: table)
            }
            links.append(link)
        }
        // Anchors of the pairs: in a translation most pairs that carry any share some.
        var anchored = 0
        var agreeing = 0
        for link in links where link.isPair {
            let balance = scorer.anchors(link.bulgarian, link.english)
            if balance != 0 { anchored += 1 }
            if balance > 0 { agreeing += 1 }
        }
        let (warnings, factor) = assess(document, links: links, anchors: (anchored, agreeing), bulgarian: bulgarian, english: english)
        if factor < 1 {
            for i in links.indices { links[i].score *= factor }
        }
        return DocumentAlignment(document: document, links: links, warnings: warnings)
    }

    /// The best path on the grid of `scorer`: in full when there is no coarser path, otherwise in a band around it,
    /// doubled while the path runs along the band's edge.
    private func search(_ scorer: LinkScorer, coarsePath: [(i: Int, j: Int)], factor: Int, width: Int, paragraphs: ParagraphCost) -> PathSearch.Result {
        let n = scorer.bulgarian.count
        let m = scorer.english.count
        var width = width
        while true {
            let band = coarsePath.isEmpty || width >= max(n, m)
                ? Band.full(rows: n, columns: m)
                : Band.covering(path: coarsePath, factor: factor, width: width, rows: n, columns: m)
            let result = PathSearch(band: band, shapes: shapes, paragraphs: paragraphs, temperature: parameters.temperature).run(scorer)
            // A path must run from (0, 0) to (n, m), or segments would be lost; the band guarantees it, and a wider
            // one is the remedy should it ever not.
            let complete = result.states.first.map { $0 == (0, 0) } ?? false
            if band.isFull || (complete && !result.touchesEdge) { return result }
            width *= 2
        }
    }

    /// Aligns documents one after the other.
    public func align(_ documents: [DocumentPair]) -> [DocumentAlignment] { documents.map(align) }

    // MARK: Results

    private func unalignable(_ document: DocumentPair) -> DocumentAlignment {
        let links = (0..<document.bulgarian.count).map { Link(bulgarian: $0..<$0 + 1, english: 0..<0, score: 0, evidence: ["no counterpart"]) }
            + (0..<document.english.count).map { Link(bulgarian: 0..<0, english: $0..<$0 + 1, score: 0, evidence: ["no counterpart"]) }
        let (empty, other) = document.bulgarian.count == 0 ? ("Bulgarian", "English") : ("English", "Bulgarian")
        let count = max(document.bulgarian.count, document.english.count)
        let warning = AlignmentWarning(
            kind: .emptySide,
            message: "\(document.id): the \(empty) side has no segments; \(count == 1 ? "the" : "all \(count)") \(other) segment\(count == 1 ? " is" : "s are") left unaligned with score 0")
        return DocumentAlignment(document: document, links: links, warnings: [warning])
    }

    private func explanation(_ scorer: LinkScorer, _ b: Range<Int>, _ e: Range<Int>, table: KeyTable) -> [String] {
        let (shared, unmatched) = scorer.explain(b, e)
        var notes: [String] = []
        var seen: Set<Int32> = []
        for key in shared where seen.insert(key).inserted { notes.append(table.labels[Int(key)]) }
        let bulgarianCharacters = b.reduce(0) { $0 + Int(scorer.bulgarian.characters[$1]) }
        let englishCharacters = e.reduce(0) { $0 + Int(scorer.english.characters[$1]) }
        let lengthEvidence = scorer.length.evidence(bulgarian: bulgarianCharacters, english: englishCharacters)
        notes.append(lengthEvidence >= 0 ? "length fits" : "length differs (\(bulgarianCharacters):\(englishCharacters) characters)")
        var missing: [String] = []
        seen = []
        for key in unmatched where seen.insert(key).inserted && table.kinds[Int(key)] != .quote { missing.append(table.labels[Int(key)]) }
        if !missing.isEmpty { notes.append("one side only: " + missing.prefix(4).joined(separator: ", ")) }
        return notes
    }

    /// Warnings about the document as a whole, and the factor every score is multiplied by: below 1 when the sides'
    /// lengths are far apart (one side incomplete) or when few pairs score well (not a translation).
    private func assess(
        _ document: DocumentPair, links: [Link], anchors: (carrying: Int, agreeing: Int), bulgarian: SideEvidence, english: SideEvidence
    ) -> ([AlignmentWarning], Double) {
        var warnings: [AlignmentWarning] = []
        var factor = 1.0
        let id = document.id
        let bulgarianCharacters = bulgarian.characters.reduce(0) { $0 + Int($1) }
        let englishCharacters = english.characters.reduce(0) { $0 + Int($1) }
        let expected = Double(bulgarianCharacters) * exp(parameters.lengthMean)
        let ratio = max(1e-6, Double(englishCharacters) / max(1, expected))
        if ratio < 0.5 || ratio > 2 {
            factor *= 2 * min(ratio, 1 / ratio)
            warnings.append(AlignmentWarning(
                kind: .lengthMismatch,
                message: String(format: "%@: the English text is %@× the length a translation of the Bulgarian would have (%d against %d characters); one side may be incomplete or a different text", id, String(format: ratio < 0.1 || ratio >= 100 ? "%.2g" : "%.2f", ratio), englishCharacters, bulgarianCharacters)))
        }
        let unalignedBulgarian = links.filter { $0.english.isEmpty }.reduce(0) { $0 + $1.bulgarian.count }
        let unalignedEnglish = links.filter { $0.bulgarian.isEmpty }.reduce(0) { $0 + $1.english.count }
        let n = document.bulgarian.count
        let m = document.english.count
        if Double(unalignedBulgarian) > 0.3 * Double(n) || Double(unalignedEnglish) > 0.3 * Double(m) {
            warnings.append(AlignmentWarning(
                kind: .manyUnaligned,
                message: "\(id): \(unalignedBulgarian) of \(n) Bulgarian and \(unalignedEnglish) of \(m) English segments have no counterpart"))
        }
        let pairs = links.filter(\.isPair)
        let supported = pairs.filter { $0.score >= 0.5 }.count
        let supportedShare = pairs.isEmpty ? 1 : Double(supported) / Double(pairs.count)
        let agreeingShare = anchors.carrying < 3 ? 1 : Double(anchors.agreeing) / Double(anchors.carrying)
        if supportedShare < 0.5 || agreeingShare < 0.5 {
            factor *= 2 * min(supportedShare, agreeingShare)
            warnings.append(AlignmentWarning(
                kind: .notATranslation,
                message: "\(id): only \(supported) of \(pairs.count) links are well supported and \(anchors.agreeing) of the \(anchors.carrying) with names, numbers or terms share them; the texts may not be translations of each other"))
        }
        return (warnings, factor)
    }

    @inline(__always)
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
