import Foundation

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
        // String paths, not URL(fileURLWithPath:), which asks the file system whether the path is a directory.
        let name = (path as NSString).lastPathComponent
        let parent = (path as NSString).deletingLastPathComponent
        let directory = URL(fileURLWithPath: parent.isEmpty ? "." : parent, isDirectory: true)
        if createDirectories {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: path, reason: "cannot create directory \(directory.path): \(error.localizedDescription)")
            }
        }
        let temporary = directory.appendingPathComponent(".\(name).\(UInt32.random(in: 0...UInt32.max)).tmp", isDirectory: false)
        // Plain POSIX calls: FileManager.createFile is itself an atomic (temporary + rename) write, which made every
        // file cost two creations and two renames.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(path: path, reason: "cannot create a temporary file in \(directory.path): \(String(cString: strerror(errno)))")
        }
        let failure: String? = data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
        if close(descriptor) != 0 && failure == nil {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        if let failure {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: failure)
        }
        if rename(temporary.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Data(text.utf8), to: path)
    }
}
