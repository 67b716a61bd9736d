import Foundation
import ZIPFoundation

/// One file of a kit: a path relative to the kit's root (always `/`-separated, never absolute, never `..`) and its
/// bytes. A path ending in `/` is an empty directory (OmegaT's `target/`).
public struct KitFile: Sendable, Hashable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }

    /// A directory entry (`path` gets a trailing `/`).
    public static func directory(_ path: String) -> KitFile {
        KitFile(path: path.hasSuffix("/") ? path : path + "/", data: Data())
    }

    public var isDirectory: Bool { path.hasSuffix("/") }

    /// The file's text (UTF-8; invalid bytes replaced).
    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// How much an archive may hold before it is refused as a zip bomb.
public struct ArchiveLimits: Sendable, Hashable {
    /// Total size of all files once inflated.
    public var maxUncompressedBytes: Int64
    /// Number of entries.
    public var maxEntries: Int

    /// 512 MiB and 200,000 entries: far above any real kit (the 42 sample articles make about 3 MB), far below what
    /// would exhaust a laptop.
    public static let standard = ArchiveLimits(maxUncompressedBytes: 512 << 20, maxEntries: 200_000)

    public init(maxUncompressedBytes: Int64, maxEntries: Int) {
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxEntries = maxEntries
    }
}

