import Foundation
import Interchange
import Terminology
import Testing

@Suite struct TermbaseTests {
    /// The TBX of the entries used comes from Terminology's writer and passes `inspect`.
    @Test func tbxOfTheEntriesUsed() throws {
        let terms = try GlossaryTerms(Glossary(entries: [
            GlossaryEntry(id: "1st", source: "Пекин", targets: ["Beijing"], type: .place, partOfSpeech: "PROPN", note: "never Peking"),
            GlossaryEntry(id: "kcna", source: "КЦТА", targets: ["KCNA", "Korean Central News Agency"], type: .agency),
            GlossaryEntry(id: "unused", source: "празно", targets: ["empty"]),
        ]))
        let tbx = try #require(try terms.tbxGlossary([0, 1]))
        #expect(tbx.components(separatedBy: "<termEntry ").count - 1 == 2)
        #expect(!tbx.contains("празно"))
        let inspection = Inspector.inspect(Array(tbx.utf8), path: "g.tbx")
        #expect(inspection.isValid, "\(inspection.problems)")
        #expect(inspection.summary.first?.hasPrefix("TBX v2 (martif), 2 entries") == true)
        #expect(try terms.tbxGlossary([]) == nil)
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
