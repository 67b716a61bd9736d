import CICU

/// Unicode normalization and case operations through ICU.
public enum Normalization {
    /// `text` in Normalization Form C. Returns `text` itself when it is already NFC (no copy).
    ///
    /// - Complexity: O(*n*).
    public static func nfc(_ text: String) throws(ICUError) -> String {
        let units = Array(text.utf16)
        var status: Int32 = 0
        if pv_is_nfc(units, Int32(units.count), &status), status <= 0 { return text }
        let result = try fillUTF16(capacity: units.count + 16, operation: "normalize text to NFC") { dest, capacity, status in
            pv_normalize_nfc(units, Int32(units.count), dest, capacity, &status)
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// NFKC with full case folding (Unicode's NFKC_Casefold): the comparison key for names and terms.
    ///
    /// - Complexity: O(*n*).
    public static func nfkcCasefold(_ text: String) throws(ICUError) -> String {
        let units = Array(text.utf16)
        let result = try fillUTF16(capacity: units.count + 16, operation: "apply NFKC_Casefold") { dest, capacity, status in
            pv_normalize_nfkc_casefold(units, Int32(units.count), dest, capacity, &status)
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// Full Unicode case folding (language-independent).
    ///
    /// - Complexity: O(*n*).
    public static func foldCase(_ text: String) throws(ICUError) -> String {
        let units = Array(text.utf16)
        let result = try fillUTF16(capacity: units.count + 16, operation: "fold case") { dest, capacity, status in
            pv_fold_case(units, Int32(units.count), dest, capacity, &status)
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// Upper case by the rules of `locale` ("bg", "en").
    public static func uppercased(_ text: String, locale: String) throws(ICUError) -> String {
        let units = Array(text.utf16)
        let result = try fillUTF16(capacity: units.count + 16, operation: "upper-case text for \(locale)") { dest, capacity, status in
            pv_to_upper(units, Int32(units.count), locale, dest, capacity, &status)
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// Lower case by the rules of `locale` ("bg", "en").
    public static func lowercased(_ text: String, locale: String) throws(ICUError) -> String {
        let units = Array(text.utf16)
        let result = try fillUTF16(capacity: units.count + 16, operation: "lower-case text for \(locale)") { dest, capacity, status in
            pv_to_lower(units, Int32(units.count), locale, dest, capacity, &status)
        }
        return String(decoding: result, as: UTF16.self)
    }
}
