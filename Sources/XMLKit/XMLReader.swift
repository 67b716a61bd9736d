/// A small, safe, namespace-aware XML 1.0 pull parser.
///
/// It reads what translation-exchange files need (elements, attributes, text, CDATA, comments, processing
/// instructions, the five predefined entities and character references) and refuses, with an error naming the
/// line and column, everything that makes XML dangerous or ambiguous:
/// - entity declarations in a DTD (XML external entities, "billion laughs" expansion): refused, never expanded;
/// - references to entities other than the five predefined ones;
/// - an external DTD is never fetched (a `<!DOCTYPE x SYSTEM "…">` line is read and ignored);
/// - malformed markup, undeclared namespace prefixes, duplicate attributes, characters XML 1.0 forbids;
/// - nesting deeper than ``XMLReader/Limits/maximumDepth`` and attribute counts above ``XMLReader/Limits/maximumAttributes``.
///
/// Input is UTF-8 (a byte order mark is allowed); UTF-16 with a byte order mark and ISO-8859-1 / US-ASCII declared
/// in the XML declaration are transcoded first. Line ends are normalised (`\r\n` and `\r` become `\n`); a `\r`
/// written as `&#13;` survives.
///
/// - Complexity: O(*n*) in the size of the input; memory O(depth) besides the events the caller keeps.
public struct XMLReader {
    /// Resource limits that keep hostile input from exhausting the machine.
    public struct Limits: Sendable {
        public var maximumDepth: Int
        public var maximumAttributes: Int
        public init(maximumDepth: Int = 512, maximumAttributes: Int = 256) {
            self.maximumDepth = maximumDepth
            self.maximumAttributes = maximumAttributes
        }
    }

    /// One thing the parser met, in document order.
    public enum Event: Sendable {
        case start(XMLElementStart)
        case end(XMLName)
        /// Character data (text, CDATA sections and references resolved). Adjacent pieces may come separately.
        case text(String)
    }

    private let bytes: [UInt8]
    private let source: String
    private let limits: Limits
    private var pos = 0
    /// Open elements with the namespace bindings they declared.
    private var stack: [(name: XMLName, qualified: ArraySlice<UInt8>, bindings: Int)] = []
    private var bindings: [(prefix: String, uri: String)] = [("xml", XMLName.xmlNamespace), ("xmlns", XMLName.xmlnsNamespace)]
    private var sawRoot = false
    private var finished = false
    private var pendingEnd: XMLName?
    /// Incremental line counting for locations.
    private var lineCursor = (offset: 0, line: 1, lineStart: 0)

    /// Prepares to read `bytes`; `source` names the input in errors.
    public init(bytes: [UInt8], source: String, limits: Limits = Limits()) throws(XMLReadError) {
        self.source = source
        self.limits = limits
        self.bytes = try Self.decode(bytes, source: source)
        if self.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        try validateUTF8()
        try readProlog()
    }

    // MARK: Events

