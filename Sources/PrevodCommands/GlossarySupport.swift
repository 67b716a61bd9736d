import Corpus
import Foundation
import Interchange

/// The glossary side of `prepare`: loads the glossaries (files, or directories of them), compiles one shared
/// `TermIndex` (Interchange's `GlossaryTerms`, one `TermMatcher` per worker), and writes the entries used as TBX v2
/// and OmegaT TSV.
struct GlossarySupport {
    var entries: [TermEntry] = []
    var annotators: GlossaryTerms?
    var sources: [String] = []

    static func load(_ paths: [String]) throws -> GlossarySupport {
        guard !paths.isEmpty else { return GlossarySupport() }
        let files = try expand(paths)
        let terms = try GlossaryTerms.load(files)
        var support = GlossarySupport()
        support.entries = terms.entries
        support.annotators = terms
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

    /// Writes `glossary.tbx` and `glossary.tsv` with the entries in `used`, in glossary order (both by the
    /// Terminology module's writers); returns the file count. No TBX is written when no entry is used.
    func writeUsed(_ used: Set<Int>, to directory: String) throws -> Int {
        guard let terms = annotators else { return 0 }
        let indexes = used.sorted()
        var count = 1
        try AtomicFile.write(try terms.omegaTGlossary(indexes), to: (directory as NSString).appendingPathComponent("glossary.tsv"))
        let tbxPath = (directory as NSString).appendingPathComponent("glossary.tbx")
        if let tbx = try terms.tbxGlossary(indexes) {
            try AtomicFile.write(tbx, to: tbxPath)
            count += 1
        } else {
            try? FileManager.default.removeItem(atPath: tbxPath)
            Diagnostics.warn("warning: no glossary entry occurs in these articles; no glossary.tbx written")
        }
        return count
    }
}
