import Foundation
import Testing
import TestSupport

/// `prevod check` run as a user runs it: the built binary on real files.
@Suite struct CheckCommandTests {
    func fixture() throws -> URL {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("pairs.jsonl")
        try """
            {"id": "a", "bg": ["Тръмп говори.", "Загинаха 48 души."], "en": ["Trump spoke.", "48 people died."]}
            {"id": "b", "bg": ["Ким слуша."], "en": ["Kim  listens."]}
            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func exitStatusFollowsFailOn() throws {
        let clean = try fixture()
        #expect(try Prevod.run(["check", clean.path]).status == 0, "only a warning: below the default --fail-on error")
        #expect(try Prevod.run(["check", "--fail-on", "warning", clean.path]).status == 1)
        #expect(try Prevod.run(["check", "--fail-on", "never", clean.path]).status == 0)
        let broken = clean.deletingLastPathComponent().appendingPathComponent("broken.jsonl")
        try #"{"id": "x", "bg": ["Едно."], "en": ["One.", "Two."]}"#.write(to: broken, atomically: true, encoding: .utf8)
        let failed = try Prevod.run(["check", broken.path])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("broken.jsonl:1: error: document x: \"bg\" has 1 segments and \"en\" has 2"))
        let missing = try Prevod.run(["check", "/nonexistent/file.jsonl"])
        #expect(missing.status == 2 && missing.stderr.contains("no such file or directory"))
    }

    @Test func formatsAndOutputFile() throws {
        let input = try fixture()
        let text = try Prevod.run(["check", input.path])
        #expect(text.stdout.contains("== whitespace (1) =="))
        #expect(text.stdout.contains("pairs.jsonl:2: b: segment 0: warning: 2 spaces in a row in the English text [whitespace.double-space]"))
        let out = input.deletingLastPathComponent().appendingPathComponent("report.json")
        let json = try Prevod.run(["check", "--format", "json", "--output", out.path, input.path])
        #expect(json.status == 0 && json.stdout.isEmpty)
        #expect(json.stderr.contains("0 errors, 1 warning, 0 notes"))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [[String: Any]])
        #expect(array.map { $0["rule"] as? String } == ["whitespace.double-space"])
        let html = try Prevod.run(["check", "--format", "html", input.path])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func categoriesCanBeChosen() throws {
        let input = try fixture()
        let result = try Prevod.run(["check", "--category", "number", input.path])
        #expect(result.stdout.contains("no findings"))
        let wrong = try Prevod.run(["check", "--category", "spelling", input.path])
        #expect(wrong.status != 0 && wrong.stderr.contains("Unknown category spelling"))
    }

    @Test func sampleArticleAndNTREXRaiseNoFalseScriptOrNameAlarms() throws {
        for glossary in [[], ["--glossary", "Glossaries"]] {
            let result = try Prevod.run(["check", "Corpora/bta", "Corpora/ntrex/bg", "--category", "mixed-script", "--category", "name-variant", "--format", "json", "--fail-on", "never"] + glossary)
            #expect(result.status == 0, "\(result.stderr)")
            let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(!findings.contains { $0["category"] as? String == "mixed-script" })
            // What is flagged are the real variants of the NTREX translations: Каванау (Кавано elsewhere), Файнстайн
            // (Файнщайн), Евънс (Еванс in the same article), and with the glossary the variants it lists as such
            // (Холиоук, Сулавези, Бласий, Йонг of Ри Йонг Хо).
            let flagged = Set(findings.compactMap { finding -> String? in
                guard let source = finding["source"] as? String, let start = finding["start"] as? Int, let end = finding["end"] as? Int else { return nil }
                return String(String.UnicodeScalarView(Array(source.unicodeScalars)[start..<end]))
            })
            #expect(flagged.isSubset(of: ["Каванау", "Файнстайн", "Евънс", "Холиоук", "Сулавези", "Бласий", "Йонг"]), "\(flagged)")
            #expect(flagged.contains("Каванау"))
        }
    }
}
