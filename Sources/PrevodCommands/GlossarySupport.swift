import Corpus
import Foundation
import Interchange
import Terminology

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

    /// Directories become the glossary files inside them (see `Glossary.files(for:)`).
    static func expand(_ paths: [String]) throws -> [String] {
        try Glossary.files(for: paths)
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
