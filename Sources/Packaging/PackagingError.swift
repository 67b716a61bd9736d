import Corpus

/// Why a kit could not be built, opened or taken back. Every case names the place and says what was expected, so
/// a person can act on the message.
public enum PackagingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kit file is not a zip archive, or its end is missing (a truncated download).
    case notAnArchive(path: String, reason: String)
    /// A zip entry whose name would land outside the extraction directory (absolute, `..`, a drive letter).
    case unsafeEntryPath(archive: String, entry: String, reason: String)
    /// A zip entry that is a symbolic link (or another special file) rather than a file or a directory.
    case linkEntry(archive: String, entry: String)
    /// The archive inflates to more than the limit (a zip bomb), or holds too many entries.
    case tooLarge(archive: String, detail: String)
    /// An entry whose data is damaged (CRC mismatch, short data).
    case damagedEntry(archive: String, entry: String, reason: String)
    /// The kit has no `manifest.json`, or it cannot be read.
    case badManifest(SourceLocation, String)
    /// A file of the kit differs from what the manifest recorded.
    case tamperedFile(path: String, article: String?, detail: String)
    /// A returned source segment differs from the packaged one.
    case tamperedSource(SourceLocation, article: String, segment: String, detail: String)
    /// A returned segment id (or article) the manifest does not know.
    case unknownSegment(SourceLocation, article: String, segment: String)
    /// A returned file that cannot be read as XLIFF or TMX.
    case unreadableReturn(path: String, reason: String)
    /// A returned file that lacks segments of its article (or repeats one), so it cannot be merged.
    case incomplete(path: String, detail: String)
    /// Two returned files of one article disagree.
    case conflictingReturns(article: String, first: String, second: String)
    /// The inputs cannot be packaged (no articles, a glossary or memory that cannot be read...).
    case invalidInput(String)
    /// Writing the kit or the imported files failed; nothing was changed.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAnArchive(let path, let reason):
            return "\(path): error: not a readable zip archive (\(reason)); is the file complete? download or copy it again"
        case .unsafeEntryPath(let archive, let entry, let reason):
            return "\(archive): error: entry \"\(entry)\" \(reason); refusing to open the archive (zip-slip protection)"
        case .linkEntry(let archive, let entry):
            return "\(archive): error: entry \"\(entry)\" is a symbolic link; kits hold only files and directories, refusing to open the archive"
        case .tooLarge(let archive, let detail):
            return "\(archive): error: \(detail); refusing to open the archive (zip-bomb protection)"
        case .damagedEntry(let archive, let entry, let reason):
            return "\(archive): error: entry \"\(entry)\" is damaged (\(reason)); the archive is incomplete or corrupted"
        case .badManifest(let location, let message):
            return "\(location): error: \(message)"
        case .tamperedFile(let path, let article, let detail):
            let owner = article.map { " (article \($0))" } ?? ""
            return "\(path): error: \(detail)\(owner); the kit's sources must come back unchanged"
        case .tamperedSource(let location, let article, let segment, let detail):
            return "\(location): error: article \(article), segment \(segment): the Bulgarian source was changed (\(detail)); "
                + "sources must come back unchanged, so nothing was imported"
        case .unknownSegment(let location, let article, let segment):
            return "\(location): error: segment \(segment) is not part of article \(article) in this kit's manifest"
        case .unreadableReturn(let path, let reason):
            return "\(path): error: \(reason)"
        case .incomplete(_, let detail):
            return detail + "; nothing was imported"
        case .conflictingReturns(let article, let first, let second):
            return "\(second): error: article \(article) was also returned in \(first) with a different translation; "
                + "send back one of them (nothing was imported)"
        case .invalidInput(let message):
            return message
        case .cannotWrite(let path, let reason):
            return "\(path): error: cannot write: \(reason); nothing was changed"
        }
    }
}
