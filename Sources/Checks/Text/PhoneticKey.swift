import Foundation
import Terminology

/// A rough consonant skeleton of a name in Latin letters, under which an English name and the transliteration of its
/// Bulgarian spelling agree: Kavanaugh and Kavano (Кавано) are both `kvn`, Warren and Uoran (Уорън) `vrn`,
/// Feinstein and Faynshtayn (Файнщайн) `fnstn`, Holyoke and Holioke `hlk`.
///
/// Letters are folded to ASCII, spelling pairs that sound alike are merged (ph/f, ck/k, c/k or s, z/s, w/v, sh/s,
/// ts/s, dzh/zh/j), `gh` and inner `h` are dropped, then vowels after the first letter and doubled letters.
enum PhoneticKey {
    /// The key of a Bulgarian word, through its transliteration (2009 Act).
    static func bulgarian(_ word: String) -> [UInt8] {
        latin(Transliteration.bulgarian2009(word))
    }

    /// The key of a Latin-script word.
    static func latin(_ word: String) -> [UInt8] {
        var s: [UInt8] = []
        for byte in LatinFolding.fold(word).utf8 where (0x61...0x7A).contains(byte) { s.append(byte) }
        guard !s.isEmpty else { return [] }
        s = replace(s)
        var out: [UInt8] = []
        for (i, c) in s.enumerated() {
            if isVowel(c) {
                if i == 0 { out.append(UInt8(ascii: "V")) }
                continue
            }
            if c == UInt8(ascii: "h") && i > 0 { continue }
            if out.last == c { continue }
            out.append(c)
        }
        return out
    }

    static func isVowel(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): return true
        default: return false
        }
    }

    static let digraphs: [(String, String)] = [
        ("dzh", "j"), ("zh", "j"), ("sht", "st"), ("sh", "s"), ("ch", "k"), ("ts", "s"), ("tz", "s"), ("x", "ks"),
        ("q", "k"), ("ph", "f"), ("gh", ""), ("th", "t"), ("kh", "h"), ("ck", "k"), ("w", "v"), ("z", "s"),
    ].map { ($0.0, $0.1) }

    private static func replace(_ input: [UInt8]) -> [UInt8] {
        var s = input
        for (from, to) in digraphs {
            let f = Array(from.utf8)
            let t = Array(to.utf8)
            guard s.count >= f.count else { continue }
            var out: [UInt8] = []
            var i = 0
            while i < s.count {
                if i + f.count <= s.count && Array(s[i..<i + f.count]) == f {
                    out += t
                    i += f.count
                } else {
                    out.append(s[i])
                    i += 1
                }
            }
            s = out
        }
        for i in s.indices {
            let next = i + 1 < s.count ? s[i + 1] : 0
            if s[i] == UInt8(ascii: "c") {
                s[i] = next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "y") ? UInt8(ascii: "s") : UInt8(ascii: "k")
            } else if s[i] == UInt8(ascii: "u"), isVowel(next) {
                s[i] = UInt8(ascii: "v")
            }
        }
        return s
    }
}

/// Latin text folded for comparison: lower case, accents removed (Erdoğan → erdogan).
enum LatinFolding {
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
