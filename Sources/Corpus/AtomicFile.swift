import Foundation
import Synchronization

/// Writes files atomically: into a temporary file beside the target, then renamed over it, so a reader never sees
/// half a file and a failed run leaves the old file in place.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: cannot write: \(reason)" }
    }

    /// Writes `data` to `path`, creating missing parent directories (unless the caller made them already:
    /// `createDirectories: false` saves a few system calls per file when writing thousands).
    public static func write(_ data: Data, to path: String, createDirectories: Bool = true) throws(WriteError) {
        if let error = data.withUnsafeBytes({ attempt($0, path, createDirectories) }) { throw error }
    }

    /// Writes `bytes` to `path` (no copy into `Data`: `prepare` writes every document this way).
    public static func write(_ bytes: [UInt8], to path: String, createDirectories: Bool = true) throws(WriteError) {
        if let error = bytes.withUnsafeBytes({ attempt($0, path, createDirectories) }) { throw error }
    }

    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        var text = text
        if let error = text.withUTF8({ attempt(UnsafeRawBufferPointer($0), path, true) }) { throw error }
    }

    /// ``write(_:to:createDirectories:)`` for the buffer closures above (which cannot throw a typed error).
    private static func attempt(_ buffer: UnsafeRawBufferPointer, _ path: String, _ createDirectories: Bool) -> WriteError? {
        do {
            try write(buffer, to: path, createDirectories: createDirectories)
            return nil
        } catch {
            return error
        }
    }

    /// Temporary names are `.NAME.PID-N.tmp`: unique within the process by the counter, across processes by the
    /// process id; a leftover of a crashed process with the same id is met by `O_EXCL` and the next number taken.
    private static let counter = Atomic<Int>(0)
    private static let processID = String(getpid())

    /// The directory and the file name of `path` ("." for a bare name). A plain split at the last slash, which is
    /// what `NSString`'s path methods give for a file path, without bridging the string.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
        let name = String(path[path.utf8.index(after: slash)...])
        guard !name.isEmpty else {
            let parent = (path as NSString).deletingLastPathComponent
            return (parent.isEmpty ? "." : parent, (path as NSString).lastPathComponent)
        }
        return (slash == path.startIndex ? "/" : String(path[..<slash]), name)
    }

    /// The one implementation: create the temporary file exclusively, write, close, rename over `path`.
    ///
    /// Plain POSIX calls and string paths: `FileManager.createFile` is itself an atomic (temporary + rename) write,
    /// which made every file cost two creations and two renames, and `URL(fileURLWithPath:)` asks the file system
    /// whether the path is a directory.
    public static func write(_ buffer: UnsafeRawBufferPointer, to path: String, createDirectories: Bool = true) throws(WriteError) {
        let (directory, name) = split(path)
        if createDirectories {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: path, reason: "cannot create directory \(directory): \(error.localizedDescription)")
            }
        }
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<100 {
            let number = counter.add(1, ordering: .relaxed).newValue
            temporary = directory + "/." + name + "." + processID + "-" + String(number) + ".tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw WriteError(path: path, reason: "cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
        }
        var failure: String?
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            offset += written
        }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }
}
