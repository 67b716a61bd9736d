import CICU

/// An error reported by ICU, carrying ICU's own name for it ("U_ILLEGAL_ARGUMENT_ERROR") and what prevod was doing.
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    /// ICU's `UErrorCode` value.
    public let code: Int32
    /// ICU's symbolic name of `code`.
    public let name: String
    /// What prevod asked ICU to do, e.g. `open sentence break iterator for "bg"`.
    public let operation: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.name = String(cString: pv_error_name(code))
        self.operation = operation
    }

    public var description: String { "ICU error \(name) (\(code)) while trying to \(operation)" }

    /// Throws when `status` is an ICU failure.
    @inlinable
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if status > 0 { throw ICUError(code: status, operation: operation()) }
    }
}

/// `U_BUFFER_OVERFLOW_ERROR`: the preflighting signal of ICU's fill-a-buffer functions.
let bufferOverflow: Int32 = 15

/// Calls an ICU function that fills a UTF-16 buffer, retrying once with the exact size when the first guess was short.
///
/// - Complexity: O(*n*) in the result length.
func fillUTF16(
    capacity guess: Int,
    operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> [UInt16] {
    var capacity = max(guess, 16)
    for _ in 0..<2 {
        var status: Int32 = 0
        var length: Int32 = 0
        let result = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
            length = body(buffer.baseAddress!, Int32(buffer.count), &status)
            count = (status == 0 || status < 0) ? Int(min(length, Int32(buffer.count))) : 0
        }
        if status == bufferOverflow || (status <= 0 && Int(length) > capacity) {
            capacity = Int(length) + 1
            continue
        }
        try ICUError.check(status, operation())
        return result
    }
    throw ICUError(code: bufferOverflow, operation: operation())
}

/// The version of the ICU library prevod runs against, e.g. "72.1".
public var icuVersion: String {
    var buffer = [CChar](repeating: 0, count: 32)
    pv_icu_version(&buffer, 32)
    return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
