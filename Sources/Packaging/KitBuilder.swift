import Corpus
import Foundation
import ICU
import Interchange
import Segmentation
import Terminology

/// A finished kit: its files (manifest last) and the manifest they were described in.
public struct Kit: Sendable {
    public var manifest: KitManifest
    /// Every file, `manifest.json` last, directories as `name/` entries.
    public var files: [KitFile]
}

/// What goes into a kit besides the articles.
public struct KitOptions: Sendable {
    public var layout: KitLayout
    public var rules: SegmentationRules
    /// Extra abbreviation files added to the built-in rules (recorded in the manifest).
    public var abbreviationFiles: [KitManifest.FileRecord] = []
    /// The glossary, compiled (its matchers find the terms; the marks index into its entries).
    public var glossary: GlossaryTerms?
    public var glossaryFiles: [KitManifest.FileRecord] = []
    /// Translation pairs of the memories given, in memory order.
    public var memory: [MemoryPair] = []
    public var memoryFiles: [KitManifest.FileRecord] = []
    /// Fuzzy matches at or above this similarity go into the kit's memory.
    public var fuzzyThreshold = 0.75
    public var toolVersion: String
    /// Builds the HTML source-check report of the articles (nil: no report).
    public var sourceReport: (@Sendable ([Article]) throws -> (html: String, summary: KitManifest.ReportSummary))?

    public init(layout: KitLayout, rules: SegmentationRules, toolVersion: String) {
        self.layout = layout
        self.rules = rules
        self.toolVersion = toolVersion
    }
}

