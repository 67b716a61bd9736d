import XMLKit

/// Writes TBX v2 in the TBX-Basic dialect (root `martif`), valid against the TBX core structure DTD: one
/// `termEntry` per entry, a `langSet` for Bulgarian (base form, then explicit forms), one for English (preferred,
/// admitted and deprecated renderings by `administrativeStatus`) and one for every extra language column.
/// What TBX-Basic has no data category for (entry type, case rule, clitics) goes into a `<note>` starting with
/// `prevod:`, which ``TBXReader`` reads back.
enum TBXWriter {
    static let settingsPrefix = "prevod:"

    static func document(_ glossary: Glossary) throws(TerminologyError) -> String {
        guard !glossary.entries.isEmpty else {
            throw TerminologyError.unwritable(path: "-", reason: "a TBX body needs at least one <termEntry>; the glossary is empty")
        }
        var xml = XMLWriter()
        do {
            try xml.start("martif", ["type": "TBX-Basic", "xml:lang": "bg"])
            try xml.start("martifHeader")
            try xml.start("fileDesc")
            try xml.start("sourceDesc")
            try xml.element("p", text: "bg → en glossary written by prevod (\(glossary.entries.count) entries)")
            xml.end()
            xml.end()
            try xml.start("encodingDesc")
            try xml.element("p", ["type": "XCSURI"], text: "TBXBasicXCSV02.xcs")
            xml.end()
            xml.end()
            try xml.start("text")
            try xml.start("body")
            var ids: Set<String> = []
            for entry in glossary.entries { try write(entry, id: xmlID(entry.id, taken: &ids), into: &xml) }
        } catch {
            throw TerminologyError.unwritable(path: "-", reason: error.description)
        }
        return xml.finish()
    }

    static func write(_ entry: GlossaryEntry, id: String, into xml: inout XMLWriter) throws(XMLWriterError) {
        try xml.start("termEntry", ["id": id])
        var settings: [String] = []
        if let type = entry.unknownTypeLabel ?? entry.type?.rawValue { settings.append("type=\(type)") }
        if entry.caseRule != .auto { settings.append("case=\(entry.caseRule.rawValue)") }
        if let clitics = entry.allowsClitics { settings.append("clitics=\(clitics ? "yes" : "no")") }
        if entry.partOfSpeech == "X" { settings.append("pos=X") }
        if !settings.isEmpty { try xml.element("note", text: settingsPrefix + " " + settings.joined(separator: "; ")) }
        if let note = entry.note { try xml.element("note", text: note) }
        if let origin = entry.origin { try xml.element("admin", ["type": "source"], text: origin) }

        try xml.start("langSet", ["xml:lang": "bg"])
        try xml.start("tig")
        try xml.element("term", text: entry.source)
        if let pos = entry.partOfSpeech.flatMap(tbxPOS) { try xml.element("termNote", ["type": "partOfSpeech"], text: pos) }
        if let gender = entry.gender.flatMap(tbxGender) { try xml.element("termNote", ["type": "grammaticalGender"], text: gender) }
        if isAcronym(entry.source) { try xml.element("termNote", ["type": "termType"], text: "acronym") }
        try xml.element("termNote", ["type": "administrativeStatus"], text: "preferredTerm-admn-sts")
        xml.end()
        for form in entry.forms {
            try xml.start("tig")
            try xml.element("term", text: form)
            try xml.element("termNote", ["type": "termType"], text: "variant")
            xml.end()
        }
        xml.end()

        try xml.start("langSet", ["xml:lang": "en"])
        for (i, target) in entry.targets.enumerated() {
            try xml.start("tig")
            try xml.element("term", text: target)
            try xml.element("termNote", ["type": "administrativeStatus"], text: i == 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts")
            xml.end()
        }
        for variant in entry.forbidden {
            try xml.start("tig")
            try xml.element("term", text: variant)
            try xml.element("termNote", ["type": "administrativeStatus"], text: "deprecatedTerm-admn-sts")
            xml.end()
        }
        xml.end()

        for (code, value) in entry.extra.sorted(by: { $0.key < $1.key }) where isLanguageCode(code) {
            try xml.start("langSet", ["xml:lang": code])
            for term in value.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !term.isEmpty {
                try xml.start("tig")
                try xml.element("term", text: term)
                xml.end()
            }
            xml.end()
        }
        xml.end()
    }

    /// `de`, `fr`, `pt-BR`, `zh-Hant`: extra columns with such names are languages.
    static func isLanguageCode(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func isAcronym(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// An XML ID (NCName) for `id`, unique in the document.
    static func xmlID(_ id: String, taken: inout Set<String>) -> String {
        var name = String(id.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || scalar == "-" || scalar == "_" || scalar == "."
                ? Character(scalar) : "-"
        })
        if name.isEmpty || !(name.unicodeScalars.first!.properties.isAlphabetic || name.hasPrefix("_")) { name = "t-" + name }
        return Glossary.uniqueID(name, taken: &taken)
    }

    static func tbxPOS(_ pos: String) -> String? {
        switch pos {
        case "NOUN": return "noun"
        case "PROPN": return "properNoun"
        case "ADJ": return "adjective"
        case "VERB": return "verb"
        case "ADV": return "adverb"
        case "X": return nil
        default: return "other"
        }
    }

    static func tbxGender(_ gender: String) -> String? {
        switch gender {
        case "Masc": return "masculine"
        case "Fem": return "feminine"
        case "Neut": return "neuter"
        default: return nil
        }
    }
}
