import Corpus

/// The plain-text report: findings grouped by category, each in compiler style (`file:line:column: severity:
/// message [rule]`) with the document and segment, the suggestion and the texts; then the name-variant groups and a
/// summary line.
public enum TextReport {
    public static func render(_ report: CheckReport, showText: Bool = true) -> String {
        var out = ""
        let kind = report.documents.contains(where: \.isBitext) ? "aligned pairs" : "segments"
        out += "prevod check: \(report.documents.count) documents, \(report.unitCount) \(kind)"
        if report.glossaryEntries > 0 { out += ", glossary of \(report.glossaryEntries) entries" }
        out += "\n"
        for category in CheckReport.categories(of: report.findings) {
            let findings = report.findings.filter { $0.category == category }
            out += "\n== \(category) (\(findings.count)) ==\n"
            for finding in findings {
                out += "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]\n"
                if let suggestion = finding.suggestion { out += "  suggestion: \(suggestion)\n" }
                if showText, let unit = report.unit(of: finding) {
                    out += "  bg: \(unit.source)\n"
                    if let target = unit.target { out += "  en: \(target)\n" }
                }
            }
        }
        if !report.nameGroups.isEmpty {
            out += "\n== name-variant groups (\(report.nameGroups.count)) ==\n"
            for group in report.nameGroups { out += describe(group) + "\n" }
        }
        out += "\n" + summary(report) + "\n"
        return out
    }

    /// One line per spelling: `Тръмп (glossary): 40 in 9 documents`.
    static func describe(_ group: NameVariantGroup) -> String {
        var lines: [String] = []
        var head = "\(group.preferred)"
        if let english = group.english { head += " (\(english))" }
        head += ": use «\(group.preferred)» (\(group.reason == "glossary" ? "glossary spelling" : "most used"))"
        lines.append(head)
        for spelling in group.spellings {
            var line = "  \(spelling.text): \(spelling.count) in \(spelling.documentCount) document\(spelling.documentCount == 1 ? "" : "s")"
            if spelling.forms != [spelling.text] { line += " [forms: \(spelling.forms.joined(separator: ", "))]" }
            if spelling.text != group.preferred {
                let places = spelling.places.prefix(6).map { "\($0.document):\($0.segment)" }.joined(separator: ", ")
                line += " at \(places)\(spelling.places.count > 6 ? ", …" : "")"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `3 errors, 12 warnings, 4 notes in 5 categories`.
    public static func summary(_ report: CheckReport) -> String {
        let errors = report.findings.count { $0.severity == .error }
        let warnings = report.findings.count { $0.severity == .warning }
        let infos = report.findings.count { $0.severity == .info }
        if report.findings.isEmpty { return "no findings" }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) note\(infos == 1 ? "" : "s")"
    }
}

extension CheckReport {
    /// The categories present in `findings`, in the order of ``CheckCategory/all`` (unknown ones last).
    static func categories(of findings: [Finding]) -> [String] {
        let present = Set(findings.map(\.category))
        return CheckCategory.all.filter(present.contains) + present.subtracting(CheckCategory.all).sorted()
    }
}
