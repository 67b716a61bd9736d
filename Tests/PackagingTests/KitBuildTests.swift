import Corpus
import Foundation
import Interchange
import Segmentation
import Testing
import TestSupport
@testable import Packaging

@Suite struct KitBuildTests {
    @Test func manifestCountsMatchTheSegmenterAndFingerprintEveryFile() throws {
        let kit = try KitFixtures.build([KitFixtures.sample, KitFixtures.ntrex("bg", "bbc.381647")], layout: .plain)
        let manifest = kit.manifest
        let segmenter = try Segmenter.bulgarian()
        let articles = try KitFixtures.articles([KitFixtures.sample, KitFixtures.ntrex("bg", "bbc.381647")]).map(segmenter.segment)
        #expect(manifest.articles.map(\.id) == ["2025-09-03-putin-kim", "bbc.381647"])
        #expect(manifest.segmentCount == articles.reduce(0) { $0 + $1.segmentCount })
        #expect(manifest.paragraphCount == articles.reduce(0) { $0 + $1.paragraphs.count })
        // Every segment's fingerprint is the SHA-256 of its text, in reading order.
        let texts = articles.flatMap { $0.segments.map(\.segment.text) }
        let fingerprints = manifest.articles.flatMap { $0.paragraphs.flatMap { $0.segments.map(\.sha256) } }
        #expect(fingerprints == texts.map(Fingerprint.sha256))
        // The gaps rebuild each paragraph byte for byte.
        for (record, article) in zip(manifest.articles, articles) {
            for (shape, paragraph) in zip(record.paragraphs, article.paragraphs) {
                var text = shape.gaps[0]
                for (segment, gap) in zip(paragraph.segments, shape.gaps.dropFirst()) { text += segment.text + gap }
                #expect(text == paragraph.text)
            }
        }
        // Every file but the manifest is listed with its size and SHA-256.
        let listed = Dictionary(uniqueKeysWithValues: manifest.files.map { ($0.path, $0) })
        for file in kit.files where !file.isDirectory && file.path != KitLayout.manifest {
            #expect(listed[file.path]?.sha256 == Fingerprint.sha256(file.data), "\(file.path)")
            #expect(listed[file.path]?.bytes == file.data.count)
        }
        #expect(listed.count == kit.files.count - 1)
        #expect(manifest.wordCount > 300 && manifest.glossary.used > 10 && manifest.glossary.hits >= manifest.glossary.used)
        #expect(manifest.segmentation.abbreviations > 100 && manifest.segmentation.srx == KitLayout.segmentationRules)
    }

    @Test func manifestRoundTrips() throws {
        let kit = try KitFixtures.build([KitFixtures.sample], layout: .omegat, memory: try KitFixtures.ntrexMemory(["bbc.381647"]))
        let text = try #require(kit.files.last { $0.path == KitLayout.manifest })
        let parsed = try KitManifest.parse(text.data, path: "manifest.json")
        #expect(parsed == kit.manifest)
        #expect(parsed.json() == text.text)
    }

    @Test func sameInputGivesTheSameKitBytesWhateverTheWorkers() throws {
        let inputs = [KitFixtures.sample] + ["bbc.381647", "cnn.304447", "reuters.218882"].map { KitFixtures.ntrex("bg", $0) }
        let memory = try KitFixtures.ntrexMemory(["cnn.304447"])
        let first = try KitArchive.archive(try KitFixtures.build(inputs, layout: .plain, memory: memory, jobs: 1).files)
        let second = try KitArchive.archive(try KitFixtures.build(inputs, layout: .plain, memory: memory, jobs: 3).files)
        #expect(first == second)
    }

