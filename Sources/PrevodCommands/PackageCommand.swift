import ArgumentParser
import Corpus
import Foundation
import Interchange
import Packaging
import Segmentation
import Terminology

/// `prevod package`: everything a translator needs in one zip (or an OmegaT project directory).
struct PackageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Build a translator kit: XLIFF 2.1 and 1.2, memory matches, glossary, rules, checks, manifest.",
        discussion: """
            The kit holds, per article, XLIFF 2.1 and XLIFF 1.2 (exact matches from --tm pre-filled as translated); \
            a TMX of what the memories offer for these segments; the glossary entries that occur as TBX v2 and OmegaT \
            TSV; the segmentation rules as SRX 2.0; the source-check report; a README for the translator; and \
            manifest.json with counts and a SHA-256 of every file, which 'prevod import' checks the returned work \
            against. With --omegat, or when --out is a directory, the kit is an OmegaT project that opens with no \
            setup (omegat.project, source/, tm/auto/, glossary/).
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("glossary"), parsing: .upToNextOption,
        help: "Glossary files or directories (prevod TSV, OmegaT TSV, CSV, TBX): values up to the next option; repeatable.")
    var glossaries: [String] = []

    @Option(name: .customLong("tm"), parsing: .upToNextOption, help: "Translation memories (TMX) to look every segment up in; repeatable.")
    var memories: [String] = []

    @Option(name: .customLong("out"), help: "The kit: a .zip file, or a directory (an OmegaT project).")
    var output: String

    @Flag(help: "Lay the zip out as an OmegaT project (a directory --out always is one).")
    var omegat = false

    @Option(help: "Lowest similarity (percent) of a fuzzy match worth offering.")
    var fuzzy = 75

    @Option(help: "Extra abbreviations for the segmenter (TSV), added to the built-in rules.")
    var abbreviations: [String] = []

    @Option(help: "Parallel workers (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress bar and no summary line.")
    var quiet = false

    @Flag(help: "Print the summary as JSON (for scripts).")
    var json = false

    func validate() throws {
        if input.inputs.contains("-") { throw ValidationError("package reads files and directories, not standard input.") }
        if !(1...100).contains(fuzzy) { throw ValidationError("--fuzzy must be between 1 and 100.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        let start = Date()
        let layout: KitLayout = omegat || !KitOutput.isArchive(output) ? .omegat : .plain
        var rules = try SegmentationRules.bulgarian()
        var options = KitOptions(layout: layout, rules: rules, toolVersion: prevodVersion)
        for file in abbreviations {
            try rules.load(file: file)
            options.abbreviationFiles.append(try Self.record(file))
        }
        options.rules = rules
        let terms = try GlossarySupport.load(glossaries)
        options.glossary = terms.annotators
        for file in terms.sources {
            let count = (try? GlossaryReader.read(file).glossary.entries.count) ?? 0
            options.glossaryFiles.append(try Self.record(file, items: count))
        }
        for path in memories {
            let data = try Self.contents(path)
            let memory: TMXReader.Memory
            do { memory = try TMXReader.read([UInt8](data), source: path) } catch { throw CommandFailure(error.description) }
            let pairs = memory.units.compactMap { unit -> MemoryPair? in
                guard let source = unit.text(in: "bg"), let target = unit.text(in: "en") else { return nil }
                return MemoryPair(source: source, target: target, id: unit.id, origin: path)
            }
            if pairs.count < memory.units.count {
                Diagnostics.warn("\(path): warning: \(memory.units.count - pairs.count) of \(memory.units.count) units have no bg and en pair; they are not used")
            }
            options.memory += pairs
            options.memoryFiles.append(KitManifest.FileRecord(path: path, data: data, items: pairs.count))
        }
        options.fuzzyThreshold = Double(fuzzy) / 100
        let checkRules = rules
        let index = terms.annotators?.index
        let glossaryFiles = terms.sources
        options.sourceReport = { articles in
            try KitChecks.sourceReport(articles, rules: checkRules, glossary: index, glossaryFiles: glossaryFiles)
        }

        let articles = try readArticles()
        let bar = ProgressLine(enabled: !quiet && !json, label: "package")
        let builder = KitBuilder(options: options, jobs: jobs)
        let kit = try builder.build(articles) { step in bar.update(ProgressBar.render(step.done, of: step.total, unit: "articles")) }
        bar.finish()
        try KitOutput.write(kit, to: output)
        let seconds = Date().timeIntervalSince(start)
        let size = KitOutput.isArchive(output) ? ((try? FileManager.default.attributesOfItem(atPath: output)[.size]) as? Int ?? 0) : kit.files.reduce(0) { $0 + $1.data.count }
        let manifest = kit.manifest
        if json {
            print(JSONValue.object([
                ("kit", .string(output)), ("layout", .string(layout.rawValue)), ("articles", .int(manifest.articles.count)),
                ("paragraphs", .int(manifest.paragraphCount)), ("segments", .int(manifest.segmentCount)), ("words", .int(manifest.wordCount)),
                ("exactMatches", .int(manifest.memories.exactSegments)), ("fuzzyMatches", .int(manifest.memories.fuzzySegments)),
                ("glossaryEntries", .int(manifest.glossary.entries)), ("glossaryUsed", .int(manifest.glossary.used)),
                ("termHits", .int(manifest.glossary.hits)), ("findings", .int(manifest.report?.findings ?? 0)),
                ("files", .int(manifest.files.count + 1)), ("bytes", .int(size)), ("seconds", .double((seconds * 1000).rounded() / 1000)),
            ]).serialized())
        } else if !quiet {
            print("packaged \(manifest.articles.count) article\(manifest.articles.count == 1 ? "" : "s") (\(manifest.segmentCount) segments, \(manifest.wordCount) words; "
                + "\(manifest.memories.exactSegments) exact and \(manifest.memories.fuzzySegments) fuzzy matches; "
                + "\(manifest.glossary.used) of \(manifest.glossary.entries) glossary entries occur, \(manifest.glossary.hits) hits"
                + (manifest.report.map { "; \($0.findings) source findings" } ?? "") + ") into \(output) "
                + "(\(layout == .omegat ? "OmegaT project" : "zip kit"), \(manifest.files.count + 1) files, \(ByteCount.describe(size))) in "
                + String(format: "%.2f s", seconds))
        }
    }

    /// The Bulgarian articles of the inputs; the others (English originals beside them) are skipped with one line.
    func readArticles() throws -> [Article] {
        let reader = input.reader
        var articles: [Article] = []
        var skipped: [String] = []
        for source in try reader.sources(for: input.inputs) {
            for article in try reader.read(source) {
                for repair in article.repairs { Diagnostics.warn(repair.description) }
                let guess = LanguageGuess.of(article.text)
                guard guess.acceptsAsBulgarian else {
                    skipped.append("\(article.source) (\(guess))")
                    continue
                }
                articles.append(article)
            }
        }
        if !skipped.isEmpty && !quiet {
            Diagnostics.warn("warning: skipped \(skipped.count) article(s) that are not Bulgarian, e.g. \(skipped[0])")
        }
        return articles
    }

    static func contents(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw CorpusError.notFound(path: path) }
        return data
    }

    static func record(_ path: String, items: Int? = nil) throws -> KitManifest.FileRecord {
        KitManifest.FileRecord(path: path, data: try contents(path), items: items)
    }
}

/// An error already phrased for the user.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `[########----------------] 12/42 articles`.
enum ProgressBar {
    static func render(_ done: Int, of total: Int, unit: String, width: Int = 24) -> String {
        let filled = total > 0 ? min(width, done * width / total) : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] \(done)/\(total) \(unit)"
    }
}

enum ByteCount {
    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : String(format: "%.0f KB", Double(bytes) / 1024)
    }
}
