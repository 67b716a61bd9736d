import Corpus

/// The JSON report: an array of findings, one object per line, each with `doc`, `segment`, `category`, `rule`,
/// `severity`, `message`, `suggestion`, `side`, `start`/`end` (Unicode-scalar offsets in the segment), `file`,
/// `line`, `column` and the segment's `source` and `target` texts.
public enum JSONReport {
    public static func render(_ report: CheckReport) -> String {
        guard !report.findings.isEmpty else { return "[]\n" }
        var out = "[\n"
        for (i, finding) in report.findings.enumerated() {
            object(finding, unit: report.unit(of: finding)).write(into: &out)
            out += i + 1 < report.findings.count ? ",\n" : "\n"
        }
        return out + "]\n"
    }

    static func object(_ finding: Finding, unit: CheckUnit?) -> JSONValue {
        let location = finding.location
        var members: [(String, JSONValue)] = [
            ("doc", location.document.map(JSONValue.string) ?? .null),
            ("segment", location.segment.map(JSONValue.int) ?? .null),
            ("category", .string(finding.category)),
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("suggestion", finding.suggestion.map(JSONValue.string) ?? .null),
        ]
        if let side = location.side { members.append(("side", .string(side))) }
        if let range = location.range {
            members.append(("start", .int(range.lowerBound)))
            members.append(("end", .int(range.upperBound)))
        }
        if let source = location.source {
            members.append(("file", .string(source.file)))
            if source.line > 0 { members.append(("line", .int(source.line))) }
            if source.column > 0 { members.append(("column", .int(source.column))) }
        }
        if let id = unit?.id { members.append(("unit", .string(id))) }
        if let unit {
            members.append(("source", .string(unit.source)))
            if let target = unit.target { members.append(("target", .string(target))) }
        }
        return .object(members)
    }
}
