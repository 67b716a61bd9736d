import Corpus
import Foundation
import Interchange

/// A kit as it came back: its files (zip entries or the files of a directory) and its manifest.
public struct ReturnedKit: Sendable {
    public var path: String
    public var manifest: KitManifest
    /// Files by kit path (only the parts an import reads: manifest, XLIFF folders, target/, omegat/).
    public var files: [String: KitFile]

    /// Opens `path`: a zip (checked and inflated in memory, see ``KitArchive``) or a kit directory.
    public static func open(_ path: String, limits: ArchiveLimits = .standard) throws(PackagingError) -> ReturnedKit {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableReturn(path: path, reason: "no such file or directory")
        }
        let list = isDirectory.boolValue ? try readDirectory(path) : try KitArchive.read(path: path, limits: limits)
        var files: [String: KitFile] = [:]
        // A translator who zips the project folder puts everything under one top-level folder: look inside it.
        let nested = list.filter { $0.path.hasSuffix("/" + KitLayout.manifest) && $0.path.split(separator: "/").count == 2 }
        let prefix = !list.contains { $0.path == KitLayout.manifest } && nested.count == 1 ? String(nested[0].path.dropLast(KitLayout.manifest.count)) : ""
        for file in list where file.path.hasPrefix(prefix) { files[String(file.path.dropFirst(prefix.count))] = file }
        guard let manifestFile = files[KitLayout.manifest] else {
            throw .badManifest(SourceLocation(file: path), "no \(KitLayout.manifest) in the kit; is this a kit made by 'prevod package'?")
        }
        let root = prefix.isEmpty ? path : (path as NSString).appendingPathComponent(String(prefix.dropLast()))
        let manifest = try KitManifest.parse(manifestFile.data, path: (root as NSString).appendingPathComponent(KitLayout.manifest))
        return ReturnedKit(path: root, manifest: manifest, files: files)
    }

    /// The folders an import reads; the rest of a project directory (OmegaT's backups, a large tm/) is not loaded.
    static let wanted = ["source/", "xliff12/", "xliff21/", "target/", "omegat/", "terminology/"]

    /// The files of a kit directory an import needs. Symbolic links are refused, as in a zip.
    static func readDirectory(_ root: String) throws(PackagingError) -> [KitFile] {
        var out: [KitFile] = []
        func visit(_ relative: String) throws(PackagingError) {
            let absolute = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []).sorted()
            for name in names where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat((root as NSString).appendingPathComponent(path), &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFLNK: throw .linkEntry(archive: root, entry: path)
                case S_IFDIR:
                    if wanted.contains(where: { ($0).hasPrefix(path + "/") || (path + "/").hasPrefix($0) }) { try visit(path) }
                case S_IFREG:
                    guard path == KitLayout.manifest || wanted.contains(where: { path.hasPrefix($0) }) else { continue }
                    guard let data = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent(path)) else {
                        throw .unreadableReturn(path: (root as NSString).appendingPathComponent(path), reason: "cannot read the file")
                    }
                    out.append(KitFile(path: path, data: data))
                default: continue
                }
            }
        }
        try visit("")
        return out
    }
}

/// Translations OmegaT keeps in its project memory (`omegat/project_save.tmx`): default translations by source
/// text, alternative translations by file and segment id.
public struct ProjectMemory: Sendable {
    public var bySource: [String: String] = [:]
    /// Keyed by `file name without extension` + "/" + `trans-unit id`.
    public var byID: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { bySource.isEmpty && byID.isEmpty }

    /// Reads OmegaT's `project_save.tmx` (any TMX whose units pair `source` and `target` languages).
    public static func read(_ data: Data, path: String, source: String, target: String) throws(PackagingError) -> ProjectMemory {
        var memory = ProjectMemory()
        do {
            try TMXReader.read([UInt8](data), source: path) { unit in
                guard let from = unit.text(in: source), let to = unit.text(in: target) else { return }
                let properties = Dictionary(unit.properties.map { ($0.type, $0.value) }, uniquingKeysWith: { first, _ in first })
                if let file = properties["file"], let id = properties["id"] {
                    let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                    memory.byID[stem + "/" + id] = to
                } else {
                    memory.bySource[from] = to
                }
            }
        } catch {
            throw .unreadableReturn(path: path, reason: error.description)
        }
        return memory
    }
}

