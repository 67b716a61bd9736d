import Foundation
import TestSupport
import Testing

@testable import Alignment

/// The acceptance figures of issue 5 on the shared dev sets (held-out test sets of the same construction judge).
@Suite(.enabled(if: TestPaths.sharedAvailable, "needs ../shared (reference data; present in CI)"))
struct DevSetTests {
    static func load(_ name: String) throws -> (documents: [DocumentPair], gold: [String: [[[Int]]]]) {
        let url = TestPaths.shared.appendingPathComponent("data/alignment/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let documents = try BatchFormat.documents(in: text, file: url.path)
        var gold: [String: [[[Int]]]] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            gold[try #require(object["id"] as? String)] = try #require(object["links"] as? [[[Int]]])
        }
        return (documents, gold)
    }

    func f1(_ name: String, glossary: Bool) throws -> Double {
        let (documents, gold) = try Self.load(name)
        let aligner = try Aligner(glossary: glossary ? Bitext.packageGlossary() : nil)
        var predicted: [String: [[[Int]]]] = [:]
        for document in documents { predicted[document.id] = Bitext.links(aligner.align(document)) }
        return Bitext.strictF1(gold: gold, predicted: predicted)
    }

    @Test func cleanDevSetStrictF1() throws {
        let score = try f1("bg-en-align-dev.jsonl", glossary: true)
        #expect(score >= 0.995, "strict link F1 \(score)")
    }

    @Test func hardDevSetStrictF1WithGlossaries() throws {
        let score = try f1("bg-en-align-dev-hard.jsonl", glossary: true)
        #expect(score >= 0.97, "strict link F1 \(score)")
    }

    @Test func hardDevSetWithoutGlossaryStillBeatsTheBaselines() throws {
        // hunalign with a 55k-entry dictionary: 0.960 on the held-out hard test.
        let score = try f1("bg-en-align-dev-hard.jsonl", glossary: false)
        #expect(score >= 0.96, "strict link F1 \(score)")
    }
}
