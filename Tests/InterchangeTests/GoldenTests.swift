import Foundation
import Interchange
import Testing
import TestSupport

/// The sample article's XLIFF 2.1, XLIFF 1.2 and TMX, compared byte for byte with the files in `Golden/`.
/// Re-record after an intended change with `PREVOD_RECORD=1 swift test --filter GoldenTests`.
@Suite struct GoldenTests {
    static let directory = TestPaths.packageRoot.appendingPathComponent("Tests/InterchangeTests/Golden")

    func compare(_ actual: String, golden name: String) throws {
        if let difference = try Golden.compare(actual, with: Self.directory.appendingPathComponent(name)) { Issue.record("\(difference)") }
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
