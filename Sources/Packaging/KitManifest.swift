import Corpus
import Foundation

/// The manifest of a kit (`manifest.json`): what was packaged, how, and a fingerprint of everything, so that the
/// returned work can be checked and merged by id without re-reading or re-segmenting any source.
///
/// It records, per article, the paragraph structure (the segment ids of each paragraph and the exact whitespace
/// between them) and the SHA-256 of every source segment. An import trusts only the manifest: a returned file whose
/// sources differ, or whose ids the manifest does not know, is refused.
public struct KitManifest: Sendable, Hashable {
    public static let formatName = "prevod-kit"
    public static let formatVersion = 1

    /// An input file of the kit (a glossary, a memory, an abbreviation list) or a file inside it.
    public struct FileRecord: Sendable, Hashable {
        public var path: String
        public var bytes: Int
        public var sha256: String
        /// Entries (glossary) or translation units (memory) read from it.
        public var items: Int?

        public init(path: String, bytes: Int, sha256: String, items: Int? = nil) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
            self.items = items
        }

        public init(path: String, data: Data, items: Int? = nil) {
            self.init(path: path, bytes: data.count, sha256: Fingerprint.sha256(data), items: items)
        }
    }

    /// One source segment: its id (`p3s2`), the fingerprint of its text, and what the memories offered.
    public struct SegmentRecord: Sendable, Hashable {
        public var id: String
        public var sha256: String
        public var words: Int
        /// `exact` or `fuzzy` when the kit's memory has a match, nil otherwise.
        public var match: String?

        public init(id: String, sha256: String, words: Int, match: String? = nil) {
            self.id = id
            self.sha256 = sha256
            self.words = words
            self.match = match
        }
    }

    /// A paragraph's shape: the segment ids and the whitespace before each segment and after the last.
    public struct ParagraphRecord: Sendable, Hashable {
        /// `p3`.
        public var unit: String
        /// Line of the paragraph in the source file.
        public var line: Int
        /// `segments.count + 1` strings.
        public var gaps: [String]
        public var segments: [SegmentRecord]

        public init(unit: String, line: Int, gaps: [String], segments: [SegmentRecord]) {
            self.unit = unit
            self.line = line
            self.gaps = gaps
            self.segments = segments
        }
    }

    public struct ArticleRecord: Sendable, Hashable {
        public var id: String
        /// The file-name token of the article (`Identifiers.token(id)`): its XLIFF files are `xliff21/TOKEN.xlf`...
        public var token: String
        public var date: String?
        /// How the source was written (article, text, jsonl); the English article is written the same way.
        public var format: String
        /// The source file as given on the command line.
        public var source: String
        /// SHA-256 of the article's paragraphs joined by newlines (the text that was segmented).
        public var textSHA256: String
        public var characters: Int
        public var termHits: Int
        public var xliff21: String
        public var xliff12: String
        public var paragraphs: [ParagraphRecord]

        public init(
            id: String, token: String, date: String?, format: String, source: String, textSHA256: String, characters: Int,
            termHits: Int, xliff21: String, xliff12: String, paragraphs: [ParagraphRecord]
        ) {
            self.id = id
            self.token = token
            self.date = date
            self.format = format
            self.source = source
            self.textSHA256 = textSHA256
            self.characters = characters
            self.termHits = termHits
            self.xliff21 = xliff21
            self.xliff12 = xliff12
            self.paragraphs = paragraphs
        }

        public var segments: Int { paragraphs.reduce(0) { $0 + $1.segments.count } }
        public var words: Int { paragraphs.reduce(0) { $0 + $1.segments.reduce(0) { $0 + $1.words } } }
        public func matches(_ kind: String) -> Int {
            paragraphs.reduce(0) { $0 + $1.segments.count { $0.match == kind } }
        }
    }

    public struct Segmentation: Sendable, Hashable {
        /// `bulgarian` (built in), with the extra abbreviation files given.
        public var rules: String
        public var language: String
        public var abbreviations: Int
        public var abbreviationFiles: [FileRecord]
        /// The rules as SRX 2.0, inside the kit.
        public var srx: String

        public init(rules: String, language: String, abbreviations: Int, abbreviationFiles: [FileRecord], srx: String) {
            self.rules = rules
            self.language = language
            self.abbreviations = abbreviations
            self.abbreviationFiles = abbreviationFiles
            self.srx = srx
        }
    }

    public struct GlossaryStatistics: Sendable, Hashable {
        public var files: [FileRecord] = []
        public var entries = 0
        /// Entries that occur in the packaged articles (the ones the kit's TBX and TSV hold).
        public var used = 0
        public var hits = 0
        /// Lines of the OmegaT TSV (an entry and the other forms of it that occur).
        public var tsvLines = 0

        public init() {}
    }

    public struct MemoryStatistics: Sendable, Hashable {
        public var files: [FileRecord] = []
        /// Translation units read from the memories.
        public var units = 0
        /// Units the kit's TMX holds.
        public var kitUnits = 0
        public var exactSegments = 0
        public var fuzzySegments = 0

        public init() {}
    }

    public struct ReportSummary: Sendable, Hashable {
        public var findings: Int
        /// Findings per category, in report order.
        public var categories: [String: Int]

        public init(findings: Int, categories: [String: Int]) {
            self.findings = findings
            self.categories = categories
        }
    }

    public var toolVersion: String
    public var layout: KitLayout
    public var sourceLanguage = "bg"
    public var targetLanguage = "en"
    public var segmentation: Segmentation
    public var glossary = GlossaryStatistics()
    public var memories = MemoryStatistics()
    public var report: ReportSummary?
    public var articles: [ArticleRecord] = []
    /// Every file of the kit except `manifest.json`, in kit order.
    public var files: [FileRecord] = []

    public init(toolVersion: String, layout: KitLayout, segmentation: Segmentation) {
        self.toolVersion = toolVersion
        self.layout = layout
        self.segmentation = segmentation
    }

    public var segmentCount: Int { articles.reduce(0) { $0 + $1.segments } }
    public var wordCount: Int { articles.reduce(0) { $0 + $1.words } }
    public var paragraphCount: Int { articles.reduce(0) { $0 + $1.paragraphs.count } }

    public func article(id: String) -> ArticleRecord? { articles.first { $0.id == id } }
    public func file(_ path: String) -> FileRecord? { files.first { $0.path == path } }
}