/// Builds a translator kit from Bulgarian articles: segments them and finds glossary terms exactly as `prepare`
/// does (``Preparer/prepare(_:segmenter:annotator:entries:)``, so ids agree), looks every segment up in the given
/// memories, and writes every part of the kit with the Interchange, Terminology and Segmentation writers.
///
/// Articles are prepared on `jobs` workers (each with its own segmenter, term matcher and word counter; the memory
/// index is shared read-only) and gathered in input order, so the kit's bytes do not depend on the worker count.
public final class KitBuilder: Sendable {
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
    }

    private let options: KitOptions
    private let jobs: Int

    public init(options: KitOptions, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.options = options
        self.jobs = max(1, jobs)
    }

    /// The kit of `articles` (Bulgarian, read but not yet segmented). `progress` is called from worker threads.
    ///
    /// - Complexity: O(*n*) in the size of the articles, plus the memory lookups (see ``MemoryIndex``).
    public func build(_ articles: [Article], progress: (@Sendable (Progress) -> Void)? = nil) throws(PackagingError) -> Kit {
        guard !articles.isEmpty else { throw .invalidInput("no Bulgarian article to package") }
        let layout = options.layout
        var manifest = KitManifest(
            toolVersion: options.toolVersion, layout: layout,
            segmentation: .init(
                rules: options.abbreviationFiles.isEmpty ? "bulgarian (built in)" : "bulgarian (built in) + \(options.abbreviationFiles.count) abbreviation file(s)",
                language: options.rules.language, abbreviations: options.rules.abbreviations.count,
                abbreviationFiles: options.abbreviationFiles, srx: KitLayout.segmentationRules))
        let memory = MemoryIndex(pairs: options.memory, splitter: try Self.memorySplitter(rules: options.rules))
        manifest.memories.files = options.memoryFiles
        manifest.memories.units = options.memory.count
        manifest.glossary.files = options.glossaryFiles
        manifest.glossary.entries = options.glossary?.entries.count ?? 0

        let results = try packageAll(articles, memory: memory, progress: progress)
        var files: [KitFile] = []
        var offers = MemoryOffers()
        var usedSurfaces: [Int: [String]] = [:]
        var tokens: [String: String] = [:]
        for (article, result) in zip(articles, results) {
            let record = result.record
            if let other = tokens.updateValue(article.source + " (" + article.id + ")", forKey: record.token) {
                throw .invalidInput("\(article.source): article id \(article.id) gives the same file name as \(other); rename one of them")
            }
            for lookup in result.lookups { offers.add(lookup.matches, segment: lookup.text, id: lookup.id) }
            for (entry, surface) in result.surfaces { usedSurfaces[entry, default: []].append(surface) }
            files += result.files
            manifest.glossary.hits += record.termHits
            manifest.articles.append(record)
        }
        manifest.memories.exactSegments = offers.exactSegments
        manifest.memories.fuzzySegments = offers.fuzzySegments
        manifest.memories.kitUnits = offers.units.count
        files.append(KitFile(path: layout.memory, text: try offers.tmx()))

        let used = usedSurfaces.keys.sorted()
        manifest.glossary.used = used.count
        do {
            if let glossary = options.glossary {
                let (tsv, tbx) = try Self.glossaryFiles(glossary, used: used, surfaces: usedSurfaces)
                manifest.glossary.tsvLines = tsv.split(separator: "\n").count { !$0.hasPrefix("#") }
                files.append(KitFile(path: KitLayout.glossaryTSV, text: tsv))
                if let tbx { files.append(KitFile(path: KitLayout.glossaryTBX, text: tbx)) }
            }
            files.append(KitFile(path: KitLayout.segmentationRules, text: try SRXExporter(rules: [options.rules]).document()))
        } catch {
            throw .invalidInput("cannot write the kit's glossary or segmentation rules: \(error)")
        }
        if let sourceReport = options.sourceReport {
            do {
                let (html, summary) = try sourceReport(articles)
                files.append(KitFile(path: KitLayout.report, text: html))
                manifest.report = summary
            } catch {
                throw .invalidInput("cannot write the source-check report: \(error)")
            }
        }
        if layout == .omegat {
            var project = OmegaTProject()
            project.sourceLanguage = manifest.sourceLanguage
            project.targetLanguage = manifest.targetLanguage
            files.append(KitFile(path: KitLayout.omegatProject, text: try project.document()))
        }
        files.append(KitFile(path: KitLayout.readme, text: TranslatorReadme.text(manifest)))
        files.sort { Self.order($0.path) < Self.order($1.path) }
        manifest.files = files.map { KitManifest.FileRecord(path: $0.path, data: $0.data) }
        files += layout.directories.map(KitFile.directory)
        files.append(KitFile(path: KitLayout.manifest, text: manifest.json()))
        return Kit(manifest: manifest, files: files)
    }

    /// Kit order: the project file and README first, then folders in layout order, files by name.
    private static func order(_ path: String) -> (Int, String) {
        let rank = [KitLayout.omegatProject, KitLayout.readme, "source/", "xliff12/", "xliff21/", "tm/", "memory/", "glossary/", "terminology/", "segmentation/", "report/"]
        let position = rank.firstIndex { path == $0 || ($0.hasSuffix("/") && path.hasPrefix($0)) } ?? rank.count
        return (position, path)
    }

    /// Cuts memory units into sentences with the kit's Bulgarian rules and prevod's English rules.
    static func memorySplitter(rules: SegmentationRules) throws(PackagingError) -> (String, String) -> (source: [String], target: [String]) {
        let bulgarian: Segmenter
        let english: Segmenter
        do {
            bulgarian = try Segmenter(rules: rules)
            english = try Segmenter(rules: .english())
        } catch {
            throw .invalidInput("cannot set up the segmenters for the memories: \(error)")
        }
        return { source, target in
            let sources = bulgarian.sentences(of: source)
            guard sources.count > 1 else { return (sources, []) }
            return (sources, english.sentences(of: target))
        }
    }

    /// One article's part of the kit.
    struct PackagedArticle: Sendable {
        var record: KitManifest.ArticleRecord
        var files: [KitFile]
        var lookups: [(text: String, id: String, matches: [MemoryMatch])]
        /// Glossary entry index and the form met in the text, per hit.
        var surfaces: [(Int, String)]
    }

    /// The entries that occur, as OmegaT TSV (with a line for every form prevod matches, so OmegaT finds inflected
    /// occurrences too) and TBX v2 (nil when none occurs), both written by the Terminology module. The forms met in
    /// the text that the inflector does not generate (a capitalised sentence start, a clitic) are added to the
    /// entries' explicit forms first.
    static func glossaryFiles(_ glossary: GlossaryTerms, used: [Int], surfaces: [Int: [String]]) throws -> (tsv: String, tbx: String?) {
        var subset = glossary.subset(used)
        for (i, index) in used.enumerated() {
            let known = Set(TermIndex.matchedForms(of: subset.entries[i]))
            var added = Set<String>()
            for surface in surfaces[index] ?? [] where !known.contains(surface) && added.insert(surface).inserted {
                subset.entries[i].forms.append(surface)
            }
        }
        let tsv = try GlossaryWriter.write(subset, format: .omegat, withForms: true)
        return (tsv, used.isEmpty ? nil : try GlossaryWriter.write(subset, format: .tbx))
    }

    /// Prepares every article on the workers; results in input order.
    private func packageAll(
        _ articles: [Article], memory: MemoryIndex, progress: (@Sendable (Progress) -> Void)?
    ) throws(PackagingError) -> [PackagedArticle] {
        let slots = Slots<Result<PackagedArticle, PackagingError>>(count: articles.count)
        let workers = min(jobs, articles.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let packager: ArticlePackager
            do throws(PackagingError) {
                packager = try ArticlePackager(options: options, memory: memory)
            } catch {
                var i = worker
                while i < articles.count {
                    slots.set(i, .failure(error))
                    i += workers
                }
                return
            }
            var i = worker
            while i < articles.count {
                let done = slots.set(i, Result { () throws(PackagingError) in try packager.package(articles[i]) })
                progress?(Progress(done: done, total: articles.count))
                i += workers
            }
        }
        return try slots.values.map { result throws(PackagingError) in try result.get() }
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return String(text[start..<utf8.index(start, offsetBy: range.count)])
    }
}

