import Foundation
import Interchange
import Testing
import TestSupport
@testable import Packaging

/// What the real tools make of a kit: OmegaT 3.6 (Debian `omegat`, driven by ../shared/tools/omegat/omegat-check.sh)
/// and translate-toolkit. CI installs both (.ci/run); elsewhere the tests skip with a message.
enum ExternalTools {
    static let omegatJar = "/usr/share/omegat/OmegaT.jar"
    static var omegatAvailable: Bool {
        TestPaths.sharedAvailable && FileManager.default.fileExists(atPath: omegatJar)
            && (try? Shell.run("/usr/bin/env", ["java", "-version"]).status) == 0
    }

    static var translateToolkitAvailable: Bool {
        (try? Shell.run("/usr/bin/env", ["python3", "-c", "import translate.storage.xliff2, translate.storage.tbx"]).status) == 0
    }

    /// The NTREX article names (the Bulgarian side of Corpora/ntrex).
    static func ntrexNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpora.appendingPathComponent("ntrex/bg").path)
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// Extracts a zip kit with prevod's own safe reader (what a translator's unzip does).
    static func unzip(_ zip: String, to directory: String) throws {
        for file in try KitArchive.read(path: zip) {
            let path = directory + "/" + file.path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try file.data.write(to: URL(fileURLWithPath: path))
        }
        for folder in ["target", "omegat", "dictionary"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
        }
    }
}

/// One line of omegat-check.sh's report about a segment.
struct OmegaTSegment {
    var source: String
    var translated: Bool
    var target: String
    var glossary: String

    init?(_ line: Substring) {
        guard line.hasPrefix("SEG ") else { return nil }
        let fields = line.dropFirst(4).components(separatedBy: "\t")
        guard fields.count == 4 else { return nil }
        source = fields[0]
        translated = fields[1] == "TRANSLATED=true"
        target = String(fields[2].dropFirst("TARGET=".count))
        glossary = String(fields[3].dropFirst("GLOSSARY=".count))
    }
}

@Suite(.serialized) struct OmegaTAcceptanceTests {
    @Test(.enabled(if: ExternalTools.omegatAvailable,
        "needs ../shared and OmegaT 3.6 with Java (apt-get install -y omegat; CI installs it in .ci/run)"))
    func corpusKitOpensInOmegaTAndTheTranslationComesBack() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let names = try ExternalTools.ntrexNames()
        #expect(names.count == 41)
        // The memory comes from the English originals, through prevod's own aligner.
        let memory = work.appendingPathComponent("ntrex-aligned.tmx").path
        let aligned = try Prevod.run(["align", "Corpora/ntrex/bg", "Corpora/ntrex/en", "--glossary", "Glossaries", "--tmx", memory])
        #expect(aligned.status == 0, "\(aligned.stderr)")
        let zip = work.appendingPathComponent("corpora-kit.zip").path
        let packaged = try Prevod.run(["package", "Corpora", "--glossary", "Glossaries", "--tm", memory, "--out", zip, "--omegat", "--json"])
        #expect(packaged.status == 0, "\(packaged.stderr)")
        let project = work.appendingPathComponent("project").path
        try ExternalTools.unzip(zip, to: project)
        let manifest = try KitManifest.parse(try Data(contentsOf: URL(fileURLWithPath: project + "/manifest.json")), path: "manifest.json")
        #expect(manifest.articles.count == 42)

        // OmegaT opens the project as it is, translates in console mode, and reports what it saw.
        let check = try Shell.run("/bin/bash", [TestPaths.shared.appendingPathComponent("tools/omegat/omegat-check.sh").path, project])
        let report = check.output
        #expect(check.status == 0 && report.contains("omegat exit: 0"), "\(report.suffix(3000))")
        let copy = try #require(report.split(separator: "\n").last { $0.hasPrefix("copy: ") }).dropFirst(6)
        defer { try? FileManager.default.removeItem(atPath: (String(copy) as NSString).deletingLastPathComponent) }
        let segments = report.split(separator: "\n").compactMap(OmegaTSegment.init)

