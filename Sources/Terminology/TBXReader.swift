import Corpus

/// Reads TBX v2 (`martif`) glossaries.
enum TBXReader {
    static func read(_ text: String, path: String) throws(TerminologyError) -> GlossaryReadResult {
        throw TerminologyError.unknownFormat(path: path, reason: "TBX import is not available yet")
    }
}
