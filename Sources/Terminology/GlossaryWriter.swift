import Foundation
import Corpus

/// Writes glossaries in prevod's TSV, OmegaT's tab-separated format, CSV and TBX v2.
public enum GlossaryWriter {
    /// The columns of prevod's TSV format, in the order prevod writes them.
    public static let columns = ["id", "bg", "en", "type", "pos", "gender", "forms", "forbidden", "case", "clitics", "note", "source"]

    /// `glossary` in `format`. `withForms` (OmegaT only) adds a line for every inflected form prevod matches, so
    /// that OmegaT, which matches glossary entries by exact text and a stemmer, also finds "Курската област".
    public static func write(_ glossary: Glossary, format: GlossaryFormat, withForms: Bool = false) throws(TerminologyError) -> String {
        switch format {
        case .tsv: return table(glossary, separator: "\t")
        case .csv: return table(glossary, separator: ",")
        case .omegat: return omegaT(glossary, withForms: withForms)
        case .tbx: return try TBXWriter.document(glossary)
        }
    }

    /// The extra columns (not prevod's) of the entries, in order of first appearance.
    static func extraColumns(_ glossary: Glossary) -> [String] {
        var names: [String] = []
        for entry in glossary.entries {
            for key in entry.extra.keys.sorted() where !names.contains(key) { names.append(key) }
        }
        return names
    }

    static func fields(of entry: GlossaryEntry, extras: [String]) -> [String] {
        var fields = [
            entry.id, entry.source, entry.targets.joined(separator: " | "),
            entry.unknownTypeLabel ?? entry.type?.rawValue ?? "", entry.partOfSpeech ?? "", entry.gender ?? "",
            entry.forms.joined(separator: " | "), entry.forbidden.joined(separator: " | "),
            entry.caseRule == .auto ? "" : entry.caseRule.rawValue,
            entry.allowsClitics.map { $0 ? "yes" : "no" } ?? "", entry.note ?? "", entry.origin ?? "",
        ]
        fields += extras.map { entry.extra[$0] ?? "" }
        return fields
    }

    static func table(_ glossary: Glossary, separator: Character) -> String {
        let extras = extraColumns(glossary)
        var out = ""
        func row(_ fields: [String]) {
            if separator == "\t" {
                out += fields.map(tsvField).joined(separator: "\t") + "\n"
            } else {
                out += fields.map(csvField).joined(separator: ",") + "\r\n"
            }
        }
        row(columns + extras)
        for entry in glossary.entries { row(fields(of: entry, extras: extras)) }
        return out
    }

    /// A TSV field cannot hold tabs or line breaks: they become spaces.
    static func tsvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "\t" || $0.isNewline }) else { return value }
        return String(value.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || value.hasPrefix("#") else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// OmegaT's glossary: `source<TAB>target<TAB>comment`, one line per rendering, `#` comments.
    static func omegaT(_ glossary: Glossary, withForms: Bool) -> String {
        var out = "# bg → en glossary written by prevod (OmegaT tab-separated format: source, target, comment)\n"
        for entry in glossary.entries {
            var comment: [String] = []
            if let type = entry.type { comment.append(type.rawValue) }
            if let note = entry.note { comment.append(note) }
            if !entry.forbidden.isEmpty { comment.append("not: " + entry.forbidden.joined(separator: ", ")) }
            for (i, target) in entry.targets.enumerated() {
                let note = i == 0 ? comment.joined(separator: "; ") : "alternative rendering"
                out += [entry.source, target, note].map(tsvField).joined(separator: "\t") + "\n"
            }
            if withForms {
                for form in TermIndex.matchedForms(of: entry).dropFirst() {
                    out += [form, entry.target, "form of \(entry.source)"].map(tsvField).joined(separator: "\t") + "\n"
                }
            }
        }
        return out
    }
}
