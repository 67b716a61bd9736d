import Foundation
import Testing
@testable import Packaging

@Suite struct DigestTests {
    /// FIPS 180-4 examples and the empty message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownVectors(message: String, expected: String) {
        #expect(Digest.sha256(message) == expected)
    }

    @Test func millionAs() {
        #expect(Digest.sha256(Data(repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalEqualsOneShot() {
        let text = Array(String(repeating: "Руският президент Владимир Путин. ", count: 37).utf8)
        for chunk in [1, 7, 63, 64, 65, 500] {
            var hasher = Digest()
            var offset = 0
            while offset < text.count {
                hasher.update(text[offset..<min(offset + chunk, text.count)])
                offset += chunk
            }
            #expect(hasher.finalize() == Digest.sha256(text))
        }
        // A non-contiguous sequence takes the byte-by-byte path.
        #expect(Digest.sha256(text.lazy.map { $0 }) == Digest.sha256(text))
    }
}
