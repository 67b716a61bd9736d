import ArgumentParser
import Corpus
import Foundation
import Segmentation

/// `prevod segment`: split articles into sentence-level segments.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Bulgarian articles into sentences.",
        discussion: """
            text: a header line per article, one segment per line, a blank line between paragraphs.
            jsonl: one object per article {"id", "sentences", "spans"} with character offsets into the article text.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Extra abbreviations (TSV: abbreviation, never|may|number, note), added to the built-in rules.")
    var abbreviations: [String] = []

    @Option(name: .customLong("export-srx"), help: "Write the segmentation rules as SRX 2.0 to this file.")
    var exportSRX: String?

    func validate() throws {
        if input.inputs.isEmpty && exportSRX == nil {
            throw ValidationError("Give at least one input file or directory ('-' for standard input).")
        }
    }

    func run() throws {
        var rules = try SegmentationRules.bulgarian()
        for file in abbreviations { try rules.load(file: file) }
        if let exportSRX {
            try AtomicFile.write(SRXExporter(rules: [rules]).document(), to: exportSRX)
            if input.inputs.isEmpty { return }
        }
        let segmenter = try Segmenter(rules: rules)
        var sink = OutputSink(path: output)
        for article in try readBulgarianArticles(input) {
            let segmented = segmenter.segment(article)
            switch format {
            case .text: sink.write(Self.text(segmented))
            case .jsonl: sink.write(Self.jsonLine(segmented) + "\n")
            }
        }
        try sink.finish()
    }

    static func text(_ article: Article) -> String {
        var out = "# \(article.id)"
        if let date = article.date { out += " (\(date))" }
        out += ": \(article.paragraphs.count) paragraphs, \(article.segmentCount) segments\n"
        for (i, paragraph) in article.paragraphs.enumerated() {
            if i > 0 { out += "\n" }
            for segment in paragraph.segments { out += segment.text + "\n" }
        }
        return out + "\n"
    }

    static func jsonLine(_ article: Article) -> String {
        var sentences: [JSONValue] = []
        var spans: [JSONValue] = []
        for paragraph in article.paragraphs {
            for segment in paragraph.segments {
                let start = paragraph.characterOffset + paragraph.text.utf8.prefix(segment.range.lowerBound).count(where: { $0 & 0xC0 != 0x80 })
                let length = segment.text.unicodeScalars.count
                sentences.append(.string(segment.text))
                spans.append([.int(start), .int(start + length)])
            }
        }
        return JSONValue.object([("id", .string(article.id)), ("sentences", .array(sentences)), ("spans", .array(spans))]).serialized()
    }
}
