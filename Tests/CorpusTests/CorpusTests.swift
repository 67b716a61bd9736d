import Foundation
import Testing
import TestSupport
@testable import Corpus

private func read(_ text: String, format: InputFormat = .auto, lossy: Bool = false, name: String = "a.txt") throws(CorpusError) -> [Article] {
    try CorpusReader(format: format, lossy: lossy).read(bytes: Array(text.utf8), source: name, id: "a")
}

@Suite struct ArticleFormatTests {
    @Test func headerIsMetadataNotText() throws {
        let article = try #require(try read(" date 2025-09-03 Първи абзац.\nВтори абзац.\n").first)
        #expect(article.date == "2025-09-03")
        #expect(article.format == .article)
        #expect(article.paragraphs.map(\.text) == ["Първи абзац.", "Втори абзац."])
        // Offsets point into the source: line 1 column 18, after the header.
        let first = article.paragraphs[0]
        #expect(first.line == 1 && first.column == 18)
        #expect(first.characterOffset == 17)
        let scalars = Array(article.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[first.characterOffset..<first.characterOffset + 12])) == "Първи абзац.")
    }

    @Test func sampleArticleHasSixteenParagraphsAndItsDate() throws {
        let url = TestPaths.corpora.appendingPathComponent("bta/2025-09-03-putin-kim.txt")
        let article = try #require(try CorpusReader().read(.file(url.path)).first)
        #expect(article.id == "2025-09-03-putin-kim")
        #expect(article.date == "2025-09-03")
        #expect(article.paragraphs.count == 16)
        #expect(article.paragraphs[0].text.hasPrefix("Руският президент"))
    }

    @Test func bomCRLFTabsAndNoBreakSpacesAreHandled() throws {
        let text = "\u{FEFF}Първи\u{00A0}ред.\u{00A0}\r\n\tВтори ред.\r\n\r\n"
        let article = try #require(try read(text).first)
        #expect(article.paragraphs.map(\.text) == ["Първи\u{00A0}ред.", "Втори ред."])
        let bytes = Array(text.utf8)
        for paragraph in article.paragraphs {
            #expect(String(decoding: bytes[paragraph.byteRange], as: UTF8.self) == paragraph.text)
        }
    }

    @Test func emptyFileGivesNoParagraphsAndNoError() throws {
        let articles = try read("")
        #expect(articles.count == 1 && articles[0].paragraphs.isEmpty)
        #expect(try read("\n \n\t\n")[0].paragraphs.isEmpty)
    }
}

@Suite struct PlainTextAndJSONLinesTests {
    @Test func wrappedBlocksAreParagraphs() throws {
        let text = "Това е първият абзац, пренесен\nна два реда.\n\nВторият абзац.\n"
        let article = try #require(try read(text).first)
        #expect(article.format == .text)
        #expect(article.paragraphs.map(\.text) == ["Това е първият абзац, пренесен\nна два реда.", "Вторият абзац."])
        #expect(article.paragraphs[1].line == 4)
    }

    @Test func jsonLinesRecordsAreArticles() throws {
        let text = """
            {"id": "x1", "text": "Първо.\\nВторо.", "date": "2025-01-02"}
            {"id": 7, "text": ""}

            """
        let articles = try read(text, name: "c.jsonl")
        #expect(articles.map(\.id) == ["x1", "7"])
        #expect(articles[0].date == "2025-01-02")
        #expect(articles[0].paragraphs.map(\.text) == ["Първо.", "Второ."])
        #expect(articles[0].paragraphs.map(\.characterOffset) == [0, 7])
        #expect(articles[1].paragraphs.isEmpty)
    }

    @Test func malformedJSONNamesTheLine() {
        #expect(throws: CorpusError.self) { try read("{\"id\": 1, \"text\": \"a\"}\n{oops\n", name: "c.jsonl") }
        do {
            _ = try read("{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2}\n", name: "c.jsonl")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("c.jsonl:2:1: error:"))
            #expect(error.description.contains("\"text\""))
        }
    }
}

@Suite struct InvalidUTF8Tests {
    @Test func invalidUTF8IsAnErrorWithTheByteOffset() {
        var bytes = Array("Добре.\nЛошо ".utf8)
        let offset = bytes.count
        bytes += [0xFF, 0x41]
        do {
            _ = try CorpusReader().read(bytes: bytes, source: "bad.txt", id: "bad")
            Issue.record("expected an error")
        } catch {
            #expect(error == .invalidUTF8(SourceLocation(file: "bad.txt", line: 2, column: 6, byteOffset: offset)))
            #expect(error.description.contains("byte offset \(offset)"))
            #expect(error.description.contains("--lossy"))
        }
    }

