import ArgumentParser

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terms", abstract: "(in progress)")
}
