import ArgumentParser

/// The `prevod` command line. `main.swift` of the executable only calls `Prevod.main()`.
public struct Prevod: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "prevod",
        abstract: "Make Bulgarian news translation-ready for English.",
        discussion: """
            Reads Bulgarian articles, segments them into sentences, finds glossary terms, writes XLIFF/TMX/TBX for \
            translators, aligns existing translations, checks consistency and packages kits for CAT tools.
            """,
        version: prevodVersion,
        subcommands: [
            SegmentCommand.self, GlossaryCommand.self, TermsCommand.self, TranslitCommand.self, PrepareCommand.self, ImportCommand.self,
            InspectCommand.self, AlignCommand.self, CheckCommand.self, PackageCommand.self,
        ]
    )

    public init() {}
}

/// The version written into manifests and `--version`.
public let prevodVersion = "0.1.0"
