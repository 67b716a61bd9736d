import ICU

/// Keys under which texts compare equal for consistency checks: case and whitespace differences do not count.
enum ComparisonKey {
    /// Lower case (full Unicode case mapping, fast for ASCII and Cyrillic), every run of whitespace made one space,
    /// the ends trimmed, compatibility characters (no-break and thin spaces, zero-width spaces) treated as spaces.
    ///
    /// - Complexity: O(*n*).
    static func of(_ text: String) -> String {
        String(decoding: bytes(text), as: UTF8.self)
    }

    /// The key as UTF-8 bytes, for hashing without Unicode normalization (the key is normalized already).
    ///
    /// - Complexity: O(*n*).
    static func bytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var combining = false
        func append(_ scalar: Unicode.Scalar) {
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isSpace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            let v = scalar.value
            switch v {
            case 0x41...0x5A: out.append(UInt8(v + 0x20))
            case 0...0x7F: out.append(UInt8(v))
            case 0x410...0x42F: append(Unicode.Scalar(v + 0x20)!)
            case 0x400...0x40F: append(Unicode.Scalar(v + 0x50)!)
            case 0x430...0x45F: append(scalar)
            default:
                if (0x300...0x36F).contains(v) { combining = true }
                if scalar.properties.changesWhenLowercased {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(lower) }
                } else {
                    append(scalar)
                }
            }
        }
        // Accents written as combining marks compare equal to precomposed letters.
        if combining, let normalized = try? Normalization.nfc(String(decoding: out, as: UTF8.self)) { return Array(normalized.utf8) }
        return out
    }
}

extension Unicode.Scalar {
    /// White space, answered without the Unicode tables for ASCII, Cyrillic and the common spaces.
    var isSpace: Bool {
        switch value {
        case 0x20, 0x09...0x0D, 0xA0: return true
        case 0...0x7F, 0x400...0x52F: return false
        default: return properties.isWhitespace
        }
    }

    /// Letters of the Cyrillic block used by Bulgarian and Russian (А–я, Ѐ–џ).
    var isCyrillicLetter: Bool { (0x400...0x45F).contains(value) || (0x460...0x4FF).contains(value) && properties.isAlphabetic }
    /// ASCII letters.
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
}

/// How much of a text is in which script.
struct ScriptProfile: Sendable {
    var cyrillic = 0
    var latin = 0
    var otherLetters = 0

    init(_ text: String) {
        for scalar in text.unicodeScalars where WordScanner.isLetter(scalar) {
            switch LetterScript(scalar) {
            case .cyrillic: cyrillic += 1
            case .latin: latin += 1
            default: otherLetters += 1
            }
        }
    }

    var letters: Int { cyrillic + latin + otherLetters }
    /// Share of Cyrillic among the letters (0 when there are none).
    var cyrillicShare: Double { letters == 0 ? 0 : Double(cyrillic) / Double(letters) }
}