/// One worker's tools: a segmenter, a term matcher and a word counter (none is thread-safe), and the shared memory.
final class ArticlePackager {
    let options: KitOptions
    let segmenter: Segmenter
    let annotator: TermAnnotator?
    let words: WordCounter
    let memory: MemoryIndex

    init(options: KitOptions, memory: MemoryIndex) throws(PackagingError) {
        self.options = options
        self.memory = memory
        do {
            segmenter = try Segmenter(rules: options.rules)
            annotator = try options.glossary?.makeAnnotator()
            words = try WordCounter(language: options.rules.language)
        } catch {
            throw .invalidInput("cannot set up segmentation and term matching: \(error)")
        }
    }

    /// Segments, annotates and looks up one article, and writes its XLIFF files.
    func package(_ article: Article) throws(PackagingError) -> KitBuilder.PackagedArticle {
        let layout = options.layout
        var prepared = Preparer.prepare(article, segmenter: segmenter, annotator: annotator, entries: options.glossary?.entries ?? [])
        let token = prepared.fileID
        var result = KitBuilder.PackagedArticle(
            record: KitManifest.ArticleRecord(
                id: article.id, token: token, date: article.date, format: article.format.rawValue, source: article.source,
                textSHA256: Fingerprint.sha256(article.paragraphs.map(\.text).joined(separator: "\n")),
                characters: article.paragraphs.reduce(0) { $0 + $1.text.count }, termHits: 0,
                xliff21: layout.xliff21(token), xliff12: layout.xliff12(token), paragraphs: []),
            files: [], lookups: [], surfaces: [])
        for paragraph in prepared.article.paragraphs {
            var shape = KitManifest.ParagraphRecord(
                unit: Identifiers.unit(paragraph: paragraph.index), line: paragraph.line,
                gaps: (0...paragraph.segments.count).map { String(paragraph.gap(before: $0)) }, segments: [])
            for segment in paragraph.segments {
                let id = Identifiers.segment(paragraph: paragraph.index, sentence: segment.index)
                let found = memory.matches(for: segment.text, threshold: options.fuzzyThreshold)
                result.lookups.append((segment.text, Identifiers.global(article: article.id, segment: id), found))
                if let best = found.first, best.kind == .exact {
                    prepared.targets[paragraph.index, default: [:]][segment.index] = PrefilledTarget(text: best.pair.target)
                }
                for mark in prepared.marks[paragraph.index][segment.index] {
                    result.surfaces.append((mark.entry, KitBuilder.slice(segment.text, mark.range)))
                    result.record.termHits += 1
                }
                shape.segments.append(KitManifest.SegmentRecord(
                    id: id, sha256: Fingerprint.sha256(segment.text), words: words.count(segment.text), match: found.first?.kind.rawValue))
            }
            result.record.paragraphs.append(shape)
        }
        do {
            result.files.append(KitFile(path: result.record.xliff21, text: try XLIFF2Writer.document(prepared)))
            // OmegaT reads the text inside <target> as the source: its copy keeps target = source, and takes the
            // exact matches from tm/auto instead.
            if layout == .omegat { prepared.targets = [:] }
            result.files.append(KitFile(path: result.record.xliff12, text: try XLIFF12Writer.document(prepared)))
        } catch {
            throw .invalidInput(error.description)
        }
        return result
    }
}

