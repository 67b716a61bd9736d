import Corpus
import Foundation
import Interchange
import Packaging
import Segmentation
import Terminology
import TestSupport

/// Kits built from the real corpus for the tests: the sample article (and NTREX articles), the curated glossaries,
/// and memories made from the NTREX English originals.
enum KitFixtures {
    static let sample = TestPaths.corpora.appendingPathComponent("bta/2025-09-03-putin-kim.txt").path

    static func ntrex(_ language: String, _ name: String) -> String {
        TestPaths.corpora.appendingPathComponent("ntrex/\(language)/\(name).txt").path
    }

    /// The articles of `paths` (read, not segmented).
    static func articles(_ paths: [String]) throws -> [Article] {
        try CorpusReader().readAll(paths)
    }

    /// The curated glossaries of `Glossaries/`, compiled.
    static func glossary() throws -> GlossaryTerms {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.glossaries.path).filter { $0.hasSuffix(".tsv") }.sorted()
            .map { TestPaths.glossaries.appendingPathComponent($0).path }
        return try GlossaryTerms.load(files)
    }

    /// A memory "from the English original": line *i* of the Bulgarian NTREX article paired with line *i* of the
    /// English one (NTREX is translated line by line).
    static func ntrexMemory(_ names: [String]) throws -> [MemoryPair] {
        var pairs: [MemoryPair] = []
        for name in names {
            let bulgarian = try String(contentsOfFile: ntrex("bg", name), encoding: .utf8).components(separatedBy: "\n")
            let english = try String(contentsOfFile: ntrex("en", name), encoding: .utf8).components(separatedBy: "\n")
            for (i, (source, target)) in zip(bulgarian, english).enumerated() where !source.isEmpty {
                pairs.append(MemoryPair(source: source, target: target, id: "\(name)/\(i + 1)", origin: "ntrex-\(name).tmx"))
            }
        }
        return pairs
    }

    /// The same memory as a TMX file.
    static func ntrexMemoryFile(_ names: [String], in directory: URL) throws -> String {
        let units = try ntrexMemory(names).map { TranslationUnit(id: $0.id, variants: [("bg", $0.source), ("en", $0.target)]) }
        let path = directory.appendingPathComponent("ntrex-memory.tmx").path
        try TMXWriter.document(units).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func build(
        _ paths: [String], layout: KitLayout, memory: [MemoryPair] = [], withGlossary: Bool = true, jobs: Int = 2
    ) throws -> Kit {
        var options = KitOptions(layout: layout, rules: try .bulgarian(), toolVersion: "test")
        if withGlossary { options.glossary = try glossary() }
        options.memory = memory
        return try KitBuilder(options: options, jobs: jobs).build(try articles(paths))
    }

    /// Writes `kit` as a directory in a fresh temporary directory and returns its path.
    static func directory(_ kit: Kit) throws -> String {
        let path = try TestPaths.temporaryDirectory().appendingPathComponent("kit").path
        try KitOutput.write(kit, to: path)
        return path
    }

    /// Translates every XLIFF 1.2 target of `text` with `translate` (the translator of the tests).
    static func translate12(_ text: String, _ translate: (String) -> String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<target") {
            guard let close = rest[open.upperBound...].range(of: ">"), let end = rest[close.upperBound...].range(of: "</target>") else { break }
            out += rest[..<close.upperBound]
            out += escape(translate(unescape(String(rest[close.upperBound..<end.lowerBound]))))
            out += "</target>"
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
