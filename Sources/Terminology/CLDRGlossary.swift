import ICU

/// A starter glossary from the CLDR data inside ICU: the countries and territories, and the cities ICU names as
/// time-zone exemplar cities, with their Bulgarian and English names (Северна Корея → North Korea, Пхенян →
/// Pyongyang).
public enum CLDRGlossary {
    /// Builds the glossary. Regions and cities without a Bulgarian name of their own (ICU falls back to the English
    /// or the code) are left out, and a city named like a country is kept once (the country).
    ///
    /// - Complexity: O(*r* + *z*) ICU calls for *r* regions and *z* time zones.
    public static func build() throws(TerminologyError) -> Glossary {
        let version = icuVersion
        var entries: [GlossaryEntry] = []
        var seen: [String: Int] = [:]
        do {
            for code in LocaleData.countryCodes {
                guard let bg = try LocaleData.displayCountry(code, locale: "bg"), let en = try LocaleData.displayCountry(code, locale: "en"),
                    isBulgarian(bg)
                else { continue }
                var entry = GlossaryEntry(id: "cldr-" + code.lowercased(), source: bg, targets: [en], type: .place)
                entry.origin = "CLDR (ICU \(version)) region \(code)"
                seen[bg] = entries.count
                entries.append(entry)
            }
            for (zone, region) in try LocaleData.timeZones() {
                guard zone.contains("/"), !zone.hasPrefix("Etc/") else { continue }
                let bg = try LocaleData.exemplarCity(zone: zone, locale: "bg")
                let en = try LocaleData.exemplarCity(zone: zone, locale: "en")
                guard !bg.isEmpty, !en.isEmpty, isBulgarian(bg) else { continue }
                if let existing = seen[bg] {
                    if !entries[existing].targets.contains(en) {
                        let note = "also the city \(en) (time zone \(zone))"
                        entries[existing].note = entries[existing].note.map { $0 + "; " + note } ?? note
                    }
                    continue
                }
                var entry = GlossaryEntry(id: "cldr-" + slug(zone), source: bg, targets: [en], type: .place)
                entry.origin = "CLDR (ICU \(version)) time zone \(zone)" + (region.isEmpty || region == "001" ? "" : ", region \(region)")
                seen[bg] = entries.count
                entries.append(entry)
            }
        } catch {
            throw TerminologyError(error)
        }
        return Glossary(entries: entries)
    }

    /// Whether ICU gave a Bulgarian name (Cyrillic letters) rather than falling back to another language.
    static func isBulgarian(_ name: String) -> Bool {
        var cyrillic = 0
        for scalar in name.unicodeScalars where scalar.properties.isAlphabetic {
            guard (0x400...0x4FF).contains(scalar.value) else { return false }
            cyrillic += 1
        }
        return cyrillic > 0
    }

    static func slug(_ zone: String) -> String {
        String(zone.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