    /// The next event, or nil after the root element closed (trailing comments and whitespace are checked).
    public mutating func next() throws(XMLReadError) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            try popElement()
            return .end(name)
        }
        if finished { return nil }
        while true {
            if stack.isEmpty {
                if sawRoot {
                    try readMisc(afterRoot: true)
                    finished = true
                    return nil
                }
                // readProlog stopped at the root element's '<'.
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "<"), isNameByte(bytes[pos + 1], first: true) else {
                    throw error("expected the root element")
                }
                return .start(try readStartTag())
            }
            guard pos < bytes.count else {
                throw error("unexpected end of file: <\(String(decoding: stack.last!.qualified, as: UTF8.self))> is not closed")
            }
            if bytes[pos] == UInt8(ascii: "<") {
                guard pos + 1 < bytes.count else { throw error("unexpected end of file after '<'") }
                switch bytes[pos + 1] {
                case UInt8(ascii: "/"): return .end(try readEndTag())
                case UInt8(ascii: "!"):
                    if matches("<!--") {
                        try skipComment()
                        continue
                    }
                    if matches("<![CDATA[") { return .text(try readCDATA()) }
                    if matches("<!DOCTYPE") { throw error("a DOCTYPE is only allowed before the root element") }
                    throw error("expected a comment or CDATA section after '<!'")
                case UInt8(ascii: "?"):
                    try skipProcessingInstruction()
                    continue
                default:
                    return .start(try readStartTag())
                }
            }
            return .text(try readText())
        }
    }

    /// Line and column (1-based, column in characters) of a byte offset. Offsets must not decrease between calls
    /// for the fast path; earlier offsets are recounted.
    public mutating func location(of offset: Int) -> (line: Int, column: Int) {
        if offset < lineCursor.offset { lineCursor = (0, 1, 0) }
        var (at, line, lineStart) = lineCursor
        while at < offset && at < bytes.count {
            if bytes[at] == 0x0A {
                line += 1
                lineStart = at + 1
            }
            at += 1
        }
        lineCursor = (at, line, lineStart)
        var column = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    /// The current byte offset (for callers that record where an element starts).
    public var offset: Int { pos }

    // MARK: Prolog and misc

    private mutating func readProlog() throws(XMLReadError) {
        if matches("<?xml") && pos + 5 < bytes.count && isSpace(bytes[pos + 5]) {
            try readXMLDeclaration()
        }
        var sawDoctype = false
        while true {
            skipSpaces()
            guard pos < bytes.count else { throw error("the document has no root element") }
            if matches("<!--") {
                try skipComment()
            } else if matches("<?") {
                try skipProcessingInstruction()
            } else if matches("<!DOCTYPE") {
                if sawDoctype { throw error("a second DOCTYPE") }
                sawDoctype = true
                try readDoctype()
            } else if bytes[pos] == UInt8(ascii: "<") {
                return
            } else {
                throw error("expected '<' (markup) before the root element, found text")
            }
        }
    }

    private mutating func readMisc(afterRoot: Bool) throws(XMLReadError) {
        while true {
            skipSpaces()
            guard pos < bytes.count else { return }
            if matches("<!--") {
                try skipComment()
            } else if matches("<?") {
                try skipProcessingInstruction()
            } else {
                throw error("content after the root element closed")
            }
        }
    }

    private mutating func readXMLDeclaration() throws(XMLReadError) {
        let start = pos
        guard let end = find("?>", from: pos) else { throw error("the XML declaration is not closed with '?>'") }
        let text = String(decoding: bytes[(start + 5)..<end], as: UTF8.self)
        if let version = Self.pseudoAttribute("version", in: text), !version.hasPrefix("1.") {
            throw error("XML version \(version) is not supported (expected 1.0)")
        }
        pos = end + 2
    }

    /// Reads `<!DOCTYPE name [ExternalID] [internal subset]>`. The external DTD is never fetched; an internal subset
    /// may hold element, attribute-list and notation declarations, comments and processing instructions (all
    /// ignored) but no entity declaration or parameter-entity reference.
    private mutating func readDoctype() throws(XMLReadError) {
        pos += "<!DOCTYPE".utf8.count
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: ">") {
                pos += 1
                return
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                try skipQuoted()
            } else if byte == UInt8(ascii: "[") {
                pos += 1
                try readInternalSubset()
            } else {
                pos += 1
            }
        }
        throw error("the DOCTYPE is not closed with '>'")
    }

    private mutating func readInternalSubset() throws(XMLReadError) {
        while pos < bytes.count {
            skipSpaces()
            guard pos < bytes.count else { break }
            if bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                return
            }
            if matches("<!--") {
                try skipComment()
            } else if matches("<?") {
                try skipProcessingInstruction()
            } else if matches("<!ENTITY") {
                throw error("the DTD declares an entity; prevod refuses entity declarations "
                    + "(they enable external-entity (XXE) and entity-expansion attacks)")
            } else if bytes[pos] == UInt8(ascii: "%") {
                throw error("parameter-entity reference in the DTD; prevod refuses DTD entities")
            } else if matches("<!") {
                pos += 2
                while pos < bytes.count && bytes[pos] != UInt8(ascii: ">") {
                    if bytes[pos] == UInt8(ascii: "\"") || bytes[pos] == UInt8(ascii: "'") { try skipQuoted() } else { pos += 1 }
                }
                pos += 1
            } else {
                throw error("unexpected content in the DTD internal subset")
            }
        }
        throw error("the DTD internal subset is not closed with ']'")
    }

    private mutating func skipQuoted() throws(XMLReadError) {
        let quote = bytes[pos]
        let start = pos
        pos += 1
        while pos < bytes.count && bytes[pos] != quote { pos += 1 }
        guard pos < bytes.count else {
            pos = start
            throw error("unterminated quoted string")
        }
        pos += 1
    }

    private mutating func skipComment() throws(XMLReadError) {
        guard let end = find("--", from: pos + 4) else { throw error("the comment is not closed with '-->'") }
        guard end + 2 < bytes.count, bytes[end + 2] == UInt8(ascii: ">") else {
            pos = end
            throw error("'--' is not allowed inside a comment")
        }
        pos = end + 3
    }

    private mutating func skipProcessingInstruction() throws(XMLReadError) {
        let nameStart = pos + 2
        var i = nameStart
        while i < bytes.count && isNameByte(bytes[i], first: i == nameStart) { i += 1 }
        if i == nameStart { throw error("expected a processing-instruction target after '<?'") }
        let target = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        if target.lowercased() == "xml" { throw error("the XML declaration is only allowed at the very start of the file") }
        guard let end = find("?>", from: i) else { throw error("the processing instruction is not closed with '?>'") }
        pos = end + 2
    }

    // MARK: Elements

    private mutating func readStartTag() throws(XMLReadError) -> XMLElementStart {
        let tagStart = pos
        pos += 1
        let qualified = try readName(what: "an element name")
        if stack.count >= limits.maximumDepth {
            pos = tagStart
            throw error("elements nested deeper than \(limits.maximumDepth) levels")
        }
        var raw: [(qualified: ArraySlice<UInt8>, value: String, offset: Int)] = []
        var selfClosing = false
        while true {
            let hadSpace = skipSpaces()
            guard pos < bytes.count else { throw error("unexpected end of file inside a start tag") }
            if bytes[pos] == UInt8(ascii: ">") {
                pos += 1
                break
            }
            if bytes[pos] == UInt8(ascii: "/") {
                guard pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: ">") else { throw error("expected '/>'") }
                pos += 2
                selfClosing = true
                break
            }
            if !hadSpace { throw error("expected whitespace between attributes") }
            let attributeOffset = pos
            let name = try readName(what: "an attribute name")
            skipSpaces()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "=") else { throw error("expected '=' after attribute \(String(decoding: name, as: UTF8.self))") }
            pos += 1
            skipSpaces()
            let value = try readAttributeValue()
            raw.append((name, value, attributeOffset))
            if raw.count > limits.maximumAttributes {
                throw error("more than \(limits.maximumAttributes) attributes on one element")
            }
        }
        // Namespace declarations first, then resolve names.
        let bindingCount = bindings.count
        for attribute in raw {
            let name = attribute.qualified
            if name.elementsEqual("xmlns".utf8) {
                bindings.append(("", attribute.value))
            } else if name.starts(with: "xmlns:".utf8) {
                let prefix = String(decoding: name.dropFirst(6), as: UTF8.self)
                if attribute.value.isEmpty {
                    pos = attribute.offset
                    throw error("namespace prefix \(prefix) is bound to an empty name")
                }
                if prefix == "xmlns" || (prefix == "xml" && attribute.value != XMLName.xmlNamespace) {
                    pos = attribute.offset
                    throw error("the prefix \(prefix) cannot be redeclared")
                }
                bindings.append((prefix, attribute.value))
            }
        }
        let elementName = try resolve(qualified, isAttribute: false, offset: tagStart)
        var attributes: [XMLAttribute] = []
        attributes.reserveCapacity(raw.count)
        var namespaceDeclarations: [(prefix: String, uri: String)] = []
        for attribute in raw {
            if attribute.qualified.elementsEqual("xmlns".utf8) || attribute.qualified.starts(with: "xmlns:".utf8) {
                let prefix = attribute.qualified.count > 5 ? String(decoding: attribute.qualified.dropFirst(6), as: UTF8.self) : ""
                namespaceDeclarations.append((prefix, attribute.value))
                continue
            }
            let name = try resolve(attribute.qualified, isAttribute: true, offset: attribute.offset)
            if attributes.contains(where: { $0.name == name }) {
                pos = attribute.offset
                throw error("duplicate attribute \(String(decoding: attribute.qualified, as: UTF8.self))")
            }
            attributes.append(XMLAttribute(name: name, qualifiedName: String(decoding: attribute.qualified, as: UTF8.self), value: attribute.value))
        }
        let (line, column) = location(of: tagStart)
        sawRoot = true
        stack.append((elementName, qualified, bindingCount))
        if selfClosing { pendingEnd = elementName }
        return XMLElementStart(
            name: elementName, qualifiedName: String(decoding: qualified, as: UTF8.self), attributes: attributes,
            namespaceDeclarations: namespaceDeclarations, line: line, column: column)
    }

    private mutating func readEndTag() throws(XMLReadError) -> XMLName {
        let tagStart = pos
        pos += 2
        let qualified = try readName(what: "an element name after '</'")
        skipSpaces()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: ">") else { throw error("expected '>' to close the end tag") }
        pos += 1
        guard let open = stack.last else {
            pos = tagStart
            throw error("end tag without a start tag")
        }
        guard open.qualified.elementsEqual(qualified) else {
            pos = tagStart
            throw error("</\(String(decoding: qualified, as: UTF8.self))> does not match <\(String(decoding: open.qualified, as: UTF8.self))>")
        }
        try popElement()
        return open.name
    }

    private mutating func popElement() throws(XMLReadError) {
        guard let open = stack.popLast() else { return }
        bindings.removeLast(bindings.count - open.bindings)
    }

    private func resolve(_ qualified: ArraySlice<UInt8>, isAttribute: Bool, offset: Int) throws(XMLReadError) -> XMLName {
        if let colon = qualified.firstIndex(of: UInt8(ascii: ":")) {
            let prefix = String(decoding: qualified[qualified.startIndex..<colon], as: UTF8.self)
            let local = String(decoding: qualified[(colon + 1)...], as: UTF8.self)
            if prefix.isEmpty || local.isEmpty || local.contains(":") {
                throw XMLReadError(source: source, offset: offset, bytes: bytes, message: "malformed qualified name \(prefix):\(local)")
            }
            guard let uri = bindings.last(where: { $0.prefix == prefix })?.uri else {
                throw XMLReadError(source: source, offset: offset, bytes: bytes, message: "namespace prefix \(prefix) is not declared")
            }
            return XMLName(namespace: uri, local: local)
        }
        let local = String(decoding: qualified, as: UTF8.self)
        if isAttribute { return XMLName(namespace: "", local: local) }
        return XMLName(namespace: bindings.last(where: { $0.prefix == "" })?.uri ?? "", local: local)
    }

    // MARK: Names, attribute values, text

    private mutating func readName(what: String) throws(XMLReadError) -> ArraySlice<UInt8> {
        let start = pos
        while pos < bytes.count && isNameByte(bytes[pos], first: pos == start) { pos += 1 }
        if pos == start { throw error("expected \(what)") }
        return bytes[start..<pos]
    }

    private mutating func readAttributeValue() throws(XMLReadError) -> String {
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") || bytes[pos] == UInt8(ascii: "'") else {
            throw error("expected a quoted attribute value")
        }
        let quote = bytes[pos]
        pos += 1
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw error("unterminated attribute value") }
            let byte = bytes[pos]
            if byte == quote {
                pos += 1
                break
            }
            switch byte {
            case UInt8(ascii: "<"): throw error("'<' is not allowed in an attribute value")
            case UInt8(ascii: "&"): try readReference(into: &out)
            case 0x0D:
                // \r\n and \r are line ends, and line ends in attributes become spaces.
                out.append(0x20)
                pos += 1
                if pos < bytes.count && bytes[pos] == 0x0A { pos += 1 }
            case 0x09, 0x0A:
                out.append(0x20)
                pos += 1
            default:
                out.append(byte)
                pos += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func readText() throws(XMLReadError) -> String {
        var out: [UInt8] = []
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "<") { break }
            switch byte {
            case UInt8(ascii: "&"): try readReference(into: &out)
            case 0x0D:
                out.append(0x0A)
                pos += 1
                if pos < bytes.count && bytes[pos] == 0x0A { pos += 1 }
            case UInt8(ascii: "]") where matches("]]>"):
                throw error("']]>' is not allowed in text")
            default:
                out.append(byte)
                pos += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func readCDATA() throws(XMLReadError) -> String {
        let start = pos + 9
        guard let end = find("]]>", from: start) else { throw error("the CDATA section is not closed with ']]>'") }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            if bytes[i] == 0x0D {
                out.append(0x0A)
                if i + 1 < end && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        pos = end + 3
        return String(decoding: out, as: UTF8.self)
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#N;` `&#xH;`; anything else is refused (never looked up in a DTD).
    private mutating func readReference(into out: inout [UInt8]) throws(XMLReadError) {
        let start = pos
        guard let semicolon = bytes[pos..<min(bytes.count, pos + 40)].firstIndex(of: UInt8(ascii: ";")) else {
            throw error("'&' must start a reference such as &amp; (write & as &amp;)")
        }
        let body = bytes[(start + 1)..<semicolon]
        pos = semicolon + 1
        if body.first == UInt8(ascii: "#") {
            var digits = body.dropFirst()
            var radix = 10
            if digits.first == UInt8(ascii: "x") {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.count <= 8, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: radix),
                let scalar = Unicode.Scalar(value)
            else {
                pos = start
                throw error("malformed character reference &\(String(decoding: body, as: UTF8.self));")
            }
            guard XMLWriter.isLegal(scalar) else {
                pos = start
                throw error("character reference &\(String(decoding: body, as: UTF8.self)); names a character XML 1.0 forbids")
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
            return
        }
        switch String(decoding: body, as: UTF8.self) {
        case "lt": out.append(UInt8(ascii: "<"))
        case "gt": out.append(UInt8(ascii: ">"))
        case "amp": out.append(UInt8(ascii: "&"))
        case "quot": out.append(UInt8(ascii: "\""))
        case "apos": out.append(UInt8(ascii: "'"))
        case let name:
            pos = start
            throw error("undefined entity &\(name); (prevod expands only &lt; &gt; &amp; &quot; &apos; and character references)")
        }
    }

    // MARK: Bytes

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = pos
        while pos < bytes.count && isSpace(bytes[pos]) { pos += 1 }
        return pos > start
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Name characters: ASCII letters, `_`, `:`, and (not first) digits, `-`, `.`; every non-ASCII byte is taken
    /// as part of a name (XML 1.0 fifth edition allows nearly all of them).
    private func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"): return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): return !first
        case 0x80...: return true
        default: return false
        }
    }

    private func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard pos + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for i in 0..<count where bytes[pos + i] != buffer[i] { return false }
            return true
        }
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        return literal.withUTF8Buffer { buffer -> Int? in
            var i = start
            let first = buffer[0]
            while i + count <= bytes.count {
                if bytes[i] == first {
                    var ok = true
                    for j in 1..<count where bytes[i + j] != buffer[j] {
                        ok = false
                        break
                    }
                    if ok { return i }
                }
                i += 1
            }
            return nil
        }
    }

    private mutating func error(_ message: String) -> XMLReadError {
        XMLReadError(source: source, offset: pos, bytes: bytes, message: message)
    }

    /// Checks the whole input is UTF-8 without characters XML 1.0 forbids.
    private func validateUTF8() throws(XMLReadError) {
        var i = pos
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                    throw XMLReadError(source: source, offset: i, bytes: bytes, message: "control character U+\(Self.hex4(b)) is not allowed in XML 1.0")
                }
                i += 1
                continue
            }
            var length = 0
            var value: UInt32 = 0
            switch b {
            case 0xC2...0xDF: length = 2; value = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; value = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; value = UInt32(b & 0x07)
            default: throw XMLReadError(source: source, offset: i, bytes: bytes, message: "invalid UTF-8 byte 0x\(String(b, radix: 16)) (expected UTF-8 text)")
            }
            guard i + length <= n else { throw XMLReadError(source: source, offset: i, bytes: bytes, message: "truncated UTF-8 sequence at the end of the file") }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { throw XMLReadError(source: source, offset: i, bytes: bytes, message: "invalid UTF-8 sequence (expected UTF-8 text)") }
                value = value << 6 | UInt32(c & 0x3F)
            }
            let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                throw XMLReadError(source: source, offset: i, bytes: bytes, message: "invalid UTF-8 sequence (overlong or surrogate)")
            }
            if value == 0xFFFE || value == 0xFFFF {
                throw XMLReadError(source: source, offset: i, bytes: bytes, message: "character U+\(String(value, radix: 16, uppercase: true)) is not allowed in XML 1.0")
            }
            i += length
        }
    }

    private static func hex4(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// UTF-16 (with a byte order mark) and single-byte encodings named in the declaration become UTF-8.
    static func decode(_ bytes: [UInt8], source: String) throws(XMLReadError) -> [UInt8] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            var out: [UInt8] = []
            out.reserveCapacity(units.count * 2)
            let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { out.append($0) }
            if failed { throw XMLReadError(source: source, line: 0, column: 0, message: "invalid UTF-16 (unpaired surrogate)") }
            return out
        }
        // An encoding declaration other than UTF-8 on a byte-oriented file.
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        if head.hasPrefix("<?xml"), let end = head.range(of: "?>") {
            let declaration = String(head[..<end.lowerBound])
            if let encoding = pseudoAttribute("encoding", in: declaration)?.lowercased() {
                switch encoding {
                case "utf-8", "utf8", "us-ascii", "ascii": break
                case "iso-8859-1", "latin1", "latin-1":
                    var out: [UInt8] = []
                    out.reserveCapacity(bytes.count)
                    for byte in bytes {
                        if byte < 0x80 { out.append(byte) } else { out.append(contentsOf: String(Character(Unicode.Scalar(byte))).utf8) }
                    }
                    return out
                case "utf-16", "utf16":
                    throw XMLReadError(source: source, line: 1, column: 1, message: "declared UTF-16 but the file has no byte order mark")
                default:
                    throw XMLReadError(source: source, line: 1, column: 1, message: "unsupported encoding \(encoding) (expected UTF-8, UTF-16 with a byte order mark, or ISO-8859-1)")
                }
            }
        }
        return bytes
    }

    static func pseudoAttribute(_ name: String, in declaration: String) -> String? {
        guard let range = declaration.range(of: name) else { return nil }
        var rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<close])
    }
}

