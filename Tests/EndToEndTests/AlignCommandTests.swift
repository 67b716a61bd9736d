import Foundation
import Testing
import TestSupport

/// `prevod align` run as a user runs it: the built binary, real NTREX articles, the shared dev sets.
/// Re-record the golden TMX after an intended change with `PREVOD_RECORD=1 swift test --filter AlignCommandTests`.
@Suite struct AlignCommandTests {
    static let golden = TestPaths.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["PREVOD_RECORD"] == "1" }

    @Test func articlePairToTMXAndReviews() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmx = directory.appendingPathComponent("out.tmx").path
        let html = directory.appendingPathComponent("review.html").path
        let result = try Prevod.run([
            "align", "Corpora/ntrex/bg/bbc.381790.txt", "Corpora/ntrex/en/bbc.381790.txt", "--glossary", "Glossaries",
            "--tmx", tmx, "--review", html,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("aligned 1 document: 16 links, 16 at or above 0.5"))
        let memory = try String(contentsOfFile: tmx, encoding: .utf8)
        #expect(memory.components(separatedBy: "<tu ").count - 1 == 16)
        #expect(memory.contains("<seg>Членовете на Асамблеята на Уелс се тревожат, че „изглеждат като мъпети“</seg>"))
        #expect(memory.contains("<seg>Welsh AMs worried about &apos;looking like muppets&apos;</seg>") || memory.contains("<seg>Welsh AMs worried about 'looking like muppets'</seg>"))
        let goldenFile = Self.golden.appendingPathComponent("align-bbc.381790.tmx")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try memory.write(to: goldenFile, atomically: true, encoding: .utf8)
        } else {
            #expect(memory == (try String(contentsOf: goldenFile, encoding: .utf8)), "TMX differs from \(goldenFile.path) (re-record with PREVOD_RECORD=1 if intended)")
        }
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.components(separatedBy: "<tr class=").count - 1 == 16)
        #expect(!page.contains("<script") && !page.contains("src="))
    }

    @Test(.enabled(if: TestPaths.sharedAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"), "needs ../shared and xmllint (libxml2-utils)"))
    func tmxOfTheWholeCorpusValidates() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmx = directory.appendingPathComponent("ntrex.tmx").path
        let result = try Prevod.run(["align", "Corpora/ntrex/bg", "Corpora/ntrex/en", "--glossary", "Glossaries", "--tmx", tmx])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("aligned 41 documents"))
        let (status, text) = try ExternalTool.validateXML([tmx])
        #expect(status == 0, "\(text)")
        #expect(text.contains("valid"))
    }

    @Test func batchFromStandardInput() throws {
        let input = """
            {"id": "one", "bg": ["Тръмп говори в събота.", "Той беше в Уийлинг."], "en": ["Trump spoke on Saturday.", "He was in Wheeling."]}
            {"id": "two", "bg": ["Само български."], "en": []}

            """
        let result = try Prevod.run(["align", "--batch", "-"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["links"] as? [[[Int]]] == [[[0], [0]], [[1], [1]]])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["links"] as? [[[Int]]] == [[[0], []]])
        #expect(second["scores"] as? [Double] == [0])
        #expect(result.stderr.contains("warning: two: the English side has no segments"))
    }

    @Test func malformedBatchLineStopsWithItsPlace() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.jsonl")
        try Data("{\"id\":\"a\",\"bg\":[],\"en\":[]}\n{\"id\":\"b\",\"bg\":\"not a list\",\"en\":[]}\n".utf8).write(to: file)
        let result = try Prevod.run(["align", "--batch", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.jsonl:2: error: expected \"bg\": an array of strings"))
    }

    @Test func directoriesArePairedByFileName() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bg = directory.appendingPathComponent("bg")
        let en = directory.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: bg, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: en, withIntermediateDirectories: true)
        for name in ["bbc.381646", "cnn.304447"] {
            try FileManager.default.copyItem(at: TestPaths.corpora.appendingPathComponent("ntrex/bg/\(name).txt"), to: bg.appendingPathComponent("\(name).txt"))
            try FileManager.default.copyItem(at: TestPaths.corpora.appendingPathComponent("ntrex/en/\(name).txt"), to: en.appendingPathComponent("\(name).txt"))
        }
        try Data("Only English.\n".utf8).write(to: en.appendingPathComponent("orphan.txt"))
        let review = directory.appendingPathComponent("review.tsv").path
        let result = try Prevod.run(["align", bg.path, en.path, "--review", review])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("orphan.txt: warning: no Bulgarian file orphan.txt"))
        let rows = try String(contentsOfFile: review, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(Set(rows.map { $0.split(separator: "\t")[2] }) == ["bbc.381646", "cnn.304447"])
        let scores = rows.compactMap { Double($0.split(separator: "\t")[0]) }
        #expect(scores == scores.sorted())
    }

    @Test func presegmentedFilesKeepTheirLinesAndParagraphs() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bg = directory.appendingPathComponent("a.bg.txt")
        let en = directory.appendingPathComponent("a.en.txt")
        try Data("Първо изречение. Второ изречение.\n\nТрето изречение в нов абзац.\n".utf8).write(to: bg)
        try Data("First sentence. Second sentence.\n\nThird sentence in a new paragraph.\n".utf8).write(to: en)
        let result = try Prevod.run(["align", "--presegmented", bg.path, en.path])
        #expect(result.status == 0, "\(result.stderr)")
        let links = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").prefix(4).dropFirst().joined(separator: " ") }
        #expect(links == ["1-1 1 1", "1-1 2 2"])
    }

    @Test func controlCharactersAreReplacedInTheTMX() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bg = directory.appendingPathComponent("c.txt")
        let en = directory.appendingPathComponent("c.en.txt")
        try Data("Изречение със \u{07} звънец.\nВторо изречение.\n".utf8).write(to: bg)
        try Data("A sentence with a \u{07} bell.\nSecond sentence.\n".utf8).write(to: en)
        let tmx = directory.appendingPathComponent("c.tmx").path
        let result = try Prevod.run(["align", bg.path, en.path, "--tmx", tmx, "--min-score", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("c#1: warning: 1 character XML does not allow replaced with U+FFFD in the TMX"))
        let memory = try String(contentsOfFile: tmx, encoding: .utf8)
        #expect(memory.contains("<seg>Изречение със \u{FFFD} звънец.</seg>"))
    }

    @Test func mismatchedInputsWarnButDoNotFail() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let emptySide = try Prevod.run(["align", "Corpora/ntrex/bg/bbc.381790.txt", empty.path])
        #expect(emptySide.status == 0)
        #expect(emptySide.stderr.contains("the English side has no segments"))
        let unrelated = try Prevod.run(["align", "Corpora/ntrex/bg/bbc.381790.txt", "Corpora/ntrex/en/cnn.304447.txt"])
        #expect(unrelated.status == 0)
        #expect(unrelated.stderr.contains("may not be translations of each other"))
        let swapped = try Prevod.run(["align", "Corpora/ntrex/en/upi.176266.txt", "Corpora/ntrex/bg/upi.176266.txt"])
        #expect(swapped.status == 0)
        #expect(swapped.stderr.contains("give the Bulgarian article first"))
        let badReview = try Prevod.run(["align", "Corpora/ntrex/bg/bbc.381790.txt", empty.path, "--review", "x.pdf"])
        #expect(badReview.status != 0)
        #expect(badReview.stderr.contains("--review must end in .tsv or .html"))
    }
}
