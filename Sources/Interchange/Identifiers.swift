/// The stable, deterministic identifiers prevod writes into exchange files.
///
/// They depend only on the article id and the position of a paragraph and a sentence, so unchanged input gives
/// byte-identical files and an edit to one article changes only that article's files. Every id is a valid
/// `NMTOKEN` (XLIFF 2 requires it), whatever the file name the article id came from.
public enum Identifiers {
    /// An NMTOKEN for an article id: ASCII letters, digits, `.` and `-` stay; every other character (including
    /// `_`, which starts an escape) becomes `_` + its code point in hex + `_`, so distinct ids stay distinct.
    /// An empty id becomes `_`.
    public static func token(_ id: String) -> String {
        guard !id.isEmpty else { return "_" }
        var out = ""
        out.reserveCapacity(id.utf8.count)
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "-": out.unicodeScalars.append(scalar)
            default: out += "_" + String(scalar.value, radix: 16, uppercase: true) + "_"
            }
        }
        return out
    }

    /// Whether `text` is an XML NMTOKEN in prevod's conservative sense (ASCII name characters, or any non-ASCII
    /// letter), used by the readers.
    public static func isNMToken(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "_", ":", "\u{B7}": continue
            case "\u{C0}"..."\u{D6}", "\u{D8}"..."\u{F6}", "\u{F8}"..."\u{37D}", "\u{37F}"..."\u{1FFF}", "\u{200C}"..."\u{200D}",
                "\u{203F}"..."\u{2040}", "\u{2070}"..."\u{218F}", "\u{2C00}"..."\u{2FEF}", "\u{3001}"..."\u{D7FF}",
                "\u{F900}"..."\u{FDCF}", "\u{FDF0}"..."\u{FFFD}", "\u{10000}"..."\u{EFFFF}":
                continue
            default: return false
            }
        }
        return true
    }

    /// `p3`: the unit (XLIFF 2) or group (XLIFF 1.2) of paragraph index 2.
    public static func unit(paragraph: Int) -> String { compose("p", paragraph + 1) }
    /// `p3s2`: the segment (XLIFF 2) or trans-unit (XLIFF 1.2) of sentence 1 of paragraph 2.
    public static func segment(paragraph: Int, sentence: Int) -> String { compose("p", paragraph + 1, "s", sentence + 1) }
    /// `p3s2t1`: the first term marker in that sentence.
    public static func term(paragraph: Int, sentence: Int, hit: Int) -> String {
        compose("p", paragraph + 1, "s", sentence + 1, "t", hit + 1)
    }
    /// `p3g1`: the first glossary entry of a unit's glossary.
    public static func glossEntry(paragraph: Int, entry: Int) -> String { compose("p", paragraph + 1, "g", entry + 1) }

    /// Letters each followed by a decimal number ("p", 3, "s", 2 → `p3s2`), written into one buffer: the same text
    /// as string interpolation, without its machinery (ids are written several times for every segment).
    private static func compose(
        _ first: Unicode.Scalar, _ a: Int, _ second: Unicode.Scalar? = nil, _ b: Int = 0, _ third: Unicode.Scalar? = nil, _ c: Int = 0
    ) -> String {
        // Each part: a letter, a sign and up to 19 digits.
        String(unsafeUninitializedCapacity: 63) { buffer in
            var count = 0
            func put(_ letter: Unicode.Scalar, _ number: Int) {
                buffer[count] = UInt8(letter.value)
                count += 1
                if number < 0 {
                    buffer[count] = UInt8(ascii: "-")
                    count += 1
                }
                var magnitude = number.magnitude
                let start = count
                repeat {
                    buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    count += 1
                    magnitude /= 10
                } while magnitude > 0
                buffer[start..<count].reverse()
            }
            put(first, a)
            if let second { put(second, b) }
            if let third { put(third, c) }
            return count
        }
    }
    /// `article/p3s2`: a segment id unique across a corpus (TMX `tuid`).
    public static func global(article: String, segment: String) -> String { article + "/" + segment }
}
