import Corpus

/// `mixed-script` (invisible characters): zero-width spaces and joiners, a byte order mark inside the text, soft
/// hyphens, direction marks and other format controls. They break search, term matching and word counts without
/// showing on screen.
public struct InvisibleCharacters: DocumentRule {
    public static let category = CheckCategory.mixedScript
    public init() {}

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFFA0: return true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF: return true
        case 0xFE00...0xFE0F, 0xFFF9...0xFFFB, 0xE0000...0xE007F: return true
        default: return false
        }
    }

    public func check(_ document: CheckDocument, workspace: CheckWorkspace, into findings: inout [Finding]) {
        for unit in document.units {
            for side in Side.allCases {
                guard let text = unit.text(side) else { continue }
                var offset = 0
                var reported: Set<UInt32> = []
                for scalar in text.unicodeScalars {
                    defer { offset += 1 }
                    guard Self.isInvisible(scalar), reported.insert(scalar.value).inserted else { continue }
                    let count = text.unicodeScalars.count { $0 == scalar }
                    let times = count > 1 ? " (\(count) times)" : ""
                    findings.append(Finding(
                        Self.category, "mixed-script.invisible", .warning,
                        "invisible character \(scalar.codePointDescription)\(times) in the \(side == .source ? "Bulgarian" : "English") text",
                        suggestion: scalar.value == 0x00AD ? "remove the soft hyphen" : "remove the character",
                        document: document, segment: unit.index, side: side, range: offset..<offset + 1))
                }
            }
        }
    }
}
