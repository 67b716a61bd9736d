import Checks
import ICU
import Corpus
import Foundation
import Terminology

/// `prevod check` over 100,000 aligned segment pairs with a 10,000-entry glossary: every check (names across the
/// corpus, glossary, numbers, scripts, consistency, punctuation) and the JSON report, against two baselines measured
/// in the same run on the same pairs — one case-folding pass over every text (the least any consistency check must
/// do) and glossary matching alone over the sources.
enum ChecksBench {
    static let pairTarget = 100_000

    static func run() throws {
        let documents = try bitext(pairs: pairTarget)
        let pairs = documents.reduce(0) { $0 + $1.units.count }
        let bytes = documents.reduce(0) { $0 + $1.units.reduce(0) { $0 + $1.source.utf8.count + ($1.target?.utf8.count ?? 0) } }
        let entries = try TermsBench.curatedEntries()
        let glossary = Glossary(entries: entries + TermsBench.syntheticEntries(count: max(0, 10_000 - entries.count)))
        print("## checks: \(pairs) segment pairs in \(documents.count) documents (\(Harness.format(Double(bytes) / 1e6)) MB, Corpora/ntrex bg–en repeated with planted defects), \(glossary.entries.count)-entry glossary, median of 3 runs, \(ProcessInfo.processInfo.activeProcessorCount) cores")

        // Baseline 1: case-fold every source and target once (ICU NFKC_Casefold), single-threaded.
        var folded = 0
        let foldTime = Harness.median(runs: 3) {
            folded = 0
            for document in documents {
                for unit in document.units {
                    folded += ((try? Normalization.nfkcCasefold(unit.source)) ?? "").utf8.count
                    folded += ((try? Normalization.nfkcCasefold(unit.target ?? "")) ?? "").utf8.count
                }
            }
        }
        // Baseline 2: glossary matching alone over the sources, single-threaded.
        let buildStart = DispatchTime.now().uptimeNanoseconds
        let index = try TermIndex(glossary)
        let buildTime = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9
        let matcher = try TermMatcher(index: index)
        var hits = 0
        let matchTime = Harness.median(runs: 3) {
            hits = 0
            for document in documents { for unit in document.units { hits += matcher.hits(in: unit.source).count } }
        }

        let checker = Checker(settings: CheckSettings(terms: index))
        var report = CheckReport()
        Harness.resetPeakMemory()
        let cpuBefore = cpuSeconds()
        let checkTime = Harness.median(runs: 3, warmUp: false) { report = checker.run(documents) }
        let cpuPerRun = (cpuSeconds() - cpuBefore) / 3
        let peak = Harness.peakMemoryBytes()
        var json = ""
        let jsonTime = Harness.median(runs: 3, warmUp: false) { json = JSONReport.render(report) }
        let byCategory = Dictionary(grouping: report.findings, by: \.category).mapValues(\.count)
            .sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")

        print("  baseline, case-fold every text once: \(Harness.format(foldTime, 2)) s")
        print("  baseline, glossary matching of every source: \(Harness.format(matchTime, 2)) s (\(hits) hits; index built in \(Harness.format(buildTime, 2)) s)")
        print("  prevod check, all rules: \(Harness.format(checkTime, 2)) s wall = \(Int(Double(pairs) / checkTime)) pairs/s, \(Harness.format(cpuPerRun, 2)) s CPU (all threads; wall time on an idle machine ≈ CPU / cores), peak RSS \(Harness.megabytes(peak)) (target: seconds)")
        print("  JSON report of \(report.findings.count) findings (\(Harness.format(Double(json.utf8.count) / 1e6)) MB): \(Harness.format(jsonTime, 2)) s")
        print("  ratios: check / case-fold \(Harness.format(checkTime / foldTime, 2))×, check / glossary matching \(Harness.format(checkTime / matchTime, 2))×")
        print("  findings: \(byCategory); \(report.nameGroups.count) name groups")

        // Where the time goes: each rule alone, single-threaded, one run.
        var parts: [String] = []
        let workspace = CheckWorkspace(settings: checker.settings)
        for rule in checker.documentRules {
            let start = DispatchTime.now().uptimeNanoseconds
            var findings: [Finding] = []
            for document in documents { rule.check(document, workspace: workspace, into: &findings) }
            parts.append("\(type(of: rule)) \(Harness.format(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, 2))")
        }
        for rule in checker.corpusRules {
            let start = DispatchTime.now().uptimeNanoseconds
            var partial = CheckReport(documents: documents)
            rule.check(documents, workspace: workspace, into: &partial)
            parts.append("\(type(of: rule)) \(Harness.format(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, 2))")
        }
        print("  per rule (s, one thread): " + parts.joined(separator: ", "))
    }

    /// User and system CPU time of the process so far, in seconds (all threads): a figure the other jobs on a
    /// shared machine do not inflate the way they inflate wall time.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The NTREX sample articles as bg–en pairs (line i of bg/ with line i of en/), repeated to `pairs` pairs. Every
    /// copy is a document of its own; every tenth copy gets defects: a number changed, a Latin letter in a Bulgarian
    /// word, a name respelled, a sentence left untranslated.
    static func bitext(pairs: Int) throws -> [CheckDocument] {
        let root = Harness.packageRoot + "/Corpora/ntrex"
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/bg").filter { $0.hasSuffix(".txt") }.sorted()
        var articles: [(id: String, pairs: [(String, String)])] = []
        for name in names {
            let bg = try String(contentsOfFile: root + "/bg/" + name, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let en = try String(contentsOfFile: root + "/en/" + name, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let lines = zip(bg, en).map { (String($0), String($1)) }.filter { !$0.0.isEmpty }
            articles.append((String(name.dropLast(4)), lines))
        }
        var documents: [CheckDocument] = []
        var total = 0
        var copy = 0
        while total < pairs {
            for article in articles where total < pairs {
                var units: [CheckUnit] = []
                for (i, pair) in article.pairs.enumerated() where total + units.count < pairs {
                    var (source, target) = pair
                    if copy % 10 == 9 {
                        switch i % 4 {
                        case 0: target = target.replacingOccurrences(of: "1", with: "7")
                        case 1: source = source.replacingOccurrences(of: "о", with: "o")
                        case 2: source = source.replacingOccurrences(of: "Тръмп", with: "Трамп")
                        default: if i % 8 == 3 { target = source }
                        }
                    }
                    units.append(CheckUnit(index: units.count, source: source, target: target, location: SourceLocation(file: "bench.jsonl", line: documents.count + 1)))
                }
                total += units.count
                documents.append(CheckDocument(id: "\(article.id)#\(copy)", file: "bench.jsonl", units: units))
            }
            copy += 1
        }
        return documents
    }
}
