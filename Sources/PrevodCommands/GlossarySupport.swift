import Foundation
import Interchange

/// The glossary side of `prepare`: loads the glossaries, builds one term annotator per worker, and writes the entries
/// used. Bridges the Terminology module to Interchange's ``TermEntry``/``TermMark``.
struct GlossarySupport {
    var entries: [TermEntry] = []
    var makeAnnotator: (@Sendable () throws -> TermAnnotator)?

    static func load(_ paths: [String]) throws -> GlossarySupport {
        guard !paths.isEmpty else { return GlossarySupport() }
        throw ValidationErrorMessage("--glossary needs the Terminology module (TermMatcher), which is not merged yet")
    }

    func writeUsed(_ used: Set<Int>, to directory: String) throws -> Int { 0 }
}

struct ValidationErrorMessage: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
