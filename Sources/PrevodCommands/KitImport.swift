import ArgumentParser
import Corpus
import Foundation
import Interchange
import Packaging

/// `prevod import KIT.zip|DIR [RETURNED.xlf...]`: the kit side of the import command (see ``ImportCommand``).
struct KitImportRun {
    var kit: String
    var returned: [String]
    var outputDirectory: String?
    var memory: String?
    var quiet: Bool
    var json: Bool
    var maxMegabytes: Int

    /// Whether `path` is a kit rather than an XLIFF file: a zip, or a directory with a manifest.
    static func isKit(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return KitOutput.isArchive(path) }
        return isDirectory.boolValue || KitOutput.isArchive(path)
    }

    /// English articles go to OUT, by default beside the kit: `kit.zip` → `kit-en/`.
    var resolvedOutput: String {
        if let outputDirectory { return outputDirectory }
        let base = (kit as NSString).standardizingPath
        let stem = KitOutput.isArchive(base) ? (base as NSString).deletingPathExtension : base
        return stem + "-en"
    }

    func run() throws {
        let start = Date()
        let bar = ProgressLine(enabled: !quiet && !json, label: "import")
        bar.update(ProgressBar.render(0, of: 3, unit: "steps (open, merge, check)"))
        let limits = ArchiveLimits(maxUncompressedBytes: Int64(maxMegabytes) << 20, maxEntries: ArchiveLimits.standard.maxEntries)
        let opened = try ReturnedKit.open(kit, limits: limits)
        bar.update(ProgressBar.render(1, of: 3, unit: "steps (open, merge, check)"))
        let output = resolvedOutput
        var result = try KitImporter.load(
            opened, options: .init(outputDirectory: output, memoryPath: memory, returnedFiles: returned))
        bar.update(ProgressBar.render(2, of: 3, unit: "steps (open, merge, check)"))
        let findings = try BitextReport.run(&result, kit: opened, output: output)
        bar.finish()
        try result.commit()
        if !quiet && !json { for warning in result.warnings { Diagnostics.warn(warning) } }
        let categories = Dictionary(grouping: findings, by: \.category).mapValues(\.count)
        let seconds = Date().timeIntervalSince(start)
        if json {
            print(JSONValue.object([
                ("kit", .string(kit)), ("articles", .int(result.articles.count)), ("translated", .int(result.translated)),
                ("untranslated", .int(result.untranslated)), ("output", .string(output)), ("memory", .string(result.memoryPath)),
                ("newPairs", .int(result.newPairs)), ("report", .string((output as NSString).appendingPathComponent(BitextReport.fileName))), ("notStarted", .array(result.notStarted.map(JSONValue.string))), ("findings", .int(findings.count)),
                ("categories", .object(categories.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ("files", .array(result.outputs.map(JSONValue.string))), ("seconds", .double((seconds * 1000).rounded() / 1000)),
            ]).serialized())
        } else if !quiet {
            print("imported \(result.articles.count) of \(result.manifest.articles.count) article\(result.manifest.articles.count == 1 ? "" : "s") from \(kit) into \(output): "
                + "\(result.translated) segments translated, \(result.untranslated) untranslated; "
                + "\(result.newPairs) new pairs added to \(result.memoryPath)")
            if !result.notStarted.isEmpty {
                print("  not started (no segment translated, nothing written): \(result.notStarted.count) article(s): "
                    + result.notStarted.prefix(6).joined(separator: ", ") + (result.notStarted.count > 6 ? ", ..." : ""))
            }
            for (article, path) in zip(result.articles, result.outputs) where !article.untranslated.isEmpty {
                print("  \(path): \(article.untranslated.count) of \(article.segments) segments untranslated (kept in Bulgarian): "
                    + article.untranslated.prefix(6).joined(separator: ", ") + (article.untranslated.count > 6 ? ", ..." : ""))
            }
            if findings.isEmpty {
                print("bitext checks: no findings")
            } else {
                print("bitext checks: \(findings.count) findings: "
                    + categories.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    + " (details: \((output as NSString).appendingPathComponent(BitextReport.fileName)))")
            }
        }
    }
}
