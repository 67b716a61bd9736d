import Foundation
import Testing
import TestSupport

/// The built binary: exit statuses and messages of prepare, import and inspect.
@Suite(.serialized) struct CommandTests {
    @Test func prepareImportInspectOnATinyCorpus() throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try " date 2025-09-03 Първо изречение. Второ изречение.\nНов абзац.\n".write(to: corpus.appendingPathComponent("статия.txt"), atomically: true, encoding: .utf8)
        try "Лош \u{1} знак.\n".write(to: corpus.appendingPathComponent("bad.txt"), atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")

        let prepare = try Prevod.run(["prepare", corpus.path, "--out", out.path, "--jobs", "2"])
        #expect(prepare.status == 1)
        #expect(prepare.stderr.contains("bad.txt:1:5: error: character U+0001 is not allowed in XML 1.0"))
        #expect(prepare.stdout.contains("prepared 1 articles (2 paragraphs, 3 segments"))
        let xlf = out.appendingPathComponent("xliff21/_441__442__430__442__438__44F_.xlf")
        #expect(FileManager.default.fileExists(atPath: xlf.path))

        let inspect = try Prevod.run(["inspect", xlf.path, out.appendingPathComponent("xliff12/_441__442__430__442__438__44F_.xlf").path])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("2 units, 3 segments (initial 3), 1 ignorables"))

        let english = root.appendingPathComponent("en")
        let imported = try Prevod.run(["import", xlf.path, "--out", english.path])
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("3 of 3 segments untranslated"))
        let text = try String(contentsOf: english.appendingPathComponent("_441__442__430__442__438__44F_.txt"), encoding: .utf8)
        #expect(text == " date 2025-09-03 Първо изречение. Второ изречение.\nНов абзац.\n")

        let broken = root.appendingPathComponent("broken.xlf")
        try "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"bg\"><file id=\"f\"/></xliff>".write(to: broken, atomically: true, encoding: .utf8)
        let invalid = try Prevod.run(["inspect", broken.path])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("error: <file> needs at least one <unit> or <group>"))
    }
}
