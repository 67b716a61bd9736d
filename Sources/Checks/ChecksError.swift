import Corpus

/// Why `prevod check` could not read its inputs or write its report. Every case names the place and what was
/// expected.
public enum ChecksError: Error, Sendable, CustomStringConvertible {
    /// A corpus file could not be read.
    case corpus(CorpusError)
    /// A bitext record is not what the format requires.
    case malformedBitext(SourceLocation, reason: String)
    /// A file of a bitext format prevod cannot read (yet).
    case unsupportedFormat(path: String, reason: String)
    /// An exchange file (XLIFF, TMX) that is not well-formed or not what its format requires; the message names the
    /// place.
    case exchange(String)
    /// The glossary could not be loaded.
    case glossary(String)
    /// The sentence segmenter or ICU could not be set up.
    case setup(String)

    public var description: String {
        switch self {
        case .corpus(let error): return error.description
        case .malformedBitext(let location, let reason): return "\(location): error: \(reason)"
        case .unsupportedFormat(let path, let reason): return "\(path): error: \(reason)"
        case .exchange(let message): return message
        case .glossary(let message): return message
        case .setup(let message): return "error: \(message)"
        }
    }
}
