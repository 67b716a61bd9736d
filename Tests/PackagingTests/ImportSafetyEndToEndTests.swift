import Foundation
import Testing
import TestSupport
import ZIPFoundation
@testable import Packaging

/// `prevod import` on hostile or broken kits, through the built binary: each is refused with a clear message, the
/// exit status is 1, and nothing at all is written (the output directory is not even created).
@Suite struct ImportSafetyEndToEndTests {
    /// A real returned kit: the sample article packaged for OmegaT and translated.
    func returnedKitFiles() throws -> [KitFile] {
        let kit = try KitFixtures.build([KitFixtures.sample], layout: .omegat, withGlossary: false)
        var files = kit.files
        let source = try #require(files.first { $0.path == "source/2025-09-03-putin-kim.xlf" })
        files.append(KitFile(path: "target/2025-09-03-putin-kim.xlf", text: KitFixtures.translate12(source.text) { "EN(\($0))" }))
        return files
    }

    /// Runs `prevod import KIT --out OUT` in a fresh directory holding only the kit; returns the result, the output
    /// path and the directory's contents afterwards.
    func importing(_ kit: Data, extra: [String] = []) throws -> (result: Prevod.Result, output: String, left: [String]) {
        let root = try TestPaths.temporaryDirectory()
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try kit.write(to: work.appendingPathComponent("kit.zip"))
        let result = try Prevod.run(["import", "kit.zip", "--out", "en"] + extra, in: work)
        let left = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
        return (result, work.appendingPathComponent("en").path, left)
    }

    @Test func theReturnedKitImports() throws {
        let (result, output, left) = try importing(try KitArchive.archive(try returnedKitFiles()))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 1 of 1 article from kit.zip into en:") && result.stdout.contains("19 segments translated, 0 untranslated"))
        #expect(left.contains("work/en/2025-09-03-putin-kim.txt") && left.contains("work/en/memory.tmx"))
        #expect(try String(contentsOfFile: output + "/2025-09-03-putin-kim.txt", encoding: .utf8).hasPrefix(" date 2025-09-03 EN(Руският"))
    }

    @Test func zipSlip() throws {
        var files = try returnedKitFiles()
        files.append(KitFile(path: "evil", text: "pwned"))
        var zip = try KitArchive.archive(files)
        // Rename the entry "evil" to "../ev" in place (same length), as a crafted archive would have it.
        zip = Data([UInt8](zip).replacing(Array("evil".utf8), with: Array("../e".utf8)))
        let (result, output, left) = try importing(zip)
        #expect(result.status == 1)
        #expect(result.stderr.contains("kit.zip: error: entry \"../e\" contains a \"..\" component; refusing to open the archive (zip-slip protection)"))
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(left == ["work", "work/kit.zip"])
    }

    @Test func symbolicLink() throws {
        let archive = try Archive(data: try KitArchive.archive(try returnedKitFiles()), accessMode: .update)
        try archive.addEntry(with: "target/link.xlf", type: .symlink, uncompressedSize: Int64(11), provider: { (_: Int64, _: Int) in Data("/etc/passwd".utf8) })
        let (result, output, left) = try importing(try #require(archive.data))
        #expect(result.status == 1)
        #expect(result.stderr.contains("entry \"target/link.xlf\" is a symbolic link"))
        #expect(!FileManager.default.fileExists(atPath: output) && left == ["work", "work/kit.zip"])
    }

    @Test func zipBomb() throws {
        var files = try returnedKitFiles()
        files.append(KitFile(path: "omegat/padding.txt", data: Data(repeating: 0x30, count: 3 << 20)))
        let (result, output, left) = try importing(try KitArchive.archive(files), extra: ["--max-unzipped-mb", "2"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("kit.zip: error: it declares more than 2 MiB of uncompressed data; refusing to open the archive (zip-bomb protection)"))
        #expect(!FileManager.default.fileExists(atPath: output) && left == ["work", "work/kit.zip"])
    }

    @Test func tamperedSource() throws {
        var files = try returnedKitFiles()
        let i = try #require(files.firstIndex { $0.path == "target/2025-09-03-putin-kim.xlf" })
        files[i] = KitFile(path: files[i].path, text: files[i].text.replacingOccurrences(of: "Путин и Ким бяха", with: "Путин и Си бяха"))
        let (result, output, left) = try importing(try KitArchive.archive(files))
        #expect(result.status == 1)
        #expect(result.stderr.contains("kit.zip/target/2025-09-03-putin-kim.xlf:"))
        #expect(result.stderr.contains("error: article 2025-09-03-putin-kim, segment p2s1: the Bulgarian source was changed"))
        #expect(!FileManager.default.fileExists(atPath: output) && left == ["work", "work/kit.zip"])
    }

    @Test func truncatedZip() throws {
        let zip = try KitArchive.archive(try returnedKitFiles())
        let (result, output, left) = try importing(zip.prefix(zip.count * 2 / 3))
        #expect(result.status == 1)
        #expect(result.stderr.contains("kit.zip: error: not a readable zip archive (its end-of-archive record is missing); is the file complete?"))
        #expect(!FileManager.default.fileExists(atPath: output) && left == ["work", "work/kit.zip"])
    }
}

extension Array where Element == UInt8 {
    /// Every occurrence of `old` replaced by `new` (same length).
    func replacing(_ old: [UInt8], with new: [UInt8]) -> [UInt8] {
        var out = self
        var i = 0
        while i + old.count <= out.count {
            if Array(out[i..<i + old.count]) == old {
                out.replaceSubrange(i..<i + old.count, with: new)
                i += old.count
            } else {
                i += 1
            }
        }
        return out
    }
}
