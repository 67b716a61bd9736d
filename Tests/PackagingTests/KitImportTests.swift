import Corpus
import Foundation
import Interchange
import Segmentation
import Testing
import TestSupport
@testable import Packaging

/// The translator of these tests: "EN(" + source + ")".
private func fakeEnglish(_ source: String) -> String { "EN(\(source))" }

@Suite struct KitImportTests {
    /// An OmegaT-layout kit of the sample article and one NTREX article, translated the way OmegaT returns it:
    /// target/ holds copies of source/ with the targets translated.
    func translatedProject(translate: (String) -> String = fakeEnglish) throws -> (kit: Kit, directory: String) {
        let kit = try KitFixtures.build([KitFixtures.sample, KitFixtures.ntrex("bg", "bbc.381647")], layout: .omegat)
        let directory = try KitFixtures.directory(kit)
        for record in kit.manifest.articles {
            let source = try String(contentsOfFile: directory + "/" + record.xliff12, encoding: .utf8)
            try KitFixtures.translate12(source, translate).write(toFile: directory + "/target/\(record.token).xlf", atomically: true, encoding: .utf8)
        }
        return (kit, directory)
    }

    func output() throws -> String { try TestPaths.temporaryDirectory().appendingPathComponent("en").path }

    @Test func omegaTTargetsMergeByIdIntoTheParagraphStructure() throws {
        let (kit, directory) = try translatedProject()
        let out = try output()
        let result = try KitImporter.load(try ReturnedKit.open(directory), options: .init(outputDirectory: out))
        #expect(result.articles.count == 2 && result.untranslated == 0)
        #expect(result.translated == kit.manifest.segmentCount)
        try result.commit()
        // The English article has the Bulgarian one's paragraphs, each segment translated in place, gaps kept.
        let bulgarian = try KitFixtures.articles([KitFixtures.sample])[0]
        let english = try String(contentsOfFile: out + "/2025-09-03-putin-kim.txt", encoding: .utf8)
        #expect(english.hasPrefix(" date 2025-09-03 EN(Руският президент"))
        let record = try #require(kit.manifest.article(id: "2025-09-03-putin-kim"))
        let paragraphs = english.dropFirst(" date 2025-09-03 ".count).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(paragraphs.count == bulgarian.paragraphs.count)
        #expect(paragraphs.map { $0.components(separatedBy: "EN(").count - 1 } == record.paragraphs.map(\.segments.count))
        // The memory holds every pair once, with prevod's ids.
        let memory = try TMXReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/memory.tmx"))), source: "memory.tmx")
        #expect(memory.units.count == result.newPairs && memory.units.first?.id == "2025-09-03-putin-kim/p1s1")
    }