// MARK: - JSON

extension KitManifest {
    /// The manifest as indented JSON (stable key order, so the same kit gives the same bytes).
    public func json() -> String {
        PrettyJSON.render(jsonValue()) + "\n"
    }

    func jsonValue() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("format", .string(Self.formatName)), ("formatVersion", .int(Self.formatVersion)),
            ("tool", .object([("name", "prevod"), ("version", .string(toolVersion))])),
            ("layout", .string(layout.rawValue)),
            ("languages", .object([("source", .string(sourceLanguage)), ("target", .string(targetLanguage))])),
            ("totals", .object([
                ("articles", .int(articles.count)), ("paragraphs", .int(paragraphCount)), ("segments", .int(segmentCount)),
                ("words", .int(wordCount)), ("characters", .int(articles.reduce(0) { $0 + $1.characters })),
                ("termHits", .int(glossary.hits)), ("exactMatches", .int(memories.exactSegments)),
                ("fuzzyMatches", .int(memories.fuzzySegments)),
            ])),
            ("segmentation", .object([
                ("rules", .string(segmentation.rules)), ("language", .string(segmentation.language)),
                ("abbreviations", .int(segmentation.abbreviations)),
                ("abbreviationFiles", .array(segmentation.abbreviationFiles.map(\.jsonValue))), ("srx", .string(segmentation.srx)),
            ])),
            ("glossary", .object([
                ("files", .array(glossary.files.map(\.jsonValue))), ("entries", .int(glossary.entries)), ("used", .int(glossary.used)),
                ("hits", .int(glossary.hits)), ("tsvLines", .int(glossary.tsvLines)),
            ])),
            ("memories", .object([
                ("files", .array(memories.files.map(\.jsonValue))), ("units", .int(memories.units)), ("kitUnits", .int(memories.kitUnits)),
                ("exactSegments", .int(memories.exactSegments)), ("fuzzySegments", .int(memories.fuzzySegments)),
            ])),
        ]
        if let report {
            members.append(("report", .object([
                ("findings", .int(report.findings)),
                ("categories", .object(report.categories.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ])))
        }
        members.append(("articles", .array(articles.map(\.jsonValue))))
        members.append(("files", .array(files.map(\.jsonValue))))
        return .object(members)
    }

    /// Reads a manifest; `path` names it in errors.
    public static func parse(_ data: Data, path: String) throws(PackagingError) -> KitManifest {
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw PackagingError.badManifest(SourceLocation(file: path), "the manifest is not a JSON object")
            }
            root = object
        } catch let error as PackagingError {
            throw error
        } catch {
            throw .badManifest(SourceLocation(file: path), "the manifest is not valid JSON (\(error.localizedDescription))")
        }
        var reader = FieldReader(path: path)
        guard root["format"] as? String == formatName else {
            throw .badManifest(SourceLocation(file: path), "not a prevod kit manifest (\"format\" should be \"\(formatName)\")")
        }
        let version = try reader.int(root, "formatVersion")
        guard version <= formatVersion else {
            throw .badManifest(SourceLocation(file: path), "kit format version \(version) is newer than this prevod understands (\(formatVersion)); update prevod")
        }
        let tool = try reader.object(root, "tool")
        guard let layout = KitLayout(rawValue: try reader.string(root, "layout")) else {
            throw .badManifest(SourceLocation(file: path), "unknown \"layout\"; expected plain or omegat")
        }
        let segmentationObject = try reader.object(root, "segmentation")
        var manifest = KitManifest(
            toolVersion: try reader.string(tool, "version"), layout: layout,
            segmentation: Segmentation(
                rules: try reader.string(segmentationObject, "rules"), language: try reader.string(segmentationObject, "language"),
                abbreviations: try reader.int(segmentationObject, "abbreviations"),
                abbreviationFiles: try reader.array(segmentationObject, "abbreviationFiles").map { item throws(PackagingError) in try FileRecord(item, &reader) },
                srx: try reader.string(segmentationObject, "srx")))
        let languages = try reader.object(root, "languages")
        manifest.sourceLanguage = try reader.string(languages, "source")
        manifest.targetLanguage = try reader.string(languages, "target")
        let glossary = try reader.object(root, "glossary")
        manifest.glossary.files = try reader.array(glossary, "files").map { item throws(PackagingError) in try FileRecord(item, &reader) }
        manifest.glossary.entries = try reader.int(glossary, "entries")
        manifest.glossary.used = try reader.int(glossary, "used")
        manifest.glossary.hits = try reader.int(glossary, "hits")
        manifest.glossary.tsvLines = (glossary["tsvLines"] as? Int) ?? 0
        let memories = try reader.object(root, "memories")
        manifest.memories.files = try reader.array(memories, "files").map { item throws(PackagingError) in try FileRecord(item, &reader) }
        manifest.memories.units = try reader.int(memories, "units")
        manifest.memories.kitUnits = try reader.int(memories, "kitUnits")
        manifest.memories.exactSegments = try reader.int(memories, "exactSegments")
        manifest.memories.fuzzySegments = try reader.int(memories, "fuzzySegments")
        if let report = root["report"] as? [String: Any] {
            manifest.report = ReportSummary(
                findings: try reader.int(report, "findings"), categories: (report["categories"] as? [String: Int]) ?? [:])
        }
        manifest.articles = try reader.array(root, "articles").map { item throws(PackagingError) in try ArticleRecord(item, &reader) }
        manifest.files = try reader.array(root, "files").map { item throws(PackagingError) in try FileRecord(item, &reader) }
        return manifest
    }
}

