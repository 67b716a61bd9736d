import Corpus
import XMLKit

/// Why an exchange file could not be written, read or merged. Every case names the place and what was expected.
public enum InterchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A character XML 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF) in an article.
    case illegalCharacter(SourceLocation, scalar: UInt32, article: String)
    /// The file is not well-formed or not safe to read.
    case unreadable(XMLReadError)
    /// The file is well-formed but not what was expected (wrong root, missing element...).
    case invalid(SourceLocation, String)
    /// A returned source no longer matches what prevod prepared.
    case sourceMismatch(SourceLocation, segment: String, detail: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .illegalCharacter(let location, let scalar, let article):
            let hex = String(scalar, radix: 16, uppercase: true)
            return "\(location): error: character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not allowed in XML 1.0; "
                + "article \(article) was not prepared (remove the character from the source)"
        case .unreadable(let error): return error.description
        case .invalid(let location, let message): return "\(location): error: \(message)"
        case .sourceMismatch(let location, let segment, let detail):
            return "\(location): error: segment \(segment): \(detail); its translation was not merged"
        case .cannotWrite(let path, let reason): return "\(path): error: cannot write: \(reason)"
        }
    }
}
