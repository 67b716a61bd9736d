import ArgumentParser

struct GlossaryLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "(in progress)")
}
