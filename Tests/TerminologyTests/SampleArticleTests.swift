import Corpus
import Foundation
import Segmentation
import Testing
import TestSupport
@testable import Terminology

/// The acceptance test of the glossary engine: the sample article with the curated glossaries (Glossaries/).
@Suite struct SampleArticleTests {
    static func curatedGlossary() throws -> Glossary {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.glossaries.path)
            .filter { $0.hasSuffix(".tsv") }.sorted().map { TestPaths.glossaries.appendingPathComponent($0).path }
        #expect(files.count >= 2)
        return try Glossary.load(files)
    }

    static func sampleHits() throws -> (glossary: Glossary, segments: [SegmentTermHits]) {
        let glossary = try curatedGlossary()
        let matcher = try TermMatcher(index: TermIndex(glossary))
        let path = TestPaths.corpora.appendingPathComponent("bta/2025-09-03-putin-kim.txt").path
        let article = try #require(try CorpusReader().readAll([path]).first)
        let segmented = try Segmenter.bulgarian().segment(article)
        return (glossary, matcher.hits(in: segmented))
    }

    /// Every surface form the research file lists for an entry (`Руският ×3; руската ×1`) occurs that many times and
    /// each occurrence lies inside a hit of that entry or of a longer one (руски inside "Руският президент"); every
    /// hit is an entry of the research file in one of its listed forms: nothing else is found.
    @Test(.enabled(if: TestPaths.sharedAvailable, "needs ../shared (reference data; present in CI)"))
    func everyListedOccurrenceAndNothingElse() throws {
        let (glossary, segments) = try Self.sampleHits()
        let seedText = try String(contentsOf: TestPaths.shared.appendingPathComponent("data/terminology/seed-glossary.tsv"), encoding: .utf8)
        var listed: [String: [(surface: String, count: Int)]] = [:]
        for line in seedText.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            listed[fields[0]] = fields[4].components(separatedBy: "; ").map { item in
                let parts = item.components(separatedBy: " ×")
                return (parts[0], Int(parts[1])!)
            }
        }
        #expect(listed.count == 39)
        var allHits: [(segment: String, hit: TermHit)] = []
        for segment in segments { allHits += segment.hits.map { (segment.text, $0) } }

        for (lemma, forms) in listed {
            for (surface, count) in forms {
                var found = 0
                for segment in segments {
                    for range in Self.wordOccurrences(of: surface, in: segment.text) {
                        found += 1
                        let covering = segment.hits.first { $0.characterRange.lowerBound <= range.lowerBound && range.upperBound <= $0.characterRange.upperBound }
                        #expect(covering != nil, "\(surface) (\(lemma)) in \"\(segment.text)\" is not found")
                        if let covering {
                            let entry = glossary.entries[covering.entryIndex]
                            #expect(entry.source == lemma || covering.characterRange.count > range.count,
                                    "\(surface) is given to \(entry.source), not \(lemma)")
                        }
                    }
                }
                #expect(found == count, "\(surface) (\(lemma)): \(found) occurrences, the research file says \(count)")
            }
        }
        for (_, hit) in allHits {
            let entry = glossary.entries[hit.entryIndex]
            let forms = listed[entry.source]?.map(\.surface) ?? []
            #expect(forms.contains(hit.surface), "unexpected hit \(hit.surface) → \(entry.source)")
        }
        #expect(allHits.count == 69)
    }

    /// Character ranges of `word` in `text` at word boundaries (not inside a longer word or hyphenated word).
    static func wordOccurrences(of word: String, in text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        let target = Array(word.unicodeScalars)
        var result: [Range<Int>] = []
        func isWordChar(_ i: Int) -> Bool {
            guard i >= 0, i < scalars.count else { return false }
            return scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil || scalars[i] == "-"
        }
        var i = 0
        while i + target.count <= scalars.count {
            if Array(scalars[i..<(i + target.count)]) == target && !isWordChar(i - 1) && !isWordChar(i + target.count) {
                result.append(i..<(i + target.count))
                i += target.count
            } else {
                i += 1
            }
        }
        return result
    }

    /// The same without ../shared: the hits per entry, as the README shows them.
    @Test func hitsPerEntry() throws {
        let (glossary, segments) = try Self.sampleHits()
        var tally: [String: [String]] = [:]
        for segment in segments {
            for hit in segment.hits { tally[glossary.entries[hit.entryIndex].source, default: []].append(hit.surface) }
        }
        #expect(tally["Путин"]?.count == 6)
        #expect(tally["Ким"]?.count == 6)
        #expect(Set(tally["севернокорейски"] ?? []) == ["севернокорейският", "севернокорейската", "севернокорейския"])
        #expect(tally["севернокорейски"]?.count == 8)
        #expect(Set(tally["руски президент"] ?? []) == ["Руският президент", "руският президент", "руския президент"])
        #expect(tally["руски"] == ["руската"])
        #expect(tally["Курска област"] == ["Курска област", "Курска област"])
        #expect(tally["въоръжени сили"] == ["въоръжените ви сили"])
        #expect(tally["специални части"] == ["специалните ви части"])
        #expect(tally["80-а годишнина"] == ["80-ата годишнина"])
        #expect(tally["неонацизъм"] == ["неонацизма"])
        #expect(tally["Студена война"] == ["Студената война"])
        #expect(tally["Ким Чен-ун"] == ["Ким Чен-ун"])
        #expect(tally.values.reduce(0) { $0 + $1.count } == 69)
        #expect(tally.count == 39)
    }

    @Test func curatedGlossariesPassLint() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.glossaries.path)
            .filter { $0.hasSuffix(".tsv") }.sorted().map { TestPaths.glossaries.appendingPathComponent($0).path }
        let findings = GlossaryLint.lint(files).filter { $0.severity != .info }
        #expect(findings.isEmpty, "\(findings)")
    }
}
