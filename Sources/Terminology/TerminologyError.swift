import Corpus
import ICU

/// Why a glossary could not be read, compiled or written. Every case names the place and what was expected.
public enum TerminologyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// A row or element of a glossary file is malformed: `location` says where, `message` what was expected.
    case malformed(SourceLocation, message: String)
    /// The file's format could not be told from its name or content.
    case unknownFormat(path: String, reason: String)
    /// ICU failed (tokenizing, normalizing): a broken installation rather than bad input.
    case icu(String)
    /// Writing an output file failed.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read glossary: \(reason)"
        case .malformed(let location, let message):
            return "\(location): error: \(message)"
        case .unknownFormat(let path, let reason):
            return "\(path): error: unknown glossary format: \(reason); "
                + "expected .tsv (prevod or OmegaT), .csv, or .tbx (TBX v2 martif)"
        case .icu(let message):
            return "error: \(message)"
        case .unwritable(let path, let reason):
            return "\(path): error: cannot write: \(reason)"
        }
    }

    /// Where the problem is, when it is in a file.
    public var location: SourceLocation? {
        switch self {
        case .unreadable(let path, _), .unknownFormat(let path, _), .unwritable(let path, _):
            return SourceLocation(file: path)
        case .malformed(let location, _):
            return location
        case .icu:
            return nil
        }
    }

    init(_ error: ICUError) { self = .icu(error.description) }
}
