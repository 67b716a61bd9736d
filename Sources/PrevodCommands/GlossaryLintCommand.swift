import ArgumentParser
import Corpus
import Foundation
import Terminology

/// `prevod glossary lint`: check glossary files.
struct GlossaryLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check glossaries: malformed rows, duplicates, conflicting renderings, unknown types, shadowing.",
        discussion: """
            Files are checked together, so an entry that conflicts with one in another file is reported. Each \
            finding is file:line: severity: message [rule]. Exit status 1 when there is an error (warnings and \
            notes do not fail), 0 otherwise.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @Argument(help: "Glossary files (TSV, OmegaT, CSV, TBX).")
    var files: [String] = []

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @Flag(help: "Also list notes (info findings such as the same entry in two files).")
    var verbose = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one glossary file.") }
    }

    func run() throws {
        let findings = GlossaryLint.lint(files).filter { verbose || $0.severity != .info }
        for finding in findings {
            switch format {
            case .text: print(finding.description)
            case .jsonl: print(FindingJSON.line(finding))
            }
        }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        Diagnostics.warn("\(files.count) file\(files.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}

/// One JSON object per finding: {"severity","rule","category","message","suggestion","file","line","column",
/// "doc","segment","start","end"} (absent keys omitted).
enum FindingJSON {
    static func line(_ finding: Finding) -> String {
        var fields: [(String, JSONValue)] = [
            ("severity", .string(finding.severity.rawValue)), ("rule", .string(finding.rule)),
            ("category", .string(finding.category)), ("message", .string(finding.message)),
        ]
        if let suggestion = finding.suggestion { fields.append(("suggestion", .string(suggestion))) }
        if let source = finding.location.source {
            fields.append(("file", .string(source.file)))
            if source.line > 0 { fields.append(("line", .int(source.line))) }
            if source.column > 0 { fields.append(("column", .int(source.column))) }
        }
        if let document = finding.location.document { fields.append(("doc", .string(document))) }
        if let segment = finding.location.segment { fields.append(("segment", .int(segment))) }
        if let range = finding.location.range {
            fields.append(("start", .int(range.lowerBound)))
            fields.append(("end", .int(range.upperBound)))
        }
        return JSONValue.object(fields).serialized()
    }
}
