/// A small streaming XML writer: elements, attributes and text, always escaped, always well-formed.
///
/// Characters that XML 1.0 forbids (most C0 controls, lone surrogates cannot occur in Swift strings, U+FFFE/U+FFFF)
/// are never written: ``text(_:)`` and ``attribute(_:_:)`` report them through ``XMLWriterError`` so a caller can name
/// the place, or a caller that can carry them (XLIFF 2 `<cp hex=…/>`) splits them out first with
/// ``XMLWriter/illegalCharacterRanges(in:)``.
public struct XMLWriter {
    public private(set) var output: String = ""
    /// Open elements: name, whether it has child elements, whether text was written in it (mixed content).
    private var frames: [(name: String, hasChildren: Bool, mixed: Bool)] = []
    private var openTag = false
    private let indentUnit: String?

    /// `indent`: pretty-print element-only content with this unit ("  "); nil writes everything on one line.
    /// Inside an element that holds text nothing is indented, so whitespace in segments stays exact.
    public init(indent: String? = "  ", declaration: Bool = true) {
        indentUnit = indent
        if declaration { output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" }
    }

    /// Raw markup (a DOCTYPE line, a comment), written as is on its own line when indenting.
    public mutating func raw(_ markup: String) {
        closeOpenTag()
        if indentUnit != nil && !inMixedContent && !output.isEmpty { output += "\n" + indentation(frames.count) }
        output += markup
    }

    public mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) throws(XMLWriterError) {
        try start(name, attributes: attributes.map { ($0.key, $0.value) })
    }

    /// Starts an element whose content is text (possibly with inline elements such as `<mrk>`): nothing inside it is
    /// indented, even when it begins with an element, so its whitespace is exactly what is written.
    public mutating func startMixed(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) throws(XMLWriterError) {
        try start(name, attributes: attributes.map { ($0.key, $0.value) }, mixed: true)
    }

    public mutating func start(_ name: String, attributes: [(String, String?)], mixed: Bool = false) throws(XMLWriterError) {
        var tag = "<" + name
        for (key, value) in attributes {
            guard let value else { continue }
            try checkLegal(value, context: "attribute \(key) of <\(name)>")
            tag += " " + key + "=\"" + Self.escape(value, attribute: true) + "\""
        }
        closeOpenTag()
        if indentUnit != nil && !inMixedContent && !output.isEmpty { output += "\n" + indentation(frames.count) }
        if !frames.isEmpty { frames[frames.count - 1].hasChildren = true }
        output += tag
        frames.append((name, false, mixed))
        openTag = true
    }

    /// `<name attributes/>`, or `<name>text</name>` when `text` is given.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String? = nil) throws(XMLWriterError) {
        try start(name, attributes: attributes.map { ($0.key, $0.value) })
        if let text { try self.text(text) }
        end()
    }

    public mutating func text(_ text: String) throws(XMLWriterError) {
        guard !text.isEmpty else { return }
        try checkLegal(text, context: frames.last.map { "text of <\($0.name)>" } ?? "text")
        closeOpenTag()
        if !frames.isEmpty { frames[frames.count - 1].mixed = true }
        output += Self.escape(text, attribute: false)
    }

    public mutating func end() {
        guard let frame = frames.popLast() else { return }
        if openTag {
            output += "/>"
            openTag = false
            return
        }
        if indentUnit != nil && frame.hasChildren && !frame.mixed && !inMixedContent {
            output += "\n" + indentation(frames.count)
        }
        output += "</" + frame.name + ">"
    }

    /// Closes every open element and returns the document with a final newline.
    public mutating func finish() -> String {
        while !frames.isEmpty { end() }
        if !output.hasSuffix("\n") { output += "\n" }
        return output
    }

    private var inMixedContent: Bool { frames.contains { $0.mixed } }

    private func indentation(_ depth: Int) -> String { String(repeating: indentUnit ?? "", count: depth) }

    private mutating func closeOpenTag() {
        if openTag {
            output += ">"
            openTag = false
        }
    }

    // MARK: Escaping and legality

    /// Escapes `&`, `<`, `>`, and in attributes also `"`, and in both tabs, newlines and carriage returns in
    /// attributes (so they survive attribute-value normalization) and carriage returns in text (so they survive
    /// line-end normalization).
    public static func escape(_ text: String, attribute: Bool) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x0D || (attribute && (byte == 0x0A || byte == 0x09)) {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether XML 1.0 allows the character (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]).
    public static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The ranges of characters XML 1.0 forbids in `text` (empty for nearly every text).
    public static func illegalCharacterRanges(in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var index = text.unicodeScalars.startIndex
        while index < text.unicodeScalars.endIndex {
            let next = text.unicodeScalars.index(after: index)
            if !isLegal(text.unicodeScalars[index]) { result.append(index..<next) }
            index = next
        }
        return result
    }

    private func checkLegal(_ text: String, context: String) throws(XMLWriterError) {
        // Fast path: only bytes below 0x20 and the UTF-8 of U+FFFE/U+FFFF can be illegal.
        var suspicious = false
        for byte in text.utf8 where (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF {
            suspicious = true
            break
        }
        guard suspicious else { return }
        if let bad = text.unicodeScalars.first(where: { !Self.isLegal($0) }) {
            throw XMLWriterError.illegalCharacter(bad, context: context)
        }
    }

}

/// Why a document could not be written.
public enum XMLWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    case illegalCharacter(Unicode.Scalar, context: String)

    public var description: String {
        switch self {
        case .illegalCharacter(let scalar, let context):
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not allowed in XML 1.0 (\(context))"
        }
    }
}
