import Alignment
import ArgumentParser
import Corpus
import Foundation
import Segmentation
import Terminology
import Interchange
import XMLKit

/// `prevod align`: align Bulgarian articles with their English translations into a translation memory.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align Bulgarian articles with their English translations (TMX and a review file).",
        discussion: """
            BG and EN are two articles, or two directories whose articles are paired by file name. Articles are split \
            into sentences (Bulgarian and English rules); with --presegmented every line is a segment and a blank line \
            ends a paragraph. --batch FILE.jsonl aligns lines {"id", "bg": [...], "en": [...]} and writes lines \
            {"id", "links": [[[bg...], [en...]], ...], "scores": [...]}.

            Every link gets a score in 0..1. The TMX keeps the links that pair text and score at least --min-score; \
            the review file (.tsv or .html) lists every link, lowest score first, with both texts. Without --tmx or \
            --review the links are printed in document order: score, link, bg and en segment numbers, both texts.
            """
    )

    @Argument(help: "The Bulgarian and the English article (or directory of articles).")
    var inputs: [String] = []

    @Option(help: "Align a JSON Lines batch file ('-' for standard input) instead of articles.")
    var batch: String?

    @Option(name: .customLong("glossary"), parsing: .upToNextOption, help: "Glossary files or directories (prevod TSV, OmegaT TSV, CSV, TBX) whose entries serve as anchors: values up to the next option; repeatable.")
    var glossary: [String] = []

    @Option(help: "Write the links that pair text and score at least --min-score as TMX 1.4b.")
    var tmx: String?

    @Option(help: "Write every link, lowest score first, as a review file (.tsv or .html).")
    var review: String?

    @Option(name: .customLong("min-score"), help: "Lowest score a link needs to go into the TMX.")
    var minScore: Double = 0.5

    @Flag(help: "The inputs hold one segment per line (a blank line ends a paragraph); do not split sentences.")
    var presegmented = false

    @Option(name: .shortAndLong, help: "Write the batch output or the link listing to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("input-format"), help: "How to read articles: auto, article, text or jsonl.")
    var inputFormat: InputFormat = .auto

    @Flag(help: "Replace invalid UTF-8 with U+FFFD and report it, instead of stopping with an error.")
    var lossy = false

    @Option(help: "Override model weights with a JSON file {\"name\": value, ...} (names in Docs/alignment.md).")
    var parameters: String?

    func validate() throws {
        if batch == nil && inputs.count != 2 {
            throw ValidationError("Give the Bulgarian and the English article (or two directories), or --batch FILE.jsonl.")
        }
        if batch != nil && !inputs.isEmpty {
            throw ValidationError("--batch reads the documents from the batch file; do not give articles as well.")
        }
        if !(0...1).contains(minScore) { throw ValidationError("--min-score must be between 0 and 1.") }
        if let review, ReviewFormat(path: review) == nil {
            throw ValidationError("--review must end in .tsv or .html (found \"\(review)\").")
        }
    }

    func run() throws {
        var weights = AlignmentParameters()
        if let parameters {
            guard let text = try? String(contentsOfFile: parameters, encoding: .utf8) else {
                throw ValidationError("\(parameters): error: cannot read the parameter file")
            }
            try weights.load(overrides: text, file: parameters)
        }
        let entries = glossary.isEmpty ? nil : try Glossary.load(try GlossarySupport.expand(glossary))
        let aligner = try Aligner(parameters: weights, glossary: entries)
        let documents = try batch.map { try readBatch($0) } ?? readPairs()

        var alignments: [DocumentAlignment] = []
        var sink = OutputSink(path: output)
        for document in documents {
            let alignment = aligner.align(document)
            for warning in alignment.warnings { Diagnostics.warn(warning.description) }
            if batch != nil {
                sink.write(BatchFormat.line(for: alignment) + "\n")
            } else if tmx == nil && review == nil {
                sink.write(Self.listing(alignment))
            }
            alignments.append(alignment)
        }
        try sink.finish()

        if let tmx { try AtomicFile.write(try AlignmentTMX.document(alignments, minimumScore: minScore), to: tmx) }
        if let review, let format = ReviewFormat(path: review) {
            let report = ReviewReport(alignments, minimumScore: minScore)
            try AtomicFile.write(format == .html ? report.html() : report.tsv(), to: review)
        }
        if tmx != nil || review != nil {
            let links = alignments.flatMap(\.links)
            let kept = links.filter { $0.isPair && $0.score >= minScore }.count
            Diagnostics.warn("aligned \(alignments.count) document\(alignments.count == 1 ? "" : "s"): \(links.count) links, \(kept) at or above \(minScore)")
        }
    }

    enum ReviewFormat {
        case tsv, html
        init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "tsv", "txt": self = .tsv
            case "html", "htm": self = .html
            default: return nil
            }
        }
    }

    /// Links in document order: `score  kind  bg  en  Bulgarian  English`, tab-separated, after a `# id` line.
    static func listing(_ alignment: DocumentAlignment) -> String {
        var out = "# \(alignment.document.id): \(alignment.document.bulgarian.count) Bulgarian, \(alignment.document.english.count) English segments, \(alignment.links.count) links\n"
        for link in alignment.links {
            out += [
                String(format: "%.3f", link.score), link.kind, ReviewReport.segmentNumbers(link.bulgarian),
                ReviewReport.segmentNumbers(link.english), alignment.bulgarianText(of: link), alignment.englishText(of: link),
            ].joined(separator: "\t") + "\n"
        }
        return out + "\n"
    }

    // MARK: Reading

    private func readBatch(_ path: String) throws -> [DocumentPair] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CorpusError.notFound(path: path)
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CorpusError.unreadable(path: path, reason: "not UTF-8 text")
        }
        return try BatchFormat.documents(in: text, file: path)
    }

    /// Pairs the Bulgarian and English articles: two files, or two directories by relative file name.
    private func readPairs() throws -> [DocumentPair] {
        let reader = CorpusReader(format: presegmented ? .article : inputFormat, lossy: lossy)
        let bulgarianSources = try reader.sources(for: [inputs[0]])
        let englishSources = try reader.sources(for: [inputs[1]])
        var pairs: [(InputSource, InputSource)] = []
        if Self.isDirectory(inputs[0]) || Self.isDirectory(inputs[1]) {
            guard Self.isDirectory(inputs[0]) && Self.isDirectory(inputs[1]) else {
                throw ValidationError("Give two files or two directories, not one of each.")
            }
            func byName(_ sources: [InputSource], under root: String) -> [String: InputSource] {
                var result: [String: InputSource] = [:]
                for source in sources {
                    let path = source.description
                    result[String(path.dropFirst(root.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))] = source
                }
                return result
            }
            let bulgarian = byName(bulgarianSources, under: inputs[0])
            let english = byName(englishSources, under: inputs[1])
            for name in bulgarian.keys.sorted() {
                if let counterpart = english[name] {
                    pairs.append((bulgarian[name]!, counterpart))
                } else {
                    Diagnostics.warn("\(bulgarian[name]!): warning: no English file \(name) in \(inputs[1]); skipped")
                }
            }
            for name in english.keys.sorted() where bulgarian[name] == nil {
                Diagnostics.warn("\(english[name]!): warning: no Bulgarian file \(name) in \(inputs[0]); skipped")
            }
        } else {
            pairs = [(bulgarianSources[0], englishSources[0])]
        }

        let bulgarianSegmenter = try Segmenter.bulgarian()
        let englishSegmenter = try Segmenter(rules: .english())
        var documents: [DocumentPair] = []
        for (bulgarianSource, englishSource) in pairs {
            let bulgarianArticles = try reader.read(bulgarianSource)
            let englishArticles = try reader.read(englishSource)
            for article in bulgarianArticles + englishArticles {
                for repair in article.repairs { Diagnostics.warn(repair.description) }
            }
            for (bulgarian, english) in try Self.match(bulgarianArticles, englishArticles, bulgarianSource, englishSource) {
                let document = DocumentPair(
                    id: bulgarian.id,
                    bulgarian: side(bulgarian, segmenter: bulgarianSegmenter),
                    english: side(english, segmenter: englishSegmenter))
                let bulgarianGuess = LanguageGuess.of(bulgarian.text)
                let englishGuess = LanguageGuess.of(english.text)
                if bulgarianGuess == .notCyrillic && englishGuess == .bulgarian {
                    Diagnostics.warn("\(bulgarianSource): warning: this looks English and \(englishSource) Bulgarian; give the Bulgarian article first (prevod align BG EN)")
                } else if !bulgarianGuess.acceptsAsBulgarian {
                    Diagnostics.warn("\(bulgarianSource): warning: the Bulgarian side looks like \(bulgarianGuess); aligning anyway")
                } else if englishGuess != .notCyrillic && englishGuess != .undetermined {
                    Diagnostics.warn("\(englishSource): warning: the English side is written in Cyrillic (\(englishGuess)); aligning anyway")
                }
                documents.append(document)
            }
        }
        return documents
    }

    /// The articles of two files, paired: one each, or by id when a file holds several (JSON Lines).
    static func match(_ bulgarian: [Article], _ english: [Article], _ bulgarianSource: InputSource, _ englishSource: InputSource) throws -> [(Article, Article)] {
        if bulgarian.count <= 1 && english.count <= 1 {
            let empty = { (source: InputSource) in
                Article(id: ((source.description as NSString).lastPathComponent as NSString).deletingPathExtension, source: source.description, format: .article, text: "", paragraphs: [])
            }
            return [(bulgarian.first ?? empty(bulgarianSource), english.first ?? empty(englishSource))]
        }
        let englishById = Dictionary(english.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [(Article, Article)] = []
        for article in bulgarian {
            if let counterpart = englishById[article.id] {
                pairs.append((article, counterpart))
            } else {
                Diagnostics.warn("\(bulgarianSource): warning: article \(article.id) has no English article with the same id in \(englishSource); skipped")
            }
        }
        return pairs
    }

    /// The segments of an article: sentences, or with --presegmented its lines (a gap between lines ends a paragraph).
    private func side(_ article: Article, segmenter: Segmenter) -> AlignmentSide {
        if presegmented {
            var paragraphs: [[String]] = []
            var lastLine = -1
            for paragraph in article.paragraphs {
                if paragraphs.isEmpty || paragraph.line > lastLine + 1 { paragraphs.append([]) }
                paragraphs[paragraphs.count - 1].append(paragraph.text)
                lastLine = paragraph.line
            }
            return AlignmentSide(paragraphs: paragraphs)
        }
        let segmented = segmenter.segment(article)
        return AlignmentSide(paragraphs: segmented.paragraphs.map { $0.segments.map(\.text) })
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// The translation memory of an alignment: one unit per link that pairs text and scores at least the minimum, with
/// the document, the link and its score as properties (written by the Interchange module's TMX writer).
/// Characters XML 1.0 forbids (control characters) are replaced with U+FFFD, with a warning naming the unit.
enum AlignmentTMX {
    static func document(_ alignments: [DocumentAlignment], minimumScore: Double) throws -> String {
        var writer = TMXWriter(sourceLanguage: "bg")
        for alignment in alignments {
            for (index, link) in alignment.links.enumerated() where link.isPair && link.score >= minimumScore {
                let id = "\(alignment.document.id)#\(index + 1)"
                try writer.add(TranslationUnit(
                    id: id,
                    variants: [("bg", legal(alignment.bulgarianText(of: link), unit: id)), ("en", legal(alignment.englishText(of: link), unit: id))],
                    properties: [
                        ("x-document", alignment.document.id),
                        ("x-link", "\(link.kind) bg \(ReviewReport.segmentNumbers(link.bulgarian)) en \(ReviewReport.segmentNumbers(link.english))"),
                        ("x-score", String(format: "%.3f", link.score)),
                    ]))
            }
        }
        return try writer.finish()
    }

    private static func legal(_ text: String, unit: String) -> String {
        let illegal = XMLWriter.illegalCharacterRanges(in: text)
        guard !illegal.isEmpty else { return text }
        var repaired = text
        for range in illegal.reversed() { repaired.replaceSubrange(range, with: "\u{FFFD}") }
        Diagnostics.warn("\(unit): warning: \(illegal.count) character\(illegal.count == 1 ? "" : "s") XML does not allow replaced with U+FFFD in the TMX")
        return repaired
    }
}
