import Foundation

/// The review file of an alignment: every link with its score, lowest first, with both texts, so a person can check
/// the doubtful ones. As TSV (for a spreadsheet) or as one self-contained HTML page.
public struct ReviewReport: Sendable {
    public struct Row: Sendable, Hashable {
        public var document: String
        public var link: Link
        public var bulgarian: String
        public var english: String
    }

    public var rows: [Row]
    public var warnings: [AlignmentWarning]
    /// Links at or above this score go to the translation memory; the report marks the others.
    public var minimumScore: Double

    /// The links of `alignments`, lowest score first (ties in document order).
    public init(_ alignments: [DocumentAlignment], minimumScore: Double) {
        var rows: [Row] = []
        for alignment in alignments {
            for link in alignment.links {
                rows.append(Row(
                    document: alignment.document.id, link: link, bulgarian: alignment.bulgarianText(of: link),
                    english: alignment.englishText(of: link)))
            }
        }
        // A stable sort keeps document order among equal scores.
        self.rows = rows.enumerated().sorted { a, b in
            a.element.link.score != b.element.link.score ? a.element.link.score < b.element.link.score : a.offset < b.offset
        }.map(\.element)
        warnings = alignments.flatMap(\.warnings)
        self.minimumScore = minimumScore
    }

    /// Segment numbers as people count them (from 1): `3`, `3-4`, or `-` for none.
    public static func segmentNumbers(_ range: Range<Int>) -> String {
        if range.isEmpty { return "-" }
        return range.count == 1 ? "\(range.lowerBound + 1)" : "\(range.lowerBound + 1)-\(range.upperBound)"
    }

    static func formatted(_ score: Double) -> String { String(format: "%.3f", score) }

    // MARK: TSV

    /// Tab-separated: a header row, then `score, in TM, document, link, bg, en, evidence, Bulgarian, English`.
    /// Tabs and line breaks inside texts become spaces.
    public func tsv() -> String {
        var out = "score\tin_tm\tdocument\tlink\tbg\ten\tevidence\tbulgarian\tenglish\n"
        for row in rows {
            let fields = [
                Self.formatted(row.link.score), row.link.isPair && row.link.score >= minimumScore ? "yes" : "no",
                row.document, row.link.kind, Self.segmentNumbers(row.link.bulgarian), Self.segmentNumbers(row.link.english),
                row.link.evidence.joined(separator: "; "), row.bulgarian, row.english,
            ]
            out += fields.map(Self.cell).joined(separator: "\t") + "\n"
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    // MARK: HTML

    /// A self-contained HTML page (inline style, no scripts, no external resources).
    public func html(title: String = "prevod alignment review") -> String {
        let pairs = rows.filter(\.link.isPair)
        let kept = pairs.filter { $0.link.score >= minimumScore }.count
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(Self.escape(title))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }
            th { background: #f4f4f4; position: sticky; top: 0; }
            td.score { font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.low td.score { background: #f8d7d7; } tr.mid td.score { background: #fdf0c8; } tr.high td.score { background: #d9f0d9; }
            tr.null td { color: #777; }
            td.text { width: 36%; }
            td.evidence { color: #555; font-size: 12px; }
            .warning { background: #fff4d6; border-left: 4px solid #e0a800; padding: 4px 8px; margin: 4px 0; }
            </style>
            </head>
            <body>
            <h1>\(Self.escape(title))</h1>
            <p>\(rows.count) links, \(pairs.count) pairing text; \(kept) at or above the minimum score \(Self.formatted(minimumScore)) go to the translation memory. Lowest score first.</p>

            """
        for warning in warnings { out += "<p class=\"warning\">\(Self.escape(warning.message))</p>\n" }
        out += "<table>\n<thead><tr><th>score</th><th>document</th><th>link</th><th>bg</th><th>en</th><th>Bulgarian</th><th>English</th><th>evidence</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let band = !row.link.isPair ? "null" : row.link.score < 0.5 ? "low" : row.link.score < 0.9 ? "mid" : "high"
            out += "<tr class=\"\(band)\"><td class=\"score\">\(Self.formatted(row.link.score))</td>"
            out += "<td>\(Self.escape(row.document))</td><td>\(row.link.kind)</td>"
            out += "<td>\(Self.segmentNumbers(row.link.bulgarian))</td><td>\(Self.segmentNumbers(row.link.english))</td>"
            out += "<td class=\"text\" lang=\"bg\">\(Self.escape(row.bulgarian))</td><td class=\"text\" lang=\"en\">\(Self.escape(row.english))</td>"
            out += "<td class=\"evidence\">\(Self.escape(row.link.evidence.joined(separator: "; ")))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</body>\n</html>\n"
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
