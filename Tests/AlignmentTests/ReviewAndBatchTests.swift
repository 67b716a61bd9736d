import Foundation
import Testing

@testable import Alignment

/// The batch format and the review file.
@Suite struct ReviewAndBatchTests {
    @Test func batchLinesReadAndWrite() throws {
        let text = """
            {"id": "a", "bg": ["Първо.", "Второ."], "en": ["First.", "Second."]}

            {"id": 7, "bg": [], "en": ["Only English."], "bg_paragraphs": []}
            """
        let documents = try BatchFormat.documents(in: text, file: "b.jsonl")
        #expect(documents.map(\.id) == ["a", "7"])
        #expect(documents[0].bulgarian.segments == ["Първо.", "Второ."])
        let alignment = try Aligner().align(documents[1])
        let line = BatchFormat.line(for: alignment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "7")
        #expect(object["links"] as? [[[Int]]] == [[[], [0]]])
        #expect((object["scores"] as? [Double])?.count == 1)
        #expect((object["warnings"] as? [String])?.first?.contains("Bulgarian side has no segments") == true)
    }

    @Test func malformedBatchLinesNameTheLine() {
        #expect(throws: AlignmentError.badBatchLine(file: "b.jsonl", line: 2, reason: "expected \"en\": an array of strings (the English segments)")) {
            try BatchFormat.documents(in: "{\"id\":\"a\",\"bg\":[],\"en\":[]}\n{\"id\":\"b\",\"bg\":[\"x\"]}", file: "b.jsonl")
        }
        #expect(throws: AlignmentError.self) { try BatchFormat.documents(in: "not json", file: "b.jsonl") }
        #expect(throws: AlignmentError.self) {
            try BatchFormat.documents(in: "{\"id\":\"a\",\"bg\":[],\"en\":[]}\n{\"id\":\"a\",\"bg\":[],\"en\":[]}", file: "b.jsonl")
        }
    }

    func sample() throws -> [DocumentAlignment] {
        let document = DocumentPair(
            id: "doc <1>",
            bulgarian: AlignmentSide(segments: ["Тръмп пристигна в 19 ч. в събота.", "Той говори & пя.", "Нещо съвсем друго."]),
            english: AlignmentSide(segments: ["Trump arrived at 7 p.m. on Saturday.", "He talked & sang."]))
        return [try Aligner().align(document)]
    }

    @Test func reviewListsEveryLinkLowestScoreFirst() throws {
        let alignments = try sample()
        let report = ReviewReport(alignments, minimumScore: 0.5)
        #expect(report.rows.count == alignments[0].links.count)
        #expect(zip(report.rows, report.rows.dropFirst()).allSatisfy { $0.link.score <= $1.link.score })
        let tsv = report.tsv().split(separator: "\n")
        #expect(tsv.first == "score\tin_tm\tdocument\tlink\tbg\ten\tevidence\tbulgarian\tenglish")
        #expect(tsv.count == report.rows.count + 1)
        #expect(tsv.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 9 })
        #expect(tsv.contains { $0.contains("Тръмп пристигна") && $0.contains("Trump arrived") })
    }

    @Test func htmlReviewIsSelfContainedAndEscaped() throws {
        let alignments = try sample()
        let html = ReviewReport(alignments, minimumScore: 0.5).html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("doc &lt;1&gt;"))
        #expect(html.contains("Той говори &amp; пя."))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        #expect(html.components(separatedBy: "<tr class=").count - 1 == alignments[0].links.count)
    }
}
