import ArgumentParser
import Corpus
import Foundation
import Segmentation
import Terminology

/// `prevod terms`: list the glossary terms found in a corpus.
struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Find glossary terms in Bulgarian articles, in every inflected form.",
        discussion: """
            Articles are segmented into sentences and every segment is matched against the glossaries in one pass \
            (longest match first, whole words, NFC and case folding, inflected forms, clitics inside terms).
            text: per article a line per hit (segment, character range, surface → rendering [entry]), then per entry \
            the number of hits and the forms seen.
            jsonl: one object per hit {"doc","segment","start","end","surface","entry","target","id"}; segment \
            counts from 0 over the article, start/end are character offsets into the segment, entry is the \
            glossary base form.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @OptionGroup var input: InputOptions

    @OptionGroup var glossaryOptions: GlossaryOptions

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let glossary = try Glossary.load(glossaryOptions.glossaries)
        let index = try TermIndex(glossary)
        let matcher = try TermMatcher(index: index)
        let segmenter = try Segmenter.bulgarian()
        var sink = OutputSink(path: output)
        for article in try readBulgarianArticles(input) {
            let segments = matcher.hits(in: segmenter.segment(article))
            switch format {
            case .jsonl:
                for segment in segments {
                    for hit in segment.hits { sink.write(Self.jsonLine(hit, segment: segment, article: article, glossary: glossary) + "\n") }
                }
            case .text:
                sink.write(Self.text(segments, article: article, glossary: glossary))
            }
        }
        try sink.finish()
    }

    static func jsonLine(_ hit: TermHit, segment: SegmentTermHits, article: Article, glossary: Glossary) -> String {
        let entry = glossary.entries[hit.entryIndex]
        return JSONValue.object([
            ("doc", .string(article.id)), ("segment", .int(segment.segmentIndex)),
            ("start", .int(hit.characterRange.lowerBound)), ("end", .int(hit.characterRange.upperBound)),
            ("surface", .string(hit.surface)), ("entry", .string(entry.source)), ("target", .string(entry.target)),
            ("id", .string(entry.id)),
        ]).serialized()
    }

    static func text(_ segments: [SegmentTermHits], article: Article, glossary: Glossary) -> String {
        let hits = segments.flatMap { segment in segment.hits.map { (segment.segmentIndex, $0) } }
        var out = "# \(article.id): \(hits.count) hits in \(segments.filter { !$0.hits.isEmpty }.count) of \(segments.count) segments\n"
        var perEntry: [Int: (count: Int, forms: [String])] = [:]
        for (segment, hit) in hits {
            let entry = glossary.entries[hit.entryIndex]
            out += "\(segment):\(hit.characterRange.lowerBound)-\(hit.characterRange.upperBound)\t\(hit.surface) → \(entry.target)\t[\(entry.source)]\n"
            var tally = perEntry[hit.entryIndex, default: (0, [])]
            tally.count += 1
            if !tally.forms.contains(hit.surface) { tally.forms.append(hit.surface) }
            perEntry[hit.entryIndex] = tally
        }
        if !perEntry.isEmpty {
            out += "## entries\n"
            for (index, tally) in perEntry.sorted(by: { $0.key < $1.key }) {
                let entry = glossary.entries[index]
                out += "\(entry.source) → \(entry.target)\t\(tally.count)\t\(tally.forms.joined(separator: ", "))\n"
            }
        }
        return out + "\n"
    }
}
