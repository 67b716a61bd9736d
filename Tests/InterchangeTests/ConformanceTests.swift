import Foundation
import Interchange
import Testing
import TestSupport

/// The OASIS XLIFF 2.1 test suite in ../shared: every valid file accepted, and at least 60 of the 119 invalid ones
/// rejected (prevod's validator rejects all of them, each for the rule the file breaks).
@Suite(.enabled(if: TestPaths.sharedAvailable, "needs ../shared (reference data beside the checkout; present in CI)"))
struct ConformanceTests {
    static let suite = TestPaths.shared.appendingPathComponent("conformance/xliff21-test-suite")

    static func files(_ folder: String) -> [URL] {
        let directory = suite.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".xlf") }.sorted().map { directory.appendingPathComponent($0) }
    }

    func inspect(_ url: URL) throws -> Inspection {
        Inspector.inspect([UInt8](try Data(contentsOf: url)), path: url.lastPathComponent)
    }

    @Test func acceptsEveryValidCoreFile() throws {
        let files = Self.files("core/valid")
        #expect(files.count == 25)
        for file in files {
            let inspection = try inspect(file)
            #expect(inspection.isValid, "\(file.lastPathComponent): \(inspection.problems)")
        }
    }

    @Test func rejectsTheInvalidCoreFiles() throws {
        let files = Self.files("core/invalid")
        #expect(files.count == 119)
        var rejected: [String] = []
        for file in files where !(try inspect(file)).isValid { rejected.append(file.lastPathComponent) }
        #expect(rejected.count >= 60)
        #expect(rejected.count == 119, "accepted: \(Set(files.map(\.lastPathComponent)).subtracting(rejected).sorted())")
    }

    /// Each invalid file is rejected for its own rule, not by accident: the message names it.
    @Test(arguments: [
        ("bad_SubStateWithoutState.xlf", "subState needs state"),
        ("bad_EcBeforeSc.xlf", "comes before its <sc>"),
        ("bad_InvalidLoneSm.xlf", "has no <em>"),
        ("bad_WrongReordering2.xlf", "changed order in the target"),
        ("bad_MissingNonRemovable1.xlf", "code 4 has canDelete=\"no\""),
        ("bad_OrderNotUnique2.xlf", "target order 2 is used twice"),
        ("bad_InvalidFragIdBadOrder.xlf", "out of order"),
        ("bad_NoTrgLang.xlf", "needs trgLang"),
        ("bad_InvalidXmlLangInheritedFromGroup.xlf", "the source language is ja"),
        ("bad_DuplicateExtElemIdsInGroup.xlf", "id x1 of an extension element is not unique in <group>"),
    ])
    func rejectsForTheRightReason(_ name: String, _ message: String) throws {
        let inspection = try inspect(Self.suite.appendingPathComponent("core/invalid").appendingPathComponent(name))
        #expect(inspection.problems.contains { $0.message.contains(message) }, "\(inspection.problems)")
    }

    @Test func acceptsTheValidModuleFiles() throws {
        for file in Self.files("modules/valid") {
            let inspection = try inspect(file)
            #expect(inspection.isValid, "\(file.lastPathComponent): \(inspection.problems)")
        }
    }

    /// Our own output passes our validator.
    @Test func ourXLIFF2IsValid() throws {
        let inspection = Inspector.inspect(Array(try XLIFF2Writer.document(Fixtures.prepared(try Fixtures.read(Fixtures.sample))).utf8), path: "sample.xlf")
        #expect(inspection.isValid, "\(inspection.problems)")
        #expect(inspection.summary.contains { $0.contains("19 segments (initial 19)") })
    }
}
