import Corpus
import Foundation

/// What reading a glossary file gave: the entries, and every problem met (each a ``Finding`` with `file:line`).
/// Rules starting with `format.` make ``Glossary/load(_:)`` fail; the others are lint findings.
public struct GlossaryReadResult: Sendable {
    public var glossary: Glossary
    public var format: GlossaryFormat
    public var findings: [Finding]
}

/// Reads the glossary formats of ``GlossaryFormat``, leniently: a bad row becomes a finding and reading goes on.
public enum GlossaryReader {
    /// Reads `path` (format detected from the name and first line unless given).
    public static func read(_ path: String, format: GlossaryFormat? = nil) throws(TerminologyError) -> GlossaryReadResult {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "\(error.localizedDescription)" : "no such file"
            throw TerminologyError.unreadable(path: path, reason: reason)
        }
        return try read(data: data, path: path, format: format)
    }

    /// Reads glossary `data` as if from `path` (which names the file in messages and decides the format).
    public static func read(data: Data, path: String, format: GlossaryFormat? = nil) throws(TerminologyError) -> GlossaryReadResult {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            let offset = firstInvalidUTF8Offset(bytes)
            let line = bytes.prefix(offset).filter { $0 == 0x0A }.count + 1
            throw TerminologyError.malformed(
                SourceLocation(file: path, line: line, byteOffset: offset),
                message: "invalid UTF-8 at byte offset \(offset); expected a UTF-8 glossary file")
        }
        let firstLine = text.split(whereSeparator: \.isNewline).first { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
        let chosen = format ?? GlossaryFormat.detect(path: path, firstLine: firstLine)
        var result: GlossaryReadResult
        switch chosen {
        case .tsv, .omegat:
            let rows = TableRows.tabSeparated(text)
            result = readTable(rows, path: path, format: chosen)
        case .csv:
            switch TableRows.commaSeparated(text) {
            case .success(let rows): result = readTable(rows, path: path, format: .csv)
            case .failure(let problem):
                throw TerminologyError.malformed(SourceLocation(file: path, line: problem.line), message: problem.message)
            }
        case .tbx:
            result = try TBXReader.read(text, path: path)
        }
        result.glossary.assignIDs()
        return result
    }

    static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var offset = 0
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += String(scalar).utf8.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    // MARK: - Tables (TSV, OmegaT, CSV)

    static func readTable(_ rows: [TableRow], path: String, format: GlossaryFormat) -> GlossaryReadResult {
        var findings: [Finding] = []
        var entries: [GlossaryEntry] = []
        var header: TableHeader?
        for row in rows {
            let location = SourceLocation(file: path, line: row.line, column: 1)
            if header == nil && format != .omegat {
                let candidate = TableHeader(fields: row.fields)
                if candidate.isPrevodHeader {
                    header = candidate
                    for name in candidate.unknownNames {
                        findings.append(lint(.info, "lint.extra-column", "column \"\(name)\" is not a prevod column; its values are kept as extra data", at: location))
                    }
                    continue
                }
                if format == .tsv {
                    findings.append(lint(.error, "format.missing-column", "expected a header row naming at least the columns bg and en (tab-separated), found \"\(row.fields.joined(separator: "\\t"))\"", at: location))
                    return GlossaryReadResult(glossary: Glossary(entries: entries), format: format, findings: findings)
                }
            }
            if let header {
                if let entry = entry(from: row, header: header, location: location, findings: &findings) { entries.append(entry) }
            } else if let entry = omegaTEntry(from: row, location: location, findings: &findings) {
                entries.append(entry)
            }
        }
        return GlossaryReadResult(glossary: Glossary(entries: entries), format: header == nil ? (format == .csv ? .csv : .omegat) : format, findings: findings)
    }

    static func lint(_ severity: Finding.Severity, _ rule: String, _ message: String, suggestion: String? = nil, at location: SourceLocation?) -> Finding {
        Finding(category: "lint", rule: rule, severity: severity, message: message, suggestion: suggestion, location: FindingLocation(source: location))
    }

    static func omegaTEntry(from row: TableRow, location: SourceLocation, findings: inout [Finding]) -> GlossaryEntry? {
        let fields = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count >= 2, !fields[0].isEmpty else {
            findings.append(lint(.error, "format.fields", "expected source<TAB>target[<TAB>comment], found \(fields.count) field\(fields.count == 1 ? "" : "s")", at: location))
            return nil
        }
        if fields.count > 3 {
            findings.append(lint(.warning, "lint.extra-fields", "an OmegaT glossary row has at most 3 fields (source, target, comment); \(fields.count - 3) more ignored", at: location))
        }
        if fields[1].isEmpty {
            findings.append(lint(.error, "format.empty-target", "the English rendering (field 2) is empty", at: location))
            return nil
        }
        var entry = GlossaryEntry(id: "", source: fields[0], targets: [fields[1]], location: location)
        if fields.count > 2, !fields[2].isEmpty { entry.note = fields[2] }
        return entry
    }

    static func entry(from row: TableRow, header: TableHeader, location: SourceLocation, findings: inout [Finding]) -> GlossaryEntry? {
        var fields = row.fields
        if fields.count > header.columns.count {
            let extra = fields[header.columns.count...]
            if extra.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                fields.removeLast(extra.count)
            } else {
                findings.append(lint(.error, "format.fields", "expected at most \(header.columns.count) tab-separated fields (as in the header: \(header.names.joined(separator: ", "))), found \(fields.count)", at: location))
                return nil
            }
        }
        func value(_ column: TableHeader.Column) -> String? {
            guard let index = header.index(of: column), index < fields.count else { return nil }
            let v = fields[index].trimmingCharacters(in: .whitespaces)
            return v.isEmpty ? nil : v
        }
        func list(_ column: TableHeader.Column) -> [String] {
            guard let index = header.index(of: column), index < fields.count else { return [] }
            return splitList(fields[index], column: column, location: location, findings: &findings)
        }
        guard let source = value(.bg) else {
            findings.append(lint(.error, "format.empty-source", "the Bulgarian base form (column \(header.name(of: .bg))) is empty", at: location))
            return nil
        }
        let targets = list(.en) + list(.enAlternatives)
        if targets.isEmpty {
            findings.append(lint(.error, "format.empty-target", "the English rendering (column \(header.name(of: .en))) of \"\(source)\" is empty", at: location))
            return nil
        }
        var entry = GlossaryEntry(id: value(.id) ?? "", source: source, targets: unique(targets), location: location)
        if let label = value(.type) {
            if let type = EntryType(label: label) {
                entry.type = type
            } else {
                entry.type = .other
                entry.unknownTypeLabel = label
            }
        }
        if let pos = value(.pos) {
            let upper = pos.uppercased()
            if Self.universalPOS.contains(upper) {
                entry.partOfSpeech = upper
            } else {
                findings.append(lint(.error, "format.bad-value", "unknown part of speech \"\(pos)\"; expected a UD tag: NOUN, PROPN, ADJ (X: do not inflect)", at: location))
            }
        }
        if let gender = value(.gender) {
            switch gender.lowercased() {
            case "masc", "m", "masculine": entry.gender = "Masc"
            case "fem", "f", "feminine": entry.gender = "Fem"
            case "neut", "n", "neuter": entry.gender = "Neut"
            default:
                findings.append(lint(.error, "format.bad-value", "unknown gender \"\(gender)\"; expected Masc, Fem or Neut", at: location))
            }
        }
        entry.forms = list(.forms)
        entry.forbidden = list(.forbidden)
        if let rule = value(.caseRule) {
            switch rule.lowercased() {
            case "auto": entry.caseRule = .auto
            case "exact", "sensitive", "yes", "true", "match": entry.caseRule = .exact
            case "ignore", "insensitive", "any", "no", "false": entry.caseRule = .ignore
            default:
                findings.append(lint(.error, "format.bad-value", "unknown case rule \"\(rule)\"; expected auto, exact or ignore", at: location))
            }
        }
        if let clitics = value(.clitics) {
            switch clitics.lowercased() {
            case "yes", "true", "allow", "1": entry.allowsClitics = true
            case "no", "false", "deny", "0": entry.allowsClitics = false
            default:
                findings.append(lint(.error, "format.bad-value", "unknown clitics setting \"\(clitics)\"; expected yes or no", at: location))
            }
        }
        entry.note = value(.note)
        entry.origin = value(.origin)
        for (index, name) in header.extraColumns where index < fields.count {
            let v = fields[index].trimmingCharacters(in: .whitespaces)
            if !v.isEmpty { entry.extra[name] = v }
        }
        return entry
    }

    static let universalPOS: Set<String> = [
        "NOUN", "PROPN", "ADJ", "X", "NUM", "VERB", "ADV", "ADP", "DET", "PRON", "INTJ", "SYM", "PART", "CCONJ", "SCONJ", "AUX", "PUNCT",
    ]

    /// Splits a multi-value field on `|` (and `;` for the imported `bg_forms`/`surface_forms_in_seed` columns),
    /// dropping count annotations such as `Сената:17` or `Руският ×3`.
    static func splitList(_ field: String, column: TableHeader.Column, location: SourceLocation, findings: inout [Finding]) -> [String] {
        let trimmed = field.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return [] }
        let separators: Set<Character> = column == .forms ? ["|", ";"] : ["|"]
        var values: [String] = []
        for piece in trimmed.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) }) {
            var value = piece.trimmingCharacters(in: .whitespaces)
            if column == .forms { value = stripCount(value) }
            if value.isEmpty {
                findings.append(lint(.warning, "lint.empty-field", "an empty value in the list \"\(trimmed)\"", suggestion: "remove the doubled or trailing separator", at: location))
                continue
            }
            values.append(value)
        }
        return values
    }

    /// "Сената:17" → "Сената"; "Руският ×3" → "Руският".
    static func stripCount(_ value: String) -> String {
        var v = Substring(value)
        while let last = v.last, last.isNumber { v.removeLast() }
        if v.count < value.count {
            let withoutSpace = v.trimmingCharacters(in: .whitespaces)
            if withoutSpace.hasSuffix(":") || withoutSpace.hasSuffix("×") {
                return String(withoutSpace.dropLast()).trimmingCharacters(in: .whitespaces)
            }
        }
        return value
    }
}