    @Test func exactMatchesArePrefilledInThePlainKitOnly() throws {
        let name = "bbc.381647"
        let memory = try KitFixtures.ntrexMemory([name])
        let plain = try KitFixtures.build([KitFixtures.ntrex("bg", name)], layout: .plain, memory: memory)
        let record = try #require(plain.manifest.articles.first)
        #expect(record.matches("exact") == record.segments)
        let xliff12 = try #require(plain.files.first { $0.path == "xliff12/\(name).xlf" }).text
        let xliff21 = try #require(plain.files.first { $0.path == "xliff21/\(name).xlf" }).text
        #expect(xliff12.components(separatedBy: "state=\"translated\" state-qualifier=\"exact-match\"").count - 1 == record.segments)
        #expect(xliff21.components(separatedBy: "state=\"translated\" subState=\"prevod:exact-match\"").count - 1 == record.segments)
        let english = try String(contentsOfFile: KitFixtures.ntrex("en", name), encoding: .utf8).components(separatedBy: "\n")
        #expect(xliff12.contains(">" + KitFixtures.escape(english[1]) + "</target>"))

        // OmegaT reads <target> as the source: its copy keeps target = source and gets the matches from tm/auto.
        let omegat = try KitFixtures.build([KitFixtures.ntrex("bg", name)], layout: .omegat, memory: memory)
        let source = try #require(omegat.files.first { $0.path == "source/\(name).xlf" }).text
        #expect(!source.contains("state=\"translated\""))
        let tmx = try #require(omegat.files.first { $0.path == "tm/auto/matches.tmx" })
        let units = try TMXReader.read([UInt8](tmx.data), source: "matches.tmx").units
        #expect(units.count == record.segments)
        #expect(units.allSatisfy { $0.properties.contains { $0 == ("x-prevod-match", "exact") } })
        #expect(Set(units.compactMap { $0.text(in: "en") }) == Set(english.filter { !$0.isEmpty }))
    }

    @Test func paragraphMemoriesAreCutIntoSentences() throws {
        let pairs = [MemoryPair(source: "Първото изречение е тук. Второто е там.", target: "The first sentence is here. The second is there.", origin: "m.tmx")]
        let index = MemoryIndex(pairs: pairs, splitter: try KitBuilder.memorySplitter(rules: .bulgarian()))
        #expect(index.splitPairs == 2)
        let match = try #require(index.matches(for: "Второто е там.").first)
        #expect(match.kind == .exact && match.pair.target == "The second is there." && match.pair.isSplit)
    }

    @Test func fuzzyMatchesScoreByWords() {
        let index = MemoryIndex(pairs: [
            MemoryPair(source: "Путин и Ким проведоха разговори в Пекин.", target: "Putin and Kim held talks in Beijing.", origin: "m"),
            MemoryPair(source: "Нещо съвсем различно.", target: "Something else.", origin: "m"),
        ])
        let found = index.matches(for: "Путин и Ким проведоха разговори в Москва.")
        #expect(found.count == 1 && found[0].kind == .fuzzy && found[0].percent == 87)
        #expect(index.matches(for: "Путин  и Ким проведоха разговори в Пекин. ").first?.kind == .exact)
        #expect(index.matches(for: "Тръмп говори.").isEmpty)
    }

