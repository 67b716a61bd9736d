import Foundation

/// Writes several files so that either all of them change or none does.
///
/// Every file is first written to a temporary file beside its destination (same directory, so the final step is a
/// rename on one file system). Only when all are written are the old files moved aside and the new ones renamed into
/// place; a failure at any point restores the old files and removes everything created, including directories.
/// Used by `prevod import`, whose contract is that a failed import changes nothing.
public struct FileTransaction {
    private var pending: [(path: String, data: Data)] = []

    public init() {}

    /// Adds a file to write. A later write to the same path replaces the earlier one.
    public mutating func write(_ data: Data, to path: String) {
        let standard = (path as NSString).standardizingPath
        pending.removeAll { $0.path == standard }
        pending.append((standard, data))
    }

    public mutating func write(_ text: String, to path: String) { write(Data(text.utf8), to: path) }

    /// The paths that will be written, in order.
    public var paths: [String] { pending.map(\.path) }

    /// Writes everything, or nothing.
    public func commit() throws(PackagingError) {
        let manager = FileManager.default
        var createdDirectories: [String] = []
        var temporaries: [(temporary: String, destination: String)] = []
        var backups: [(backup: String, original: String)] = []
        var placed: [String] = []

        func rollBack() {
            for path in placed { unlink(path) }
            for (backup, original) in backups { rename(backup, original) }
            for (temporary, _) in temporaries { unlink(temporary) }
            for directory in createdDirectories.reversed() { rmdir(directory) }
        }

        do {
            for (path, data) in pending {
                let directory = (path as NSString).deletingLastPathComponent
                createdDirectories += try Self.createDirectories(directory.isEmpty ? "." : directory)
                let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp"
                guard manager.createFile(atPath: temporary, contents: data) else {
                    throw PackagingError.cannotWrite(path: path, reason: "cannot create a temporary file in \(directory.isEmpty ? "." : directory)")
                }
                temporaries.append((temporary, path))
            }
            for (temporary, destination) in temporaries {
                var status = stat()
                if lstat(destination, &status) == 0 {
                    if status.st_mode & S_IFMT == S_IFDIR {
                        throw PackagingError.cannotWrite(path: destination, reason: "a directory is in the way")
                    }
                    let backup = destination + ".\(UInt32.random(in: 0...UInt32.max)).bak"
                    guard rename(destination, backup) == 0 else {
                        throw PackagingError.cannotWrite(path: destination, reason: String(cString: strerror(errno)))
                    }
                    backups.append((backup, destination))
                }
                guard rename(temporary, destination) == 0 else {
                    throw PackagingError.cannotWrite(path: destination, reason: String(cString: strerror(errno)))
                }
                placed.append(destination)
            }
        } catch let error as PackagingError {
            rollBack()
            throw error
        } catch {
            rollBack()
            throw .cannotWrite(path: pending.first?.path ?? ".", reason: "\(error)")
        }
        for (backup, _) in backups { unlink(backup) }
    }

    /// Creates `directory` and its missing parents; returns the ones it created, outermost first.
    static func createDirectories(_ directory: String) throws(PackagingError) -> [String] {
        var missing: [String] = []
        var current = (directory as NSString).standardizingPath
        var isDirectory: ObjCBool = false
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        if !current.isEmpty, FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .cannotWrite(path: directory, reason: "\(current) is a file, not a directory")
        }
        var created: [String] = []
        for path in missing.reversed() {
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                let reason = String(cString: strerror(errno))
                for made in created.reversed() { rmdir(made) }
                throw .cannotWrite(path: path, reason: reason)
            }
            created.append(path)
        }
        return created
    }
}
