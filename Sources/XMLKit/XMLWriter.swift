/// A small streaming XML writer: elements, attributes and text, always escaped, always well-formed.
///
/// Characters that XML 1.0 forbids (most C0 controls, lone surrogates cannot occur in Swift strings, U+FFFE/U+FFFF)
/// are never written: ``text(_:)`` and ``attribute(_:_:)`` report them through ``XMLWriterError`` so a caller can name
/// the place, or a caller that can carry them (XLIFF 2 `<cp hex=…/>`) splits them out first with
/// ``XMLWriter/illegalCharacterRanges(in:)``.
///
/// The document is built as UTF-8 bytes (``bytes``; ``output`` and ``finish()`` give it as a string).
public struct XMLWriter {
    /// The document so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// The document so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }
    /// Open elements: name, whether it has child elements, whether text was written in it (mixed content).
    private var frames: [(name: String, hasChildren: Bool, mixed: Bool)] = []
    /// How many open frames are mixed (nothing inside a mixed element is indented).
    private var mixedDepth = 0
    private var openTag = false
    private let indentUnit: [UInt8]?
    /// Indentation bytes per depth, built as deeper levels are met.
    private var indentation: [[UInt8]] = []

    /// `indent`: pretty-print element-only content with this unit ("  "); nil writes everything on one line.
    /// Inside an element that holds text nothing is indented, so whitespace in segments stays exact.
    public init(indent: String? = "  ", declaration: Bool = true) {
        indentUnit = indent.map { Array($0.utf8) }
        bytes.reserveCapacity(1 << 14)
        if declaration { bytes += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8 }
    }

    /// Raw markup (a DOCTYPE line, a comment), written as is on its own line when indenting.
    public mutating func raw(_ markup: String) {
        closeOpenTag()
        newline()
        bytes += markup.utf8
    }

