import Foundation
import Testing
import ZIPFoundation
@testable import Packaging

/// Zip archives built by hand, the way an attacker (or a broken download) would produce them.
enum HostileZip {
    static func make(_ entries: [(path: String, type: Entry.EntryType, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = entry.data
            try archive.addEntry(
                with: entry.path, type: entry.type, uncompressedSize: Int64(data.count), compressionMethod: entry.type == .file ? .deflate : .none,
                provider: { (position: Int64, size: Int) in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return try #require(archive.data)
    }

    static func file(_ path: String, _ text: String = "x") -> (path: String, type: Entry.EntryType, data: Data) {
        (path, .file, Data(text.utf8))
    }

    /// Rewrites every occurrence of the 4-byte little-endian `old` size in the headers of `data` to `new`.
    static func patchSize(_ data: Data, from old: UInt32, to new: UInt32) -> Data {
        var bytes = [UInt8](data)
        let needle = withUnsafeBytes(of: old.littleEndian, Array.init)
        let replacement = withUnsafeBytes(of: new.littleEndian, Array.init)
        var i = 0
        while i + 4 <= bytes.count {
            if Array(bytes[i..<i + 4]) == needle { bytes.replaceSubrange(i..<i + 4, with: replacement) }
            i += 1
        }
        return Data(bytes)
    }
}

@Suite struct ArchiveSafetyTests {
    @Test func roundTripKeepsFilesAndOrder() throws {
        let files = [KitFile(path: "manifest.json", text: "{}"), KitFile.directory("target"), KitFile(path: "source/a.xlf", text: "<x>Путин</x>")]
        let data = try KitArchive.archive(files)
        let back = try KitArchive.read(data, name: "kit.zip")
        #expect(back.map(\.path) == ["manifest.json", "source/a.xlf"])
        #expect(back[1].text == "<x>Путин</x>")
        // Same files, same bytes: kits are reproducible.
        #expect(try KitArchive.archive(files) == data)
    }

    @Test(arguments: [
        ("../evil.txt", "contains a \"..\" component"),
        ("source/../../evil.txt", "contains a \"..\" component"),
        ("/etc/cron.d/evil", "is an absolute path"),
        ("..\\evil.txt", "contains a backslash"),
        ("C:/Windows/evil.txt", "starts with a drive letter"),
    ])
    func zipSlipIsRefused(path: String, reason: String) throws {
        let data = try HostileZip.make([HostileZip.file("manifest.json", "{}"), HostileZip.file(path)])
        #expect {
            try KitArchive.read(data, name: "evil.zip")
        } throws: { error in
            let message = "\(error)"
            return message.contains("evil.zip: error: entry \"\(path)\"") && message.contains(reason) && message.contains("zip-slip")
        }
    }

    @Test func symbolicLinksAreRefused() throws {
        let data = try HostileZip.make([HostileZip.file("manifest.json", "{}"), ("source/link.xlf", .symlink, Data("/etc/passwd".utf8))])
        #expect(throws: PackagingError.linkEntry(archive: "link.zip", entry: "source/link.xlf")) {
            try KitArchive.read(data, name: "link.zip")
        }
    }

    @Test func declaredSizeOverTheLimitIsRefused() throws {
        let data = try HostileZip.make([HostileZip.file("bomb.txt", String(repeating: "0", count: 2 << 20))])
        #expect(data.count < 20_000)
        let limits = ArchiveLimits(maxUncompressedBytes: 1 << 20, maxEntries: 10)
        #expect {
            try KitArchive.read(data, name: "bomb.zip", limits: limits)
        } throws: { error in
            "\(error)".contains("declares more than 1 MiB") && "\(error)".contains("zip-bomb")
        }
    }

    @Test func sizeThatLiesIsStoppedWhileInflating() throws {
        let size = UInt32(2 << 20)
        let honest = try HostileZip.make([HostileZip.file("bomb.txt", String(repeating: "0", count: Int(size)))])
        let lying = HostileZip.patchSize(honest, from: size, to: 100)
        let limits = ArchiveLimits(maxUncompressedBytes: 1 << 20, maxEntries: 10)
        #expect {
            try KitArchive.read(lying, name: "liar.zip", limits: limits)
        } throws: { error in
            "\(error)".contains("inflates to more than 1 MiB") && "\(error)".contains("lies about its size")
        }
    }

    @Test func tooManyEntriesAreRefused() throws {
        let data = try HostileZip.make((0..<12).map { HostileZip.file("f\($0).txt") })
        #expect {
            try KitArchive.read(data, name: "many.zip", limits: ArchiveLimits(maxUncompressedBytes: 1 << 20, maxEntries: 10))
        } throws: { error in "\(error)".contains("more than 10 entries") }
    }

    @Test func truncatedArchiveIsRefused() throws {
        let data = try KitArchive.archive([KitFile(path: "manifest.json", text: String(repeating: "{}", count: 5000)), KitFile(path: "b.txt", text: "b")])
        for cut in [data.count / 2, data.count - 5, 10] {
            #expect {
                try KitArchive.read(data.prefix(cut), name: "cut.zip")
            } throws: { error in
                "\(error)".contains("cut.zip: error: not a readable zip archive") && "\(error)".contains("download or copy it again")
            }
        }
    }

    @Test func corruptedDataFailsTheChecksum() throws {
        var bytes = [UInt8](try KitArchive.archive([KitFile(path: "a.txt", text: String(repeating: "Путин и Ким. ", count: 200))]))
        // Flip a bit inside the deflated data (after the 30-byte local header and the 5-byte name).
        bytes[40] ^= 0x01
        #expect {
            try KitArchive.read(Data(bytes), name: "flip.zip")
        } throws: { error in "\(error)".contains("flip.zip: error: entry \"a.txt\" is damaged") }
    }

    @Test func duplicateEntriesAreRefused() throws {
        let data = try HostileZip.make([HostileZip.file("a.txt", "1"), HostileZip.file("a.txt", "2")])
        #expect { try KitArchive.read(data, name: "dup.zip") } throws: { "\($0)".contains("occurs twice") }
    }

    @Test func writerRefusesUnsafeNames() {
        #expect(throws: PackagingError.self) { try KitArchive.archive([KitFile(path: "../x", text: "")]) }
    }
}
