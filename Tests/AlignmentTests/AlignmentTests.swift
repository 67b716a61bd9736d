import Foundation
import Terminology
import TestSupport
import Testing

@testable import Alignment

/// Helpers shared by the alignment tests.
enum Bitext {
    /// Links as `(bg, en)` index lists, the shape score.py compares.
    static func links(_ alignment: DocumentAlignment) -> [[[Int]]] {
        alignment.links.map { [Array($0.bulgarian), Array($0.english)] }
    }

    /// Strict link F1 as `../shared/data/alignment/score.py` computes it (null links count, empty ones do not).
    static func strictF1(gold: [String: [[[Int]]]], predicted: [String: [[[Int]]]]) -> Double {
        var truePositives = 0
        var predictedCount = 0
        var goldCount = 0
        for (id, goldLinks) in gold {
            func normalised(_ links: [[[Int]]]) -> Set<[[Int]]> {
                Set(links.map { [$0[0].sorted(), $0[1].sorted()] }.filter { !$0[0].isEmpty || !$0[1].isEmpty })
            }
            let g = normalised(goldLinks)
            let p = normalised(predicted[id] ?? [])
            truePositives += g.intersection(p).count
            predictedCount += p.count
            goldCount += g.count
        }
        let precision = predictedCount == 0 ? 0 : Double(truePositives) / Double(predictedCount)
        let recall = goldCount == 0 ? 0 : Double(truePositives) / Double(goldCount)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// The prevod glossaries of the package (`Glossaries/*.tsv`).
    static func packageGlossary() throws -> Glossary {
        let directory = TestPaths.glossaries.path
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tsv") }.sorted()
        return try Glossary.load(files.map { directory + "/" + $0 })
    }

    /// Lines of a Corpora/ntrex article (one segment per line).
    static func ntrex(_ language: String, _ name: String) throws -> [String] {
        let url = TestPaths.corpora.appendingPathComponent("ntrex/\(language)/\(name).txt")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}
