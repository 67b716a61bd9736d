import Foundation

/// The parts of a file path the reader needs for every input file (its name, stem and extension), taken with
/// plain string operations: bridging each path to `NSString` cost microseconds per file. Anything unusual (a
/// trailing slash, a name of dots, an extension that is not letters and digits) goes to `NSString`, so the
/// answers are always `NSString`'s.
enum PathName {
    /// `NSString.lastPathComponent`.
    static func lastComponent(_ path: String) -> String {
        guard let last = path.utf8.last, last != UInt8(ascii: "/") else { return (path as NSString).lastPathComponent }
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// `NSString.pathExtension` and `deletingPathExtension` of a file name (no directory part).
    static func split(name: String) -> (stem: String, extension: String) {
        let utf8 = name.utf8
        if !utf8.contains(UInt8(ascii: "/")), let dot = utf8.lastIndex(of: UInt8(ascii: ".")) {
            let suffix = utf8[utf8.index(after: dot)...]
            if !suffix.isEmpty, suffix.allSatisfy(isASCIILetterOrDigit), utf8[..<dot].contains(where: { $0 != UInt8(ascii: ".") }) {
                return (String(name[..<dot]), String(name[suffix.startIndex...]))
            }
        }
        let bridged = name as NSString
        return (bridged.deletingPathExtension, bridged.pathExtension)
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// `NSString.pathExtension` of a path.
    static func pathExtension(_ path: String) -> String { split(name: lastComponent(path)).extension }
}
