import ArgumentParser
import Corpus
import Foundation
import Terminology

/// `prevod glossary forms`: the Bulgarian forms the matcher looks for.
struct GlossaryFormsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms",
        abstract: "Print the inflected forms of Bulgarian base forms.",
        discussion: """
            With words: one line per lemma, its forms separated by spaces ("Курска област" gives Курската област, ...).
            With --batch LEMMAS.tsv (header: lemma, upos, gender; UD tags NOUN/PROPN/ADJ, Masc/Fem/Neut): JSON Lines \
            {"lemma","upos","gender","forms":[...]}, the format ../shared/data/terminology/score-forms.py scores.
            With --glossary: every entry of the glossaries with the forms prevod matches for it.
            """
    )

    @Argument(help: "Base forms (quote multiword terms).")
    var lemmas: [String] = []

    @Option(help: "Part of speech for the words given as arguments: NOUN, PROPN, ADJ (X: no inflection).")
    var pos: String?

    @Option(help: "Gender for the words given as arguments: Masc, Fem, Neut (inferred when absent).")
    var gender: String?

    @Option(help: "A TSV file of lemmas (header: lemma, upos, gender); writes JSON Lines.")
    var batch: String?

    @Option(name: [.short, .customLong("glossary")], help: "Show the matched forms of every entry of these glossaries.")
    var glossaries: [String] = []

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if lemmas.isEmpty && batch == nil && glossaries.isEmpty {
            throw ValidationError("Give base forms as arguments, --batch LEMMAS.tsv, or --glossary FILE.")
        }
    }

    func run() throws {
        let inflector = BulgarianInflector()
        var sink = OutputSink(path: output)
        for lemma in lemmas {
            sink.write(inflector.forms(of: lemma, partOfSpeech: pos, gender: gender).joined(separator: " | ") + "\n")
        }
        if let batch {
            for row in try Self.lemmaRows(batch) {
                let forms = inflector.forms(of: row.lemma, partOfSpeech: row.upos, gender: row.gender)
                let line = JSONValue.object([
                    ("lemma", .string(row.lemma)), ("upos", .string(row.upos ?? "")), ("gender", .string(row.gender ?? "")),
                    ("forms", .array(forms.map { .string($0) })),
                ])
                sink.write(line.serialized() + "\n")
            }
        }
        if !glossaries.isEmpty {
            let glossary = try Glossary.load(glossaries)
            for entry in glossary.entries {
                let forms = TermIndex.matchedForms(of: entry)
                sink.write("\(entry.source)\t\(entry.target)\t\(forms.joined(separator: " | "))\n")
            }
        }
        try sink.finish()
    }

    /// Rows of a lemma list: header `lemma upos gender`, tab-separated.
    static func lemmaRows(_ path: String) throws -> [(lemma: String, upos: String?, gender: String?)] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("\(path): error: cannot read the lemma list (expected a UTF-8 TSV file)")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init),
            let lemmaColumn = header.firstIndex(of: "lemma")
        else {
            throw ValidationError("\(path):1: error: expected a header row with the columns lemma, upos, gender")
        }
        let uposColumn = header.firstIndex(of: "upos")
        let genderColumn = header.firstIndex(of: "gender")
        lines.removeFirst()
        var rows: [(String, String?, String?)] = []
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func field(_ index: Int?) -> String? {
                guard let index, index < fields.count, !fields[index].isEmpty else { return nil }
                return fields[index]
            }
            guard let lemma = field(lemmaColumn) else { continue }
            rows.append((lemma, field(uposColumn), field(genderColumn)))
        }
        return rows
    }
}
