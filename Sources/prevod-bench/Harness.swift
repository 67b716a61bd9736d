import Foundation

/// Timing and memory helpers for `make bench` (release build). Figures are medians of repeated runs, reported next to
/// a baseline measured in the same run, because absolute numbers on a shared 2-core machine are noisy.
enum Harness {
    /// Runs `body` `runs` times (after one warm-up) and returns the median wall time in seconds.
    static func median(runs: Int = 5, warmUp: Bool = true, _ body: () throws -> Void) rethrows -> Double {
        if warmUp { try body() }
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// Resets the kernel's peak-RSS counter of this process (Linux: `echo 5 > /proc/self/clear_refs`), so the next
    /// ``peakMemoryBytes()`` measures only what follows.
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// Peak resident memory of this process (VmHWM), in bytes.
    static func peakMemoryBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }

    /// Current resident memory (VmRSS), in bytes.
    static func residentMemoryBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (Int(line.filter(\.isNumber)) ?? 0) * 1024
        }
        return 0
    }

    /// The package root (where Corpora/ lives), from the current directory or the executable's location.
    static var packageRoot: String {
        var candidates = [FileManager.default.currentDirectoryPath]
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(url.path)
            url = url.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/Corpora") } ?? "."
    }

    /// The Bulgarian news text of Corpora/ (every Bulgarian article), repeated until it reaches `bytes`.
    static func bulgarianText(atLeast bytes: Int) -> [String] {
        let root = packageRoot + "/Corpora"
        var paragraphs: [String] = []
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".txt") && !$0.contains("/en/") }.sorted()
        for file in files {
            guard let text = try? String(contentsOfFile: root + "/" + file, encoding: .utf8) else { continue }
            paragraphs += text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix(" date") }
        }
        precondition(!paragraphs.isEmpty, "no Bulgarian text found under \(root)")
        var result: [String] = []
        var total = 0
        while total < bytes {
            for paragraph in paragraphs {
                result.append(paragraph)
                total += paragraph.utf8.count + 1
            }
        }
        return result
    }

    static func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

    static func megabytes(_ bytes: Int) -> String { format(Double(bytes) / 1_048_576, 1) + " MiB" }
}
