import ArgumentParser

/// `prevod glossary`: the glossary tools (convert, lint, forms, suggest, cldr).
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Convert, check and grow bg→en glossaries.",
        discussion: """
            Glossaries are prevod TSV files (a header row: bg, en, type, pos, gender, forms, forbidden, case, \
            clitics, note, source, id), OmegaT tab-separated files, CSV, or TBX v2 (martif). See Docs/terminology.md.
            """,
        subcommands: [
            GlossaryConvertCommand.self, GlossaryLintCommand.self, GlossaryFormsCommand.self,
            GlossarySuggestCommand.self, GlossaryCLDRCommand.self,
        ]
    )
}

/// The glossary files a command applies (`--glossary`, repeatable).
struct GlossaryOptions: ParsableArguments {
    @Option(name: [.short, .customLong("glossary")], help: "A glossary file (TSV, OmegaT, CSV or TBX); repeat for several.")
    var glossaries: [String] = []

    func validate() throws {
        if glossaries.isEmpty { throw ValidationError("Give at least one glossary with --glossary FILE.") }
    }
}
