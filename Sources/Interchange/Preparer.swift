import Corpus
import Foundation
import Segmentation

/// Which XLIFF versions `prepare` writes.
public enum XLIFFChoice: String, Sendable, CaseIterable {
    case v21 = "2.1"
    case v12 = "1.2"
    case both
    var writes21: Bool { self != .v12 }
    var writes12: Bool { self != .v21 }
}

/// Finds glossary hits in one segment's text; one per worker (matchers hold ICU state and are not thread-safe).
public typealias TermAnnotator = (String) -> [TermMark]

/// Builds a ``TermAnnotator`` per worker from shared, immutable glossary data.
public protocol TermAnnotatorFactory: Sendable {
    func makeAnnotator() throws -> TermAnnotator
}

/// The `prepare` pipeline: read → segment → find terms → write XLIFF, per article, on `jobs` workers.
///
/// Articles are streamed: each worker reads one source, writes its files and keeps only a small summary, so memory
/// does not grow with the corpus. Output files are per article (`xliff21/ID.xlf`, `xliff12/ID.xlf`), so an edit to
/// one article rewrites only that article's files, and the bytes depend only on the article and the glossary.
public final class Preparer: @unchecked Sendable {
    public struct Options: Sendable {
        public var outputDirectory: String
        public var xliff: XLIFFChoice
        public var jobs: Int
        public var reader: CorpusReader
        public var rules: SegmentationRules
        public var entries: [TermEntry]

        public init(outputDirectory: String, xliff: XLIFFChoice = .both, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                    reader: CorpusReader = CorpusReader(), rules: SegmentationRules, entries: [TermEntry] = []) {
            self.outputDirectory = outputDirectory
            self.xliff = xliff
            self.jobs = max(1, jobs)
            self.reader = reader
            self.rules = rules
            self.entries = entries
        }
    }

    /// What a run did.
    public struct Report: Sendable {
        public var articles = 0
        public var paragraphs = 0
        public var segments = 0
        public var terms = 0
        /// UTF-8 bytes of paragraph text prepared.
        public var bytes = 0
        public var filesWritten = 0
        /// Indexes of glossary entries hit anywhere.
        public var usedEntries = Set<Int>()
        /// Warnings (repairs), in source order.
        public var warnings: [String] = []
        /// Articles skipped because they are not Bulgarian: "path (id): reason".
        public var skipped: [String] = []
        /// Articles that could not be prepared, in source order.
        public var errors: [String] = []

        public init() {}
    }

    /// Progress for a status line.
    public struct Progress: Sendable {
        public var sourcesDone: Int
        public var sourcesTotal: Int
        public var articles: Int
        public var bytes: Int
    }

    private let options: Options
    private let annotators: (any TermAnnotatorFactory)?
    private let lock = NSLock()
    private var claimedIDs: [String: String] = [:]

    /// `annotators` builds one term annotator per worker (nil: no glossary).
    public init(options: Options, annotators: (any TermAnnotatorFactory)? = nil) {
        self.options = options
        self.annotators = annotators
    }

