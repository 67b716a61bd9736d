import ArgumentParser
import Checks
import Corpus
import Foundation
import Terminology

/// `prevod check`: consistency and quality checks over a Bulgarian corpus and its translations.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a Bulgarian corpus and its English translations: names, glossary, numbers, scripts.",
        discussion: """
            Inputs: Bulgarian articles, plain text or JSON Lines {"id","text"} (source checks), and bitext (source and \
            bitext checks): XLIFF 1.2 or 2.x (ours, or returned from a CAT tool), TMX, or JSON Lines \
            {"id","bg":[...],"en":[...]} with aligned segments. See Docs/checks.md.

            Categories: name-variant, mixed-script, glossary, number, untranslated, script-in-target, \
            inconsistent-translation, punctuation, whitespace.

            Exit status: 0 when no finding reaches --fail-on, 1 when some do, 2 when an input cannot be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("glossary"), help: "Glossary file or directory (repeatable): TSV, CSV, TBX.")
    var glossaries: [String] = []

    @Flag(name: .customLong("strict-terms"), help: "Also report glossary names whose rendering is missing from the translation (not only misspelled renderings).")
    var strictTerms = false

    @Option(help: "Report format: text, json or html.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit with status 1 when a finding of this severity or above exists: error, warning, info or never.")
    var failOn: FailOn = .error

    @Option(name: .customLong("category"), help: "Run only these categories (repeatable).")
    var categories: [String] = []

    func validate() throws {
        let unknown = categories.filter { !CheckCategory.all.contains($0) }
        if !unknown.isEmpty {
            throw ValidationError("Unknown category \(unknown.joined(separator: ", ")); known: \(CheckCategory.all.joined(separator: ", ")).")
        }
    }

    /// Reads the inputs and runs the checks.
    func check() throws(ChecksError) -> CheckReport {
        let reader = CheckInputReader(corpus: input.reader)
        let read = try reader.read(input.inputs)
        for warning in read.warnings { Diagnostics.warn(warning) }
        var settings = CheckSettings(categories: categories.isEmpty ? nil : Set(categories), strictTerms: strictTerms)
        let files = try Self.glossaryFiles(glossaries)
        if !files.isEmpty {
            do {
                settings.terms = try TermIndex(Glossary.load(files))
            } catch {
                throw .glossary(error.description)
            }
        }
        var report = Checker(settings: settings).run(read.documents)
        report.inputs = input.inputs
        report.glossaries = glossaries
        report.glossaryEntries = settings.glossaryEntries.count
        return report
    }

    /// Glossary files: files as given, directories walked for glossary files (`Glossary.files(for:)`).
    static func glossaryFiles(_ paths: [String]) throws(ChecksError) -> [String] {
        do {
            return try Glossary.files(for: paths)
        } catch {
            throw .glossary(error.description)
        }
    }

    func run() throws {
        let report: CheckReport
        do {
            report = try check()
        } catch {
            Diagnostics.warn(error.description)
            throw ExitCode(2)
        }
        var sink = OutputSink(path: output)
        switch format {
        case .text: sink.write(TextReport.render(report))
        case .json: sink.write(JSONReport.render(report))
        case .html: sink.write(HTMLReport.render(report))
        }
        try sink.finish()
        if output != nil || format != .text { Diagnostics.warn(TextReport.summary(report)) }
        let threshold: Finding.Severity? = switch failOn {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
        if let threshold, report.count(atLeast: threshold) > 0 { throw ExitCode(1) }
    }
}
