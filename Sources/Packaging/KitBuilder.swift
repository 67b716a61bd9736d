import Corpus
import Foundation
import ICU
import Interchange
import Segmentation

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
    /// The glossary, as exchange files carry it (the marks of the annotators index into it).
    public var entries: [TermEntry] = []
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
public final class KitBuilder {
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
    }

    private let options: KitOptions
    private let segmenter: Segmenter
    private let annotator: TermAnnotator?
    private let words: WordCounter

    public init(options: KitOptions, annotators: (any TermAnnotatorFactory)? = nil) throws(PackagingError) {
        self.options = options
        do {
            segmenter = try Segmenter(rules: options.rules)
            annotator = try annotators?.makeAnnotator()
            words = try WordCounter(language: options.rules.language)
        } catch {
            throw .invalidInput("cannot set up segmentation and term matching: \(error)")
        }
    }

    /// The kit of `articles` (Bulgarian, read but not yet segmented).
    ///
    /// - Complexity: O(*n*) in the size of the articles, plus the memory lookups (see ``MemoryIndex``).
    public func build(_ articles: [Article], progress: ((Progress) -> Void)? = nil) throws(PackagingError) -> Kit {
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
        manifest.glossary.entries = options.entries.count

        var files: [KitFile] = []
        var offers = MemoryOffers()
        var usedSurfaces: [Int: [String]] = [:]
        var tokens: [String: String] = [:]
        for (n, article) in articles.enumerated() {
            var prepared = Preparer.prepare(article, segmenter: segmenter, annotator: annotator, entries: options.entries)
            let token = prepared.fileID
            if let other = tokens.updateValue(article.source + " (" + article.id + ")", forKey: token) {
                throw .invalidInput("\(article.source): article id \(article.id) gives the same file name as \(other); rename one of them")
            }
            var record = KitManifest.ArticleRecord(
                id: article.id, token: token, date: article.date, format: article.format.rawValue, source: article.source,
                textSHA256: Fingerprint.sha256(article.paragraphs.map(\.text).joined(separator: "\n")),
                characters: article.paragraphs.reduce(0) { $0 + $1.text.count }, termHits: 0,
                xliff21: layout.xliff21(token), xliff12: layout.xliff12(token), paragraphs: [])
            for paragraph in prepared.article.paragraphs {
                var shape = KitManifest.ParagraphRecord(
                    unit: Identifiers.unit(paragraph: paragraph.index), line: paragraph.line,
                    gaps: (0...paragraph.segments.count).map { String(paragraph.gap(before: $0)) }, segments: [])
                for segment in paragraph.segments {
                    let id = Identifiers.segment(paragraph: paragraph.index, sentence: segment.index)
                    let found = memory.matches(for: segment.text, threshold: options.fuzzyThreshold)
                    let global = Identifiers.global(article: article.id, segment: id)
                    offers.add(found, segment: segment.text, id: global)
                    if let best = found.first, best.kind == .exact {
                        prepared.targets[paragraph.index, default: [:]][segment.index] = PrefilledTarget(text: best.pair.target)
                    }
                    for mark in prepared.marks[paragraph.index][segment.index] {
                        usedSurfaces[mark.entry, default: []].append(Self.slice(segment.text, mark.range))
                        record.termHits += 1
                    }
                    shape.segments.append(KitManifest.SegmentRecord(
                        id: id, sha256: Fingerprint.sha256(segment.text), words: words.count(segment.text), match: found.first?.kind.rawValue))
                }
                record.paragraphs.append(shape)
            }
            do {
                files.append(KitFile(path: record.xliff21, text: try XLIFF2Writer.document(prepared)))
                // OmegaT reads the text inside <target> as the source: its copy keeps target = source, and takes the
                // exact matches from tm/auto instead.
                if layout == .omegat { prepared.targets = [:] }
                files.append(KitFile(path: record.xliff12, text: try XLIFF12Writer.document(prepared)))
            } catch {
                throw .invalidInput(error.description)
            }
            manifest.glossary.hits += record.termHits
            manifest.articles.append(record)
            progress?(Progress(done: n + 1, total: articles.count))
        }
        manifest.memories.exactSegments = offers.exactSegments
        manifest.memories.fuzzySegments = offers.fuzzySegments
        manifest.memories.kitUnits = offers.units.count
        files.append(KitFile(path: layout.memory, text: try offers.tmx()))

        let used = usedSurfaces.keys.sorted()
        manifest.glossary.used = used.count
        let title = "Glossary entries that occur in this kit (prevod \(options.toolVersion))"
        let usedEntries = used.map { options.entries[$0] }
        var omegaTLines = usedEntries
        for index in used {
            let entry = options.entries[index]
            var seen: Set<String> = [entry.source]
            for surface in usedSurfaces[index]! where seen.insert(surface).inserted {
                // OmegaT matches glossary entries as written: list each inflected form the kit contains.
                var form = entry
                form.source = surface
                form.note = "form of \(entry.source)" + (entry.note.map { "; " + $0 } ?? "")
                omegaTLines.append(form)
            }
        }
        let tsv = TermbaseWriter.omegaT(omegaTLines)
        manifest.glossary.tsvLines = tsv.split(separator: "\n").count
        do {
            files.append(KitFile(path: KitLayout.glossaryTSV, text: tsv))
            files.append(KitFile(path: KitLayout.glossaryTBX, text: try TermbaseWriter.tbx(usedEntries, title: title)))
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

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return String(text[start..<utf8.index(start, offsetBy: range.count)])
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
