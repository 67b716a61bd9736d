import Corpus
import XMLKit

/// Reads TBX v2 (TBX-Basic and other `martif` dialects) keeping every term of every language: the Bulgarian terms
/// of an entry become its base form (the preferred or first one) and explicit forms, the English ones its
/// renderings (preferred first; deprecated and superseded ones its forbidden variants), other languages are kept
/// as extra columns named by language code. Parsed by XMLKit's safe reader (no external entities, no DTD fetch).
enum TBXReader {
    static func read(_ bytes: [UInt8], path: String) throws(TerminologyError) -> GlossaryReadResult {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes, source: path)
        } catch {
            throw TerminologyError.malformed(
                SourceLocation(file: path, line: error.line, column: error.column),
                message: "malformed TBX: \(error.message)")
        }
        let root = document.root
        guard root.name.local == "martif" else {
            let hint = root.name.local == "tbx" ? " (TBX v3 is not supported: export TBX v2 / TBX-Basic)" : ""
            throw TerminologyError.malformed(
                SourceLocation(file: path, line: root.line, column: root.column),
                message: "expected a TBX v2 document with the root element <martif>, found <\(root.qualifiedName)>\(hint)")
        }
        guard let body = root.element("text")?.element("body") else {
            throw TerminologyError.malformed(
                SourceLocation(file: path, line: root.line, column: root.column),
                message: "expected <martif><text><body> with <termEntry> elements")
        }
        var findings: [Finding] = []
        var entries: [GlossaryEntry] = []
        for termEntry in body.elements("termEntry") {
            let location = SourceLocation(file: path, line: termEntry.line, column: termEntry.column)
            if let entry = entry(termEntry, location: location, findings: &findings) { entries.append(entry) }
        }
        if body.elements("termEntry").isEmpty {
            findings.append(GlossaryReader.lint(.warning, "lint.empty-glossary", "the TBX body has no <termEntry>", at: SourceLocation(file: path, line: body.line, column: body.column)))
        }
        return GlossaryReadResult(glossary: Glossary(entries: entries), format: .tbx, findings: findings)
    }

    /// A term with what its term notes say.
    struct Term {
        var text: String
        var status: String?
        var partOfSpeech: String?
        var gender: String?
        var termType: String?
        var deprecated: Bool { status.map { $0.hasPrefix("deprecated") || $0.hasPrefix("superseded") } ?? false }
        var preferred: Bool { status?.hasPrefix("preferred") ?? false }
    }

    static func entry(_ termEntry: XMLElement, location: SourceLocation, findings: inout [Finding]) -> GlossaryEntry? {
        var languages: [(code: String, terms: [Term])] = []
        var notes: [String] = []
        var origin: String?
        var settings: [String: String] = [:]
        collectAux(termEntry, notes: &notes, origin: &origin, settings: &settings)
        for langSet in termEntry.elements("langSet") {
            let code = langSet.attribute("lang", namespace: XMLName.xmlNamespace) ?? ""
            collectAux(langSet, notes: &notes, origin: &origin, settings: &settings)
            var terms: [Term] = []
            for group in langSet.elements() where group.name.local == "tig" || group.name.local == "ntig" {
                let holder = group.name.local == "ntig" ? (group.element("termGrp") ?? group) : group
                guard let termElement = holder.element("term") else { continue }
                var term = Term(text: termElement.text.trimmingCharacters(in: .whitespacesAndNewlines))
                for note in holder.elements("termNote") + holder.elements("termNoteGrp").compactMap({ $0.element("termNote") }) {
                    let value = note.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    switch note.attribute("type") {
                    case "administrativeStatus", "normativeAuthorization": term.status = value
                    case "partOfSpeech": term.partOfSpeech = value
                    case "grammaticalGender": term.gender = value
                    case "termType": term.termType = value
                    default: break
                    }
                }
                collectAux(group, notes: &notes, origin: &origin, settings: &settings)
                if !term.text.isEmpty { terms.append(term) }
            }
            if let index = languages.firstIndex(where: { $0.code.lowercased() == code.lowercased() }) {
                languages[index].terms += terms
            } else {
                languages.append((code, terms))
            }
        }
        func terms(_ language: String) -> [Term] {
            languages.filter { $0.code.lowercased() == language || $0.code.lowercased().hasPrefix(language + "-") || $0.code.lowercased().hasPrefix(language + "_") }.flatMap(\.terms)
        }
        let bulgarian = terms("bg").sorted { $0.preferred && !$1.preferred }
        guard let base = bulgarian.first(where: { !$0.deprecated }) ?? bulgarian.first else {
            let present = languages.map(\.code).joined(separator: ", ")
            findings.append(GlossaryReader.lint(.warning, "lint.missing-language", "this <termEntry> has no Bulgarian (bg) term (languages: \(present.isEmpty ? "none" : present)); skipped", at: location))
            return nil
        }
        let english = terms("en")
        let targets = english.filter { !$0.deprecated }.sorted { $0.preferred && !$1.preferred }.map(\.text)
        guard !targets.isEmpty else {
            findings.append(GlossaryReader.lint(.error, "format.empty-target", "the <termEntry> of \"\(base.text)\" has no English (en) term", at: location))
            return nil
        }
        var entry = GlossaryEntry(id: termEntry.attribute("id") ?? "", source: base.text, targets: unique(targets), location: location)
        entry.forms = unique(bulgarian.map(\.text).filter { $0 != base.text })
        entry.forbidden = unique(english.filter(\.deprecated).map(\.text))
        entry.partOfSpeech = base.partOfSpeech.flatMap(Self.universalPOS)
        entry.gender = base.gender.flatMap(Self.universalGender)
        if let type = settings["type"] {
            if let known = EntryType(label: type) { entry.type = known } else { entry.type = .other; entry.unknownTypeLabel = type }
        }
        if let rule = settings["case"], let caseRule = CaseRule(rawValue: rule) { entry.caseRule = caseRule }
        if let clitics = settings["clitics"] { entry.allowsClitics = clitics == "yes" }
        if let pos = settings["pos"] { entry.partOfSpeech = pos }
        entry.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        entry.origin = origin
        for (code, terms) in languages where !code.lowercased().hasPrefix("bg") && !code.lowercased().hasPrefix("en") && !terms.isEmpty {
            entry.extra[code] = terms.map(\.text).joined(separator: " | ")
        }
        return entry
    }

    /// Notes, the source, and prevod's own settings (`<note>prevod: type=person; case=exact</note>`).
    static func collectAux(_ element: XMLElement, notes: inout [String], origin: inout String?, settings: inout [String: String]) {
        for child in element.elements() {
            let text = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            switch (child.name.local, child.attribute("type")) {
            case ("note", _):
                if text.hasPrefix(TBXWriter.settingsPrefix) {
                    for pair in text.dropFirst(TBXWriter.settingsPrefix.count).split(separator: ";") {
                        let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                        if parts.count == 2 { settings[parts[0]] = parts[1] }
                    }
                } else if !notes.contains(text) {
                    notes.append(text)
                }
            case ("admin", "source"), ("descrip", "source"):
                origin = origin ?? text
            case ("descrip", "definition"), ("descrip", "context"):
                if !notes.contains(text) { notes.append(text) }
            case ("descripGrp", _):
                collectAux(child, notes: &notes, origin: &origin, settings: &settings)
            default:
                break
            }
        }
    }

    static func universalPOS(_ tbx: String) -> String? {
        switch tbx {
        case "noun": return "NOUN"
        case "properNoun": return "PROPN"
        case "adjective": return "ADJ"
        case "verb": return "VERB"
        case "adverb": return "ADV"
        default: return nil
        }
    }

    static func universalGender(_ tbx: String) -> String? {
        switch tbx {
        case "masculine": return "Masc"
        case "feminine": return "Fem"
        case "neuter": return "Neut"
        default: return nil
        }
    }
}
