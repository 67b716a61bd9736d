import Foundation

// `make bench [BENCH_ARGS="segment terms ..."]`: runs the named benchmarks (all by default).
let benchmarks: [(name: String, run: () throws -> Void)] = [
    ("segment", SegmentationBench.run),
    ("terms", TermsBench.run),
    ("prepare", InterchangeBench.run),
    ("checks", ChecksBench.run),
    ("align", AlignmentBench.run),
    ("package", PackagingBench.run),
]

let requested = Set(CommandLine.arguments.dropFirst())
for benchmark in benchmarks where requested.isEmpty || requested.contains(benchmark.name) {
    do {
        try benchmark.run()
    } catch {
        print("  \(benchmark.name) failed: \(error)")
        exit(1)
    }
}
