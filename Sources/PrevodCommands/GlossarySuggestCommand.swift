import ArgumentParser

struct GlossarySuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suggest", abstract: "(in progress)")
}
