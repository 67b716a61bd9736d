import Checks
import Corpus
import Packaging

/// The bitext checks of a kit import, with the glossary the kit carries; the HTML report goes beside the articles.
enum BitextReport {
    static let fileName = "bitext-checks.html"

    static func run(_ result: inout KitImport, kit: ReturnedKit, output: String) throws -> [Finding] {
        let report = KitChecks.bitext(result, glossary: try KitChecks.glossary(of: kit))
        result.attachments.append(((output as NSString).appendingPathComponent(fileName), KitChecks.html(report, kit: kit.path)))
        return report.findings
    }
}

import Foundation
