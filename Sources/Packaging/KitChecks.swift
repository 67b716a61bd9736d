import Checks
import Foundation
import Corpus
import Segmentation
import Terminology

/// The checks a kit carries and an import runs, through the Checks module: the source checks of the packaged
/// articles (as the kit's HTML report) and the bitext checks of the returned translation.
public enum KitChecks {
    /// The HTML source-check report of `articles` and its summary for the manifest.
    public static func sourceReport(
        _ articles: [Article], rules: SegmentationRules, glossary: TermIndex?, glossaryFiles: [String]
    ) throws -> (html: String, summary: KitManifest.ReportSummary) {
        let segmenter = try Segmenter(rules: rules)
        let documents = articles.map { CheckInputReader.document(of: segmenter.segment($0)) }
        var report = Checker(settings: CheckSettings(terms: glossary)).run(documents)
        report.inputs = articles.map(\.source)
        report.glossaries = glossaryFiles
        report.glossaryEntries = glossary?.glossary.entries.count ?? 0
        let html = HTMLReport.render(report, title: "Source checks of the kit (\(articles.count) article\(articles.count == 1 ? "" : "s"))")
        return (html, summary(report.findings))
    }

    /// The bitext checks of an import: every segment of the imported articles, translated or not (an untranslated
    /// one is checked as a copy of its source, so it shows as `untranslated`).
    public static func bitext(_ result: KitImport, glossary: TermIndex?) -> CheckReport {
        let documents = zip(result.articles, result.segments).map { article, segments in
            CheckDocument(id: article.id, file: segments.first?.location.file ?? article.source, units: segments.enumerated().map { i, segment in
                CheckUnit(index: i, id: segment.id, source: segment.source, target: segment.target ?? segment.source,
                    location: segment.location, paragraph: segment.paragraph)
            })
        }
        var report = Checker(settings: CheckSettings(terms: glossary)).run(documents)
        report.inputs = Array(Set(result.returnedFiles)).sorted()
        report.glossaryEntries = glossary?.glossary.entries.count ?? 0
        return report
    }

    /// The bitext report as a self-contained HTML page.
    public static func html(_ report: CheckReport, kit: String) -> String {
        HTMLReport.render(report, title: "Bitext checks of the translation returned in \(kit)")
    }

    /// The glossary a returned kit carries (`terminology/glossary.tbx`: the entries that occur, with their forms and
    /// every rendering); nil when the kit has none.
    public static func glossary(of kit: ReturnedKit) throws -> TermIndex? {
        guard let file = kit.files[KitLayout.glossaryTBX] else { return nil }
        var glossary = try GlossaryReader.read(data: file.data, path: (kit.path as NSString).appendingPathComponent(KitLayout.glossaryTBX), format: .tbx).glossary
        guard !glossary.entries.isEmpty else { return nil }
        glossary.assignIDs()
        return try TermIndex(glossary)
    }

    /// Findings per category.
    static func summary(_ findings: [Finding]) -> KitManifest.ReportSummary {
        KitManifest.ReportSummary(findings: findings.count, categories: Dictionary(grouping: findings, by: \.category).mapValues(\.count))
    }
}