extension KitManifest.FileRecord {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("path", .string(path)), ("bytes", .int(bytes)), ("sha256", .string(sha256))]
        if let items { members.append(("items", .int(items))) }
        return .object(members)
    }

    init(_ value: Any, _ reader: inout FieldReader) throws(PackagingError) {
        let object = try reader.cast(value, "file record")
        self.init(
            path: try reader.string(object, "path"), bytes: try reader.int(object, "bytes"), sha256: try reader.string(object, "sha256"),
            items: object["items"] as? Int)
    }
}

extension KitManifest.ArticleRecord {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(id)), ("token", .string(token))]
        if let date { members.append(("date", .string(date))) }
        members += [
            ("format", .string(format)), ("source", .string(source)), ("textSHA256", .string(textSHA256)),
            ("paragraphCount", .int(paragraphs.count)), ("segmentCount", .int(segments)), ("words", .int(words)),
            ("characters", .int(characters)), ("termHits", .int(termHits)), ("exactMatches", .int(matches("exact"))),
            ("fuzzyMatches", .int(matches("fuzzy"))), ("xliff21", .string(xliff21)), ("xliff12", .string(xliff12)),
        ]
        members.append(("paragraphs", .array(paragraphs.map { paragraph in
            .object([
                ("unit", .string(paragraph.unit)), ("line", .int(paragraph.line)), ("gaps", .array(paragraph.gaps.map(JSONValue.string))),
                ("segments", .array(paragraph.segments.map { segment in
                    var fields: [(String, JSONValue)] = [("id", .string(segment.id)), ("sha256", .string(segment.sha256)), ("words", .int(segment.words))]
                    if let match = segment.match { fields.append(("match", .string(match))) }
                    return .object(fields)
                })),
            ])
        })))
        return .object(members)
    }

    init(_ value: Any, _ reader: inout FieldReader) throws(PackagingError) {
        let object = try reader.cast(value, "article")
        let id = try reader.string(object, "id")
        reader.context = "article \(id)"
        var paragraphs: [KitManifest.ParagraphRecord] = []
        for item in try reader.array(object, "paragraphs") {
            let paragraph = try reader.cast(item, "paragraph")
            let gaps = try reader.array(paragraph, "gaps").compactMap { $0 as? String }
            var segments: [KitManifest.SegmentRecord] = []
            for entry in try reader.array(paragraph, "segments") {
                let segment = try reader.cast(entry, "segment")
                segments.append(KitManifest.SegmentRecord(
                    id: try reader.string(segment, "id"), sha256: try reader.string(segment, "sha256"),
                    words: (segment["words"] as? Int) ?? 0, match: segment["match"] as? String))
            }
            let unit = try reader.string(paragraph, "unit")
            guard gaps.count == segments.count + 1 else {
                throw .badManifest(SourceLocation(file: reader.path), "\(reader.context), paragraph \(unit): expected \(segments.count + 1) gaps, found \(gaps.count)")
            }
            paragraphs.append(KitManifest.ParagraphRecord(unit: unit, line: (paragraph["line"] as? Int) ?? 0, gaps: gaps, segments: segments))
        }
        self.init(
            id: id, token: try reader.string(object, "token"), date: object["date"] as? String, format: try reader.string(object, "format"),
            source: try reader.string(object, "source"), textSHA256: try reader.string(object, "textSHA256"),
            characters: (object["characters"] as? Int) ?? 0, termHits: (object["termHits"] as? Int) ?? 0,
            xliff21: try reader.string(object, "xliff21"), xliff12: try reader.string(object, "xliff12"), paragraphs: paragraphs)
        reader.context = "manifest"
    }
}

