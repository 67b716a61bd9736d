import Foundation

/// Golden files: expected outputs kept beside the tests, compared byte for byte, re-recorded after an intended
/// change with `PREVOD_RECORD=1 swift test --filter <Suite>`.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["PREVOD_RECORD"] == "1" }

    /// Compares `actual` with the golden `file` (or records it when recording); returns what differs — the first
    /// differing line of each — or nil when they agree.
    public static func compare(_ actual: String, with file: URL) throws -> String? {
        if recording {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return nil
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        guard actual != expected else { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        return "\(file.lastPathComponent) differs from the golden file at line \(line + 1) (re-record with PREVOD_RECORD=1 if intended):\nexpected: \(line < e.count ? String(e[line]) : "<end>")\nactual:   \(line < a.count ? String(a[line]) : "<end>")"
    }
}