/// One segment of an imported article, as the bitext checks see it.
public struct ImportedSegment: Sendable, Hashable {
    /// `p3s2`.
    public var id: String
    /// Paragraph index (from 0).
    public var paragraph: Int
    public var source: String
    /// The translation; nil when the segment came back untranslated.
    public var target: String?
    /// The returned file and line it came from.
    public var location: SourceLocation
}

/// What an import will write and report. Nothing is written until ``commit()``.
public struct KitImport: Sendable {
    public var manifest: KitManifest
    /// The English articles, in manifest order.
    public var articles: [ImportedArticle] = []
    /// Where each came from (kit path of the returned file).
    public var returnedFiles: [String] = []
    public var warnings: [String] = []
    /// Articles that came back without a single translated segment: nothing is written for them.
    public var notStarted: [String] = []
    /// The segments of each article in reading order, parallel to ``articles``.
    public var segments: [[ImportedSegment]] = []
    /// Output path of each English article, parallel to ``articles``.
    public var outputs: [String] = []
    /// The memory file and how many pairs were new to it.
    public var memoryPath: String
    public var newPairs = 0
    public var memoryText = ""
    /// Further files to write with the articles (the bitext-check report).
    public var attachments: [(path: String, text: String)] = []

    public var translated: Int { articles.reduce(0) { $0 + $1.pairs.count } }
    public var untranslated: Int { articles.reduce(0) { $0 + $1.untranslated.count } }

    /// Writes the English articles and the memory, all or nothing.
    public func commit() throws(PackagingError) {
        var transaction = FileTransaction()
        for (article, path) in zip(articles, outputs) { transaction.write(Importer.render(article).text, to: path) }
        transaction.write(memoryText, to: memoryPath)
        for (path, text) in attachments { transaction.write(text, to: path) }
        try transaction.commit()
    }
}

/// Takes returned work back into the corpus: checks it against the kit's manifest (sources untouched, ids and
/// articles known), merges it by segment id with Interchange's `Importer` (the paragraph structure comes from the
/// manifest, never from re-reading a source), and prepares the English articles and the memory.
public enum KitImporter {
    public struct Options: Sendable {
        /// Where the English articles go.
        public var outputDirectory: String
        /// The TMX memory the new pairs are added to (created if missing; default OUT/memory.tmx).
        public var memoryPath: String?
        /// Returned XLIFF files given besides the kit (a translator often sends back only those).
        public var returnedFiles: [String] = []

        public init(outputDirectory: String, memoryPath: String? = nil, returnedFiles: [String] = []) {
            self.outputDirectory = outputDirectory
            self.memoryPath = memoryPath
            self.returnedFiles = returnedFiles
        }
    }

