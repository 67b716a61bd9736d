import Corpus
import Foundation
import ICU
import Testing
import TestSupport
@testable import Terminology

/// Writes `text` (or bytes) to a fresh temporary file named `name` and returns its path.
func temporaryFile(_ name: String, _ text: String) throws -> String {
    try temporaryFile(name, Data(text.utf8))
}

func temporaryFile(_ name: String, _ data: Data) throws -> String {
    let path = try TestPaths.temporaryDirectory().appendingPathComponent(name).path
    try data.write(to: URL(fileURLWithPath: path))
    return path
}

/// Runs an external tool (a scorer, a validator) and returns its exit status and its output (stdout and stderr).
func runTool(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    try ExternalTool.run(executable, arguments)
}

/// What a conversion must keep of an entry (locations and ids aside).
func essentials(_ entry: GlossaryEntry) -> [String] {
    [
        entry.source, entry.targets.joined(separator: "|"), entry.type?.rawValue ?? "-", entry.partOfSpeech ?? "-",
        entry.gender ?? "-", entry.forms.joined(separator: "|"), entry.forbidden.joined(separator: "|"), entry.caseRule.rawValue,
        entry.allowsClitics.map { "\($0)" } ?? "-", entry.note ?? "-", entry.origin ?? "-",
        entry.extra.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
    ]
}

@Suite struct TBXTests {
    static let rich = """
        bg\ten\ttype\tpos\tgender\tforms\tforbidden\tcase\tclitics\tnote\tsource\tde
        Киев\tKyiv\tplace\tPROPN\tMasc\tКиева\tKiev\t\t\tCapital of Ukraine.\tAP Stylebook\tKiew
        ТАСС\tTASS|Tass\tagency\t\t\t\t\texact\t\t\t\t
        въоръжени сили\tarmed forces\tterm\tNOUN\tFem\t\t\t\tyes\t\t\t
        Ройтерс\tReuters\tagency\tX\t\t\t\t\t\tIndeclinable; <AP> & "quotes"\t\t
        """

    @Test func roundTripKeepsEverything() throws {
        let tsv = try temporaryFile("rich.tsv", Self.rich)
        let glossary = try Glossary.load([tsv])
        let tbx = try GlossaryWriter.write(glossary, format: .tbx)
        let back = try Glossary.load([try temporaryFile("rich.tbx", tbx)])
        #expect(back.entries.map(essentials) == glossary.entries.map(essentials))
        #expect(back.entries.map(\.id) == glossary.entries.map(\.id))
        // And TBX → TBX is stable.
        #expect(try GlossaryWriter.write(back, format: .tbx) == tbx)
        #expect(tbx.contains(#"<langSet xml:lang="de">"#))
        #expect(tbx.contains("<term>Kiev</term>\n            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"))
    }

