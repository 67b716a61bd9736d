import Checks
import Foundation
import Testing
import TestSupport
@testable import Packaging

@Suite struct KitChecksTests {
    @Test func theKitCarriesTheSourceCheckReport() throws {
        let glossary = try KitFixtures.glossary()
        var options = KitOptions(layout: .plain, rules: try .bulgarian(), toolVersion: "test")
        options.glossary = glossary
        let rules = options.rules
        options.sourceReport = { articles in
            try KitChecks.sourceReport(articles, rules: rules, glossary: glossary.index, glossaryFiles: ["Glossaries"])
        }
        let names = ["bbc.381647", "newsweek.51300", "newsweek.51307", "cnn.304447"]
        let kit = try KitBuilder(options: options).build(try KitFixtures.articles(names.map { KitFixtures.ntrex("bg", $0) }))
        let html = try #require(kit.files.first { $0.path == KitLayout.report }).text
        let summary = try #require(kit.manifest.report)
        // The report is the Checks module's self-contained page, with one row per finding the manifest counts.
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("Source checks of the kit (4 articles)") && !html.contains("http://") && !html.contains("https://"))
        #expect(summary.findings > 0 && summary.findings == summary.categories.values.reduce(0, +))
        #expect(html.components(separatedBy: "data-severity=").count - 1 == summary.findings)
        #expect(kit.manifest.files.contains { $0.path == KitLayout.report })
        let readme = try #require(kit.files.first { $0.path == KitLayout.readme }).text
        #expect(readme.contains("report/source-checks.html"))
    }

    @Test func theImportRunsTheBitextChecksAndWritesTheirReport() throws {
        let kit = try KitFixtures.build([KitFixtures.sample], layout: .omegat)
        let directory = try KitFixtures.directory(kit)
        let record = try #require(kit.manifest.articles.first)
        // A translator who leaves one sentence in Bulgarian and drops a number from another.
        let source = try String(contentsOfFile: directory + "/" + record.xliff12, encoding: .utf8)
        var n = 0
        let translated = KitFixtures.translate12(source) { text in
            n += 1
            if n == 2 { return "Putin and Kim were the main foreign guests at the event, attended by foreign leaders." }
            if n == 3 { return text }
            return "Sentence \(n)" + (text.hasSuffix(".") ? "." : "")
        }
        try translated.write(toFile: directory + "/target/\(record.token).xlf", atomically: true, encoding: .utf8)
        let output = try TestPaths.temporaryDirectory().appendingPathComponent("en").path
        let result = try Prevod.run(["import", directory, "--out", output, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let categories = try #require(summary["categories"] as? [String: Int])
        #expect(summary["untranslated"] as? Int == 1)
        #expect(categories["untranslated"] == 1)
        #expect((categories["number"] ?? 0) >= 1)
        let html = try String(contentsOfFile: output + "/bitext-checks.html", encoding: .utf8)
        #expect(html.contains("26") && html.contains("Bitext checks of the translation"))
    }
}
