import Foundation
import ICU
import Segmentation
import Terminology

/// Term matching throughput (MB/s of UTF-8 segments) with a 100-entry and a 10,000-entry glossary on the same
/// text, against the bare ICU word iterator (the tokenizer the matcher runs on), all measured in the same run.
enum TermsBench {
    static func run() throws {
        let megabytes = Int(ProcessInfo.processInfo.environment["PREVOD_BENCH_MB"] ?? "") ?? 16
        let paragraphs = Harness.bulgarianText(atLeast: megabytes * 1_000_000)
        let segmenter = try Segmenter.bulgarian()
        var segments: [String] = []
        for paragraph in paragraphs {
            let utf8 = Array(paragraph.utf8)
            for range in segmenter.ranges(of: paragraph) { segments.append(String(decoding: utf8[range], as: UTF8.self)) }
        }
        let bytes = segments.reduce(0) { $0 + $1.utf8.count }
        print("## terms: \(segments.count) segments, \(Harness.format(Double(bytes) / 1e6)) MB of Bulgarian news (Corpora/ repeated), median of 7 interleaved rounds")

        let real = try curatedEntries()
        let large = Glossary(entries: real + syntheticEntries(count: max(0, 10_000 - real.count)))
        let small = Glossary(entries: Array(large.entries.prefix(100)))

        // Baseline: ICU's word iterator alone over the same segments, with the UTF-8 → UTF-16 copy it needs.
        let iterator = try BreakIterator(.word, locale: "bg")
        var units = [UInt16](repeating: 0, count: 1 << 16)
        var boundaries = 0
        func icuPass() throws {
            boundaries = 0
            for var segment in segments {
                let length = segment.withUTF8 { bytes in units.withUnsafeMutableBufferPointer { UTF16Transcoding.transcode(bytes, into: $0) } }
                boundaries += try units.withUnsafeBufferPointer { try iterator.boundaries(in: UnsafeBufferPointer(rebasing: $0[0..<length])).count }
            }
        }

        var matchers: [(glossary: Glossary, matcher: TermMatcher, hits: Int)] = []
        for glossary in [small, large] {
            Harness.resetPeakMemory()
            let before = Harness.residentMemoryBytes()
            let buildStart = DispatchTime.now().uptimeNanoseconds
            let index = try TermIndex(glossary)
            let buildTime = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9
            let indexMemory = Harness.residentMemoryBytes() - before
            print("  index of \(glossary.entries.count) entries: \(index.formCount) forms, built in \(Harness.format(buildTime, 2)) s, ~\(Harness.megabytes(max(0, indexMemory)))")
            matchers.append((glossary, try TermMatcher(index: index), 0))
        }

        // The three passes take turns, round after round, so that a load change on the shared machine hits all
        // of them alike; each figure is the median of its rounds.
        var times: [[Double]] = [[], [], []]
        func timed(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        try icuPass()
        for m in matchers.indices { for segment in segments { matchers[m].hits += matchers[m].matcher.hits(in: segment).count } }
        for _ in 0..<7 {
            times[0].append(try timed(icuPass))
            for m in matchers.indices {
                var hits = 0
                times[m + 1].append(timed { for segment in segments { hits += matchers[m].matcher.hits(in: segment).count } })
                matchers[m].hits = hits
            }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let rates = times.map { Double(bytes) / median($0) / 1e6 }
        print("  bare ICU word iterator: \(Harness.format(rates[0])) MB/s (\(boundaries) boundaries)")
        for (m, entry) in matchers.enumerated() {
            print("  term matching, \(entry.glossary.entries.count) entries: \(Harness.format(rates[m + 1])) MB/s (\(Harness.format(rates[m + 1] / rates[0] * 100))% of bare ICU), \(entry.hits) hits")
        }
        print("  the 10,000-entry run takes \(Harness.format(rates[1] / rates[2], 2))× the time of the 100-entry run (target ≤ 1.5×); target ≥ 50 MB/s with 10,000 entries")
    }

    /// The entries of Glossaries/: the curated news glossary, then the CLDR starter.
    static func curatedEntries() throws -> [GlossaryEntry] {
        let root = Harness.packageRoot + "/Glossaries"
        // The curated news glossary first: the 100-entry run is a project glossary that has hits in the text.
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0.hasSuffix(".tsv") }
            .sorted { ($0.hasPrefix("cldr") ? 1 : 0, $0) < ($1.hasPrefix("cldr") ? 1 : 0, $1) }
        return try Glossary.load(files.map { root + "/" + $0 }).entries
    }

    /// Deterministic made-up Bulgarian names and terms (one to three words) to fill a glossary to size: most never
    /// occur in the text, as with a real agency glossary, and some share first words with real terms.
    static func syntheticEntries(count: Int) -> [GlossaryEntry] {
        var generator = SplitMix(seed: 2025)
        let onsets = ["б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш", "бр", "гр", "др", "кр", "пл", "ст", "тр"]
        let nuclei = ["а", "е", "и", "о", "у", "ъ", "я", "ю"]
        let codas = ["", "", "н", "р", "л", "в", "ст", "к", "м"]
        let shared = ["Северна", "Южна", "Западна", "Източна", "Нова", "Курска", "руски", "държавен", "Народна", "Централна"]
        func word() -> String {
            var w = ""
            for _ in 0..<(2 + Int(generator.next() % 2)) {
                w += onsets[Int(generator.next() % UInt64(onsets.count))] + nuclei[Int(generator.next() % UInt64(nuclei.count))]
            }
            w += codas[Int(generator.next() % UInt64(codas.count))]
            return w.prefix(1).uppercased() + w.dropFirst()
        }
        let types: [EntryType] = [.person, .place, .organisation, .term]
        return (0..<count).map { i in
            let words = 1 + Int(generator.next() % 3)
            var parts = (0..<words).map { _ in word() }
            if words > 1 && i % 7 == 0 { parts[0] = shared[i % shared.count] }
            let type = types[i % types.count]
            let source = type == .term ? parts.joined(separator: " ").lowercased() : parts.joined(separator: " ")
            return GlossaryEntry(id: "s\(i)", source: source, targets: [Transliteration.bulgarian2009(source)], type: type)
        }
    }
}

/// A small deterministic random number generator (SplitMix64) for reproducible benchmark data (terms, alignment).
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
