import ArgumentParser
import Corpus
import ICU
import Terminology

/// `prevod glossary cldr`: a starter glossary of countries and cities from ICU's CLDR data.
struct GlossaryCLDRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cldr",
        abstract: "Write a starter glossary of countries, territories and cities from ICU's own CLDR data.",
        discussion: """
            Countries and territories (ISO 3166) and the cities ICU names as time-zone exemplar cities, with their \
            Bulgarian and English names (Северна Корея → North Korea, Пхенян → Pyongyang), type place, and the CLDR \
            origin in the source column. Names without a Bulgarian form in ICU are left out.
            """
    )

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Output format: tsv, omegat, csv or tbx.")
    var to: GlossaryFormat = .tsv

    func run() throws {
        let glossary = try CLDRGlossary.build()
        var sink = OutputSink(path: output)
        sink.write(try GlossaryWriter.write(glossary, format: to))
        try sink.finish()
        if output != nil {
            Diagnostics.warn("wrote \(glossary.entries.count) entries (ICU \(icuVersion)) to \(output!)")
        }
    }
}

extension GlossaryFormat: ExpressibleByArgument {}
