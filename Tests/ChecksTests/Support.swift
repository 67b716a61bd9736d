import Corpus
import Foundation
import TestSupport
import Terminology
@testable import Checks

/// Text with inline markers: every span a check must report is written `⟦so⟧`. `text` is the text without the
/// markers, `ranges` the Unicode-scalar ranges of the marked spans — what `FindingLocation.range` must be.
struct Marked {
    let text: String
    let ranges: [Range<Int>]

    init(_ marked: String) {
        var text = String.UnicodeScalarView()
        var ranges: [Range<Int>] = []
        var start: Int?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦": start = text.count
            case "⟧":
                ranges.append(start!..<text.count)
                start = nil
            default: text.append(scalar)
            }
        }
        self.text = String(text)
        self.ranges = ranges
    }
}

/// A bitext document of aligned pairs (markers removed).
func bitext(_ pairs: [(String, String)], id: String = "doc") -> CheckDocument {
    CheckDocument(id: id, file: "\(id).jsonl", units: pairs.enumerated().map { i, pair in
        CheckUnit(index: i, source: Marked(pair.0).text, target: Marked(pair.1).text)
    })
}

/// A monolingual document, one unit per sentence, `paragraphs[i]` holding the sentences of paragraph i.
func corpus(_ paragraphs: [[String]], id: String = "doc") -> CheckDocument {
    var units: [CheckUnit] = []
    for (p, sentences) in paragraphs.enumerated() {
        for sentence in sentences {
            units.append(CheckUnit(index: units.count, source: Marked(sentence).text, paragraph: p))
        }
    }
    return CheckDocument(id: id, file: "\(id).txt", units: units)
}

/// The findings of one document rule.
func findings(_ rule: some DocumentRule, _ document: CheckDocument, settings: CheckSettings = CheckSettings()) -> [Finding] {
    var out: [Finding] = []
    rule.check(document, workspace: CheckWorkspace(settings: settings), into: &out)
    return out
}

/// The report of one corpus rule.
func report(_ rule: some CorpusRule, _ documents: [CheckDocument], settings: CheckSettings = CheckSettings()) -> CheckReport {
    var report = CheckReport(documents: documents)
    rule.check(documents, workspace: CheckWorkspace(settings: settings), into: &report)
    report.sortFindings()
    return report
}

/// A glossary written inline in prevod's TSV format (bg, en, type, forms, forbidden).
func terms(_ rows: String) throws -> TermIndex {
    let directory = try TestPaths.temporaryDirectory()
    let path = directory.appendingPathComponent("g.tsv").path
    try ("bg\ten\ttype\tforms\tforbidden\n" + rows + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return try TermIndex(Glossary.load([path]))
}

extension Finding {
    var range: Range<Int>? { location.range }
    var segment: Int? { location.segment }
}