    /// Prepares every article of `sources`. `progress` is called from worker threads, at most every few articles.
    public func run(_ sources: [InputSource], progress: (@Sendable (Progress) -> Void)? = nil) -> Report {
        for folder in ["xliff21", "xliff12"] {
            try? FileManager.default.createDirectory(
                atPath: (options.outputDirectory as NSString).appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let state = RunState(count: sources.count)
        let jobs = min(options.jobs, max(1, sources.count))
        claimedIDs = [:]
        // Every entry's markup, rendered once for all workers rather than at each hit.
        let markup = options.entries.isEmpty ? nil : GlossaryMarkup(entries: options.entries)
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            var worker: Worker?
            var setupError: String?
            do {
                worker = try Worker(options: options, annotator: annotators?.makeAnnotator(), markup: markup)
            } catch {
                setupError = "error: cannot start a worker: \(error)"
            }
            while let index = state.take() {
                var report = Report()
                if let worker {
                    report = worker.prepare(sources[index], claim: claim)
                } else if let setupError {
                    report.errors.append(setupError)
                }
                let snapshot = state.store(report, at: index)
                progress?(snapshot)
            }
        }
        var total = Report()
        for case let report? in state.results {
            total.articles += report.articles
            total.paragraphs += report.paragraphs
            total.segments += report.segments
            total.terms += report.terms
            total.bytes += report.bytes
            total.filesWritten += report.filesWritten
            total.usedEntries.formUnion(report.usedEntries)
            total.warnings += report.warnings
            total.skipped += report.skipped
            total.errors += report.errors
        }
        return total
    }

    /// Reserves the output name of an article; nil when another source already wrote an article with that id.
    private func claim(_ token: String, source: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let other = claimedIDs[token], other != source { return other }
        claimedIDs[token] = source
        return nil
    }

    /// Segments the article (a paragraph the segmenter leaves empty becomes one segment) and annotates terms: the
    /// one way `prepare` and `package` turn an article into segments with ids. `markup`: `entries` rendered once
    /// for many articles (see ``PreparedArticle/markup``).
    public static func prepare(
        _ article: Article, segmenter: Segmenter, annotator: TermAnnotator?, entries: [TermEntry], markup: GlossaryMarkup? = nil
    ) -> PreparedArticle {
        var segmented = segmenter.segment(article)
        for i in segmented.paragraphs.indices where segmented.paragraphs[i].segments.isEmpty {
            let text = segmented.paragraphs[i].text
            segmented.paragraphs[i].segments = [Segment(index: 0, range: 0..<text.utf8.count, text: text)]
        }
        var marks: [[[TermMark]]] = []
        marks.reserveCapacity(segmented.paragraphs.count)
        for paragraph in segmented.paragraphs {
            marks.append(paragraph.segments.map { annotator?($0.text) ?? [] })
        }
        return PreparedArticle(article: segmented, entries: entries, marks: marks, markup: markup)
    }

    /// One worker's segmenter and term annotator.
    final class Worker {
        let options: Options
        let segmenter: Segmenter
        let annotator: TermAnnotator?
        let markup: GlossaryMarkup?

        init(options: Options, annotator: TermAnnotator?, markup: GlossaryMarkup?) throws {
            self.options = options
            segmenter = try Segmenter(rules: options.rules)
            self.annotator = annotator
            self.markup = markup
        }

        func prepare(_ source: InputSource, claim: (String, String) -> String?) -> Report {
            var report = Report()
            let articles: [Article]
            do {
                articles = try options.reader.read(source)
            } catch {
                report.errors.append(error.description)
                return report
            }
            for article in articles {
                for repair in article.repairs { report.warnings.append(repair.description) }
                // The language of an article shows in its first kilobyte; guessing on the whole text (through a
                // generic, unspecialised call) cost more than writing its XLIFF.
                let guess = LanguageGuess.of(Self.leadingKilobyte(of: article.text))
                if !guess.acceptsAsBulgarian {
                    report.skipped.append("\(article.source): article \(article.id) is \(guess)")
                    continue
                }
                let prepared = self.prepared(article)
                let token = prepared.fileID
                if let other = claim(token, article.source + "#" + article.id) {
                    report.errors.append("\(article.source): error: article id \(article.id) is also used by \(other); rename one of them (ids name the output files)")
                    continue
                }
                do {
                    if options.xliff.writes21 {
                        try write(XLIFF2Writer.bytes(prepared), to: "xliff21/\(token).xlf")
                        report.filesWritten += 1
                    }
                    if options.xliff.writes12 {
                        try write(XLIFF12Writer.bytes(prepared), to: "xliff12/\(token).xlf")
                        report.filesWritten += 1
                    }
                } catch {
                    report.errors.append(error.description)
                    continue
                }
                report.articles += 1
                report.paragraphs += article.paragraphs.count
                report.segments += prepared.article.segmentCount
                report.bytes += article.paragraphs.reduce(0) { $0 + $1.text.utf8.count }
                for paragraph in prepared.marks { for marks in paragraph { report.terms += marks.count; for mark in marks { report.usedEntries.insert(mark.entry) } } }
            }
            return report
        }

        /// The text's first 1024 bytes or fewer, ending between scalars: a slice, not a copy.
        static func leadingKilobyte(of text: String) -> Substring {
            let utf8 = text.utf8
            guard utf8.count > 1024 else { return text[...] }
            var end = utf8.index(utf8.startIndex, offsetBy: 1024)
            while UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
            return text[..<end]
        }

        func prepared(_ article: Article) -> PreparedArticle {
            Preparer.prepare(article, segmenter: segmenter, annotator: annotator, entries: options.entries, markup: markup)
        }

        func write(_ bytes: [UInt8], to relative: String) throws(InterchangeError) {
            let path = (options.outputDirectory as NSString).appendingPathComponent(relative)
            do {
                try AtomicFile.write(bytes, to: path, createDirectories: false)
            } catch {
                throw .cannotWrite(path: path, reason: error.reason)
            }
        }
    }
}

/// The shared state of one run: the next source to take and the results so far, behind a lock.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var progress: Preparer.Progress
    private(set) var results: [Preparer.Report?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
        progress = Preparer.Progress(sourcesDone: 0, sourcesTotal: count, articles: 0, bytes: 0)
    }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < results.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ report: Preparer.Report, at index: Int) -> Preparer.Progress {
        lock.lock()
        defer { lock.unlock() }
        results[index] = report
        progress.sourcesDone += 1
        progress.articles += report.articles
        progress.bytes += report.bytes
        return progress
    }
}
