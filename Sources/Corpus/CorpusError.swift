/// A place in a source file, for messages a person can act on (`file:line:column`).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line, or 0 when unknown.
    public var line: Int
    /// 1-based column in characters, or 0 when unknown.
    public var column: Int
    /// Byte offset in the file, when known.
    public var byteOffset: Int?

    public init(file: String, line: Int = 0, column: Int = 0, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if column > 0 { text += ":\(column)" }
        return text
    }
}

/// Why an input could not be read. Every case names the place and what was expected.
public enum CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case invalidUTF8(SourceLocation)
    case malformedJSON(SourceLocation, reason: String)
    case missingField(SourceLocation, field: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): error: no such file or directory"
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read: \(reason)"
        case .invalidUTF8(let location):
            return "\(location): error: invalid UTF-8 at byte offset \(location.byteOffset ?? 0); "
                + "expected UTF-8 text (convert the file, or pass --lossy to replace bad bytes with U+FFFD)"
        case .malformedJSON(let location, let reason):
            return "\(location): error: malformed JSON Lines record: \(reason); "
                + "expected one object {\"id\", \"text\", \"date\"?} per line"
        case .missingField(let location, let field):
            return "\(location): error: JSON Lines record has no string field \"\(field)\""
        }
    }

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .notFound(let path), .unreadable(let path, _): return SourceLocation(file: path)
        case .invalidUTF8(let location), .malformedJSON(let location, _), .missingField(let location, _):
            return location
        }
    }
}

/// A problem that was repaired rather than refused (see `--lossy`), or a warning about the input.
public struct ReadIssue: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): warning: \(message)" }
}