/// The header row of a glossary table: which column holds what.
struct TableHeader {
    enum Column: String, CaseIterable {
        case id, bg, en, enAlternatives = "en_alt", type, pos, gender, forms, forbidden, caseRule = "case", clitics, note, origin = "source"
    }

    let names: [String]
    var columns: [Column?]
    var unknownNames: [String] { zip(names, columns).filter { $0.1 == nil && !$0.0.isEmpty }.map(\.0) }
    var extraColumns: [(Int, String)] { names.indices.filter { columns[$0] == nil && !names[$0].isEmpty }.map { ($0, names[$0]) } }

    init(fields: [String]) {
        names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen: Set<Column> = []
        columns = names.map { name in
            guard let column = Self.aliases[name.lowercased()], !seen.contains(column) else { return nil }
            seen.insert(column)
            return column
        }
    }

    var isPrevodHeader: Bool { columns.contains(.bg) && columns.contains(.en) }

    func index(of column: Column) -> Int? { columns.firstIndex(of: column) }

    func name(of column: Column) -> String { index(of: column).map { names[$0] } ?? column.rawValue }

    /// Header names prevod understands, with the names of the seed and NTREX research files.
    static let aliases: [String: Column] = [
        "id": .id, "bg": .bg, "bg_lemma": .bg, "lemma": .bg, "bulgarian": .bg, "term": .bg,
        "en": .en, "english": .en, "target": .en, "en_alt": .enAlternatives, "en_alternatives": .enAlternatives,
        "type": .type, "pos": .pos, "upos": .pos, "gender": .gender, "forms": .forms, "bg_forms": .forms,
        "surface_forms_in_seed": .forms, "forbidden": .forbidden, "en_forbidden": .forbidden, "case": .caseRule,
        "clitics": .clitics, "note": .note, "notes": .note, "comment": .note, "source": .origin, "origin": .origin,
    ]
}