    @Test func lossyReplacesAndReports() throws {
        let bytes = Array("Добре.\nЛошо ".utf8) + [0xC3, 0x28] + Array(" край.".utf8)
        let article = try #require(try CorpusReader(lossy: true).read(bytes: bytes, source: "bad.txt", id: "bad").first)
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs[1].text.contains("\u{FFFD}"))
        #expect(article.repairs.count == 1 && article.repairs[0].location.line == 2)
    }

    @Test func randomBytesNeverCrashTheReader() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for format in InputFormat.allCases {
                for lossy in [false, true] {
                    if let articles = try? CorpusReader(format: format, lossy: lossy).read(bytes: bytes, source: "r", id: "r") {
                        for article in articles where format != .jsonl {
                            for paragraph in article.paragraphs {
                                #expect(paragraph.byteRange.upperBound <= bytes.count)
                            }
                        }
                    }
                }
            }
        }
    }
}

@Suite struct DirectoryTests {
    @Test func directoriesAreWalkedRecursivelyInSortedOrder() throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["b/z.txt", "a.txt", "b/a.txt", ".hidden/x.txt", "notes.md", "c.jsonl"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("Текст.".utf8).write(to: url)
        }
        let sources = try CorpusReader().sources(for: [root.path])
        #expect(sources.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") } == ["a.txt", "b/a.txt", "b/z.txt", "c.jsonl"])
        #expect(throws: CorpusError.notFound(path: "/no/such")) { try CorpusReader().sources(for: ["/no/such"]) }
    }
}

@Suite struct LanguageGuessTests {
    @Test func bulgarianRussianAndEnglish() throws {
        #expect(LanguageGuess.of("Руският президент Владимир Путин и севернокорейският ръководител проведоха разговори.") == .bulgarian)
        #expect(LanguageGuess.of("Президент России Владимир Путин и северокорейский лидер Ким Чен Ын провели переговоры в Пекине.") == .otherCyrillic("Russian"))
        #expect(LanguageGuess.of("Russian President Vladimir Putin and North Korean leader Kim Jong Un held talks.") == .notCyrillic)
        #expect(LanguageGuess.of("Да.") == .undetermined)
    }

    @Test func corporaBulgarianIsBulgarianAndEnglishIsNot() throws {
        for url in TestPaths.corpusFiles(bulgarianOnly: false) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let expectBulgarian = !url.path.contains("/en/")
            #expect(LanguageGuess.of(text).acceptsAsBulgarian == expectBulgarian, "\(url.lastPathComponent)")
        }
    }
}

@Suite struct JSONAndFindingTests {
    @Test func jsonKeepsKeyOrderAndEscapes() {
        let value: JSONValue = .object([("id", "a\"b\n"), ("n", 3), ("list", [1, "я"]), ("ok", true), ("none", .null)])
        #expect(value.serialized() == #"{"id":"a\"b\n","n":3,"list":[1,"я"],"ok":true,"none":null}"#)
    }

    @Test func findingsPrintLikeCompilerMessages() {
        let finding = Finding(
            category: "lint", rule: "lint.duplicate", severity: .error, message: "duplicate entry",
            location: FindingLocation(source: SourceLocation(file: "g.tsv", line: 4, column: 1)))
        #expect(finding.description == "g.tsv:4:1: error: duplicate entry [lint.duplicate]")
        #expect(Finding.Severity.warning < .error)
    }
}

@Suite struct PathNameTests {
    /// The reader's path helpers answer as `NSString` does, for ordinary names and odd ones.
    @Test func answersAsNSString() {
        var paths = ["a/b.txt", "b.txt", ".txt", "a.", "a.b.c", "a..txt", "a. txt", "dir/.hidden", "/x/y/z.jsonl", "noext", "a/b/", "/", "",
                     "a/.b.c", "статия 1.txt", "x.TXT", "x.t-t", "x.t t", "..", ".", "a/..", "a.b/c", "c.tar.gz", "a.txt/", "x.тxt"]
        let pieces = ["a", "б", ".", "/", " ", "-", "1", "X", "txt"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 { paths.append((0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()) }
        // NSString itself traps on a doubled slash before non-ASCII text ("a//б"): compared without those.
        for path in paths where !path.contains("//") {
            let name = (path as NSString).lastPathComponent
            #expect(PathName.lastComponent(path) == name, "\(path.debugDescription)")
            let split = PathName.split(name: name)
            #expect(split.stem == (name as NSString).deletingPathExtension, "\(path.debugDescription)")
            #expect(split.extension == (name as NSString).pathExtension, "\(path.debugDescription)")
            #expect(PathName.pathExtension(path) == (path as NSString).pathExtension, "\(path.debugDescription)")
        }
        #expect(PathName.lastComponent("статии//бележка.txt") == "бележка.txt")
        #expect(PathName.split(name: "бележка.txt") == ("бележка", "txt"))
    }
}
