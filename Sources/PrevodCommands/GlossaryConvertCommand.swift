import ArgumentParser
import Corpus
import Foundation
import Terminology

/// `prevod glossary convert`: between prevod TSV, OmegaT, CSV and TBX.
struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert glossaries between prevod TSV, OmegaT TSV, CSV and TBX v2 (martif).",
        discussion: """
            Inputs of any supported format are read (the format is told from the extension and the first line) and \
            concatenated. TBX keeps every term of every language: Bulgarian synonyms become explicit forms, English \
            ones renderings (deprecated ones forbidden variants), other languages extra columns named by their code.
            """
    )

    @Argument(help: "Glossary files to read (TSV, OmegaT, CSV, TBX).")
    var inputs: [String] = []

    @Option(help: "Output format: tsv, omegat, csv or tbx.")
    var to: GlossaryFormat

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .customLong("with-forms"), help: "OmegaT output: add a line for every inflected form prevod matches.")
    var withForms = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one glossary file to convert.") }
    }

    func run() throws {
        let glossary = try Glossary.load(inputs)
        var sink = OutputSink(path: output)
        sink.write(try GlossaryWriter.write(glossary, format: to, withForms: withForms))
        try sink.finish()
        if let output { Diagnostics.warn("wrote \(glossary.entries.count) entries as \(to.rawValue) to \(output)") }
    }
}