/// One row of a table file with its 1-based line.
struct TableRow {
    var line: Int
    var fields: [String]
}

enum TableRows {
    /// Rows of a tab-separated file; blank lines and `#` comment lines are skipped.
    static func tabSeparated(_ text: String) -> [TableRow] {
        var rows: [TableRow] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line.removeLast() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            rows.append(TableRow(line: lineNumber, fields: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
        }
        return rows
    }

    struct Problem: Error {
        var line: Int
        var message: String
    }

    /// Rows of an RFC 4180 CSV file (quoted fields may hold commas, quotes and line breaks); blank lines and
    /// lines starting with `#` are skipped.
    static func commaSeparated(_ text: String) -> Result<[TableRow], Problem> {
        var rows: [TableRow] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var quotedField = false
        var atFieldStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRow() {
            fields.append(field)
            let blank = fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty && !quotedField
            if !blank && !(fields.count >= 1 && fields[0].hasPrefix("#") && !quotedField) {
                rows.append(TableRow(line: rowLine, fields: fields))
            }
            fields = []
            field = ""
            quotedField = false
            atFieldStart = true
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                inQuotes = true
                quotedField = true
                atFieldStart = false
            case "\"":
                return .failure(Problem(line: line, message: "a quote inside an unquoted CSV field; expected the whole field in quotes with inner quotes doubled (\"\")"))
            case ",":
                fields.append(field)
                field = ""
                atFieldStart = true
            case "\r":
                continue
            case "\n":
                endRow()
                line += 1
                rowLine = line
            default:
                if quotedField && !atFieldStart && !inQuotes && scalar != " " {
                    return .failure(Problem(line: line, message: "text after a closing quote in a CSV field; expected a comma or the end of the line"))
                }
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        if inQuotes {
            return .failure(Problem(line: rowLine, message: "a quoted CSV field is not closed before the end of the file"))
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return .success(rows)
    }
}
