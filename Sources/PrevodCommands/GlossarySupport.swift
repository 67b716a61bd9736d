import Corpus
import Foundation
import Interchange
import Terminology

/// The glossary side of `prepare`: loads the glossaries (files, or directories of them), compiles one shared
/// `TermIndex`, builds one `TermMatcher` per worker, and writes the entries used as TBX v2 and OmegaT TSV.
/// Bridges Terminology's `GlossaryEntry`/`TermHit` to Interchange's `TermEntry`/`TermMark`.
struct GlossarySupport {
    var entries: [TermEntry] = []
    var annotators: MatcherFactory?
    var sources: [String] = []

    static func load(_ paths: [String]) throws -> GlossarySupport {
        guard !paths.isEmpty else { return GlossarySupport() }
        let files = try expand(paths)
        var glossary = try Glossary.load(files)
        glossary.assignIDs()
        let index = try TermIndex(glossary)
        let entries = glossary.entries.map { entry in
            TermEntry(id: entry.id, source: entry.source, translations: entry.targets, type: entry.type?.rawValue, partOfSpeech: entry.partOfSpeech, note: entry.note)
        }
        var support = GlossarySupport()
        support.entries = entries
        support.annotators = MatcherFactory(index: index)
        support.sources = files
        return support
    }

    /// Directories become the glossary files inside them (`.tsv`, `.csv`, `.txt`, `.tbx`), sorted.
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CorpusError.notFound(path: path) }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let before = files.count
            defer {
                if files.count == before { Diagnostics.warn("\(path): warning: no glossary file (.tsv, .csv, .txt, .tbx) in this directory") }
            }
            files += names.filter { ["tsv", "csv", "txt", "tbx"].contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
                .sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// Writes `glossary.tbx` and `glossary.tsv` with the entries in `used`, in glossary order; returns the file count.
    func writeUsed(_ used: Set<Int>, to directory: String) throws -> Int {
        let chosen = used.sorted().map { entries[$0] }
        let title = "Glossary entries used by prevod prepare (from \(sources.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")))"
        try AtomicFile.write(try TermbaseWriter.tbx(chosen, title: title), to: (directory as NSString).appendingPathComponent("glossary.tbx"))
        try AtomicFile.write(TermbaseWriter.omegaT(chosen), to: (directory as NSString).appendingPathComponent("glossary.tsv"))
        return 2
    }
}

/// One `TermMatcher` per worker over the shared index.
struct MatcherFactory: TermAnnotatorFactory {
    let index: TermIndex

    func makeAnnotator() throws -> TermAnnotator {
        let matcher = try TermMatcher(index: index)
        return { text in matcher.hits(in: text).map { TermMark(range: $0.range, entry: $0.entryIndex) } }
    }
}
