import Corpus
import ICU

/// The checks of `prevod glossary lint`: what ``GlossaryReader`` found while reading (malformed rows, bad values,
/// empty list items), then duplicates, conflicting renderings, unknown types, entries whose forms another entry
/// takes (shadowing), mixed scripts, forbidden variants that are also renderings, drafts awaiting review.
/// Every problem is a ``Finding`` of category `lint` with `file:line`.
public enum GlossaryLint {
    /// Reads and checks `paths` together (an entry may conflict with one in another file).
    public static func lint(_ arguments: [String]) -> [Finding] {
        var findings: [Finding] = []
        var glossary = Glossary()
        var paths: [String] = []
        for argument in arguments {
            do {
                paths += try Glossary.files(for: [argument])
            } catch {
                findings.append(Finding(
                    category: "lint", rule: "format.unreadable", severity: .error, message: Self.message(of: error),
                    location: FindingLocation(source: SourceLocation(file: argument))))
            }
        }
        for path in paths {
            do {
                let result = try GlossaryReader.read(path)
                findings += result.findings
                glossary.append(result.glossary)
            } catch {
                findings.append(Finding(
                    category: "lint", rule: "format.unreadable", severity: .error, message: Self.message(of: error),
                    location: FindingLocation(source: error.location ?? SourceLocation(file: path))))
            }
        }
        // In file order (as given), then line order.
        let order = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return (findings + check(glossary)).enumerated().sorted { a, b in
            let fa = a.element.location.source.flatMap { order[$0.file] } ?? Int.max
            let fb = b.element.location.source.flatMap { order[$0.file] } ?? Int.max
            if fa != fb { return fa < fb }
            let la = a.element.location.source?.line ?? 0
            let lb = b.element.location.source?.line ?? 0
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }

    /// The message of an error without its `file:line: error:` prefix (the finding's location carries it).
    static func message(of error: TerminologyError) -> String {
        let text = error.description
        guard let range = text.range(of: "error: ") else { return text }
        return String(text[range.upperBound...])
    }

    /// Checks a loaded glossary (entries carry their locations).
    ///
    /// - Complexity: O(*f*) in the total number of forms, plus the inflection of every entry.
    public static func check(_ glossary: Glossary) -> [Finding] {
        var findings: [Finding] = []
        func add(_ severity: Finding.Severity, _ rule: String, _ entry: GlossaryEntry, _ message: String, suggestion: String? = nil) {
            findings.append(Finding(
                category: "lint", rule: rule, severity: severity, message: message, suggestion: suggestion,
                location: FindingLocation(source: entry.location)))
        }
        guard let tokenizer = try? TermTokenizer() else { return findings }
        // Per entry: its folded base form and the folded keys of every form the matcher looks for.
        var firstBySource: [String: Int] = [:]
        var formOwners: [String: Int] = [:]
        let inflector = BulgarianInflector()
        for (index, entry) in glossary.entries.enumerated() {
            if let label = entry.unknownTypeLabel {
                let known = EntryType.allCases.map(\.rawValue)
                let nearest = known.min { editDistance($0, label.lowercased()) < editDistance($1, label.lowercased()) }
                add(.error, "lint.unknown-type", entry, "unknown type \"\(label)\" of \"\(entry.source)\"",
                    suggestion: "use one of \(known.joined(separator: ", "))" + (nearest.map { " (did you mean \($0)?)" } ?? ""))
            }
            for text in [entry.source] + entry.targets + entry.forms where text.contains("  ") {
                add(.warning, "lint.whitespace", entry, "doubled space in \"\(text)\"", suggestion: "use single spaces")
            }
            checkScripts(entry, add: add)
            let targetsFolded = Set(entry.targets.map { $0.lowercased() })
            for variant in entry.forbidden where targetsFolded.contains(variant.lowercased()) {
                add(.error, "lint.forbidden-rendering", entry, "\"\(variant)\" is both a rendering and a forbidden variant of \"\(entry.source)\"")
            }
            if entry.origin?.lowercased().contains("draft") == true || entry.note?.lowercased().hasPrefix("draft") == true {
                add(.warning, "lint.draft", entry, "\"\(entry.source)\" → \"\(entry.target)\" is a draft rendering awaiting review",
                    suggestion: "confirm the rendering and remove \"draft\" from the source/note column")
            }
            let sourceKey = key(entry.source, tokenizer)
            guard !sourceKey.isEmpty else {
                add(.error, "lint.unmatchable", entry, "\"\(entry.source)\" has no words to match")
                continue
            }
            let caseKey = sourceKey + "|" + caseSignature(entry)
            if let first = firstBySource[caseKey] {
                let other = glossary.entries[first]
                let sameFile = other.location?.file == entry.location?.file
                if other.target == entry.target {
                    add(sameFile ? .error : .info, "lint.duplicate-entry", entry,
                        "\"\(entry.source)\" → \"\(entry.target)\" duplicates the entry at \(place(other))",
                        suggestion: sameFile ? "merge the two rows (renderings and forms as | lists)" : nil)
                } else {
                    add(sameFile ? .error : .warning, "lint.conflicting-renderings", entry,
                        "\"\(entry.source)\" is rendered \"\(entry.target)\" here but \"\(other.target)\" at \(place(other))",
                        suggestion: "keep one entry with the preferred rendering first and the others after |")
                }
                continue
            }
            firstBySource[caseKey] = index
            var shadowed = false
            for (form, _) in TermIndex.matchForms(of: entry, inflector: inflector) where !shadowed {
                let formKey = key(form, tokenizer) + "|" + caseSignature(entry)
                if let owner = formOwners[formKey], owner != index {
                    let other = glossary.entries[owner]
                    if other.target != entry.target && form != entry.source {
                        add(.warning, "lint.shadowed-form", entry,
                            "the form \"\(form)\" of \"\(entry.source)\" (\(entry.target)) is also a form of \"\(other.source)\" (\(other.target)) at \(place(other)); the matcher gives it to the earlier entry",
                            suggestion: "list the intended forms explicitly in the forms column, or set pos X to switch inflection off")
                    } else if other.target != entry.target {
                        shadowed = true
                        add(.warning, "lint.shadowed-entry", entry,
                            "\"\(entry.source)\" (\(entry.target)) is also a form of \"\(other.source)\" (\(other.target)) at \(place(other)); the matcher gives it to the earlier entry",
                            suggestion: "set pos X on \"\(other.source)\" or give it explicit forms")
                    }
                } else {
                    formOwners[formKey] = index
                }
            }
        }
        return findings
    }

    static func place(_ entry: GlossaryEntry) -> String { entry.location?.description ?? "entry \(entry.id)" }

    /// The token keys of `text` joined by spaces.
    static func key(_ text: String, _ tokenizer: TermTokenizer) -> String {
        tokenizer.tokens(of: text).map { String(decoding: $0.key, as: UTF16.self) }.joined(separator: " ")
    }

    /// Entries that differ only in the case rule (Роза the name, роза the flower) are not duplicates.
    static func caseSignature(_ entry: GlossaryEntry) -> String {
        switch entry.caseRule {
        case .ignore: return "any"
        case .exact: return "exact"
        case .auto:
            let first = entry.source.unicodeScalars.first { $0.properties.isAlphabetic }
            return first?.properties.isUppercase == true ? "capital" : "any"
        }
    }

    /// A word mixing Cyrillic and Latin letters is almost always a look-alike typo (Пeкин with a Latin e).
    static func checkScripts(_ entry: GlossaryEntry, add: (Finding.Severity, String, GlossaryEntry, String, String?) -> Void) {
        for word in ([entry.source] + entry.forms).flatMap({ $0.split(whereSeparator: { !$0.isLetter }) }) {
            let scripts = Set(word.unicodeScalars.map { Script.of($0) }.filter { $0 == .cyrillic || $0 == .latin })
            if scripts.count > 1 {
                let latin = word.unicodeScalars.filter { Script.of($0) == .latin }.map(String.init).joined()
                add(.error, "lint.mixed-script", entry, "\"\(word)\" mixes Cyrillic and Latin letters (Latin: \(latin))",
                    "retype the word in one script")
            }
        }
        for target in entry.targets where target.unicodeScalars.contains(where: { Script.of($0) == .cyrillic }) {
            add(.warning, "lint.cyrillic-rendering", entry, "the English rendering \"\(target)\" contains Cyrillic letters", nil)
        }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