/// Writes kits as zip archives and reads them back without trusting them.
///
/// Reading never touches the file system: entries are inflated into memory, after every entry name has been
/// checked (no absolute paths, no `..`, no backslashes or drive letters, no links, no duplicates) and the declared
/// sizes have been summed against ``ArchiveLimits``. Inflation itself is metered, so an archive that lies about its
/// sizes is stopped as soon as it passes the limit, and every entry's CRC-32 is verified.
public enum KitArchive {
    /// The modification time stamped on every entry, so the same kit gives the same bytes (ZIP's epoch is 1980).
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800 + 86_400)

    /// A zip archive of `files`, in the given order, deflated.
    ///
    /// - Complexity: O(*n*) in the total size of the files.
    public static func archive(_ files: [KitFile]) throws(PackagingError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for file in files {
                try checkName(file.path, archive: "kit")
                if file.isDirectory {
                    try archive.addEntry(with: file.path, type: .directory, uncompressedSize: Int64(0), modificationDate: fixedDate,
                        provider: { (_: Int64, _: Int) in Data() })
                    continue
                }
                let data = file.data
                try archive.addEntry(
                    with: file.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    compressionMethod: .deflate,
                    provider: { (position: Int64, size: Int) in data.subdata(in: Int(position)..<Int(position) + size) })
            }
            guard let data = archive.data else { throw PackagingError.cannotWrite(path: "kit", reason: "the archive has no data") }
            return data
        } catch let error as PackagingError {
            throw error
        } catch {
            throw .cannotWrite(path: "kit", reason: "cannot build the zip archive: \(error)")
        }
    }

    /// The files of the archive at `path` (directories omitted), checked and inflated in memory.
    public static func read(path: String, limits: ArchiveLimits = .standard) throws(PackagingError) -> [KitFile] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .notAnArchive(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        return try read(data, name: path, limits: limits)
    }

    /// The files of the archive `data`; `name` names it in messages.
    public static func read(_ data: Data, name: String, limits: ArchiveLimits = .standard) throws(PackagingError) -> [KitFile] {
        guard let declared = declaredEntryCount(data) else {
            throw .notAnArchive(path: name, reason: "its end-of-archive record is missing")
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notAnArchive(path: name, reason: "\(error)")
        }
        var entries: [Entry] = []
        var seen = Set<String>()
        var declaredTotal: Int64 = 0
        for entry in archive {
            entries.append(entry)
            if entries.count > limits.maxEntries {
                throw .tooLarge(archive: name, detail: "it holds more than \(limits.maxEntries) entries")
            }
            let path = entry.path
            try checkName(path, archive: name)
            switch entry.type {
            case .symlink: throw .linkEntry(archive: name, entry: path)
            case .directory: continue
            case .file: break
            }
            guard seen.insert(path).inserted else {
                throw .unsafeEntryPath(archive: name, entry: path, reason: "occurs twice (a second copy could replace the first)")
            }
            declaredTotal += Int64(clamping: entry.uncompressedSize)
            if declaredTotal > limits.maxUncompressedBytes {
                throw .tooLarge(archive: name, detail: "it declares more than \(describe(limits.maxUncompressedBytes)) of uncompressed data")
            }
        }
        if let declared, declared != entries.count {
            throw .notAnArchive(path: name, reason: "its directory lists \(declared) entries but only \(entries.count) can be read")
        }
        var files: [KitFile] = []
        var inflated: Int64 = 0
        for entry in entries where entry.type == .file {
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    inflated += Int64(chunk.count)
                    if inflated > limits.maxUncompressedBytes { throw ZipBomb() }
                    bytes.append(chunk)
                }
            } catch is ZipBomb {
                throw .tooLarge(archive: name, detail: "it inflates to more than \(describe(limits.maxUncompressedBytes)) (entry \"\(entry.path)\" lies about its size)")
            } catch {
                throw .damagedEntry(archive: name, entry: entry.path, reason: reason(error))
            }
            guard bytes.count == Int(clamping: entry.uncompressedSize) else {
                throw .damagedEntry(archive: name, entry: entry.path, reason: "it inflates to \(bytes.count) bytes, its header says \(entry.uncompressedSize)")
            }
            files.append(KitFile(path: entry.path, data: bytes))
        }
        return files
    }

    /// Refuses entry names that could write outside the extraction directory or mean different things on
    /// different systems.
    static func checkName(_ path: String, archive: String) throws(PackagingError) {
        func refuse(_ reason: String) -> PackagingError { .unsafeEntryPath(archive: archive, entry: path, reason: reason) }
        if path.isEmpty { throw refuse("has an empty name") }
        if path.hasPrefix("/") { throw refuse("is an absolute path") }
        if path.contains("\\") { throw refuse("contains a backslash (a Windows path separator)") }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { throw refuse("contains a control character") }
        let scalars = Array(path.unicodeScalars.prefix(2))
        if scalars.count == 2, scalars[1] == ":", scalars[0].isASCII, scalars[0].properties.isAlphabetic {
            throw refuse("starts with a drive letter")
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains("..") { throw refuse("contains a \"..\" component") }
        if components.dropLast().contains("") || components.contains(".") { throw refuse("has an empty or \".\" path component") }
    }

    /// The entry count of the end-of-central-directory record, nil when there is no such record (not a zip, or cut
    /// off), `.some(nil)` when the archive uses ZIP64 counts.
    static func declaredEntryCount(_ data: Data) -> Int?? {
        let minimum = 22
        guard data.count >= minimum else { return nil }
        let lowest = max(0, data.count - minimum - 0xFFFF)
        var offset = data.count - minimum
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int?? in
            func le16(_ at: Int) -> Int { Int(raw[at]) | Int(raw[at + 1]) << 8 }
            while offset >= lowest {
                if raw[offset] == 0x50, raw[offset + 1] == 0x4B, raw[offset + 2] == 0x05, raw[offset + 3] == 0x06,
                    offset + minimum + le16(offset + 20) == data.count
                {
                    let total = le16(offset + 10)
                    return .some(total == 0xFFFF ? nil : total)
                }
                offset -= 1
            }
            return nil
        }
    }

    private struct ZipBomb: Error {}

    private static func reason(_ error: Error) -> String {
        if let archiveError = error as? Archive.ArchiveError {
            switch archiveError {
            case .invalidCRC32: return "CRC-32 checksum mismatch"
            case .invalidCompressionMethod: return "unknown compression method"
            default: return "\(archiveError)"
            }
        }
        return "\(error)"
    }

    static func describe(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
