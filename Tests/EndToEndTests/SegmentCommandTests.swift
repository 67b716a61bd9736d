import Foundation
import Testing
import TestSupport

/// `prevod segment` run as a user runs it: the built binary, real files.
@Suite struct SegmentCommandTests {
    @Test func sampleArticleAsText() throws {
        let result = try Prevod.run(["segment", "Corpora/bta"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "# 2025-09-03-putin-kim (2025-09-03): 16 paragraphs, 19 segments")
        #expect(lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }.count == 19)
    }

    @Test func jsonLinesFromStandardInputWithSpans() throws {
        let input = #"{"id": "d1", "text": "Първо изречение. Второ изречение.\nНов абзац."}"# + "\n"
        let result = try Prevod.run(["segment", "--format", "jsonl", "--input-format", "jsonl", "-"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "d1")
        let sentences = try #require(object["sentences"] as? [String])
        let spans = try #require(object["spans"] as? [[Int]])
        #expect(sentences == ["Първо изречение.", "Второ изречение.", "Нов абзац."])
        let text = Array("Първо изречение. Второ изречение.\nНов абзац.".unicodeScalars)
        for (sentence, span) in zip(sentences, spans) {
            #expect(String(String.UnicodeScalarView(text[span[0]..<span[1]])) == sentence)
        }
    }

    @Test func invalidUTF8StopsWithFileAndOffset() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.txt")
        try Data(Array("Добре.\n".utf8) + [0xFF]).write(to: file)
        let result = try Prevod.run(["segment", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("broken.txt:2:1: error: invalid UTF-8 at byte offset 12"))
        let lossy = try Prevod.run(["segment", "--lossy", file.path])
        #expect(lossy.status == 0)
        #expect(lossy.stderr.contains("warning: invalid UTF-8 replaced with U+FFFD"))
    }

    @Test func englishInputIsSkippedWithAWarning() throws {
        let result = try Prevod.run(["segment", "Corpora/ntrex/en/bbc.381646.txt", "Corpora/ntrex/bg/bbc.381646.txt"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("skipping article bbc.381646: it is not Cyrillic (probably English), not Bulgarian"))
        #expect(result.stdout.components(separatedBy: "\n# ").count == 1)
    }

    @Test func emptyFileGivesNoSegmentsAndNoError() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("empty.txt")
        try Data().write(to: file)
        let result = try Prevod.run(["segment", "--format", "jsonl", file.path])
        #expect(result.status == 0)
        #expect(result.stdout == #"{"id":"empty","sentences":[],"spans":[]}"# + "\n")
    }

    @Test func outputFileAndMissingInput() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("sub/segments.txt")
        #expect(try Prevod.run(["segment", "Corpora/bta", "--output", output.path]).status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("# 2025-09-03-putin-kim"))
        let missing = try Prevod.run(["segment", "no/such/dir"])
        #expect(missing.status != 0 && missing.stderr.contains("no/such/dir: error: no such file or directory"))
    }

    @Test(.enabled(if: TestPaths.sharedAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"),
                   "needs ../shared and xmllint (apt-get install libxml2-utils; present in CI)"))
    func exportedSRXIsValid() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let srx = directory.appendingPathComponent("bg.srx")
        #expect(try Prevod.run(["segment", "--export-srx", srx.path]).status == 0)
        let (status, output) = try ExternalTool.validateXML([srx.path])
        #expect(status == 0, "\(output)")
    }
}
