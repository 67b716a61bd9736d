import Foundation
import Interchange
import PrevodCommands

/// `prevod package` of Corpora/ (the 41 NTREX articles and the sample) with Glossaries/, run in-process exactly as
/// the command line runs it, against `prevod prepare` of the same corpus measured in the same run. A second
/// figure adds a memory of all 41 NTREX English originals (every segment looked up, 650+ exact matches).
enum PackagingBench {
    static func run() throws {
        let root = Harness.packageRoot
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("prevod-bench-packaging-\(getpid())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let corpora = root + "/Corpora"
        let glossaries = root + "/Glossaries"
        let memory = try ntrexMemory(corpora: corpora, into: scratch + "/ntrex.tmx")
        print("## packaging: Corpora/ (41 NTREX articles + the sample) with Glossaries/, median of 5 runs, release build")

        let prepare = try Harness.median { try command(["prepare", corpora, "--glossary", glossaries, "--out", scratch + "/prepared", "--quiet"]) }
        let package = try Harness.median { try command(["package", corpora, "--glossary", glossaries, "--out", scratch + "/kit.zip", "--quiet"]) }
        let omegat = try Harness.median {
            try command(["package", corpora, "--glossary", glossaries, "--out", scratch + "/kit-omegat.zip", "--omegat", "--quiet"])
        }
        let withMemory = try Harness.median {
            try command(["package", corpora, "--glossary", glossaries, "--tm", memory, "--out", scratch + "/kit-tm.zip", "--omegat", "--quiet"])
        }
        print("  baseline prevod prepare (XLIFF 2.1 + 1.2 only): \(Harness.format(prepare, 3)) s")
        print("  prevod package --out kit.zip:                   \(Harness.format(package, 3)) s (\(Harness.format(package / prepare, 2))× prepare; target < 5 s)")
        print("  prevod package --omegat:                        \(Harness.format(omegat, 3)) s")
        print("  prevod package --omegat --tm (NTREX memory):    \(Harness.format(withMemory, 3)) s")
    }

    /// Runs a prevod command line in-process with its standard output silenced.
    static func command(_ arguments: [String]) throws {
        var parsed = try Prevod.parseAsRoot(arguments)
        fflush(nil)
        let saved = dup(1)
        let null = open("/dev/null", O_WRONLY)
        dup2(null, 1)
        defer {
            fflush(nil)
            dup2(saved, 1)
            close(saved)
            close(null)
        }
        try parsed.run()
    }

    /// A TMX pairing every line of the Bulgarian NTREX articles with the same line of the English originals.
    static func ntrexMemory(corpora: String, into path: String) throws -> String {
        var units: [TranslationUnit] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: corpora + "/ntrex/bg").filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            let bulgarian = try String(contentsOfFile: corpora + "/ntrex/bg/" + name, encoding: .utf8).components(separatedBy: "\n")
            let english = try String(contentsOfFile: corpora + "/ntrex/en/" + name, encoding: .utf8).components(separatedBy: "\n")
            for (i, (source, target)) in zip(bulgarian, english).enumerated() where !source.isEmpty {
                units.append(TranslationUnit(id: "\(name)/\(i + 1)", variants: [("bg", source), ("en", target)]))
            }
        }
        try TMXWriter.document(units).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
