import ArgumentParser
import Foundation
import Terminology

/// `prevod translit`: romanize Bulgarian by the 2009 Transliteration Act.
struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Romanize Bulgarian text by Bulgaria's 2009 Transliteration Act (Streamlined System).",
        discussion: """
            Each argument is printed romanized on its own line; with no argument, standard input is romanized \
            line by line. щ → sht, ъ → a, ю → yu, я → ya, ц → ts, ж → zh, х → h, й → y, ьо → yo, word-final \
            -ия → -ia, България → Bulgaria.
            """
    )

    @Argument(help: "Text to romanize; reads standard input lines when absent.")
    var text: [String] = []

    func run() throws {
        if !text.isEmpty {
            for item in text { print(Transliteration.bulgarian2009(item)) }
            return
        }
        while let line = readLine(strippingNewline: true) {
            print(Transliteration.bulgarian2009(line))
        }
    }
}
