import Corpus
import Foundation
import Segmentation

/// Reads what `prevod check` is given: bitext files (JSON Lines pairs, and through ``formats`` any other
/// ``BitextFormat``) become documents of aligned units; Bulgarian corpus files (articles, plain text, JSON Lines
/// `{"id","text"}`) are segmented into sentences and become monolingual documents.
public struct CheckInputReader {
    /// Bitext formats, asked in order.
    public var formats: [any BitextFormat]
    public var corpus: CorpusReader
    /// Extensions a directory walk picks up.
    public static let extensions: Set<String> = ["txt", "text", "jsonl", "ndjson", "xlf", "xliff", "tmx", "sdlxliff", "mqxliff"]

    public init(formats: [any BitextFormat] = [JSONLinesBitext(), XLIFFBitext(), TMXBitext()], corpus: CorpusReader = CorpusReader()) {
        self.formats = formats
        self.corpus = corpus
        self.corpus.extensions = Self.extensions
    }

    /// What was read, and what was skipped or repaired on the way (warnings for standard error).
    public struct Result: Sendable {
        public var documents: [CheckDocument] = []
        public var warnings: [String] = []
    }

    public func read(_ inputs: [String]) throws(ChecksError) -> Result {
        var result = Result()
        let sources: [InputSource]
        do { sources = try corpus.sources(for: inputs) } catch { throw .corpus(error) }
        var segmenter: Segmenter?
        for source in sources {
            let bytes: [UInt8]
            switch source {
            case .standardInput: bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            case .file(let path):
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw .corpus(FileManager.default.fileExists(atPath: path)
                        ? .unreadable(path: path, reason: "permission denied or not a file") : .notFound(path: path))
                }
                bytes = [UInt8](data)
            }
            let path = source.description
            let head = bytes.prefix(4096)
            if let format = formats.first(where: { $0.accepts(path: path, head: head) }) {
                result.documents += try format.read(path: path, bytes: bytes)
                continue
            }
            let ext = (path as NSString).pathExtension.lowercased()
            if ["xlf", "xliff", "tmx", "sdlxliff", "mqxliff"].contains(ext) {
                throw .unsupportedFormat(path: path, reason: "no reader for .\(ext) files is available in this build")
            }
            let articles: [Article]
            do { articles = try corpus.read(bytes: bytes, source: path, id: CorpusReader.articleID(for: source)) } catch {
                throw .corpus(error)
            }
            if segmenter == nil {
                do { segmenter = try Segmenter.bulgarian() } catch { throw .setup("cannot load the Bulgarian segmentation rules: \(error)") }
            }
            for article in articles {
                result.warnings += article.repairs.map(\.description)
                let guess = LanguageGuess.of(article.text)
                guard guess.acceptsAsBulgarian else {
                    result.warnings.append("\(article.source): warning: skipping article \(article.id): it is \(guess), not Bulgarian")
                    continue
                }
                result.documents.append(Self.document(of: segmenter!.segment(article)))
            }
        }
        return result
    }

    /// The monolingual document of a segmented article: one unit per segment, located at its line and column.
    public static func document(of article: Article) -> CheckDocument {
        var units: [CheckUnit] = []
        for paragraph in article.paragraphs {
            for segment in paragraph.segments {
                var column = 0
                if article.format != .jsonl {
                    let before = paragraph.text.utf8.prefix(segment.range.lowerBound)
                    column = paragraph.column + before.count { $0 & 0xC0 != 0x80 }
                }
                let location = SourceLocation(file: article.source, line: paragraph.line, column: column)
                units.append(CheckUnit(
                    index: units.count, source: segment.text, location: location, paragraph: paragraph.index))
            }
        }
        return CheckDocument(id: article.id, file: article.source, units: units)
    }
}
