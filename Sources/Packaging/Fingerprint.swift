import Foundation
import Interchange

/// The SHA-256 fingerprints of the manifest, taken with Interchange's self-contained `SHA256` (the same function
/// that fingerprints prepared segments in XLIFF skeletons, so the two always agree).
enum Fingerprint {
    /// Lower-case hex SHA-256 of `data`.
    static func sha256(_ data: Data) -> String { hex(SHA256.digest(data)) }

    /// Lower-case hex SHA-256 of the UTF-8 of `text`.
    static func sha256(_ text: String) -> String { SHA256.hex(text) }

    private static func hex(_ bytes: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 16 { out += "0" }
            out += String(byte, radix: 16)
        }
        return out
    }
}
