import ICU

/// Letters of one script that look like letters of another (Latin `a` and Cyrillic `а`), from ICU's confusables
/// data (UTS #39 skeletons): two letters are look-alikes when their skeletons are equal.
///
/// The table covers the letters prevod's texts mix up: ASCII letters, the Cyrillic letters of U+0400–U+045F and the
/// basic Greek letters. It is built once, on first use.
struct Confusables: Sendable {
    /// For a letter, its look-alikes in each other script.
    private var lookalikes: [Unicode.Scalar: [LetterScript: Unicode.Scalar]] = [:]

    static let shared = Confusables()

    init() {
        guard let checker = try? SpoofChecker() else { return }
        var bySkeleton: [String: [Unicode.Scalar]] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0x61...0x7A, 0x400...0x45F, 0x391...0x3A9, 0x3B1...0x3C9]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic,
                    let skeleton = try? checker.skeleton(String(scalar))
                else { continue }
                bySkeleton[skeleton, default: []].append(scalar)
            }
        }
        for group in bySkeleton.values where group.count > 1 {
            for letter in group {
                for other in group where LetterScript(other) != LetterScript(letter) {
                    let script = LetterScript(other)
                    if lookalikes[letter]?[script] == nil { lookalikes[letter, default: [:]][script] = other }
                }
            }
        }
    }

    /// The letter of `script` that looks like `letter`, if there is one.
    func lookalike(of letter: Unicode.Scalar, in script: LetterScript) -> Unicode.Scalar? {
        lookalikes[letter]?[script]
    }

    /// Whether the table could be built (ICU's confusables data is available).
    var isAvailable: Bool { !lookalikes.isEmpty }
}

extension Unicode.Scalar {
    /// `U+0061 LATIN SMALL LETTER A`, for messages.
    var codePointDescription: String {
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if let name = properties.name { return "\(code) \(name)" }
        return code
    }
}
