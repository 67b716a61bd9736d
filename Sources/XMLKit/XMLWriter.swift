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
    /// The depth of the first element written (0, or more for an ``XMLFragment``).
    private let baseDepth: Int

    /// `indent`: pretty-print element-only content with this unit ("  "); nil writes everything on one line.
    /// Inside an element that holds text nothing is indented, so whitespace in segments stays exact.
    /// `capacity`: bytes to reserve for the document (a good guess saves copying it as it grows).
    public init(indent: String? = "  ", declaration: Bool = true, capacity: Int = 1 << 14) {
        indentUnit = indent.map { Array($0.utf8) }
        baseDepth = 0
        bytes.reserveCapacity(capacity)
        if declaration { bytes += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8 }
    }

    /// A writer for a fragment whose top elements sit at `depth`.
    private init(indent: String?, fragmentDepth depth: Int) {
        indentUnit = indent.map { Array($0.utf8) }
        baseDepth = depth
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
        append(name)
        for (key, value) in attributes {
            guard let value else { continue }
            bytes.append(0x20)
            append(key)
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
        var text = text
        try text.withUTF8 { utf8 in Result { () throws(XMLWriterError) in try self.text(utf8: utf8) } }.get()
    }

    /// The part of `text` at UTF-8 offsets `range` (a segment's words between two markers), without making it a
    /// string of its own.
    ///
    /// - Precondition: `range` lies in `text` and starts and ends between Unicode scalars.
    public mutating func text(_ text: String, utf8Range range: Range<Int>) throws(XMLWriterError) {
        var text = text
        try text.withUTF8 { utf8 in
            precondition(range.lowerBound >= 0 && range.upperBound <= utf8.count, "UTF-8 range outside the text")
            precondition(range.lowerBound == utf8.count || !UTF8.isContinuation(utf8[range.lowerBound]), "range starts inside a character")
            precondition(range.upperBound == utf8.count || !UTF8.isContinuation(utf8[range.upperBound]), "range ends inside a character")
            return Result { () throws(XMLWriterError) in try self.text(utf8: UnsafeBufferPointer(rebasing: utf8[range])) }
        }.get()
    }

    /// Writes well-formed UTF-8 (a whole string, or a part of one cut between scalars) as escaped text.
    private mutating func text(utf8: UnsafeBufferPointer<UInt8>) throws(XMLWriterError) {
        guard !utf8.isEmpty else { return }
        let mark = bytes.count
        // Escaping scans every byte anyway: it also reports whether a byte could start a forbidden character.
        if Self.appendEscaped(utf8, attribute: false, to: &bytes, open: openTag) {
            do {
                try checkLegal(String(decoding: utf8, as: UTF8.self), context: frames.last.map { "text of <\($0.name)>" } ?? "text")
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
            bytes.append(0x2F)
            bytes.append(0x3E)
            openTag = false
            return
        }
        if frame.hasChildren && !frame.mixed { newline() }
        bytes.append(0x3C)
        bytes.append(0x2F)
        append(frame.name)
        bytes.append(0x3E)
    }

    /// Appends a name's UTF-8 in one copy (names and keys are mostly literals, stored as contiguous UTF-8).
    @inline(__always)
    private mutating func append(_ name: String) {
        var name = name
        name.withUTF8 { bytes.append(contentsOf: $0) }
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

    // MARK: Fragments

    /// Renders markup once for inserting it wherever it recurs (a glossary entry's description in every unit that
    /// cites it): `content` writes the elements, which sit at `depth` (the depth of the children of the element
    /// ``insert(_:)`` will put them in) and are indented for it. Errors are those `content` would meet writing
    /// into a document.
    ///
    /// - Precondition: `depth` ≥ 1.
    public static func fragment(
        depth: Int, indent: String? = "  ", _ content: (inout XMLWriter) throws(XMLWriterError) -> Void
    ) throws(XMLWriterError) -> XMLFragment {
        precondition(depth >= 1, "a fragment goes inside an element")
        var writer = XMLWriter(indent: indent, fragmentDepth: depth)
        try content(&writer)
        while !writer.frames.isEmpty { writer.end() }
        return XMLFragment(depth: depth, indent: writer.indentUnit, bytes: writer.bytes)
    }

    /// Writes `fragment` as children of the open element: the same bytes as writing its elements here.
    ///
    /// - Precondition: the children of the open element are at the fragment's depth, the indentation is the
    ///   fragment's, and the open element holds no text (a fragment is element-only content).
    public mutating func insert(_ fragment: XMLFragment) {
        guard !fragment.bytes.isEmpty else { return }
        precondition(fragment.depth == frames.count + baseDepth && fragment.indent == indentUnit && mixedDepth == 0,
            "fragment rendered for another place")
        closeOpenTag()
        if !frames.isEmpty { frames[frames.count - 1].hasChildren = true }
        bytes += fragment.bytes
    }

    /// A line break and indentation before markup, when indenting and not inside mixed content.
    private mutating func newline() {
        guard let unit = indentUnit, mixedDepth == 0, !bytes.isEmpty || baseDepth > 0 else { return }
        bytes.append(0x0A)
        let depth = frames.count + baseDepth
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
        var text = text
        return text.withUTF8 { appendEscaped($0, attribute: attribute, to: &out, open: open) }
    }

    /// ``appendEscaped(_:attribute:to:open:)`` for UTF-8 bytes.
    ///
    /// - Complexity: O(*n*); runs of bytes that need nothing (letters, Cyrillic, most spaces and punctuation) are
    ///   recognised eight at a time and copied in bulk.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, attribute: Bool, to out: inout [UInt8], open: Bool) -> Bool {
        if open { out.append(0x3E) }
        guard let base = utf8.baseAddress else { return false }
        let count = utf8.count
        var suspicious = false
        var runStart = 0
        var i = 0
        while i < count {
            if i + 8 <= count && !mayNeedAttention(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self), attribute: attribute) {
                i += 8
                continue
            }
            // Somewhere in these eight bytes (or the last few) is a byte to look at: go through them one by one.
            let end = min(i + 8, count)
            while i < end {
                let byte = base[i]
                i += 1
                // Every byte that needs attention is below "?" (0x3F) or is 0xEF.
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
                if runStart < i - 1 { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - 1 - runStart)) }
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                runStart = i
            }
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart)) }
        return suspicious
    }

    /// Whether any of the eight bytes of `word` may need escaping or checking: a control character (below 0x20),
    /// `&`, `<`, `>`, 0xEF (which starts U+FFFE and U+FFFF), and in attributes `"`. Exact, with no false
    /// negatives: `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when some byte of `x` is zero, and with 0x20 in
    /// place of 0x01 when some byte is below 0x20.
    @inline(__always)
    static func mayNeedAttention(_ word: UInt64, attribute: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        if (word &- ones &* 0x20) & ~word & highs != 0 { return true }
        if hasZeroByte(word ^ (ones &* 0x26)) || hasZeroByte(word ^ (ones &* 0x3C)) || hasZeroByte(word ^ (ones &* 0x3E)) { return true }
        if hasZeroByte(word ^ (ones &* 0xEF)) { return true }
        return attribute && hasZeroByte(word ^ (ones &* 0x22))
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

/// Element-only markup rendered once by ``XMLWriter/fragment(depth:indent:_:)`` and inserted with
/// ``XMLWriter/insert(_:)``.
public struct XMLFragment: Sendable, Hashable {
    /// The depth of its top elements.
    public let depth: Int
    let indent: [UInt8]?
    let bytes: [UInt8]
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
