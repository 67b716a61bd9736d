import Foundation
import Testing
import TestSupport
@testable import Checks

/// The three reports of the sample bitext, compared byte for byte with the files in `Golden/`.
/// Re-record after an intended change with `PREVOD_RECORD=1 swift test --filter GoldenReportTests`.
@Suite struct GoldenReportTests {
    static let directory = TestPaths.packageRoot.appendingPathComponent("Tests/ChecksTests/Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["PREVOD_RECORD"] == "1" }

    func compare(_ actual: String, golden name: String) throws {
        let url = Self.directory.appendingPathComponent(name)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard actual != expected else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        Issue.record("\(name) differs from the golden file at line \(line + 1) (re-record with PREVOD_RECORD=1 if intended):\nexpected: \(line < e.count ? String(e[line]) : "<end>")\nactual:   \(line < a.count ? String(a[line]) : "<end>")")
    }

    @Test func text() throws { try compare(TextReport.render(sampleReport()), golden: "sample.txt") }
    @Test func json() throws { try compare(JSONReport.render(sampleReport()), golden: "sample.json") }
    @Test func html() throws { try compare(HTMLReport.render(sampleReport()), golden: "sample.html") }

    /// Reports are the same however the work was spread over threads.
    @Test func deterministic() {
        let first = JSONReport.render(sampleReport())
        for _ in 0..<5 { #expect(JSONReport.render(sampleReport()) == first) }
    }
}