    @Test func newPairsAreAddedToAnExistingMemoryOnce() throws {
        let (_, directory) = try translatedProject()
        let out = try output()
        let memoryPath = out + "-memory.tmx"
        let old = TranslationUnit(id: "old/1", variants: [("bg", "Старо."), ("en", "Old.")])
        try TMXWriter.document([old]).write(toFile: memoryPath, atomically: true, encoding: .utf8)
        let first = try KitImporter.load(try ReturnedKit.open(directory), options: .init(outputDirectory: out, memoryPath: memoryPath))
        try first.commit()
        let second = try KitImporter.load(try ReturnedKit.open(directory), options: .init(outputDirectory: out, memoryPath: memoryPath))
        #expect(first.newPairs == first.translated && second.newPairs == 0)
        let units = try TMXReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: memoryPath))), source: memoryPath).units
        #expect(units.count == first.translated + 1 && units[0] == old)
    }

    @Test func anEditedSourceIsRefusedNamingTheArticleAndNothingIsWritten() throws {
        let (_, directory) = try translatedProject()
        let target = directory + "/target/bbc.381647.xlf"
        let text = try String(contentsOfFile: target, encoding: .utf8)
        let edited = try #require(text.range(of: "<source xml:lang=\"bg\">")).upperBound
        var tampered = text
        tampered.insert(contentsOf: "НЕ ", at: edited)
        try tampered.write(toFile: target, atomically: true, encoding: .utf8)
        let out = try output()
        #expect {
            try KitImporter.load(try ReturnedKit.open(directory), options: .init(outputDirectory: out))
        } throws: { error in
            let message = "\(error)"
            return message.contains("target/bbc.381647.xlf:") && message.contains("article bbc.381647, segment p1s1")
                && message.contains("the Bulgarian source was changed") && message.contains("nothing was imported")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anUnknownSegmentIdIsRefused() throws {
        let (_, directory) = try translatedProject()
        let target = directory + "/target/bbc.381647.xlf"
        let text = try String(contentsOfFile: target, encoding: .utf8).replacingOccurrences(of: "id=\"p2s1\"", with: "id=\"p2s9\"")
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        #expect(throws: PackagingError.self) {
            try KitImporter.load(try ReturnedKit.open(directory), options: .init(outputDirectory: try output()))
        }
        do {
            _ = try KitImporter.load(try ReturnedKit.open(directory), options: .init(outputDirectory: try output()))
        } catch {
            #expect("\(error)".contains("segment p2s9 is not part of article bbc.381647"))
        }
    }

    @Test func anEditedOmegaTSourceFileIsRefused() throws {
        let (_, directory) = try translatedProject()
        let source = directory + "/source/2025-09-03-putin-kim.xlf"
        try (try String(contentsOfFile: source, encoding: .utf8) + "\n").write(toFile: source, atomically: true, encoding: .utf8)
        #expect {
            try KitImporter.load(try ReturnedKit.open(directory), options: .init(outputDirectory: try output()))
        } throws: { error in
            "\(error)".contains("source/2025-09-03-putin-kim.xlf: error:") && "\(error)".contains("(article 2025-09-03-putin-kim)")
        }
    }

    @Test func omegaTProjectMemoryAloneIsEnough() throws {
        // The translator sent the project back without creating the translated documents: only
        // omegat/project_save.tmx holds the work (default translations by source, one alternative by id).
        let kit = try KitFixtures.build([KitFixtures.ntrex("bg", "bbc.381647")], layout: .omegat)
        let directory = try KitFixtures.directory(kit)
        let segmenter = try Segmenter.bulgarian()
        let article = segmenter.segment(try KitFixtures.articles([KitFixtures.ntrex("bg", "bbc.381647")])[0])
        var units = article.segments.map { TranslationUnit(id: nil, variants: [("BG", $0.segment.text), ("EN", fakeEnglish($0.segment.text))]) }
        units[0] = TranslationUnit(id: nil, variants: [("BG", article.segments[0].segment.text), ("EN", "Alternative.")],
            properties: [("file", "bbc.381647.xlf"), ("id", "p1s1")])
        try TMXWriter.document(units).write(toFile: directory + "/omegat/project_save.tmx", atomically: true, encoding: .utf8)
        let result = try KitImporter.load(try ReturnedKit.open(directory), options: .init(outputDirectory: try output()))
        #expect(result.translated == article.segmentCount && result.untranslated == 0)
        #expect(result.articles[0].paragraphs[0] == "Alternative.")
        #expect(result.articles[0].paragraphs[1] == fakeEnglish(article.paragraphs[1].segments[0].text))
    }

    @Test func plainKitTranslatedInPlaceAndZipped() throws {
        let kit = try KitFixtures.build([KitFixtures.sample], layout: .plain, memory: try KitFixtures.ntrexMemory(["bbc.381647"]))
        var files = kit.files
        let index = try #require(files.firstIndex { $0.path == "xliff12/2025-09-03-putin-kim.xlf" })
        files[index] = KitFile(path: files[index].path, text: KitFixtures.translate12(files[index].text, fakeEnglish))
        let zip = try TestPaths.temporaryDirectory().appendingPathComponent("returned.zip").path
        try KitArchive.archive(files).write(to: URL(fileURLWithPath: zip))
        let result = try KitImporter.load(try ReturnedKit.open(zip), options: .init(outputDirectory: try output()))
        #expect(result.returnedFiles == [zip + "/xliff12/2025-09-03-putin-kim.xlf"])
        #expect(result.translated == kit.manifest.segmentCount)
    }

    /// XLIFF 2.1 translated the way a CAT tool does it: a `<target>` after every segment's `<source>`.
    func translate21(_ text: String, _ translate: (String) -> String) throws -> String {
        let segment = try Regex(#"(<segment [^>]*>\s*<source>)(.*?)(</source>)"#)
        return text.replacing(segment) { match in
            let inner = String(match.output[2].substring ?? "")
            let plain = inner.replacing(try! Regex("<[^>]+>"), with: "")
            return String(match.output[1].substring ?? "") + inner + "</source><target>" + KitFixtures.escape(translate(KitFixtures.unescape(plain))) + "</target>"
        }
    }

    @Test func bothXLIFFVersionsReturnedMustAgree() throws {
        let kit = try KitFixtures.build([KitFixtures.ntrex("bg", "bbc.381647")], layout: .plain, withGlossary: false)
        func returned(_ translate12: @escaping (String) -> String, _ translate21: @escaping (String) -> String) throws -> ReturnedKit {
            var files = kit.files
            for i in files.indices {
                if files[i].path.hasPrefix("xliff12/") { files[i] = KitFile(path: files[i].path, text: KitFixtures.translate12(files[i].text, translate12)) }
                if files[i].path.hasPrefix("xliff21/") { files[i] = KitFile(path: files[i].path, text: try self.translate21(files[i].text, translate21)) }
            }
            let zip = try TestPaths.temporaryDirectory().appendingPathComponent("both.zip").path
            try KitArchive.archive(files).write(to: URL(fileURLWithPath: zip))
            return try ReturnedKit.open(zip)
        }
        let agreeing = try KitImporter.load(try returned(fakeEnglish, fakeEnglish), options: .init(outputDirectory: try output()))
        #expect(agreeing.translated == kit.manifest.segmentCount && agreeing.returnedFiles.count == 1)
        #expect {
            try KitImporter.load(try returned(fakeEnglish, { "OTHER(\($0))" }), options: .init(outputDirectory: try output()))
        } throws: { error in
            "\(error)".contains("error: article bbc.381647 was also returned in") && "\(error)".contains("with a different translation")
        }
    }

    @Test func aZippedProjectFolderIsFoundInsideItsTopFolder() throws {
        let (kit, directory) = try translatedProject()
        var files: [KitFile] = []
        for path in kit.files.filter({ !$0.isDirectory }).map(\.path) + kit.manifest.articles.map({ "target/\($0.token).xlf" }) {
            files.append(KitFile(path: "my-project/" + path, data: try Data(contentsOf: URL(fileURLWithPath: directory + "/" + path))))
        }
        let zip = try TestPaths.temporaryDirectory().appendingPathComponent("returned.zip").path
        try KitArchive.archive(files).write(to: URL(fileURLWithPath: zip))
        let opened = try ReturnedKit.open(zip)
        #expect(opened.path == zip + "/my-project")
        let result = try KitImporter.load(opened, options: .init(outputDirectory: try output()))
        #expect(result.translated == kit.manifest.segmentCount)
    }

    @Test func returnedXLIFFGivenBesideTheKit() throws {
        let (kit, directory) = try translatedProject()
        let loose = try TestPaths.temporaryDirectory().appendingPathComponent("bbc.381647.xlf").path
        try FileManager.default.copyItem(atPath: directory + "/target/bbc.381647.xlf", toPath: loose)
        try FileManager.default.removeItem(atPath: directory + "/target")
        let result = try KitImporter.load(try ReturnedKit.open(directory), options: .init(outputDirectory: try output(), returnedFiles: [loose]))
        #expect(result.articles.map(\.id) == ["bbc.381647"])
        #expect(result.translated == kit.manifest.article(id: "bbc.381647")?.segments)
    }

    @Test func untranslatedReturnIsRefused() throws {
        let kit = try KitFixtures.build([KitFixtures.sample], layout: .omegat, withGlossary: false)
        let directory = try KitFixtures.directory(kit)
        try FileManager.default.copyItem(atPath: directory + "/source/2025-09-03-putin-kim.xlf", toPath: directory + "/target/2025-09-03-putin-kim.xlf")
        #expect { try KitImporter.load(try ReturnedKit.open(directory), options: .init(outputDirectory: try output())) } throws: {
            "\($0)".contains("no translated segment yet")
        }
    }
}

@Suite struct FileTransactionTests {
    @Test func allOrNothing() throws {
        let root = try TestPaths.temporaryDirectory().path
        try "old".write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/blocked.txt", withIntermediateDirectories: false)
        var transaction = FileTransaction()
        transaction.write("new", to: root + "/a.txt")
        transaction.write("new", to: root + "/sub/dir/b.txt")
        transaction.write("new", to: root + "/blocked.txt")
        #expect(throws: PackagingError.self) { try transaction.commit() }
        #expect(try String(contentsOfFile: root + "/a.txt", encoding: .utf8) == "old")
        #expect(!FileManager.default.fileExists(atPath: root + "/sub"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["a.txt", "blocked.txt"])

        var good = FileTransaction()
        good.write("new", to: root + "/a.txt")
        good.write("new", to: root + "/sub/dir/b.txt")
        try good.commit()
        #expect(try String(contentsOfFile: root + "/a.txt", encoding: .utf8) == "new")
        #expect(try String(contentsOfFile: root + "/sub/dir/b.txt", encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["a.txt", "blocked.txt", "sub"])
    }
}
