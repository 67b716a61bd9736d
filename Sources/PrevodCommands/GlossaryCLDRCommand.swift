import ArgumentParser

struct GlossaryCLDRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cldr", abstract: "(in progress)")
}
