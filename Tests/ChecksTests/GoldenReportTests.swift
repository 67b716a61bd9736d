import Foundation
import Testing
import TestSupport
@testable import Checks

/// The three reports of the sample bitext, compared byte for byte with the files in `Golden/`.
/// Re-record after an intended change with `PREVOD_RECORD=1 swift test --filter GoldenReportTests`.
@Suite struct GoldenReportTests {
    static let directory = TestPaths.packageRoot.appendingPathComponent("Tests/ChecksTests/Golden")
    func compare(_ actual: String, golden name: String) throws {
        if let difference = try Golden.compare(actual, with: Self.directory.appendingPathComponent(name)) { Issue.record("\(difference)") }
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
