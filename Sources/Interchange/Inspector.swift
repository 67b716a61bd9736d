import Corpus
import XMLKit

/// What `prevod inspect` reports for one file: its kind, a summary of its contents, and the problems that make it
/// unreadable or invalid (none for a valid file).
public struct Inspection: Sendable {
    public var path: String
    public var kind: String
    public var summary: [String]
    public var problems: [ValidationProblem]
    public var isValid: Bool { problems.isEmpty }
}

/// Reads any XLIFF 1.2/2.x, TMX or TBX file and describes it.
public enum Inspector {
    public static func inspect(_ bytes: [UInt8], path: String) -> Inspection {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes, source: path)
        } catch {
            return Inspection(path: path, kind: "unreadable", summary: [], problems: [ValidationProblem(path: path, line: error.line, column: error.column, message: error.message)])
        }
        let root = document.root
        switch (root.name.namespace, root.name.local) {
        case (Namespaces.xliff2, "xliff"): return xliff2(document, path: path)
        case (Namespaces.xliff12, "xliff"): return xliff12(document, path: path)
        case (_, "tmx"): return tmx(bytes, root: root, path: path)
        case (_, "martif"), (_, "tbx"): return tbx(root, path: path)
        default:
            return Inspection(path: path, kind: "unknown", summary: [], problems: [ValidationProblem(
                path: path, line: root.line, column: root.column, message: "not XLIFF, TMX or TBX (root element <\(root.qualifiedName)> in \(root.name.namespace.isEmpty ? "no namespace" : root.name.namespace))")])
        }
    }

    private static func counts(_ states: [String: Int]) -> String {
        states.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    static func xliff2(_ document: XMLDocument, path: String) -> Inspection {
        let problems = XLIFF2Validator.validate(document, path: path)
        let root = document.root
        let version = root.attribute("version") ?? "2.0"
        var summary = ["XLIFF \(version), \(root.attribute("srcLang") ?? "?") → \(root.attribute("trgLang") ?? "(no target language)")"]
        if let bilingual = try? XLIFFReader.read(document, source: path) {
            let parts = bilingual.files.flatMap { $0.units.flatMap(\.parts) }
            let segments = parts.filter { $0.kind == .segment }
            var states: [String: Int] = [:]
            for segment in segments { states[segment.state ?? "initial", default: 0] += 1 }
            let units = bilingual.files.reduce(0) { $0 + $1.units.count }
            summary.append("\(bilingual.files.count) file(s), \(units) units, \(segments.count) segments (\(counts(states))), \(parts.count - segments.count) ignorables")
            summary.append("\(segments.filter { $0.target != nil }.count) targets, \(segments.filter(\.isTranslated).count) translated")
            for file in bilingual.files.prefix(5) {
                var line = "file \(file.id)"
                if let date = file.metadata["date"] ?? file.skeleton?.date { line += ", date \(date)" }
                if file.skeleton != nil { line += ", prepared by prevod" }
                summary.append(line)
            }
        }
        let markers = root.descendants.filter { $0.name.namespace == Namespaces.xliff2 && $0.name.local == "mrk" && $0.attribute("type") == "term" }.count
        let entries = root.descendants.filter { $0.name.namespace == Namespaces.glossary && $0.name.local == "glossEntry" }.count
        summary.append("\(markers) term markers, \(entries) glossary entries")
        return Inspection(path: path, kind: "XLIFF \(version)", summary: summary, problems: problems)
    }

    private static let states12: Set<String> = [
        "final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n", "needs-review-translation",
        "needs-translation", "new", "signed-off", "translated",
    ]

    static func xliff12(_ document: XMLDocument, path: String) -> Inspection {
        var problems: [ValidationProblem] = []
        func problem(_ element: XMLElement, _ message: String) {
            problems.append(ValidationProblem(path: path, line: element.line, column: element.column, message: message))
        }
        let root = document.root
        if root.attribute("version") == nil { problem(root, "<xliff> needs version") }
        let files = root.elements("file", namespace: Namespaces.xliff12)
        if files.isEmpty { problem(root, "<xliff> needs at least one <file>") }
        var states: [String: Int] = [:]
        var units = 0
        var notes = 0
        var terms = 0
        for file in files {
            for name in ["original", "source-language", "datatype"] where file.attribute(name) == nil { problem(file, "<file> needs \(name)") }
            guard let body = file.element("body", namespace: Namespaces.xliff12) else {
                problem(file, "<file> needs a <body>")
                continue
            }
            var ids = Set<String>()
            for unit in body.descendants where unit.name.local == "trans-unit" {
                units += 1
                guard let id = unit.attribute("id") else {
                    problem(unit, "<trans-unit> needs an id")
                    continue
                }
                if !ids.insert(id).inserted { problem(unit, "trans-unit id \(id) is not unique in its <file>") }
                let children = unit.elements()
                if children.first?.name.local != "source" { problem(unit, "<trans-unit> must start with <source>") }
                if let target = unit.element("target") {
                    let state = target.attribute("state") ?? "(no state)"
                    if target.attribute("state") != nil && !states12.contains(state) && !state.hasPrefix("x-") {
                        problem(target, "state=\"\(state)\" is not an XLIFF 1.2 state")
                    }
                    states[state, default: 0] += 1
                } else {
                    states["(no target)", default: 0] += 1
                }
                notes += unit.elements("note").count
                for marker in unit.descendants where marker.name.local == "mrk" {
                    if marker.attribute("mtype") == nil { problem(marker, "<mrk> needs mtype") }
                    if marker.attribute("mtype") == "term" { terms += 1 }
                }
            }
        }
        let first = files.first
        let summary = [
            "XLIFF 1.2, \(first?.attribute("source-language") ?? "?") → \(first?.attribute("target-language") ?? "(no target language)")",
            "\(files.count) file(s), \(units) trans-units (\(counts(states)))",
            "\(terms) term markers, \(notes) notes",
        ]
        return Inspection(path: path, kind: "XLIFF 1.2", summary: summary, problems: problems)
    }

    static func tmx(_ bytes: [UInt8], root: XMLElement, path: String) -> Inspection {
        var problems: [ValidationProblem] = []
        func problem(_ element: XMLElement, _ message: String) {
            problems.append(ValidationProblem(path: path, line: element.line, column: element.column, message: message))
        }
        if root.attribute("version") == nil { problem(root, "<tmx> needs version") }
        let header = root.element("header")
        if header == nil { problem(root, "<tmx> needs a <header>") }
        for name in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"] where header != nil && header!.attribute(name) == nil {
            problem(header!, "<header> needs \(name)")
        }
        guard let body = root.element("body") else {
            problem(root, "<tmx> needs a <body>")
            return Inspection(path: path, kind: "TMX", summary: [], problems: problems)
        }
        var languages: [String: Int] = [:]
        var units = 0
        for unit in body.elements("tu") {
            units += 1
            let variants = unit.elements("tuv")
            if variants.isEmpty { problem(unit, "<tu> needs at least one <tuv>") }
            for variant in variants {
                guard let lang = variant.attribute("lang", namespace: XMLName.xmlNamespace) ?? variant.attribute("lang") else {
                    problem(variant, "<tuv> needs xml:lang")
                    continue
                }
                if variant.element("seg") == nil { problem(variant, "<tuv> needs a <seg>") }
                languages[lang, default: 0] += 1
            }
        }
        let summary = [
            "TMX \(root.attribute("version") ?? "?"), source language \(header?.attribute("srclang") ?? "?")",
            "\(units) translation units; variants by language: \(counts(languages))",
        ]
        return Inspection(path: path, kind: "TMX", summary: summary, problems: problems)
    }

    static func tbx(_ root: XMLElement, path: String) -> Inspection {
        var problems: [ValidationProblem] = []
        let entries = root.descendants.filter { $0.name.local == "termEntry" || $0.name.local == "conceptEntry" }
        if root.element("text")?.element("body") == nil {
            problems.append(ValidationProblem(path: path, line: root.line, column: root.column, message: "<\(root.name.local)> needs <text><body>"))
        }
        var languages: [String: Int] = [:]
        for langSet in root.descendants where langSet.name.local == "langSet" || langSet.name.local == "langSec" {
            let lang = langSet.attribute("lang", namespace: XMLName.xmlNamespace) ?? "?"
            languages[lang, default: 0] += langSet.descendants.filter { $0.name.local == "term" }.count
        }
        for entry in entries where entry.descendants.allSatisfy({ $0.name.local != "term" }) {
            problems.append(ValidationProblem(path: path, line: entry.line, column: entry.column, message: "<\(entry.name.local)> has no <term>"))
        }
        let version = root.name.local == "martif" ? "TBX v2 (martif)" : "TBX v3"
        return Inspection(path: path, kind: version, summary: ["\(version), \(entries.count) entries; terms by language: \(counts(languages))"], problems: problems)
    }
}