    public mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) throws(XMLWriterError) {
        try start(name, pairs: attributes, mixed: false)
    }

    /// Starts an element whose content is text (possibly with inline elements such as `<mrk>`): nothing inside it is
    /// indented, even when it begins with an element, so its whitespace is exactly what is written.
    public mutating func startMixed(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) throws(XMLWriterError) {
        try start(name, pairs: attributes, mixed: true)
    }

    public mutating func start(_ name: String, attributes: [(String, String?)], mixed: Bool = false) throws(XMLWriterError) {
        try start(name, pairs: attributes.lazy.map { (key: $0.0, value: $0.1) }, mixed: mixed)
    }

    private mutating func start<Attributes: Sequence<(key: String, value: String?)>>(
        _ name: String, pairs attributes: Attributes, mixed: Bool
    ) throws(XMLWriterError) {
        let mark = bytes.count
        let wasOpen = openTag
        closeOpenTag()
        newline()
        bytes.append(0x3C)
        bytes += name.utf8
        for (key, value) in attributes {
            guard let value else { continue }
            bytes.append(0x20)
            bytes += key.utf8
            bytes.append(0x3D)
            bytes.append(0x22)
            if Self.appendEscaped(value, attribute: true, to: &bytes, open: false) {
                do {
                    try checkLegal(value, context: "attribute \(key) of <\(name)>")
                } catch {
                    // Nothing of the refused element stays in the document.
                    bytes.removeSubrange(mark...)
                    openTag = wasOpen
                    throw error
                }
            }
            bytes.append(0x22)
        }
        if !frames.isEmpty { frames[frames.count - 1].hasChildren = true }
        frames.append((name, false, mixed))
        if mixed { mixedDepth += 1 }
        openTag = true
    }

    /// `<name attributes/>`, or `<name>text</name>` when `text` is given.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String? = nil) throws(XMLWriterError) {
        try start(name, pairs: attributes, mixed: false)
        if let text { try self.text(text) }
        end()
    }

    public mutating func text(_ text: String) throws(XMLWriterError) {
        guard !text.isEmpty else { return }
        let mark = bytes.count
        // Escaping scans every byte anyway: it also reports whether a byte could start a forbidden character.
        if Self.appendEscaped(text, attribute: false, to: &bytes, open: openTag) {
            do {
                try checkLegal(text, context: frames.last.map { "text of <\($0.name)>" } ?? "text")
            } catch {
                bytes.removeSubrange(mark...)
                throw error
            }
        }
        if openTag { openTag = false }
        if !frames.isEmpty && !frames[frames.count - 1].mixed {
            frames[frames.count - 1].mixed = true
            mixedDepth += 1
        }
    }

    public mutating func end() {
        guard let frame = frames.popLast() else { return }
        if frame.mixed { mixedDepth -= 1 }
        if openTag {
            bytes += "/>".utf8
            openTag = false
            return
        }
        if frame.hasChildren && !frame.mixed { newline() }
        bytes += "</".utf8
        bytes += frame.name.utf8
        bytes.append(0x3E)
    }

    /// Closes every open element and returns the document with a final newline.
    public mutating func finish() -> String {
        String(decoding: finishBytes(), as: UTF8.self)
    }

    /// Closes every open element and returns the document's UTF-8 with a final newline.
    public mutating func finishBytes() -> [UInt8] {
        while !frames.isEmpty { end() }
        if bytes.last != 0x0A { bytes.append(0x0A) }
        return bytes
    }

    /// A line break and indentation before markup, when indenting and not inside mixed content.
    private mutating func newline() {
        guard let unit = indentUnit, mixedDepth == 0, !bytes.isEmpty else { return }
        bytes.append(0x0A)
        let depth = frames.count
        while indentation.count <= depth { indentation.append(indentation.last.map { $0 + unit } ?? []) }
        bytes += indentation[depth]
    }

    private mutating func closeOpenTag() {
        if openTag {
            bytes.append(0x3E)
            openTag = false
        }
    }

    // MARK: Escaping and legality

    /// Escapes `&`, `<`, `>`, and in attributes also `"`, and in both tabs, newlines and carriage returns in
    /// attributes (so they survive attribute-value normalization) and carriage returns in text (so they survive
    /// line-end normalization).
    public static func escape(_ text: String, attribute: Bool) -> String {
        var out: [UInt8] = []
        appendEscaped(text, attribute: attribute, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped to `out`, copying the runs between escaped characters in bulk.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length of `text`.
    public static func appendEscaped(_ text: String, attribute: Bool, to out: inout [UInt8]) {
        _ = appendEscaped(text, attribute: attribute, to: &out, open: false)
    }

    /// Appends `text` escaped (after a `>` closing the open tag when `open`); returns whether the text holds a byte
    /// that may start a character XML 1.0 forbids (see ``mayBeIllegal(_:)``).
    static func appendEscaped(_ text: String, attribute: Bool, to out: inout [UInt8], open: Bool) -> Bool {
        if open { out.append(0x3E) }
        var text = text
        return text.withUTF8 { utf8 -> Bool in
            var suspicious = false
            var runStart = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                // Every byte that needs attention is below "?" (0x3F) or is 0xEF: letters, digits above "?",
                // and the bytes of Cyrillic text take this one comparison.
                if byte >= 0x3F && byte != 0xEF { continue }
                if byte < 0x20 || byte == 0xEF {
                    if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF { suspicious = true }
                } else if byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 {
                    continue
                }
                let replacement: StaticString
                switch byte {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22 where attribute: replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x0A where attribute: replacement = "&#10;"
                case 0x09 where attribute: replacement = "&#9;"
                default: continue
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                runStart = i + 1
            }
            if runStart < utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
            return suspicious
        }
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

    /// Fast path: only bytes below 0x20 (other than tab, line feed, carriage return) and 0xEF (the lead byte of
    /// U+FFFE/U+FFFF) can start a character XML 1.0 forbids.
    static func mayBeIllegal(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            for byte in utf8 where (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF { return true }
            return false
        }
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
