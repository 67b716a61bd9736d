import Foundation
import Interchange
import Testing
import TestSupport

/// The sample article's XLIFF 2.1, XLIFF 1.2 and TMX, compared byte for byte with the files in `Golden/`.
/// Re-record after an intended change with `PREVOD_RECORD=1 swift test --filter GoldenTests`.
@Suite struct GoldenTests {
    static let directory = TestPaths.packageRoot.appendingPathComponent("Tests/InterchangeTests/Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["PREVOD_RECORD"] == "1" }

    func compare(_ actual: String, golden name: String) throws {
        let url = Self.directory.appendingPathComponent(name)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record("\(name) differs from the golden file at line \(line + 1) (re-record with PREVOD_RECORD=1 if intended):\nexpected: \(line < e.count ? String(e[line]) : "<end>")\nactual:   \(line < a.count ? String(a[line]) : "<end>")")
        }
    }

    @Test func sampleXLIFF21() throws {
        try compare(XLIFF2Writer.document(Fixtures.prepared(try Fixtures.read(Fixtures.sample))), golden: "sample.xliff21.xlf")
    }

    @Test func sampleXLIFF12() throws {
        try compare(XLIFF12Writer.document(Fixtures.prepared(try Fixtures.read(Fixtures.sample))), golden: "sample.xliff12.xlf")
    }

    /// The memory `import` writes for the sample translated by the fixture translator.
    @Test func sampleTMX() throws {
        let prepared = try Fixtures.prepared(try Fixtures.read(Fixtures.sample))
        let document = try XMLDocumentHelpers.parse(XLIFF2Writer.document(prepared))
        let filled = Translator.fill2(document.root) { id, _ in "English \(id)." }
        let result = Importer.merge(try XLIFFReader.read(try Translator.serialize(filled), source: "sample.xlf"))
        #expect(result.problems.isEmpty)
        let units = result.articles.flatMap(\.pairs)
        #expect(units.count == prepared.article.segmentCount)
        try compare(TMXWriter.document(units), golden: "sample.tmx")
    }
}

import XMLKit

enum XMLDocumentHelpers {
    static func parse(_ text: String) throws -> XMLDocument { try XMLDocument.parse(Array(text.utf8), source: "memory.xml") }
}