    @Test func readsEveryTermOfEveryLanguage() throws {
        let tbx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
            <text><body>
              <termEntry id="c1">
                <descrip type="definition">Capital of the USA.</descrip>
                <langSet xml:lang="en-US"><tig><term>Washington</term></tig><ntig><termGrp><term>Washington, D.C.</term></termGrp></ntig></langSet>
                <langSet xml:lang="de"><tig><term>Washington</term></tig></langSet>
                <langSet xml:lang="bg"><tig><term>Вашингтон</term><termNote type="partOfSpeech">properNoun</termNote></tig><tig><term>Вашингтона</term></tig></langSet>
                <langSet xml:lang="fr"><tig><term>Washington</term></tig><tig><term>Washington D.C.</term></tig></langSet>
              </termEntry>
              <termEntry id="only-english"><langSet xml:lang="en"><tig><term>Nothing</term></tig></langSet></termEntry>
            </body></text></martif>
            """
        let result = try GlossaryReader.read(data: Data(tbx.utf8), path: "w.tbx")
        #expect(result.glossary.entries.count == 1)
        let entry = try #require(result.glossary.entries.first)
        #expect(entry.source == "Вашингтон")
        #expect(entry.forms == ["Вашингтона"])
        #expect(entry.targets == ["Washington", "Washington, D.C."])
        #expect(entry.partOfSpeech == "PROPN")
        #expect(entry.extra == ["de": "Washington", "fr": "Washington | Washington D.C."])
        #expect(entry.note == "Capital of the USA.")
        #expect(result.findings.map(\.rule) == ["lint.missing-language"])
        #expect(result.findings.first?.location.source?.line == 11)
    }

    @Test func malformedTBXGivesAClearError() throws {
        let cases: [(String, String)] = [
            ("<martif type=\"TBX-Basic\" xml:lang=\"bg\"><text><body><termEntry>\n<langSet>", "t.tbx:2:"),
            ("<tbx type=\"TBX-Basic\" xml:lang=\"bg\"/>", "TBX v3 is not supported"),
            ("<?xml version=\"1.0\"?><!DOCTYPE martif [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><martif>&x;</martif>", "t.tbx:1:"),
            ("<martif type=\"TBX-Basic\" xml:lang=\"bg\"><martifHeader/></martif>", "expected <martif><text><body>"),
            ("", "t.tbx"),
        ]
        for (text, expected) in cases {
            #expect {
                try GlossaryReader.read(data: Data(text.utf8), path: "t.tbx")
            } throws: { error in
                "\(error)".contains(expected) && "\(error)".contains("error:")
            }
        }
    }

    @Test func englishMissingIsAnError() throws {
        let tbx = #"<martif type="TBX-Basic" xml:lang="bg"><text><body><termEntry><langSet xml:lang="bg"><tig><term>Пекин</term></tig></langSet></termEntry></body></text></martif>"#
        let path = try temporaryFile("no-en.tbx", tbx)
        #expect {
            try Glossary.load([path])
        } throws: { error in
            "\(error)".contains("no-en.tbx:1:") && "\(error)".contains("has no English (en) term")
        }
    }

    @Test func emptyGlossaryCannotBeTBX() {
        #expect(throws: TerminologyError.self) { try GlossaryWriter.write(Glossary(), format: .tbx) }
    }

    @Test(.enabled(if: TestPaths.sharedAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"),
                   "needs ../shared and xmllint (libxml2-utils; installed by .ci/run)"))
    func writtenTBXIsValid() throws {
        let glossaries = try FileManager.default.contentsOfDirectory(atPath: TestPaths.glossaries.path).filter { $0.hasSuffix(".tsv") }
            .sorted().map { TestPaths.glossaries.appendingPathComponent($0).path }
        let tbx = try temporaryFile("all.tbx", try GlossaryWriter.write(try Glossary.load(glossaries + [try temporaryFile("rich.tsv", Self.rich)]), format: .tbx))
        let (status, output) = try runTool(TestPaths.shared.appendingPathComponent("tools/xml/validate.sh").path, [tbx])
        #expect(status == 0, "\(output)")
        #expect(output.contains(": valid"))
    }
}

@Suite struct TableFormatTests {
    @Test func omegaTReadAndWrite() throws {
        let text = "# OmegaT glossary\nПекин\tBeijing\tcapital of China\nМосква\tMoscow\n\nКиев\tKyiv\t\n"
        let glossary = try Glossary.load([try temporaryFile("g.txt", text)])
        #expect(glossary.entries.map(\.source) == ["Пекин", "Москва", "Киев"])
        #expect(glossary.entries[0].note == "capital of China")
        #expect(glossary.entries[2].location?.line == 5)
        let written = try GlossaryWriter.write(glossary, format: .omegat)
        #expect(written.split(separator: "\n").dropFirst().first == "Пекин\tBeijing\tcapital of China")
        let back = try Glossary.load([try temporaryFile("back.txt", written)])
        #expect(back.entries.map(\.source) == glossary.entries.map(\.source))
        #expect(back.entries.map(\.target) == glossary.entries.map(\.target))
    }

    @Test func omegaTWithForms() throws {
        let glossary = try glossary("Курска област\tKursk region\tplace\t\tFem")
        let written = try GlossaryWriter.write(glossary, format: .omegat, withForms: true)
        #expect(written.contains("Курската област\tKursk region\tform of Курска област\n"))
    }

    @Test func omegaTRowWithoutTargetIsAnError() throws {
        let path = try temporaryFile("bad.txt", "Пекин\tBeijing\nМосква\n")
        #expect { try Glossary.load([path]) } throws: { "\($0)".hasPrefix("\(path):2:1: error: expected source<TAB>target") }
    }

    @Test func csvWithQuotesCommasAndLineBreaks() throws {
        let csv = "bg,en,note\r\n\"Вашингтон, окръг Колумбия\",\"Washington, D.C.\",\"a \"\"quoted\"\"\nnote\"\r\nПекин,Beijing,\r\n"
        let glossary = try Glossary.load([try temporaryFile("g.csv", csv)])
        #expect(glossary.entries.map(\.source) == ["Вашингтон, окръг Колумбия", "Пекин"])
        #expect(glossary.entries[0].target == "Washington, D.C.")
        #expect(glossary.entries[0].note == "a \"quoted\"\nnote")
        #expect(glossary.entries[1].location?.line == 4)
        let written = try GlossaryWriter.write(glossary, format: .csv)
        let back = try Glossary.load([try temporaryFile("back.csv", written)])
        #expect(back.entries.map(essentials) == glossary.entries.map(essentials))
        // Without a prevod header a CSV is read as OmegaT's three columns.
        let plain = try Glossary.load([try temporaryFile("plain.csv", "Москва,Moscow,capital\n")])
        #expect(plain.entries.first?.note == "capital")
    }

    @Test func malformedCSV() throws {
        let unclosed = try temporaryFile("u.csv", "bg,en\nПекин,\"Beijing\n")
        #expect { try Glossary.load([unclosed]) } throws: { "\($0)".contains("u.csv:2: error: a quoted CSV field is not closed") }
        let stray = try temporaryFile("s.csv", "bg,en\nПе\"кин,Beijing\n")
        #expect { try Glossary.load([stray]) } throws: { "\($0)".contains("s.csv:2: error: a quote inside an unquoted CSV field") }
    }

    @Test func brokenFilesNeverCrash() throws {
        let invalid = try temporaryFile("bad-utf8.tsv", Data(Array("bg\ten\nПекин\tBeijing\n".utf8) + [0xC3, 0x28]))
        #expect { try Glossary.load([invalid]) } throws: { "\($0)".contains("bad-utf8.tsv:3: error: invalid UTF-8 at byte offset 25") }
        #expect { try Glossary.load(["/nonexistent/g.tsv"]) } throws: { "\($0)" == "/nonexistent/g.tsv: error: cannot read glossary: no such file" }
        let noHeader = try temporaryFile("x.tsv", "Пекин\tBeijing\n")
        #expect(try Glossary.load([noHeader]).entries.count == 1, "a .tsv without a prevod header is OmegaT's format")
        let headerOnly = try temporaryFile("h.tsv", "bg\ten\ttype\n")
        #expect(try Glossary.load([headerOnly]).entries.isEmpty)
        // Random bytes: an error or a glossary, never a crash.
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let bytes = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for name in ["r\(round).tsv", "r\(round).csv", "r\(round).tbx"] {
                _ = try? Glossary.load([try temporaryFile(name, Data(bytes))])
            }
        }
    }

    @Test func seedAndNTREXHeadersAreImported() throws {
        let text = "bg_lemma\tbg_forms\ten\ten_alt\ttype\tcount\tnote\nВърховен съд\tВърховния съд:21;Върховният съд:1\tSupreme Court\t\torg\t22\t\n"
        let entry = try #require(try Glossary.load([try temporaryFile("n.tsv", text)]).entries.first)
        #expect(entry.forms == ["Върховния съд", "Върховният съд"])
        #expect(entry.type == .organisation)
        #expect(entry.extra == ["count": "22"])
    }
}

@Suite struct FoldingTests {
    /// The table-driven fast path folds exactly as ICU's NFKC_Casefold for every character it handles.
    @Test func fastFoldAgreesWithICU() throws {
        var checked = 0
        for value in Array(0x0000..<0x0500) + Array(0x2000..<0x2070) {
            guard let scalar = Unicode.Scalar(value), value != 0 else { continue }
            let units = Array(String(scalar).utf16)
            var output = [UInt16](repeating: 0, count: 4)
            let fast = units.withUnsafeBufferPointer { input in output.withUnsafeMutableBufferPointer { TermFolding.fastFold(input, into: $0.baseAddress!) } }
            guard let fast else { continue }
            let icu = try Normalization.nfkcCasefold(String(scalar))
            #expect(Array(output[0..<fast.count]) == Array(icu.utf16), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 250)
    }
}