        // Every segment extracted: OmegaT's total and its segment texts are exactly the kit's.
        let total = try #require(report.split(separator: "\n").first { $0.hasPrefix("Total:") })
        #expect(total.split(whereSeparator: \.isWhitespace).dropFirst().first.map(String.init) == String(manifest.segmentCount))
        var kitSources: [String] = []
        for record in manifest.articles {
            let document = try XLIFFReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: project + "/" + record.xliff12))), source: record.xliff12)
            for unit in document.files[0].units { for part in unit.parts { kitSources.append(part.source) } }
        }
        let annotate = try KitFixtures.glossary().makeAnnotator()
        let termSegments = Set(kitSources.filter { !annotate($0).isEmpty })
        #expect(segments.count == manifest.segmentCount)
        #expect(segments.map(\.source).sorted() == kitSources.sorted())

        // Our glossary is parsed (every line), and OmegaT finds a glossary term in every segment where prevod marked one.
        #expect(report.contains("FILE glossary.txt entries=\(manifest.glossary.tsvLines)"), "\(report.prefix(2000))")
        #expect(manifest.glossary.tsvLines > 200)
        let withTerms = segments.filter { termSegments.contains($0.source) }
        #expect(withTerms.count > 300)
        let termless = withTerms.filter { $0.glossary == "[]" }.map(\.source)
        #expect(termless.isEmpty, "OmegaT found no glossary entry in: \(termless.prefix(5))")

        // Exact matches from tm/auto are applied, with our memory's translation.
        let offered = try TMXReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: project + "/" + KitLayout.omegat.memory))), source: "tm")
        var translations: [String: String] = [:]
        for unit in offered.units { translations[unit.text(in: "bg")!] = unit.text(in: "en")! }
        let applied = segments.filter(\.translated)
        #expect(manifest.memories.exactSegments > 640)
        #expect(applied.count == manifest.memories.exactSegments)
        #expect(applied.allSatisfy { translations[$0.source] == $0.target })

        // prevod import takes OmegaT's output back; every NTREX article whose memory covered all of its segments
        // comes back equal to its English original, paragraph for paragraph.
        let output = work.appendingPathComponent("english").path
        let imported = try Prevod.run(["import", String(copy), "--out", output, "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let covered = manifest.articles.filter { names.contains($0.id) && $0.matches("exact") == $0.segments }
        #expect(covered.count >= 33 && covered.contains { $0.id == "independent.226317" })
        for record in covered {
            let english = try String(contentsOfFile: output + "/\(record.token).txt", encoding: .utf8).components(separatedBy: "\n")
            let original = try String(contentsOfFile: KitFixtures.ntrex("en", record.id), encoding: .utf8).components(separatedBy: "\n")
            #expect(english == original, "\(record.id)")
        }
        #expect(imported.stdout.contains("\"translated\":\(manifest.memories.exactSegments)"))
    }
}

@Suite struct TranslateToolkitTests {
    @Test(.enabled(if: ExternalTools.translateToolkitAvailable, "needs translate-toolkit (pip install translate-toolkit; CI installs it)"))
    func readsEveryExchangeFileOfTheKitWithTheRightCounts() throws {
        let name = "bbc.381647"
        let kit = try KitFixtures.build([KitFixtures.sample, KitFixtures.ntrex("bg", name)], layout: .plain, memory: try KitFixtures.ntrexMemory([name]))
        let directory = try KitFixtures.directory(kit)
        let script = """
            import sys
            from translate.storage import xliff, tmx, tbx
            from translate.storage.xliff2 import Xliff2File
            d = sys.argv[1]
            for a in sys.argv[2:]:
                x12 = [u for u in xliff.xlifffile.parsefile(f"{d}/xliff12/{a}.xlf").units if not u.isheader()]
                x21 = Xliff2File.parsefile(f"{d}/xliff21/{a}.xlf").units
                print(a, len(x12), sum(1 for u in x12 if u.target and u.target != u.source), len(x21), sum(1 for u in x21 if u.istranslated()))
            print("tmx", len(tmx.tmxfile.parsefile(f"{d}/memory/matches.tmx").units))
            print("tbx", len(tbx.tbxfile.parsefile(f"{d}/terminology/glossary.tbx").units))
            """
        let result = try Shell.run("/usr/bin/env", ["python3", "-c", script, directory] + kit.manifest.articles.map(\.token))
        #expect(result.status == 0, "\(result.output)")
        var expected = kit.manifest.articles.map { "\($0.token) \($0.segments) \($0.matches("exact")) \($0.segments) \($0.matches("exact"))" }
        expected += ["tmx \(kit.manifest.memories.kitUnits)", "tbx \(kit.manifest.glossary.used)"]
        #expect(result.output.split(separator: "\n").map(String.init) == expected)
        #expect(kit.manifest.memories.kitUnits > 10 && kit.manifest.glossary.used > 10)
    }
}
