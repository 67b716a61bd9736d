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
        for path in try files(for: paths) {
            let result = try GlossaryReader.read(path)
            if let error = result.findings.first(where: { $0.severity == .error && $0.rule.hasPrefix("format.") }) {
                throw TerminologyError.malformed(
                    error.location.source ?? SourceLocation(file: path), message: error.message)
            }
            glossary.append(result.glossary)
        }
        return glossary
    }

    /// The glossary files that `paths` name: files as given, directories walked recursively for `.tsv`, `.csv`,
    /// `.tbx`, `.txt` and `.utf8` files (hidden files and READMEs skipped), in sorted order. Every command that takes
    /// `--glossary` resolves its arguments here, so a directory such as `Glossaries/` works everywhere.
    public static func files(for paths: [String]) throws(TerminologyError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .unreadable(path: path, reason: "no such file")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
            let found = names.filter { name in
                let file = (name as NSString).lastPathComponent
                return !file.hasPrefix(".") && !file.uppercased().hasPrefix("README")
                    && glossaryExtensions.contains((file as NSString).pathExtension.lowercased())
            }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if found.isEmpty {
                throw .unreadable(path: path, reason: "the directory holds no glossary file (.tsv, .csv, .tbx, .txt)")
            }
            files += found.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    static let glossaryExtensions: Set<String> = ["tsv", "csv", "tbx", "txt", "utf8"]

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

    /// A copy with ids assigned (see ``assignIDs()``).
    public func withIDs() -> Glossary {
        var copy = self
        copy.assignIDs()
        return copy
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

    /// Whether `path` is a TBX file: by its extension, or by content starting with `<` (after a byte order mark).
    static func looksLikeXML(path: String, data: Data) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".tbx") || lower.hasSuffix(".xml") { return true }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") { return false }
        var bytes = data.prefix(8)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        return bytes.first == UInt8(ascii: "<")
    }

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
