import ArgumentParser
import Corpus
import Foundation
import Interchange
import Segmentation

extension XLIFFChoice: ExpressibleByArgument {}

/// `prevod prepare`: articles → XLIFF 2.1 / XLIFF 1.2 for CAT tools, with glossary terms marked, plus the glossary
/// entries used as TBX and OmegaT TSV.
struct PrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Write Bulgarian articles as XLIFF 2.1 and XLIFF 1.2 for translation, glossary terms marked.",
        discussion: """
            Per article: OUT/xliff21/ID.xlf (a file per article, a unit per paragraph, a segment per sentence, \
            whitespace in ignorables, terms in <mrk type="term"> and the unit's glossary) and OUT/xliff12/ID.xlf \
            (a trans-unit per sentence, target pre-filled with the source for OmegaT, terms as notes). \
            With --glossary also OUT/glossary.tbx (TBX v2) and OUT/glossary.tsv (OmegaT) of the entries used.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("glossary"), parsing: .upToNextOption, help: "Glossary files or directories (prevod TSV, OmegaT TSV, CSV, TBX): values up to the next option; repeatable.")
    var glossaries: [String] = []

    @Option(name: .customLong("out"), help: "Output directory (created if missing).")
    var outputDirectory: String

    @Option(help: "Which XLIFF to write: 2.1, 1.2 or both.")
    var xliff: XLIFFChoice = .both

    @Option(help: "Parallel workers (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Extra abbreviations for the segmenter (TSV), added to the built-in rules.")
    var abbreviations: [String] = []

    @Flag(help: "No progress line and no summary of skipped articles on standard error (errors are still reported).")
    var quiet = false

    @Flag(help: "List every skipped article.")
    var verbose = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if input.inputs.contains("-") { throw ValidationError("prepare reads files and directories, not standard input.") }
    }

    func run() throws {
        var rules = try SegmentationRules.bulgarian()
        for file in abbreviations { try rules.load(file: file) }
        let terms = try GlossarySupport.load(glossaries)
        let sources = try input.reader.sources(for: input.inputs)
        let preparer = Preparer(
            options: .init(outputDirectory: outputDirectory, xliff: xliff, jobs: jobs, reader: input.reader, rules: rules, entries: terms.entries),
            annotators: terms.annotators)
        let progress = ProgressLine(enabled: !quiet, label: "prepare")
        let start = Date()
        let report = preparer.run(sources) { snapshot in
            progress.update("\(snapshot.sourcesDone)/\(snapshot.sourcesTotal) files, \(snapshot.articles) articles, "
                + String(format: "%.1f MB", Double(snapshot.bytes) / 1e6))
        }
        progress.finish()
        for warning in report.warnings { Diagnostics.warn(warning) }
        if quiet && !verbose {
            // Skipped articles are only summarised; --verbose still lists them.
        } else if report.skipped.count <= 3 || verbose {
            for skipped in report.skipped { Diagnostics.warn("warning: skipped, not Bulgarian: \(skipped)") }
        } else {
            Diagnostics.warn("warning: skipped \(report.skipped.count) articles that are not Bulgarian, e.g. \(report.skipped[0]) (--verbose lists them)")
        }
        for error in report.errors { Diagnostics.warn(error) }
        var written = report.filesWritten
        if !glossaries.isEmpty {
            written += try terms.writeUsed(report.usedEntries, to: outputDirectory)
        }
        let seconds = Date().timeIntervalSince(start)
        print("prepared \(report.articles) articles (\(report.paragraphs) paragraphs, \(report.segments) segments, \(report.terms) term hits, "
            + "\(report.usedEntries.count) glossary entries used) into \(outputDirectory): \(written) files in "
            + String(format: "%.2f s", seconds))
        if !report.errors.isEmpty { throw ExitCode(1) }
    }
}

/// A one-line progress display on standard error: redrawn in place on a terminal, a line every 10 seconds otherwise.
/// Nothing is shown for runs shorter than a second.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let label: String
    private let terminal = isatty(2) != 0
    private let start = Date()
    private var last = Date.distantPast
    private var shown = false
    private let lock = NSLock()

    init(enabled: Bool, label: String) {
        self.enabled = enabled
        self.label = label
    }

    /// Redraws the line when it is due; `text` is only built then (callers report after every file).
    func update(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(last) > (terminal ? 0.2 : 10) else { return }
        last = now
        shown = true
        FileHandle.standardError.write(Data(((terminal ? "\r\u{1B}[K" : "") + "\(label): \(text())" + (terminal ? "" : "\n")).utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown && terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
