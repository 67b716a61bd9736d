import Corpus
import Foundation
import Testing
import TestSupport
@testable import Checks

/// A small bitext with one problem of each kind the reports must show, checked by the whole checker.
func sampleReport() -> CheckReport {
    let usual = (0..<2).map { i in
        bitext([("Тръмп говори днес.", "Trump spoke today."), ("Срещата продължи два часа.", "The meeting lasted two hours.")], id: "usual\(i)")
    }
    let odd = bitext([
        ("Трамп отговори.", "Trump answered."),
        ("Загинаха 48 души.", "Killed were people."),
        ("Джилс добaвя нещо.", "Giles adds something."),
        ("Момчето е в болница.", "The boy is in болница."),
        ("Щяха да загинат хора <script>.", ""),
        ("Срещата продължи два часа.", "The talks lasted two hours."),
    ], id: "odd")
    var report = Checker().run(usual + [odd])
    report.inputs = ["sample.jsonl"]
    return report
}

@Suite struct ReportTests {
    @Test func everyKindIsFound() {
        let categories = Set(sampleReport().findings.map(\.category))
        #expect(categories == ["name-variant", "number", "mixed-script", "script-in-target", "untranslated", "inconsistent-translation"])
    }

    @Test func textGroupsByCategoryInCompilerStyle() {
        let text = TextReport.render(sampleReport())
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("== ") }.map(String.init)
        #expect(headings == [
            "== name-variant (1) ==", "== mixed-script (1) ==", "== number (1) ==", "== untranslated (1) ==",
            "== script-in-target (1) ==", "== inconsistent-translation (3) ==", "== name-variant groups (1) ==",
        ])
        #expect(text.contains("odd.jsonl: odd: segment 1: error: «48» (cardinal 48) of the source is missing from the translation [number.missing]"))
        #expect(text.contains("  bg: Загинаха 48 души.\n  en: Killed were people.\n"))
        #expect(text.hasSuffix("4 errors, 4 warnings, 0 notes\n"))
    }

    @Test func jsonIsAnArrayOfFindingsWithTheirTexts() throws {
        let json = JSONReport.render(sampleReport())
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == 8)
        let mixed = try #require(array.first { $0["category"] as? String == "mixed-script" })
        #expect(mixed["doc"] as? String == "odd")
        #expect(mixed["segment"] as? Int == 2)
        #expect(mixed["rule"] as? String == "mixed-script.lookalike")
        #expect(mixed["severity"] as? String == "error")
        #expect(mixed["side"] as? String == "source")
        #expect(mixed["start"] as? Int == 6 && mixed["end"] as? Int == 12)
        #expect(mixed["source"] as? String == "Джилс добaвя нещо.")
        #expect(mixed["target"] as? String == "Giles adds something.")
        #expect(mixed["suggestion"] as? String == "write «добавя»")
        // Keys in a stable order, one finding per line.
        #expect(json.split(separator: "\n")[1].hasPrefix(#"{"doc":"usual0","segment":1,"category":"inconsistent-translation","rule":"inconsistent-translation.same-source","severity":"warning""#))
        #expect(JSONReport.render(CheckReport()) == "[]\n")
    }

    @Test func htmlIsSelfContainedAndEscaped() {
        let html = HTMLReport.render(sampleReport())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>") && html.contains("<script>(function(){"))
        for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
            #expect(!html.contains(external), "external resource: \(external)")
        }
        #expect(html.contains("хора &lt;script&gt;."), "texts are escaped")
        #expect(html.components(separatedBy: "<script>").count == 2, "only prevod's own script")
        #expect(html.contains(#"<tr class="error" data-category="mixed-script" data-severity="error">"#))
        #expect(html.contains("Джилс <mark>добaвя</mark> нещо."))
        #expect(html.contains(#"<table class="names" id="names">"#))
    }

    @Test func failOnThresholds() {
        let report = sampleReport()
        #expect(report.count(atLeast: .error) == 4)
        #expect(report.count(atLeast: .warning) == 8)
        #expect(report.count(atLeast: .info) == 8)
    }
}
