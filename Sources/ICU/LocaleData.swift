import CICU

/// Names from the CLDR data that ships inside ICU: countries, time zones and their exemplar cities.
public enum LocaleData {
    /// ISO 3166 region codes ICU knows ("AD", ..., "ZW").
    public static var countryCodes: [String] {
        (0..<pv_country_count()).map { String(cString: pv_country_code($0)) }
    }

    /// The name of `region` in `locale`: `displayCountry("KP", locale: "bg")` is "Северна Корея".
    /// Returns nil when ICU has no name for it (it then echoes the code).
    public static func displayCountry(_ region: String, locale: String) throws(ICUError) -> String? {
        let result = try fillUTF16(capacity: 64, operation: "name region \(region) in \(locale)") { dest, capacity, status in
            pv_display_country(region, locale, dest, capacity, &status)
        }
        let name = String(decoding: result, as: UTF16.self)
        return name.isEmpty || name == region ? nil : name
    }

    /// Canonical location time zones with their region: ("Asia/Pyongyang", "KP"), ...
    public static func timeZones() throws(ICUError) -> [(zone: String, region: String)] {
        var status: Int32 = 0
        guard let zones = pv_zones_open(&status) else {
            throw ICUError(code: max(status, 7), operation: "enumerate time zones")
        }
        defer { pv_zones_close(zones) }
        var result: [(String, String)] = []
        var zone = [CChar](repeating: 0, count: 128)
        var region = [CChar](repeating: 0, count: 64)
        while pv_zones_next(zones, &zone, 128, &region, 64, &status) {
            result.append((cString(zone), cString(region)))
        }
        try ICUError.check(status, "enumerate time zones")
        return result
    }

    /// The exemplar city of a time zone in `locale`: ("Asia/Pyongyang", "bg") is "Пхенян".
    public static func exemplarCity(zone: String, locale: String) throws(ICUError) -> String {
        let result = try fillUTF16(capacity: 64, operation: "name the city of \(zone) in \(locale)") { dest, capacity, status in
            pv_exemplar_city(zone, locale, dest, capacity, &status)
        }
        return String(decoding: result, as: UTF16.self)
    }

    private static func cString(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
