import ArgumentParser
import Corpus
import Foundation

/// Where the articles come from and how to read them (shared by every command that reads a corpus).
public struct InputOptions: ParsableArguments {
    @Argument(help: "Files or directories (walked recursively in sorted order); '-' reads standard input.")
    public var inputs: [String] = []

    @Option(name: .customLong("input-format"), help: "auto, article, text (blank-line paragraphs) or jsonl.")
    public var inputFormat: InputFormat = .auto

    @Flag(help: "Replace invalid UTF-8 with U+FFFD and report it, instead of stopping with an error.")
    public var lossy = false

    public init() {}

    public var reader: CorpusReader { CorpusReader(format: inputFormat, lossy: lossy) }

    /// Commands whose inputs are required call this from their `validate()` (the group itself does not, so a command
    /// like `segment --export-srx FILE` can run without inputs).
    public func requireInputs() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one input file or directory ('-' for standard input).") }
    }
}

extension InputFormat: ExpressibleByArgument {}

/// Reports warnings and progress on standard error.
enum Diagnostics {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// Reads the Bulgarian articles of `inputs`, warning about (and skipping) those that are not Bulgarian.
func readBulgarianArticles(_ options: InputOptions) throws -> [Article] {
    let reader = options.reader
    var articles: [Article] = []
    for source in try reader.sources(for: options.inputs) {
        for article in try reader.read(source) {
            for repair in article.repairs { Diagnostics.warn(repair.description) }
            let guess = LanguageGuess.of(article.text)
            if !guess.acceptsAsBulgarian {
                Diagnostics.warn("\(article.source): warning: skipping article \(article.id): it is \(guess), not Bulgarian")
                continue
            }
            articles.append(article)
        }
    }
    return articles
}

/// Writes command output to a file (atomically) or to standard output.
struct OutputSink {
    let path: String?
    private var buffer = ""

    init(path: String?) { self.path = path }

    mutating func write(_ text: String) {
        if path == nil {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            buffer += text
        }
    }

    func finish() throws {
        if let path { try AtomicFile.write(buffer, to: path) }
    }
}