    /// Checks and merges everything; throws on the first problem, having written nothing.
    public static func load(_ kit: ReturnedKit, options: Options) throws(PackagingError) -> KitImport {
        let manifest = kit.manifest
        var result = KitImport(
            manifest: manifest,
            memoryPath: options.memoryPath ?? (options.outputDirectory as NSString).appendingPathComponent("memory.tmx"))
        try checkUntouched(kit)
        var projectMemory = ProjectMemory()
        if let saved = kit.files[KitLayout.omegatProjectMemory] {
            projectMemory = try ProjectMemory.read(
                saved.data, path: place(kit, KitLayout.omegatProjectMemory), source: manifest.sourceLanguage, target: manifest.targetLanguage)
        }
        var documents: [(path: String, document: BilingualDocument)] = []
        if !options.returnedFiles.isEmpty {
            for path in options.returnedFiles {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw .unreadableReturn(path: path, reason: "cannot read the file")
                }
                documents.append((path, try read(data, path: path)))
            }
        } else {
            documents = try returnedDocuments(kit, projectMemory: projectMemory, warnings: &result.warnings)
        }
        var merged: [String: (article: ImportedArticle, path: String)] = [:]
        var parts: [String: [String: ImportedSegment]] = [:]
        for (path, var document) in documents {
            for f in document.files.indices {
                let record = try article(of: document.files[f], path: path, manifest: manifest)
                try verify(document.files[f], against: record, path: path)
                document.files[f].skeleton = skeleton(record, returned: document.files[f])
                fill(&document.files[f], token: record.token, from: projectMemory)
                for unit in document.files[f].units {
                    for part in unit.parts where part.kind == .segment {
                        guard let id = part.id, parts[record.id]?[id] == nil else { continue }
                        parts[record.id, default: [:]][id] = ImportedSegment(
                            id: id, paragraph: 0, source: part.source, target: part.isTranslated ? part.target : nil,
                            location: SourceLocation(file: path, line: part.line))
                    }
                }
            }
            let outcome = Importer.merge(document)
            if let problem = outcome.problems.first {
                throw .incomplete(path: path, detail: problem.description + (outcome.problems.count > 1 ? " (and \(outcome.problems.count - 1) more problems)" : ""))
            }
            result.warnings += outcome.warnings
            for article in outcome.articles {
                if let earlier = merged[article.id] {
                    guard earlier.article.paragraphs == article.paragraphs else {
                        throw .conflictingReturns(article: article.id, first: earlier.path, second: path)
                    }
                    continue
                }
                merged[article.id] = (article, path)
            }
        }
        guard !merged.isEmpty else {
            throw .unreadableReturn(path: kit.path, reason: "no returned work found; expected translated XLIFF (OmegaT: Project > Create Translated Documents fills target/)")
        }
        for record in manifest.articles {
            guard let (article, path) = merged[record.id] else { continue }
            guard !article.pairs.isEmpty else {
                result.notStarted.append(record.id)
                continue
            }
            result.articles.append(article)
            result.segments.append(record.paragraphs.enumerated().flatMap { p, paragraph in
                paragraph.segments.compactMap { segment in
                    parts[record.id]?[segment.id].map { var part = $0; part.paragraph = p; return part }
                }
            })
            result.returnedFiles.append(path)
            result.outputs.append((options.outputDirectory as NSString).appendingPathComponent(record.token + "." + Importer.render(article).fileExtension))
        }
        guard !result.articles.isEmpty else {
            throw .unreadableReturn(path: kit.path, reason: "the returned work has no translated segment yet (\(result.notStarted.count) article(s) came back untranslated)")
        }
        try addToMemory(&result)
        return result
    }

    /// The files that carry the translation: OmegaT's target/ (or the project's sources with its memory), or the
    /// kit's XLIFF files that changed since packaging.
    static func returnedDocuments(
        _ kit: ReturnedKit, projectMemory: ProjectMemory, warnings: inout [String]
    ) throws(PackagingError) -> [(path: String, document: BilingualDocument)] {
        var out: [(String, BilingualDocument)] = []
        for record in kit.manifest.articles {
            var candidates: [String] = []
            if kit.manifest.layout == .omegat {
                let target = KitLayout.targetDirectory + "/" + (record.xliff12 as NSString).lastPathComponent
                if kit.files[target] != nil {
                    candidates = [target]
                } else if !projectMemory.isEmpty {
                    candidates = [record.xliff12]
                }
            } else {
                candidates = [record.xliff12, record.xliff21].filter { path in
                    guard let file = kit.files[path] else { return false }
                    return Fingerprint.sha256(file.data) != kit.manifest.file(path)?.sha256
                }
                if candidates.isEmpty, kit.files[record.xliff12] != nil { candidates = [record.xliff12] }
            }
            if candidates.isEmpty {
                warnings.append("\(kit.path): warning: article \(record.id) has no returned file; it is not imported")
            }
            for path in candidates {
                out.append((place(kit, path), try read(kit.files[path]!.data, path: place(kit, path))))
            }
        }
        return out
    }

    /// OmegaT never changes its source files: a source/ file that differs from the manifest was edited by hand.
    static func checkUntouched(_ kit: ReturnedKit) throws(PackagingError) {
        guard kit.manifest.layout == .omegat else { return }
        for record in kit.manifest.articles {
            guard let file = kit.files[record.xliff12], let expected = kit.manifest.file(record.xliff12) else { continue }
            if Fingerprint.sha256(file.data) != expected.sha256 {
                throw .tamperedFile(path: place(kit, record.xliff12), article: record.id,
                    detail: "the OmegaT source file was changed after packaging (its SHA-256 differs from the manifest)")
            }
        }
    }

    static func read(_ data: Data, path: String) throws(PackagingError) -> BilingualDocument {
        do {
            return try XLIFFReader.read([UInt8](data), source: path)
        } catch {
            throw .unreadableReturn(path: path, reason: error.description)
        }
    }

    /// The manifest article a returned `<file>` belongs to: named by its prevod skeleton, its XLIFF 2 metadata, or
    /// its file name.
    static func article(of file: BilingualFile, path: String, manifest: KitManifest) throws(PackagingError) -> KitManifest.ArticleRecord {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let claims = [file.skeleton?.article, file.metadata["id"]].compactMap { $0 }
        for id in claims {
            if let record = manifest.article(id: id) { return record }
        }
        if claims.isEmpty, let record = manifest.articles.first(where: { $0.token == stem }) { return record }
        throw .unknownSegment(SourceLocation(file: path, line: file.line), article: claims.first ?? stem, segment: "(the whole file: the kit has no such article)")
    }

    /// Every returned segment must be one the manifest knows, with its source unchanged (full SHA-256).
    static func verify(_ file: BilingualFile, against record: KitManifest.ArticleRecord, path: String) throws(PackagingError) {
        var known: [String: KitManifest.SegmentRecord] = [:]
        for paragraph in record.paragraphs { for segment in paragraph.segments { known[segment.id] = segment } }
        for unit in file.units {
            for part in unit.parts where part.kind == .segment {
                let id = part.id ?? "(no id)"
                let location = SourceLocation(file: path, line: part.line)
                guard let segment = known[id] else { throw .unknownSegment(location, article: record.id, segment: id) }
                if Fingerprint.sha256(part.source) != segment.sha256 {
                    throw .tamperedSource(location, article: record.id, segment: id,
                        detail: "now \"\(part.source.prefix(60))\(part.source.count > 60 ? "…" : "")\"")
                }
            }
        }
    }

    /// The manifest's record of an article as an Interchange skeleton, so `Importer` rebuilds the paragraphs from
    /// what was packaged rather than from what came back. `verify` has already checked every returned source
    /// against the manifest's SHA-256, so the skeleton's own fingerprints are taken from those sources.
    static func skeleton(_ record: KitManifest.ArticleRecord, returned file: BilingualFile) -> Skeleton {
        var sources: [String: String] = [:]
        for unit in file.units { for part in unit.parts where part.kind == .segment { if let id = part.id { sources[id] = part.source } } }
        return Skeleton(
            article: record.id, date: record.date, format: record.format, source: record.source,
            paragraphs: record.paragraphs.map { paragraph in
                Skeleton.ParagraphShape(
                    unit: paragraph.unit, line: paragraph.line, gaps: paragraph.gaps, segments: paragraph.segments.map(\.id),
                    digests: paragraph.segments.map { sources[$0.id].map(Skeleton.digest) ?? "not returned" })
            })
    }

    /// Segments the returned file leaves untranslated take OmegaT's project-memory translation, if it has one.
    static func fill(_ file: inout BilingualFile, token: String, from memory: ProjectMemory) {
        guard !memory.isEmpty else { return }
        for u in file.units.indices {
            for p in file.units[u].parts.indices where file.units[u].parts[p].kind == .segment && !file.units[u].parts[p].isTranslated {
                let part = file.units[u].parts[p]
                guard let translation = part.id.flatMap({ memory.byID[token + "/" + $0] }) ?? memory.bySource[part.source],
                    !translation.isEmpty
                else { continue }
                file.units[u].parts[p].target = translation
                file.units[u].parts[p].state = "translated"
            }
        }
    }

    /// Adds the new pairs to the memory (read first when it exists), skipping pairs it already holds.
    static func addToMemory(_ result: inout KitImport) throws(PackagingError) {
        let source = result.manifest.sourceLanguage
        let target = result.manifest.targetLanguage
        var units: [TranslationUnit] = []
        var seen = Set<String>()
        if let data = FileManager.default.contents(atPath: result.memoryPath) {
            do {
                units = try TMXReader.read([UInt8](data), source: result.memoryPath).units
            } catch {
                throw .unreadableReturn(path: result.memoryPath, reason: "the memory to add to cannot be read: \(error.description)")
            }
            for unit in units { seen.insert((unit.text(in: source) ?? "") + "\u{0}" + (unit.text(in: target) ?? "")) }
        }
        for article in result.articles {
            for pair in article.pairs where seen.insert((pair.text(in: source) ?? "") + "\u{0}" + (pair.text(in: target) ?? "")).inserted {
                units.append(pair)
                result.newPairs += 1
            }
        }
        do {
            result.memoryText = try TMXWriter.document(units, sourceLanguage: source)
        } catch {
            throw .cannotWrite(path: result.memoryPath, reason: error.description)
        }
    }

    /// `kit/path` for messages.
    static func place(_ kit: ReturnedKit, _ path: String) -> String { (kit.path as NSString).appendingPathComponent(path) }
}
