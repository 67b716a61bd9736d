import Corpus
import Foundation

/// Writes a kit as a zip file or as a directory, atomically: a reader never sees half a kit, and a failure leaves
/// whatever was there before untouched.
public enum KitOutput {
    /// Whether `path` names a zip kit (by its extension); anything else is a directory.
    public static func isArchive(_ path: String) -> Bool { path.lowercased().hasSuffix(".zip") }

    public static func write(_ kit: Kit, to path: String) throws(PackagingError) {
        if isArchive(path) {
            let data = try KitArchive.archive(kit.files)
            do {
                try AtomicFile.write(data, to: path)
            } catch {
                throw .cannotWrite(path: path, reason: error.reason)
            }
            return
        }
        try writeDirectory(kit.files, to: path)
    }

    /// Builds the directory beside its destination, then renames it into place (replacing an earlier kit, never
    /// anything else).
    static func writeDirectory(_ files: [KitFile], to path: String) throws(PackagingError) {
        let manager = FileManager.default
        let destination = (path as NSString).standardizingPath
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: destination, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw .cannotWrite(path: path, reason: "a file of that name is in the way") }
            let contents = (try? manager.contentsOfDirectory(atPath: destination)) ?? []
            if !contents.isEmpty && !contents.contains(KitLayout.manifest) {
                throw .cannotWrite(path: path, reason: "the directory is not empty and is not a prevod kit; choose a new directory")
            }
        }
        let parent = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        let staging = (parent.isEmpty ? "." : parent) + "/.\(name).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            _ = try FileTransaction.createDirectories(parent.isEmpty ? "." : parent)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for file in files {
                let target = staging + "/" + file.path
                if file.isDirectory {
                    try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
                    continue
                }
                try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard manager.createFile(atPath: target, contents: file.data) else {
                    throw PackagingError.cannotWrite(path: path, reason: "cannot create \(file.path)")
                }
            }
            var backup: String?
            if exists {
                backup = staging + ".old"
                guard rename(destination, backup!) == 0 else { throw PackagingError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            }
            guard rename(staging, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                if let backup { rename(backup, destination) }
                throw PackagingError.cannotWrite(path: path, reason: reason)
            }
            if let backup { try? manager.removeItem(atPath: backup) }
        } catch let error as PackagingError {
            try? manager.removeItem(atPath: staging)
            throw error
        } catch {
            try? manager.removeItem(atPath: staging)
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
