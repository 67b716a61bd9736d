import CICU

/// A Unicode script as ICU's `UScriptCode` (Cyrillic, Latin, Common, ...).
public struct Script: Hashable, Sendable, CustomStringConvertible {
    public let code: Int32

    public init(code: Int32) { self.code = code }

    public static let common = Script(code: 0)
    public static let inherited = Script(code: 1)
    public static let cyrillic = Script(code: 8)
    public static let greek = Script(code: 14)
    public static let latin = Script(code: 25)

    /// The script of a code point, by ICU's Script property.
    public static func of(_ scalar: Unicode.Scalar) -> Script {
        var status: Int32 = 0
        let code = pv_script_of(Int32(scalar.value), &status)
        return status > 0 ? .common : Script(code: code)
    }

    /// ISO 15924 code ("Cyrl", "Latn").
    public var shortName: String { String(cString: pv_script_short_name(code)) }

    public var description: String { shortName }
}

/// ICU's spoof checker over Unicode's confusables data (UTS #39). Not thread-safe: one per task.
public final class SpoofChecker {
    private let handle: OpaquePointer

    /// ICU's `USpoofChecks` bits, as returned by ``check(_:)``.
    public struct Checks: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let singleScriptConfusable = Checks(rawValue: 1)
        public static let mixedScriptConfusable = Checks(rawValue: 2)
        public static let wholeScriptConfusable = Checks(rawValue: 4)
        public static let restrictionLevel = Checks(rawValue: 16)
        public static let invisible = Checks(rawValue: 32)
        public static let charLimit = Checks(rawValue: 64)
        public static let mixedNumbers = Checks(rawValue: 128)
    }

    public init() throws(ICUError) {
        var status: Int32 = 0
        let handle = pv_spoof_open(&status)
        try ICUError.check(status, "open the spoof checker")
        guard let handle else { throw ICUError(code: 1, operation: "open the spoof checker") }
        self.handle = handle
    }

    deinit { pv_spoof_close(handle) }

    /// The confusable skeleton of `text`: "Cопия" with a Latin C and "Сопия" have the same skeleton.
    public func skeleton(_ text: String) throws(ICUError) -> String {
        let units = Array(text.utf16)
        let result = try fillUTF16(capacity: units.count * 2 + 16, operation: "compute a confusable skeleton") { dest, capacity, status in
            pv_spoof_skeleton(handle, units, Int32(units.count), dest, capacity, &status)
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// The checks `text` fails (empty: it passes all of them).
    public func check(_ text: String) throws(ICUError) -> Checks {
        let units = Array(text.utf16)
        var status: Int32 = 0
        let result = pv_spoof_check(handle, units, Int32(units.count), &status)
        try ICUError.check(status, "run the spoof checks")
        return Checks(rawValue: result)
    }
}