/// Result slots written once each by concurrent workers; `set` returns how many are filled.
final class Slots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private var filled = 0
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    @discardableResult
    func set(_ index: Int, _ value: Value) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
        filled += 1
        return filled
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// What the memories offered, gathered into the kit's TMX: one unit per distinct pair, with the segments it serves.
struct MemoryOffers {
    struct Offer {
        var source: String
        var target: String
        var match: String
        var origin: String
        var segments: [String]
    }

    private(set) var units: [Offer] = []
    private var index: [String: Int] = [:]
    private(set) var exactSegments = 0
    private(set) var fuzzySegments = 0

    mutating func add(_ matches: [MemoryMatch], segment: String, id: String) {
        guard let first = matches.first else { return }
        if first.kind == .exact { exactSegments += 1 } else { fuzzySegments += 1 }
        // An exact match is written with the segment's own text, so a CAT tool that compares exactly finds it.
        let chosen = first.kind == .exact ? [first] : matches
        for match in chosen {
            let source = match.kind == .exact ? segment : match.pair.source
            let key = source + "\u{0}" + match.pair.target
            let origin = (match.pair.origin as NSString).lastPathComponent + (match.pair.isSplit ? " (sentence cut from a longer unit)" : "")
            if let existing = index[key] {
                units[existing].segments.append(id)
                continue
            }
            index[key] = units.count
            units.append(Offer(
                source: source, target: match.pair.target, match: match.kind == .exact ? "exact" : "fuzzy \(match.percent)%",
                origin: origin, segments: [id]))
        }
    }

    func tmx() throws(PackagingError) -> String {
        var writer = TMXWriter(sourceLanguage: "bg")
        do {
            for (n, unit) in units.enumerated() {
                try writer.add(TranslationUnit(
                    id: "kit-\(n + 1)", variants: [("bg", unit.source), ("en", unit.target)],
                    properties: [("x-prevod-match", unit.match), ("x-prevod-origin", unit.origin), ("x-prevod-segments", unit.segments.joined(separator: " "))]))
            }
            return try writer.finish()
        } catch {
            throw .invalidInput("cannot write the kit's memory: \(error)")
        }
    }
}

/// Counts words as ICU's word break rules see them (letters and numbers; punctuation and spaces are not words), the
/// way CAT tools count them for quotes.
final class WordCounter {
    private let iterator: BreakIterator

    init(language: String) throws {
        iterator = try BreakIterator(.word, locale: language)
    }

    func count(_ text: String) -> Int {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { buffer in (try? iterator.words(in: buffer).count) ?? 0 }
    }
}