    @Test func glossaryHoldsOnlyTermsThatOccurWithEveryFormMet() throws {
        let kit = try KitFixtures.build([KitFixtures.sample], layout: .omegat)
        let tsv = try #require(kit.files.first { $0.path == KitLayout.glossaryTSV }).text
        let lines = tsv.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == kit.manifest.glossary.tsvLines)
        let sources = Set(lines.map { $0[0] })
        // Every form the matcher met in the article has a line of its own (OmegaT matches entries as written).
        let glossary = try KitFixtures.glossary()
        let annotate = try glossary.makeAnnotator()
        let article = try Segmenter.bulgarian().segment(try KitFixtures.articles([KitFixtures.sample])[0])
        var met = Set<String>()
        var hit = Set<Int>()
        for (_, segment) in article.segments {
            for mark in annotate(segment.text) {
                met.insert(KitBuilder.slice(segment.text, mark.range))
                hit.insert(mark.entry)
            }
        }
        #expect(met.count > 30 && met.isSubset(of: sources), "\(met.subtracting(sources))")
        #expect(lines.contains { $0.count > 2 && $0[2].hasPrefix("form of ") })
        // Only entries that occur: the base lines are exactly the entries hit.
        let bases = Set(lines.filter { $0.count > 2 && !$0[2].hasPrefix("form of ") && $0[2] != "alternative rendering" }.map { $0[0] })
        #expect(bases == Set(hit.map { glossary.entries[$0].source }))
        #expect(kit.manifest.glossary.used == hit.count && hit.count < kit.manifest.glossary.entries)
        let tbx = try #require(kit.files.first { $0.path == KitLayout.glossaryTBX }).text
        #expect(tbx.components(separatedBy: "<termEntry").count - 1 == kit.manifest.glossary.used)
    }

    @Test func omegatProjectFileHasTheKitSettings() throws {
        let kit = try KitFixtures.build([KitFixtures.sample], layout: .omegat, withGlossary: false)
        let project = try #require(kit.files.first { $0.path == KitLayout.omegatProject }).text
        for expected in ["<source_dir>source</source_dir>", "<tm_dir>tm</tm_dir>", "<glossary_file>glossary/glossary.txt</glossary_file>",
            "<source_lang>bg</source_lang>", "<target_lang>en</target_lang>", "<sentence_seg>false</sentence_seg>", "LuceneBulgarianTokenizer"]
        {
            #expect(project.contains(expected), "\(expected)")
        }
        #expect(kit.files.contains { $0.path == "target/" } && kit.files.contains { $0.path == "omegat/" })
        let readme = try #require(kit.files.first { $0.path == KitLayout.readme }).text
        #expect(readme.contains("Project > Create Translated Documents") && readme.contains("\(kit.manifest.segmentCount) segments"))
    }

    @Test(.enabled(if: TestPaths.sharedAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"),
        "needs ../shared (schemas) and xmllint"))
    func everyXMLFileOfBothLayoutsIsValid() throws {
        let memory = try KitFixtures.ntrexMemory(["bbc.381647"])
        var paths: [String] = []
        for layout in KitLayout.allCases {
            let kit = try KitFixtures.build([KitFixtures.sample, KitFixtures.ntrex("bg", "bbc.381647")], layout: layout, memory: memory)
            let directory = try KitFixtures.directory(kit)
            paths += kit.manifest.files.map(\.path).filter { [".xlf", ".tmx", ".tbx", ".srx"].contains(where: $0.hasSuffix) }
                .map { directory + "/" + $0 }
            if layout == .omegat {
                let result = try Shell.run("/usr/bin/xmllint", ["--noout", "--schema", TestPaths.shared.appendingPathComponent("schemas/omegat-3.6/project_properties.xsd").path, directory + "/omegat.project"])
                #expect(result.status == 0, "\(result.output)")
            }
        }
        let result = try Shell.run(TestPaths.shared.appendingPathComponent("tools/xml/validate.sh").path, paths)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.components(separatedBy: ": valid").count - 1 == paths.count)
    }
}

/// Runs a tool and collects its output (both streams).
enum Shell {
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> (status: Int32, output: String) {
        try ExternalTool.run(executable, arguments, in: directory.map { URL(fileURLWithPath: $0) })
    }
}

@Suite struct KitOutputTests {
    @Test func aDirectoryKitReplacesAnEarlierKitButNothingElse() throws {
        let kit = try KitFixtures.build([KitFixtures.sample], layout: .omegat, withGlossary: false)
        let root = try TestPaths.temporaryDirectory().path
        try KitOutput.write(kit, to: root + "/kit")
        try "translator notes".write(toFile: root + "/kit/omegat/notes.txt", atomically: true, encoding: .utf8)
        try KitOutput.write(kit, to: root + "/kit")
        #expect(!FileManager.default.fileExists(atPath: root + "/kit/omegat/notes.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["kit"])

        try FileManager.default.createDirectory(atPath: root + "/photos", withIntermediateDirectories: false)
        try "x".write(toFile: root + "/photos/a.jpg", atomically: true, encoding: .utf8)
        #expect { try KitOutput.write(kit, to: root + "/photos") } throws: { "\($0)".contains("not empty and is not a prevod kit") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/photos") == ["a.jpg"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["kit", "photos"])
    }
}
