import CICU

/// An ICU transform such as `Cyrillic-Latin`, `Any-Latin` or `Bulgarian-Latin/BGN`.
///
/// ICU's `Bulgarian-Latin/BGN` is the BGN/PCGN 1952 system, not Bulgaria's 2009 Transliteration Act; prevod's
/// Terminology module implements the Act itself. Not thread-safe: one per task.
public final class Transliterator {
    public let id: String
    private let handle: OpaquePointer

    public init(id: String) throws(ICUError) {
        let units = Array(id.utf16)
        var status: Int32 = 0
        let handle = pv_translit_open(units, Int32(units.count), &status)
        try ICUError.check(status, "open transliterator \"\(id)\"")
        guard let handle else { throw ICUError(code: 1, operation: "open transliterator \"\(id)\"") }
        self.id = id
        self.handle = handle
    }

    deinit { pv_translit_close(handle) }

    /// `text` transformed.
    ///
    /// - Complexity: O(*n*) for the simple transforms.
    public func transliterate(_ text: String) throws(ICUError) -> String {
        let units = Array(text.utf16)
        var capacity = units.count * 4 + 16
        for _ in 0..<3 {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            var status: Int32 = 0
            let length = pv_translit_apply(handle, &buffer, Int32(units.count), Int32(capacity), &status)
            if status == bufferOverflow {
                capacity *= 4
                continue
            }
            try ICUError.check(status, "transliterate with \"\(id)\"")
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
        throw ICUError(code: bufferOverflow, operation: "transliterate with \"\(id)\"")
    }
}
