/// Writes TBX v2 (TBX-Basic, `martif`).
enum TBXWriter {
    static func document(_ glossary: Glossary) throws(TerminologyError) -> String {
        throw TerminologyError.unwritable(path: "-", reason: "TBX export is not available yet")
    }
}
