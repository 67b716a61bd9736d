import Foundation
import Testing
import TestSupport

/// Runs the built `prevod prepare` on Corpora/ with Glossaries/ (what `make run` does) and `prevod import` on its
/// filled output, then checks every written file with the reference validators in ../shared (xmllint against the
/// official XLIFF 1.2 strict, XLIFF 2.1 core + modules, TMX 1.4b and TBX schemas; xliff2_rules.py) and reads them
/// with translate-toolkit.
@Suite(.serialized, .enabled(if: TestPaths.sharedAvailable, "needs ../shared (reference data beside the checkout; present in CI)"))
struct ExternalValidationTests {
    static let tools = TestPaths.shared.appendingPathComponent("tools/xml")

    static func which(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    static func python(_ module: String) -> Bool {
        (try? shell(["python3", "-c", "import \(module)"]).status) == 0
    }

    static var xmllintAvailable: Bool { which("xmllint") }
    static var lxmlAvailable: Bool { python("lxml") }
    static var translateToolkitAvailable: Bool { python("translate.storage.xliff2") }

    @discardableResult
    static func shell(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        try ExternalTool.run("/usr/bin/env", arguments, in: directory)
    }

    /// `prevod prepare Corpora --glossary Glossaries --out DIR`: what `make run` does, once per test run.
    static let prepared: Result<URL, Error> = Result {
        let out = try TestPaths.temporaryDirectory()
        let result = try Prevod.run(["prepare", "Corpora", "--glossary", "Glossaries", "--out", out.path, "--quiet"])
        guard result.status == 0 else { throw PrepareFailed(message: result.stdout + result.stderr) }
        return out
    }

    struct PrepareFailed: Error { var message: String }

    static func files(_ directory: URL, _ ext: String) -> [String] {
        ((FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String]) ?? [])
            .filter { $0.hasSuffix(ext) }.sorted().map { directory.appendingPathComponent($0).path }
    }

    /// Fills the XLIFF 1.2 targets the way OmegaT does, imports, and returns the import directory.
    static func imported() throws -> URL {
        let out = try prepared.get()
        let returned = out.appendingPathComponent("returned")
        try FileManager.default.createDirectory(at: returned, withIntermediateDirectories: true)
        var inputs: [String] = []
        for path in files(out.appendingPathComponent("xliff12"), ".xlf") {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            // Translate every target: prefix the pre-filled text (a stand-in for a translator).
            let translated = text.replacingOccurrences(of: "state=\"needs-translation\">", with: "state=\"translated\">EN ")
            let target = returned.appendingPathComponent((path as NSString).lastPathComponent)
            try translated.write(to: target, atomically: true, encoding: .utf8)
            inputs.append(target.path)
        }
        let english = out.appendingPathComponent("english")
        let result = try Prevod.run(["import"] + inputs + ["--out", english.path])
        #expect(result.status == 0, "\(result.stderr)")
        return english
    }

    @Test(.enabled(if: xmllintAvailable, "needs xmllint (apt-get install -y libxml2-utils)"))
    func everyWrittenFileValidatesAgainstTheOfficialSchemas() throws {
        let out = try Self.prepared.get()
        let english = try Self.imported()
        let written = Self.files(out.appendingPathComponent("xliff21"), ".xlf") + Self.files(out.appendingPathComponent("xliff12"), ".xlf")
            + Self.files(english, ".tmx") + Self.files(out, ".tbx")
        #expect(written.count >= 85)
        let result = try Self.shell([Self.tools.appendingPathComponent("validate.sh").path] + written)
        #expect(result.status == 0, "\(result.output.split(separator: "\n").filter { !$0.hasSuffix(": valid") }.prefix(20))")
        #expect(result.output.components(separatedBy: ": valid").count - 1 == written.count)
    }

    @Test(.enabled(if: lxmlAvailable, "needs python3 lxml (pip install lxml)"))
    func xliff2RulesHold() throws {
        let out = try Self.prepared.get()
        let files = Self.files(out.appendingPathComponent("xliff21"), ".xlf")
        let result = try Self.shell(["python3", Self.tools.appendingPathComponent("xliff2_rules.py").path] + files)
        #expect(result.status == 0, "\(result.output.split(separator: "\n").filter { !$0.hasSuffix(": ok") }.prefix(20))")
    }

    @Test(.enabled(if: translateToolkitAvailable, "needs translate-toolkit (pip install translate-toolkit)"))
    func translateToolkitReadsOurFilesWithTheExpectedCounts() throws {
        let out = try Self.prepared.get()
        let english = try Self.imported()
        let sample = "2025-09-03-putin-kim"
        // The TBX holds one termEntry per glossary entry used (as many as the prepare summary reports).
        let tbxText = try String(contentsOf: out.appendingPathComponent("glossary.tbx"), encoding: .utf8)
        let entries = tbxText.components(separatedBy: "<termEntry ").count - 1
        #expect(entries > 100)
        let script = """
            import sys
            from translate.storage import xliff, tmx, tbx
            from translate.storage.xliff2 import Xliff2File
            def units(store): return [u for u in store.units if not u.isheader()]
            x2 = units(Xliff2File.parsestring(open(sys.argv[1], 'rb').read()))
            x12 = units(xliff.xlifffile.parsestring(open(sys.argv[2], 'rb').read()))
            tm = units(tmx.tmxfile.parsestring(open(sys.argv[3], 'rb').read()))
            tb = units(tbx.tbxfile.parsestring(open(sys.argv[4], 'rb').read()))
            tsv = [l for l in open(sys.argv[5], encoding='utf-8') if l.strip()]
            print(len(x2), len(x12), len(tm), x12[0].source == x12[0].target, tm[0].target.startswith('EN '), len(tb) == int(sys.argv[6]), len(tsv) >= len(tb))
            """
        let result = try Self.shell([
            "python3", "-c", script, out.appendingPathComponent("xliff21/\(sample).xlf").path,
            out.appendingPathComponent("xliff12/\(sample).xlf").path, english.appendingPathComponent("translations.tmx").path,
            out.appendingPathComponent("glossary.tbx").path, out.appendingPathComponent("glossary.tsv").path, String(entries),
        ])
        // The sample has 19 segments; the memory holds every segment of the 42 Bulgarian articles (682).
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "19 19 682 True True True True", "\(result.output)")
    }
}
