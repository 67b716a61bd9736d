import Foundation

/// SHA-256 (FIPS 180-4) for the kit manifest: the fingerprint of every file in a kit and of every source segment.
///
/// Written here rather than taken from a package: Foundation on Linux has no CryptoKit, swift-crypto is not on the
/// project's package list, and the function is small. The hasher is incremental, so a large file can be fingerprinted
/// chunk by chunk while it is read from an archive.
public struct Digest {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var block: [UInt8] = []
    private var length: UInt64 = 0
    private var schedule = [UInt32](repeating: 0, count: 64)

    public init() { block.reserveCapacity(64) }

    /// Adds `bytes` to the message.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    public mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            var offset = 0
            while offset < buffer.count {
                let take = min(64 - block.count, buffer.count - offset)
                block.append(contentsOf: buffer[offset..<offset + take])
                offset += take
                if block.count == 64 {
                    compress()
                    block.removeAll(keepingCapacity: true)
                }
            }
            length &+= UInt64(buffer.count)
        }
        guard done == nil else { return }
        for byte in bytes {
            block.append(byte)
            if block.count == 64 {
                compress()
                block.removeAll(keepingCapacity: true)
            }
            length &+= 1
        }
    }

    /// The digest of everything added, as lower-case hex (64 digits). The hasher is spent afterwards.
    public mutating func finalize() -> String {
        let bits = length &* 8
        block.append(0x80)
        if block.count > 56 {
            while block.count < 64 { block.append(0) }
            compress()
            block.removeAll(keepingCapacity: true)
        }
        while block.count < 56 { block.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { block.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        compress()
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        return words.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    /// The hex digest of `bytes`.
    public static func sha256<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hasher = Digest()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The hex digest of the UTF-8 of `text`.
    public static func sha256(_ text: String) -> String { sha256(text.utf8) }

    private static let constants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    @inline(__always) private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// One 64-byte block through the compression function.
    private mutating func compress() {
        for i in 0..<16 {
            schedule[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16 | UInt32(block[4 * i + 2]) << 8
                | UInt32(block[4 * i + 3])
        }
        for i in 16..<64 {
            let a = schedule[i - 15], b = schedule[i - 2]
            let sigma0 = Self.rotate(a, 7) ^ Self.rotate(a, 18) ^ (a >> 3)
            let sigma1 = Self.rotate(b, 17) ^ Self.rotate(b, 19) ^ (b >> 10)
            schedule[i] = schedule[i - 16] &+ sigma0 &+ schedule[i - 7] &+ sigma1
        }
        var (a, b, c, d, e, f, g, h) = state
        for i in 0..<64 {
            let sum1 = Self.rotate(e, 6) ^ Self.rotate(e, 11) ^ Self.rotate(e, 25)
            let choose = (e & f) ^ (~e & g)
            let first = h &+ sum1 &+ choose &+ Self.constants[i] &+ schedule[i]
            let sum0 = Self.rotate(a, 2) ^ Self.rotate(a, 13) ^ Self.rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ first, c, b, a, first &+ sum0 &+ majority)
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
    }
}
