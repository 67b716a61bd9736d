import ArgumentParser
import Corpus
import Foundation
import Interchange

/// `prevod import`: translated XLIFF back into English articles and a TMX of the pairs.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Take translated XLIFF 1.2/2.x back: English articles and a TMX memory of the pairs.",
        discussion: """
            Merges by segment id. For files from 'prevod prepare', each returned source is checked against what was \
            prepared (ids and text); a mismatch is reported with its place and that article is not merged. \
            Writes OUT/ID.txt (same paragraph structure as the Bulgarian article) and OUT/translations.tmx. \
            Exit status 1 when any file could not be read or any article was not merged.
            """
    )

    @Argument(help: "Translated XLIFF files (1.2 from OmegaT/Trados, or 2.x).")
    var files: [String]

    @Option(name: .customLong("out"), help: "Output directory for the English articles and the memory.")
    var outputDirectory: String = "."

    @Option(help: "The TMX file to write (default OUT/translations.tmx).")
    var tmx: String?

    func run() throws {
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
        try AtomicFile.write(try memory.finish(), to: tmxPath)
        print("imported \(seen.count) articles into \(outputDirectory): \(translated) translated segments, \(untranslated) untranslated; memory \(tmxPath)")
        if failed { throw ExitCode(1) }
    }
}
