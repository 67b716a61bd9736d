import Corpus

/// `whitespace`: two or more spaces in a row inside a text, and (English) a space before `, . ; : ! ?`.
public struct DoubleSpaces: DocumentRule {
    public static let category = CheckCategory.whitespace
    public init() {}

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\t" || scalar == "\u{202F}" || (0x2000...0x200A).contains(scalar.value)
    }

    public func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding]) {
        for unit in document.units {
            for side in Side.allCases {
                guard let text = unit.text(side) else { continue }
                let scalars = Array(text.unicodeScalars)
                var i = 0
                var seenContent = false
                while i < scalars.count {
                    guard Self.isSpace(scalars[i]) else {
                        seenContent = true
                        i += 1
                        continue
                    }
                    var end = i
                    while end < scalars.count, Self.isSpace(scalars[end]) { end += 1 }
                    if end - i >= 2, seenContent, end < scalars.count {
                        findings.append(Finding(
                            Self.category, "whitespace.double-space", .warning,
                            "\(end - i) spaces in a row in the \(side == .source ? "Bulgarian" : "English") text",
                            suggestion: "use one space", document: document, segment: unit.index, side: side,
                            range: i..<end))
                    } else if side == .target, seenContent, end < scalars.count, ",;!?".unicodeScalars.contains(scalars[end]) {
                        findings.append(Finding(
                            Self.category, "whitespace.space-before-punctuation", .info,
                            "space before «\(Character(scalars[end]))» in the English text",
                            suggestion: "remove the space", document: document, segment: unit.index, side: side,
                            range: i..<end + 1))
                    }
                    i = end
                }
            }
        }
    }
}