/// An expanded XML name: namespace URI (empty for none) and local part.
public struct XMLName: Sendable, Hashable, CustomStringConvertible {
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    public static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"
    public var namespace: String
    public var local: String
    public init(namespace: String = "", local: String) {
        self.namespace = namespace
        self.local = local
    }
    public var description: String { namespace.isEmpty ? local : "{\(namespace)}\(local)" }
}

public struct XMLAttribute: Sendable, Hashable {
    public var name: XMLName
    /// The name as written (`xml:lang`, `gls:ref`).
    public var qualifiedName: String
    public var value: String
}

/// A start tag as read.
public struct XMLElementStart: Sendable {
    public var name: XMLName
    public var qualifiedName: String
    public var attributes: [XMLAttribute]
    public var namespaceDeclarations: [(prefix: String, uri: String)]
    public var line: Int
    public var column: Int
}

/// Why a document could not be read: where, and what was expected.
public struct XMLReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(source: String, line: Int, column: Int, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    init(source: String, offset: Int, bytes: [UInt8], message: String) {
        var line = 1
        var lineStart = 0
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        for j in lineStart..<end where bytes[j] & 0xC0 != 0x80 { column += 1 }
        self.init(source: source, line: line, column: column, message: message)
    }

    public var description: String {
        line > 0 ? "\(source):\(line):\(column): error: \(message)" : "\(source): error: \(message)"
    }
}
