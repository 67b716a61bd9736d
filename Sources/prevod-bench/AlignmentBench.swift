import Alignment
import Foundation
import Terminology

/// Alignment cost against document length: one document of about 1k, 10k and 50k segments per side, built by
/// repeating the NTREX articles of Corpora/ntrex (line i of bg/ translates line i of en/) with sentences merged
/// (about 10%) and dropped (about 4%) on one side, as in the hard dev set. Prints the median time, the time per
/// segment against the 1k baseline of the same run, and the peak memory of each size.
enum AlignmentBench {
    static func run() throws {
        let pairs = try parallelLines()
        let glossaryDirectory = Harness.packageRoot + "/Glossaries"
        let glossaryFiles = ((try? FileManager.default.contentsOfDirectory(atPath: glossaryDirectory)) ?? [])
            .filter { $0.hasSuffix(".tsv") }.sorted().map { glossaryDirectory + "/" + $0 }
        let glossary = try Glossary.load(glossaryFiles)
        print("## alignment: NTREX dev articles repeated (\(pairs.count) line pairs), 10% merged and 4% dropped on one side, Glossaries/ (\(glossary.entries.count) entries); release build")
        let aligner = try Aligner(glossary: glossary)
        var baseline: Double?
        for target in [1_000, 10_000, 50_000] {
            let document = Self.document(from: pairs, segments: target)
            let runs = target >= 50_000 ? 3 : 5
            Harness.resetPeakMemory()
            let before = Harness.residentMemoryBytes()
            var links = 0
            let cpuBefore = Self.cpuSeconds()
            let time = Harness.median(runs: runs) { links = aligner.align(document).links.count }
            let cpu = (Self.cpuSeconds() - cpuBefore) / Double(runs + 1)
            let peak = Harness.peakMemoryBytes()
            let perSegment = time / Double(document.bulgarian.count + document.english.count) * 2
            let ratio = baseline.map { perSegment / $0 } ?? 1
            if baseline == nil { baseline = perSegment }
            print("  \(document.bulgarian.count) bg × \(document.english.count) en segments: \(Harness.format(time, 3)) s (median of \(runs); \(Harness.format(cpu, 2)) s CPU per run), \(Harness.format(perSegment * 1e6, 1)) µs per segment pair = \(Harness.format(ratio, 2))× the 1k figure, peak memory \(Harness.megabytes(peak)) (\(Harness.megabytes(before)) before), \(links) links")
        }
        print("  targets: 50k ≤ 10 s and ≤ 1024 MiB peak; time per segment at 50k ≤ 2× that at 1k")
    }

    /// User and system CPU time of this process so far (all threads), in seconds: a figure the load of a shared
    /// machine does not inflate the way it inflates wall time.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The line pairs of Corpora/ntrex (bg/X.txt line i with en/X.txt line i).
    static func parallelLines() throws -> [(String, String)] {
        let root = Harness.packageRoot + "/Corpora/ntrex"
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/bg").filter { $0.hasSuffix(".txt") }.sorted()
        var pairs: [(String, String)] = []
        for name in names {
            let bulgarian = try String(contentsOfFile: root + "/bg/" + name, encoding: .utf8).split(separator: "\n").map(String.init)
            let english = try String(contentsOfFile: root + "/en/" + name, encoding: .utf8).split(separator: "\n").map(String.init)
            guard bulgarian.count == english.count else { continue }
            pairs += zip(bulgarian, english).map { ($0, $1) }
        }
        precondition(!pairs.isEmpty, "no line-aligned articles under \(root)")
        return pairs
    }

    /// About `segments` segments per side, with deterministic merges and drops.
    static func document(from pairs: [(String, String)], segments: Int) -> DocumentPair {
        var generator = SplitMix(seed: UInt64(segments))
        var bulgarian: [String] = []
        var english: [String] = []
        var k = 0
        while bulgarian.count < segments {
            let (b, e) = pairs[k % pairs.count]
            let (nb, ne) = pairs[(k + 1) % pairs.count]
            let roll = generator.unit()
            if roll < 0.05 {
                if generator.unit() < 0.5 {
                    bulgarian.append(b + " " + nb)
                    english += [e, ne]
                } else {
                    bulgarian += [b, nb]
                    english.append(e + " " + ne)
                }
                k += 2
            } else if roll < 0.09 {
                if generator.unit() < 0.5 { bulgarian.append(b) } else { english.append(e) }
                k += 1
            } else {
                bulgarian.append(b)
                english.append(e)
                k += 1
            }
        }
        return DocumentPair(id: "bench-\(segments)", bulgarian: AlignmentSide(segments: bulgarian), english: AlignmentSide(segments: english))
    }
}
