import CICU

/// An ICU rule-based break iterator (sentence, word, line or character boundaries) over UTF-16 text.
///
/// An iterator keeps a reusable boundary buffer and is not thread-safe: create one per task.
public final class BreakIterator {
    public enum Kind: Int32, Sendable {
        case character = 0, word = 1, line = 2, sentence = 3
    }

    /// What a word iterator says about the piece that ends at a boundary.
    public enum WordStatus: Sendable, Equatable {
        /// Spaces, punctuation and symbols (ICU rule status 0..<100).
        case none
        /// Numbers (100..<200).
        case number
        /// Letters (200..<300), including words mixing letters and digits.
        case letter
        /// Kana or ideographs (300..<500).
        case ideographic

        init(ruleStatus: Int32) {
            switch ruleStatus {
            case 100..<200: self = .number
            case 200..<300: self = .letter
            case 300..<500: self = .ideographic
            default: self = .none
            }
        }
    }

    public let kind: Kind
    public let locale: String
    private let handle: OpaquePointer
    private var boundaryBuffer: [Int32] = Array(repeating: 0, count: 256)
    private var statusBuffer: [Int32] = []

    /// Opens an iterator of `kind` for `locale` ("bg", "en", "bg@ss=standard").
    public init(_ kind: Kind, locale: String) throws(ICUError) {
        var status: Int32 = 0
        let handle = pv_break_open(kind.rawValue, locale, &status)
        try ICUError.check(status, "open \(kind) break iterator for \"\(locale)\"")
        guard let handle else { throw ICUError(code: 7, operation: "open \(kind) break iterator for \"\(locale)\"") }
        self.kind = kind
        self.locale = locale
        self.handle = handle
    }

    deinit { pv_break_close(handle) }

    /// Every boundary of `text` after offset 0, the end of the text included, in UTF-16 offsets.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public func boundaries(in text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> ArraySlice<Int32> {
        guard let base = text.baseAddress, !text.isEmpty else { return [] }
        var status: Int32 = 0
        var count = boundaryBuffer.withUnsafeMutableBufferPointer { buffer in
            pv_break_all(handle, base, Int32(text.count), buffer.baseAddress, Int32(buffer.count), &status)
        }
        if count > boundaryBuffer.count {
            boundaryBuffer = Array(repeating: 0, count: Int(count) * 2)
            count = boundaryBuffer.withUnsafeMutableBufferPointer { buffer in
                pv_break_all(handle, base, Int32(text.count), buffer.baseAddress, Int32(buffer.count), &status)
            }
        }
        try ICUError.check(status, "iterate \(kind) boundaries")
        return boundaryBuffer[0..<Int(count)]
    }

    /// Every boundary of `text` after 0 with the word status of the piece it ends (for word iterators).
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public func boundariesWithStatus(
        in text: UnsafeBufferPointer<UInt16>
    ) throws(ICUError) -> (boundaries: ArraySlice<Int32>, statuses: ArraySlice<Int32>) {
        guard let base = text.baseAddress, !text.isEmpty else { return ([], []) }
        if statusBuffer.count != boundaryBuffer.count { statusBuffer = Array(repeating: 0, count: boundaryBuffer.count) }
        var status: Int32 = 0
        func run() -> Int32 {
            boundaryBuffer.withUnsafeMutableBufferPointer { bounds in
                statusBuffer.withUnsafeMutableBufferPointer { statuses in
                    pv_break_all_with_status(
                        handle, base, Int32(text.count), bounds.baseAddress, statuses.baseAddress,
                        Int32(bounds.count), &status)
                }
            }
        }
        var count = run()
        if count > boundaryBuffer.count {
            boundaryBuffer = Array(repeating: 0, count: Int(count) * 2)
            statusBuffer = Array(repeating: 0, count: Int(count) * 2)
            count = run()
        }
        try ICUError.check(status, "iterate \(kind) boundaries")
        return (boundaryBuffer[0..<Int(count)], statusBuffer[0..<Int(count)])
    }

    /// Convenience for strings: boundaries in UTF-16 offsets.
    public func boundaries(in text: String) throws(ICUError) -> [Int] {
        let units = Array(text.utf16)
        return try units.withUnsafeBufferPointer { buffer throws(ICUError) in
            try boundaries(in: buffer).map(Int.init)
        }
    }
}

/// A word token found by ICU's word break rules.
public struct WordToken: Sendable, Equatable {
    /// UTF-16 offsets into the text that was tokenized.
    public var range: Range<Int>
    public var status: BreakIterator.WordStatus
}

extension BreakIterator {
    /// The words and numbers of `text` (spaces and punctuation dropped), with UTF-16 ranges.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public func words(in text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [WordToken] {
        let (bounds, statuses) = try boundariesWithStatus(in: text)
        var tokens: [WordToken] = []
        tokens.reserveCapacity(bounds.count / 2)
        var start = 0
        for (end, ruleStatus) in zip(bounds, statuses) {
            let status = WordStatus(ruleStatus: ruleStatus)
            if status != .none { tokens.append(WordToken(range: start..<Int(end), status: status)) }
            start = Int(end)
        }
        return tokens
    }
}
