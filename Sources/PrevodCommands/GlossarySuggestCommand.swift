import ArgumentParser
import Corpus
import Foundation
import Segmentation
import Terminology

/// `prevod glossary suggest`: names and acronyms of a corpus that the glossary lacks.
struct GlossarySuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest glossary entries: proper names and acronyms of the corpus that the glossary lacks.",
        discussion: """
            Names (runs of capitalized words, sentence-initial words only when the corpus also capitalizes them \
            inside a sentence) and acronyms not covered by a glossary hit, grouped over their inflected forms \
            (Кремъл, Кремъла), with counts, an example context and a DRAFT English rendering by the 2009 \
            transliteration. A person must confirm each draft: names that came into Bulgarian through Russian \
            (Ким Чен-ун → "Kim Chen-un", agencies write Kim Jong Un) transliterate wrongly.
            text: a table, most frequent first. tsv: draft entries in prevod's glossary format (lint reports them \
            as drafts until reviewed).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, tsv }

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .customLong("glossary")], help: "Glossaries whose terms are already known (repeatable; none: suggest everything).")
    var glossaries: [String] = []

    @Option(help: "Output format: text or tsv.")
    var format: Format = .text

    @Option(name: .customLong("min-count"), help: "Only names seen at least this many times.")
    var minimumCount = 1

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let glossary = try Glossary.load(glossaries)
        let suggester = try TermSuggester(index: TermIndex(glossary))
        let segmenter = try Segmenter.bulgarian()
        for article in try readBulgarianArticles(input) { suggester.add(segmenter.segment(article)) }
        let suggestions = suggester.suggestions(minimumCount: minimumCount)
        var sink = OutputSink(path: output)
        switch format {
        case .tsv:
            sink.write(try GlossaryWriter.write(Glossary(entries: suggestions.map(\.entry)).withIDs(), format: .tsv))
        case .text:
            sink.write("count\tdocs\tname\tforms\tdraft rendering (confirm!)\texample\n")
            for s in suggestions {
                let forms = s.forms.map { "\($0.form) ×\($0.count)" }.joined(separator: ", ")
                sink.write("\(s.count)\t\(s.documents)\t\(s.lemma)\t\(forms)\t\(s.draft) (draft)\t\(s.exampleDocument):\(s.exampleSegment): \(s.example)\n")
            }
        }
        try sink.finish()
        Diagnostics.warn("\(suggestions.count) suggestion\(suggestions.count == 1 ? "" : "s")")
    }
}
