import Foundation
import Interchange
import Terminology
import Testing

@Suite struct TermbaseTests {
    static let entries = [
        TermEntry(id: "1st", source: "Пекин", translations: ["Beijing"], type: "place", partOfSpeech: "PROPN", note: "never\tPeking"),
        TermEntry(id: "1st", source: "КЦТА", translations: ["KCNA", "Korean Central News Agency"], type: "agency"),
        TermEntry(id: "x", source: "празно", translations: []),
    ]

    @Test func tbxHasOneEntryPerTermWithValidIDs() throws {
        let tbx = try TermbaseWriter.tbx(Self.entries, title: "test")
        #expect(tbx.contains("<termEntry id=\"e1st\">"))
        #expect(tbx.contains("<termEntry id=\"e1st-2\">"))
        #expect(tbx.contains("<termNote type=\"partOfSpeech\">properNoun</termNote>"))
        #expect(tbx.components(separatedBy: "<termEntry ").count - 1 == 3)
        #expect(tbx.components(separatedBy: "<term>").count - 1 == 6)
        let inspection = Inspector.inspect(Array(tbx.utf8), path: "g.tbx")
        #expect(inspection.isValid)
        #expect(inspection.summary.first == "TBX v2 (martif), 3 entries; terms by language: bg 3, en 3")
        // An empty selection still gives a valid document (the DTD needs one termEntry).
        #expect(try TermbaseWriter.tbx([], title: "none").contains("no glossary entry was used"))
    }

    /// The OmegaT glossary of the entries used comes from Terminology's writer, with the inflected forms.
    @Test func omegaTGlossaryListsTheFormsPrevodMatches() throws {
        let terms = try GlossaryTerms(Glossary(entries: [
            GlossaryEntry(id: "kursk", source: "Курска област", targets: ["Kursk region"], type: .place),
            GlossaryEntry(id: "tass", source: "ТАСС", targets: ["TASS"], type: .agency),
        ]))
        let tsv = try terms.omegaTGlossary([0])
        #expect(tsv.contains("Курска област\tKursk region\tplace"))
        #expect(tsv.contains("Курската област\tKursk region\tform of Курска област"))
        #expect(!tsv.contains("ТАСС"))
    }

    @Test func inspectReportsBrokenTMX() {
        let tmx = "<tmx version=\"1.4\"><header srclang=\"bg\"/><body><tu><tuv><seg>x</seg></tuv></tu><tu/></body></tmx>"
        let inspection = Inspector.inspect(Array(tmx.utf8), path: "m.tmx")
        #expect(!inspection.isValid)
        #expect(inspection.problems.contains { $0.message == "<tuv> needs xml:lang" })
        #expect(inspection.problems.contains { $0.message == "<tu> needs at least one <tuv>" })
        #expect(inspection.problems.contains { $0.message == "<header> needs creationtool" })
    }

    @Test func inspectReportsUnreadableFilesWithTheirPlace() {
        let inspection = Inspector.inspect(Array("<xliff>\n<file>&bad;</file></xliff>".utf8), path: "x.xlf")
        #expect(inspection.kind == "unreadable")
        #expect(inspection.problems.first?.description.hasPrefix("x.xlf:2:7: error: undefined entity &bad;") == true)
    }
}
