import Corpus

/// A bitext file format `prevod check` reads: JSON Lines pairs here, XLIFF and TMX through Interchange.
///
/// ``CheckInputReader`` asks each format in turn whether it takes a file (by name and first bytes), so a new format
/// plugs in by adding one value to its list.
public protocol BitextFormat: Sendable {
    /// A short name for messages ("JSON Lines bitext", "XLIFF 2.1").
    var name: String { get }
    /// Whether the file is in this format, from its path and its first bytes (up to 4 KiB).
    func accepts(path: String, head: ArraySlice<UInt8>) -> Bool
    /// The documents of the file.
    func read(path: String, bytes: [UInt8]) throws(ChecksError) -> [CheckDocument]
}
