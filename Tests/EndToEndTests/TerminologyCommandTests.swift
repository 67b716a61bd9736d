import Foundation
import Testing
import TestSupport

/// `prevod terms`, `prevod glossary ...` and `prevod translit` run as a user runs them: the built binary, real files.
@Suite struct TerminologyCommandTests {
    static let glossaries = ["-g", "Glossaries/news-bg-en.tsv", "-g", "Glossaries/cldr-bg-en.tsv"]
    static let golden = TestPaths.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["PREVOD_RECORD"] == "1" }

    /// Compares with a golden file (re-record an intended change with `PREVOD_RECORD=1`).
    func compare(_ actual: String, golden name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if Self.recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        if let line = (0..<max(a.count, e.count)).first(where: { $0 >= a.count || $0 >= e.count || a[$0] != e[$0] }) {
            Issue.record("\(name) differs at line \(line + 1) (PREVOD_RECORD=1 re-records):\nexpected: \(line < e.count ? String(e[line]) : "<end>")\nactual:   \(line < a.count ? String(a[line]) : "<end>")")
        }
    }

    @Test func termsOnTheSampleArticle() throws {
        let result = try Prevod.run(["terms", "Corpora/bta"] + Self.glossaries)
        #expect(result.status == 0, "\(result.stderr)")
        try compare(result.stdout, golden: "terms-sample-article.txt")
    }

    @Test func termsAsJSONLines() throws {
        let result = try Prevod.run(["terms", "Corpora/bta", "--format", "jsonl"] + Self.glossaries)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 69)
        #expect(lines.first == #"{"doc":"2025-09-03-putin-kim","segment":0,"start":0,"end":17,"surface":"Руският президент","entry":"руски президент","target":"Russian President","id":"russian-president"}"#)
        let clitic = try #require(lines.first { $0.contains("въоръжените ви сили") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(clitic.utf8)) as? [String: Any])
        #expect(object["entry"] as? String == "въоръжени сили")
        #expect(object["segment"] as? Int == 7)
        #expect(object["start"] as? Int == 76)
        #expect(object["end"] as? Int == 95)
    }

    @Test func lintPassesOnTheCuratedGlossariesAndFailsOnABrokenOne() throws {
        let clean = try Prevod.run(["glossary", "lint", "Glossaries/news-bg-en.tsv", "Glossaries/cldr-bg-en.tsv"])
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
        #expect(clean.stderr.contains("2 files: 0 errors, 0 warnings"))
        let directory = try TestPaths.temporaryDirectory()
        let broken = directory.appendingPathComponent("broken.tsv")
        try "bg\ten\ttype\nПекин\tBeijing\tplace\nПекин\tPeking\tcity\nМосква\n".write(to: broken, atomically: true, encoding: .utf8)
        let result = try Prevod.run(["glossary", "lint", broken.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(broken.path):3:1: error: \"Пекин\" is rendered \"Peking\" here but \"Beijing\" at \(broken.path):2:1 [lint.conflicting-renderings]"))
        #expect(result.stdout.contains("\(broken.path):4:1: error: the English rendering (column en) of \"Москва\" is empty [format.empty-target]"))
        let terms = try Prevod.run(["terms", "Corpora/bta", "-g", broken.path])
        #expect(terms.status != 0)
        #expect(terms.stderr.contains("broken.tsv:4:1: error: the English rendering"))
    }

    @Test func convertToTBXAndBack() throws {
        let directory = try TestPaths.temporaryDirectory()
        let tbx = directory.appendingPathComponent("news.tbx").path
        let tsv = directory.appendingPathComponent("news.tsv").path
        #expect(try Prevod.run(["glossary", "convert", "Glossaries/news-bg-en.tsv", "--to", "tbx", "-o", tbx]).status == 0)
        #expect(try Prevod.run(["glossary", "convert", tbx, "--to", "tsv", "-o", tsv]).status == 0)
        let original = try String(contentsOfFile: "\(TestPaths.glossaries.path)/news-bg-en.tsv", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
        let back = try String(contentsOfFile: tsv, encoding: .utf8).split(separator: "\n")
        #expect(back == original)
        let omegat = try Prevod.run(["glossary", "convert", tbx, "--to", "omegat"])
        #expect(omegat.stdout.contains("\nПхенян\tPyongyang\tplace; Transliteration \"Phenyan\""))
        let bad = directory.appendingPathComponent("bad.tbx")
        try "<martif><text><body><termEntry></body></text></martif>".write(to: bad, atomically: true, encoding: .utf8)
        let failed = try Prevod.run(["glossary", "convert", bad.path, "--to", "tsv"])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("bad.tbx:1:"))
        #expect(failed.stderr.contains("malformed TBX"))
    }

    @Test func formsBatchWritesScorerJSONLines() throws {
        let directory = try TestPaths.temporaryDirectory()
        let lemmas = directory.appendingPathComponent("lemmas.tsv")
        try "lemma\tupos\tgender\nобласт\tNOUN\tFem\nвоенен\tADJ\t\n".write(to: lemmas, atomically: true, encoding: .utf8)
        let result = try Prevod.run(["glossary", "forms", "--batch", lemmas.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"lemma":"област","upos":"NOUN","gender":"Fem","forms":["област","областта","области","областите"]}"#)
        let words = try Prevod.run(["glossary", "forms", "Курска област", "--pos", "PROPN", "--gender", "Fem"])
        #expect(words.stdout == "Курска област | Курската област\n")
    }

    @Test func translitArgumentsAndStandardInput() throws {
        let arguments = try Prevod.run(["translit", "Щерьо Юлия", "България"])
        #expect(arguments.stdout == "Shteryo Yulia\nBulgaria\n")
        let piped = try Prevod.run(["translit"], input: Data("Ким Чен-ун\nКЦТА\n".utf8))
        #expect(piped.stdout == "Kim Chen-un\nKTSTA\n")
    }

    @Test func cldrStarter() throws {
        let result = try Prevod.run(["glossary", "cldr"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\tПхенян\tPyongyang\tplace\t"))
        #expect(result.stdout.contains("\tСеверна Корея\tNorth Korea\tplace\t"))
    }

    @Test func suggestOnTheSampleArticle() throws {
        let bare = try Prevod.run(["glossary", "suggest", "Corpora/bta"])
        #expect(bare.status == 0)
        #expect(bare.stdout.contains("1\t1\tКим Чен-ун\tКим Чен-ун ×1\tKim Chen-un (draft)\t"))
        let covered = try Prevod.run(["glossary", "suggest", "Corpora/bta"] + Self.glossaries)
        #expect(covered.stdout == "count\tdocs\tname\tforms\tdraft rendering (confirm!)\texample\n")
        let tsv = try Prevod.run(["glossary", "suggest", "Corpora/bta", "--format", "tsv", "--min-count", "2"])
        #expect(tsv.stdout.hasPrefix("id\tbg\ten\ttype"))
        #expect(tsv.stdout.contains("\tКремъл\tKremal\t"))
    }
}
