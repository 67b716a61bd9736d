import ArgumentParser
import Corpus
import Foundation
import Interchange

/// `prevod import`: translated XLIFF back into English articles and a TMX of the pairs.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Take translated XLIFF 1.2/2.x or a returned kit back: English articles and a TMX memory of the pairs.",
        discussion: """
            Merges by segment id. For files from 'prevod prepare', each returned source is checked against what was \
            prepared (ids and text); a mismatch is reported with its place and that article is not merged. \
            Writes OUT/ID.txt (same paragraph structure as the Bulgarian article) and OUT/translations.tmx. \
            Exit status 1 when any file could not be read or any article was not merged.

            Given a kit from 'prevod package' (KIT.zip, or the kit's directory: an OmegaT project with target/ and \
            omegat/project_save.tmx, or a kit whose XLIFF files were translated in place), optionally followed by \
            returned XLIFF files: checks everything against the kit's manifest (sources untouched, ids and articles \
            known), merges by id, runs the bitext checks, then writes OUT/ID.txt (default: KIT-en/) and adds the new \
            pairs to the memory (--tmx, default OUT/memory.tmx). Any problem refuses the whole import and writes \
            nothing.
            """
    )

    @Argument(help: "Translated XLIFF files (1.2 from OmegaT/Trados, or 2.x), or a kit (.zip or directory) then returned XLIFF files.")
    var files: [String]

    @Option(name: .customLong("out"), help: "Output directory for the English articles and the memory (default: . for XLIFF, KIT-en for a kit).")
    var outputDirectory: String?

    @Option(help: "The TMX file to write (default OUT/translations.tmx); for a kit, the memory the new pairs are added to (default OUT/memory.tmx).")
    var tmx: String?

    @Flag(help: "Kit import: no progress bar, warnings or summary (errors still go to standard error).")
    var quiet = false

    @Flag(help: "Kit import: print the summary as JSON.")
    var json = false

    @Option(name: .customLong("max-unzipped-mb"), help: "Kit import: refuse a zip that inflates to more than this many MiB.")
    var maxUnzippedMegabytes = 512

    func run() throws {
        if let first = files.first, KitImportRun.isKit(first) {
            let run = KitImportRun(
                kit: first, returned: Array(files.dropFirst()), outputDirectory: outputDirectory, memory: tmx, quiet: quiet, json: json,
                maxMegabytes: maxUnzippedMegabytes)
            return try run.run()
        }
        let outputDirectory = self.outputDirectory ?? "."
        var articles: [ImportedArticle] = []
        var failed = false
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                Diagnostics.warn("\(path): error: cannot read the file")
                failed = true
                continue
            }
            do {
                let document = try XLIFFReader.read([UInt8](data), source: path)
                let result = Importer.merge(document)
                for warning in result.warnings { Diagnostics.warn(warning) }
                for problem in result.problems { Diagnostics.warn(problem.description) }
                if !result.problems.isEmpty { failed = true }
                articles += result.articles
            } catch {
                Diagnostics.warn(error.description)
                failed = true
            }
        }
        var memory = TMXWriter(sourceLanguage: "bg")
        var seen = Set<String>()
        var translated = 0
        var untranslated = 0
        for article in articles {
            let token = Identifiers.token(article.id)
            guard seen.insert(token).inserted else {
                Diagnostics.warn("error: article \(article.id) was returned twice; only the first copy was merged")
                failed = true
                continue
            }
            let (text, ext) = Importer.render(article)
            let path = (outputDirectory as NSString).appendingPathComponent("\(token).\(ext)")
            try AtomicFile.write(text, to: path)
            for pair in article.pairs { try memory.add(pair) }
            translated += article.pairs.count
            untranslated += article.untranslated.count
            if !article.untranslated.isEmpty {
                Diagnostics.warn("\(path): warning: \(article.untranslated.count) of \(article.segments) segments untranslated "
                    + "(kept in Bulgarian): \(article.untranslated.prefix(8).joined(separator: ", "))\(article.untranslated.count > 8 ? ", ..." : "")")
            }
        }
        let tmxPath = tmx ?? (outputDirectory as NSString).appendingPathComponent("translations.tmx")
        if seen.isEmpty {
            print("imported nothing: no article could be merged")
        } else {
            try AtomicFile.write(try memory.finish(), to: tmxPath)
            print("imported \(seen.count) articles into \(outputDirectory): \(translated) translated segments, \(untranslated) untranslated; memory \(tmxPath)")
        }
        if failed { throw ExitCode(1) }
    }
}
