import Foundation
import Testing
import TestSupport

/// Every command that takes glossaries accepts a directory of them, resolved the same way.
@Suite struct GlossaryDirectoryTests {
    @Test func lintAndTermsAcceptTheGlossariesDirectory() throws {
        let lint = try Prevod.run(["glossary", "lint", "Glossaries"])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stderr.contains("0 errors"))
        let terms = try Prevod.run(["terms", "Corpora/bta", "-g", "Glossaries"])
        #expect(terms.status == 0)
        #expect(terms.stdout.hasPrefix("# 2025-09-03-putin-kim: 69 hits in 19 of 19 segments"))
    }

    @Test func aMissingGlossaryIsNamed() throws {
        let result = try Prevod.run(["terms", "Corpora/bta", "-g", "no/such/glossaries"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no/such/glossaries: error: cannot read glossary: no such file"))
    }
}
