import Corpus
import Foundation

/// A glossary: entries in file order. Loading several files concatenates them (ids stay unique).
public struct Glossary: Sendable, Hashable {
    public var entries: [GlossaryEntry]

    public init(entries: [GlossaryEntry] = []) {
        self.entries = entries
    }

    /// Reads glossary files of any supported format (see ``GlossaryFormat``), refusing the first malformed row
    /// with a `file:line` error. `prevod glossary lint` reports every problem instead.
    public static func load(_ paths: [String]) throws(TerminologyError) -> Glossary {
        var glossary = Glossary()
        for path in paths {
            let result = try GlossaryReader.read(path)
            if let error = result.findings.first(where: { $0.severity == .error && $0.rule.hasPrefix("format.") }) {
                throw TerminologyError.malformed(
                    error.location.source ?? SourceLocation(file: path), message: error.message)
            }
            glossary.append(result.glossary)
        }
        return glossary
    }

    /// Adds the entries of `other`, renaming ids that are already taken (`putin` → `putin-2`).
    public mutating func append(_ other: Glossary) {
        var taken = Set(entries.map(\.id))
        for var entry in other.entries {
            entry.id = Self.uniqueID(entry.id, taken: &taken)
            entries.append(entry)
        }
    }

    /// Gives every entry without an id one derived from its preferred rendering (`vladimir-putin`), and makes ids
    /// unique and usable as XML ids (letters first).
    public mutating func assignIDs() {
        var taken: Set<String> = []
        for i in entries.indices {
            let base = entries[i].id.isEmpty ? Self.slug(entries[i].target.isEmpty ? Transliteration.bulgarian2009(entries[i].source) : entries[i].target) : entries[i].id
            entries[i].id = Self.uniqueID(base, taken: &taken)
        }
    }

    static func uniqueID(_ base: String, taken: inout Set<String>) -> String {
        var id = base.isEmpty ? "e" : base
        if let first = id.unicodeScalars.first, !(first.properties.isAlphabetic || first == "_") { id = "t-" + id }
        var candidate = id
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(id)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// A lower-case ASCII slug: "Kim Jong Un" → "kim-jong-un".
    static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                if dash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                dash = false
            } else {
                dash = true
            }
        }
        return String(out.prefix(48))
    }
}

/// The glossary formats prevod reads and writes.
public enum GlossaryFormat: String, Sendable, CaseIterable {
    /// prevod's TSV: a header row naming the columns (see Docs/terminology.md); also reads the seed/NTREX headers.
    case tsv
    /// OmegaT's tab-separated glossary: source, target, comment; `#` comment lines; no header.
    case omegat
    /// Comma-separated values (RFC 4180), with a header row like prevod's TSV or OmegaT's three columns.
    case csv
    /// TBX v2 (TBX-Basic, root `martif`).
    case tbx

    /// The format of `path`, from its extension and, for tab-separated files, its first row.
    public static func detect(path: String, firstLine: String?) -> GlossaryFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".tbx") || lower.hasSuffix(".xml") { return .tbx }
        if lower.hasSuffix(".csv") { return .csv }
        if let firstLine, firstLine.hasPrefix("<?xml") || firstLine.hasPrefix("<martif") { return .tbx }
        if let firstLine, TableHeader(fields: firstLine.components(separatedBy: "\t")).isPrevodHeader { return .tsv }
        return .omegat
    }
}