/// Typed access to the fields of a parsed JSON object, with errors that name the missing field.
struct FieldReader {
    let path: String
    var context = "manifest"

    init(path: String) { self.path = path }

    private func missing(_ key: String, _ expected: String) -> PackagingError {
        .badManifest(SourceLocation(file: path), "\(context): field \"\(key)\" is missing or not \(expected)")
    }

    func cast(_ value: Any, _ what: String) throws(PackagingError) -> [String: Any] {
        guard let object = value as? [String: Any] else {
            throw .badManifest(SourceLocation(file: path), "\(context): a \(what) is not a JSON object")
        }
        return object
    }

    func string(_ object: [String: Any], _ key: String) throws(PackagingError) -> String {
        guard let value = object[key] as? String else { throw missing(key, "a string") }
        return value
    }

    func int(_ object: [String: Any], _ key: String) throws(PackagingError) -> Int {
        guard let value = object[key] as? Int else { throw missing(key, "an integer") }
        return value
    }

    func object(_ object: [String: Any], _ key: String) throws(PackagingError) -> [String: Any] {
        guard let value = object[key] as? [String: Any] else { throw missing(key, "an object") }
        return value
    }

    func array(_ object: [String: Any], _ key: String) throws(PackagingError) -> [Any] {
        guard let value = object[key] as? [Any] else { throw missing(key, "an array") }
        return value
    }
}

/// Indented JSON for files people read (the manifest): objects and arrays of containers one member per line,
/// arrays of plain values on one line.
enum PrettyJSON {
    static func render(_ value: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            if members.allSatisfy({ !$0.1.isContainer }) && members.count <= 4 {
                return value.serialized()
            }
            let lines = members.map { inner + JSONValue.string($0.0).serialized() + ": " + render($0.1, indent: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let values):
            guard !values.isEmpty else { return "[]" }
            if !values.contains(where: \.isContainer) { return value.serialized() }
            return "[\n" + values.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        default:
            return value.serialized()
        }
    }
}

extension JSONValue {
    var isContainer: Bool {
        switch self {
        case .object, .array: return true
        default: return false
        }
    }
}
