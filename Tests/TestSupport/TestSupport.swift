import Foundation

/// Paths and helpers shared by the test targets.
public enum TestPaths {
    /// The package root (the directory holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `Corpora/` of the package.
    public static var corpora: URL { packageRoot.appendingPathComponent("Corpora") }

    /// `Glossaries/` of the package.
    public static var glossaries: URL { packageRoot.appendingPathComponent("Glossaries") }

    /// The read-only reference data beside the checkout (`../shared`), present in CI, absent in a user's clone.
    public static var shared: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared") }

    /// Whether `../shared` is there. Tests that need it use
    /// `.enabled(if: TestPaths.sharedAvailable, "needs ../shared (reference data beside the checkout; present in CI)")`.
    public static var sharedAvailable: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("README.md").path)
    }

    /// Every `.txt` file under `Corpora/`, sorted.
    public static func corpusFiles(bulgarianOnly: Bool = true) -> [URL] {
        let root = corpora
        let names = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(".txt") && (!bulgarianOnly || !$0.contains("/en/")) }.sorted()
            .map { root.appendingPathComponent($0) }
    }

    /// A fresh temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("prevod-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs the built `prevod` binary (end-to-end tests).
public enum Prevod {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The `prevod` executable next to the test bundle (swift test builds it), or under .build/debug.
    public static var executable: URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent("prevod"),
            bundleDirectory.deletingLastPathComponent().appendingPathComponent("prevod"),
            TestPaths.packageRoot.appendingPathComponent(".build/debug/prevod"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Runs `prevod arguments...` in `directory` (the package root by default), feeding `input` on stdin.
    @discardableResult
    public static func run(_ arguments: [String], input: Data? = nil, in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? TestPaths.packageRoot
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Runs an external tool (a reference scorer, a validator, a browser) and returns its exit status and its standard
/// output and error, interleaved.
public enum ExternalTool {
    public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `validate.sh FILE...` from ../shared/tools/xml (xmllint against the official schemas).
    public static func validateXML(_ files: [String]) throws -> (status: Int32, output: String) {
        try run("/bin/bash", [TestPaths.shared.appendingPathComponent("tools/xml/validate.sh").path] + files)
    }
}
