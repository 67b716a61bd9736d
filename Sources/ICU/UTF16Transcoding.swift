import CICU

/// UTF-8 → UTF-16 conversion for the break iterators, through ICU's optimized converter.
public enum UTF16Transcoding {
    /// Writes the UTF-16 form of `utf8` into `destination` and returns its length in code units.
    /// `destination` must hold at least `utf8.count` units (UTF-16 never needs more units than UTF-8 has bytes).
    ///
    /// - Complexity: O(*n*).
    public static func transcode(_ utf8: UnsafeBufferPointer<UInt8>, into destination: UnsafeMutableBufferPointer<UInt16>) -> Int {
        guard let source = utf8.baseAddress, let dest = destination.baseAddress, !utf8.isEmpty else { return 0 }
        precondition(destination.count >= utf8.count, "UTF-16 buffer too small")
        var status: Int32 = 0
        let length = pv_utf8_to_utf16(source, Int32(utf8.count), dest, Int32(destination.count), &status)
        return status > 0 ? 0 : Int(length)
    }
}
