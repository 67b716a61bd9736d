import Foundation

/// Where articles come from: a file, or standard input.
public enum InputSource: Sendable, Hashable, CustomStringConvertible {
    case file(String)
    case standardInput

    public var description: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "-"
        }
    }
}

/// Reads articles from files, directories and standard input, in any of the ``InputFormat``s.
///
/// Reading never loses text: every paragraph keeps its byte range, line and column in the source, and bytes that are
/// not UTF-8 are an error naming the file and offset, unless ``lossy`` asks to replace them and report each repair.
public struct CorpusReader: Sendable {
    public var format: InputFormat
    /// Replace invalid UTF-8 with U+FFFD and report it in ``Article/repairs`` instead of failing.
    public var lossy: Bool
    /// File extensions a directory walk picks up (lower case, no dot).
    public var extensions: Set<String>

    public init(format: InputFormat = .auto, lossy: Bool = false, extensions: Set<String> = ["txt", "text", "jsonl", "ndjson"]) {
        self.format = format
        self.lossy = lossy
        self.extensions = extensions
    }

    // MARK: Finding inputs

    /// Expands the command-line inputs: files as given, directories walked recursively (hidden entries skipped) in a
    /// stable byte-wise sorted order, `-` as standard input.
    public func sources(for inputs: [String]) throws(CorpusError) -> [InputSource] {
        var result: [InputSource] = []
        let fileManager = FileManager.default
        for input in inputs {
            if input == "-" {
                result.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: input, isDirectory: &isDirectory) else { throw .notFound(path: input) }
            guard isDirectory.boolValue else {
                result.append(.file(input))
                continue
            }
            var files: [String] = []
            guard let walker = fileManager.enumerator(atPath: input) else {
                throw .unreadable(path: input, reason: "cannot list the directory")
            }
            while let relative = walker.nextObject() as? String {
                let name = PathName.lastComponent(relative)
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let ext = PathName.split(name: name).extension.lowercased()
                guard extensions.contains(ext) else { continue }
                let path = (input as NSString).appendingPathComponent(relative)
                var isDir: ObjCBool = false
                if fileManager.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue { files.append(path) }
            }
            files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            result += files.map(InputSource.file)
        }
        return result
    }

    // MARK: Reading

    /// Reads every article of every input, in order.
    public func readAll(_ inputs: [String]) throws(CorpusError) -> [Article] {
        var articles: [Article] = []
        for source in try sources(for: inputs) { articles += try read(source) }
        return articles
    }

    /// Reads the articles of one source (one for article and text files, one per record for JSON Lines).
    public func read(_ source: InputSource) throws(CorpusError) -> [Article] {
        let bytes: [UInt8]
        switch source {
        case .standardInput:
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        case .file(let path):
            bytes = try Self.contents(of: path)
        }
        return try read(bytes: bytes, source: source.description, id: Self.articleID(for: source))
    }

    /// The bytes of the file at `path`, read with POSIX calls straight into an array (no `Data` to copy from).
    /// Regular files take one `read` (their size is known); anything else is read to its end.
    static func contents(of path: String) throws(CorpusError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: "permission denied or not a file")
        }
        defer { close(descriptor) }
        var info = stat()
        var capacity = fstat(descriptor, &info) == 0 ? max(Int(info.st_size) + 1, 64) : 1 << 16
        var bytes: [UInt8] = []
        while true {
            var failed = false
            let previous = bytes
            // Room for one byte more than the file: the read that fills it is followed by one that returns 0.
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = previous.count
                if count > 0 { _ = buffer.initialize(fromContentsOf: previous) }
                while count < capacity {
                    let n = Foundation.read(descriptor, buffer.baseAddress! + count, capacity - count)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failed = true }
                    if n <= 0 { return }
                    count += n
                }
            }
            if failed { throw .unreadable(path: path, reason: "permission denied or not a file") }
            if bytes.count < capacity { return bytes }
            capacity *= 2
        }
    }

    /// Reads articles from bytes already in memory. `source` names them in messages; `id` is the article id for
    /// article and text files.
    public func read(bytes: [UInt8], source: String, id: String) throws(CorpusError) -> [Article] {
        var lines = LineTable(bytes: bytes)
        // One validating decode of the whole text; paragraphs are then slices of it, copied without another check.
        lines.text = bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[lines.bodyStart...]), as: UTF8.self) }
        if lines.text == nil, let bad = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset($0) }) {
            let (line, column) = bytes.withUnsafeBufferPointer { UTF8Validation.lineAndColumn(of: bad, in: $0) }
            let location = SourceLocation(file: source, line: line, column: column, byteOffset: bad)
            guard lossy else { throw .invalidUTF8(location) }
            lines.valid = false
        }
        let format = self.format == .auto ? Self.detectFormat(lines, source: source) : self.format
        switch format {
        case .jsonl: return try readJSONLines(lines, source: source)
        case .text: return [readBlocks(lines, source: source, id: id)]
        case .article, .auto: return [readArticle(lines, source: source, id: id)]
        }
    }

    /// The article id for a file: its name without the extension ("bbc.381646" for `bbc.381646.txt`).
    public static func articleID(for source: InputSource) -> String {
        switch source {
        case .standardInput: return "stdin"
        case .file(let path):
            let name = PathName.lastComponent(path)
            let stem = PathName.split(name: name).stem
            return stem.isEmpty ? name : stem
        }
    }

    // MARK: Formats

    static func detectFormat(_ lines: LineTable, source: String) -> InputFormat {
        let ext = PathName.pathExtension(source).lowercased()
        if ext == "jsonl" || ext == "ndjson" { return .jsonl }
        guard let first = lines.lines.indices.first(where: { !lines.isBlank($0) }) else { return .article }
        let firstRange = lines.trimmed(first)
        if lines.bytes[firstRange.lowerBound] == UInt8(ascii: "{") { return .jsonl }
        if first == 0, ArticleHeader.parse(lines, line: 0) != nil { return .article }
        // Plain text: blank-line-separated blocks whose lines are wrapped mid-sentence. Without a blank line it is
        // an article, whatever its lines look like.
        guard lines.lines.indices.contains(where: { lines.isBlank($0) }) else { return .article }
        var blank = false
        var wrapped = 0
        var unwrapped = 0
        for i in lines.lines.indices {
            if lines.isBlank(i) {
                blank = true
                continue
            }
            guard i + 1 < lines.lines.count, !lines.isBlank(i + 1) else { continue }
            if lines.endsSentence(i) { unwrapped += 1 } else { wrapped += 1 }
        }
        return blank && wrapped > unwrapped ? .text : .article
    }

    private func readArticle(_ lines: LineTable, source: String, id: String) -> Article {
        var builder = ArticleBuilder(lines: lines, source: source)
        var date: String?
        for i in lines.lines.indices {
            var range = lines.trimmed(i)
            if i == 0, let header = ArticleHeader.parse(lines, line: 0) {
                date = header.date
                range = header.rest
            }
            if !range.isEmpty { builder.addParagraph(range, line: i) }
        }
        return builder.finish(id: id, date: date, format: .article)
    }

    private func readBlocks(_ lines: LineTable, source: String, id: String) -> Article {
        var builder = ArticleBuilder(lines: lines, source: source)
        var start: Int?
        for i in lines.lines.indices {
            if lines.isBlank(i) {
                if let first = start { builder.addParagraph(lines.trimmed(first, through: i - 1), line: first) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let first = start { builder.addParagraph(lines.trimmed(first, through: lines.lines.count - 1), line: first) }
        return builder.finish(id: id, date: nil, format: .text)
    }

    private func readJSONLines(_ lines: LineTable, source: String) throws(CorpusError) -> [Article] {
        var articles: [Article] = []
        for i in lines.lines.indices where !lines.isBlank(i) {
            let range = lines.lines[i]
            let location = SourceLocation(file: source, line: i + 1, column: 1, byteOffset: range.lowerBound)
            let (lineText, repaired) = lines.decode(range)
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(lineText.utf8), options: [])
            } catch {
                throw .malformedJSON(location, reason: Self.describe(error))
            }
            guard let record = object as? [String: Any] else {
                throw .malformedJSON(location, reason: "the line is not a JSON object")
            }
            guard let text = record["text"] as? String else { throw .missingField(location, field: "text") }
            let id: String
            switch record["id"] {
            case let string as String: id = string
            case let number as NSNumber: id = number.stringValue
            default: id = "\(Self.articleID(for: .file(source)))-\(i + 1)"
            }
            let date = record["date"] as? String
            var paragraphs: [Paragraph] = []
            var offset = 0
            for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = Self.trimWhitespace(piece)
                if !trimmed.isEmpty {
                    let lead = piece.unicodeScalars.distance(from: piece.startIndex, to: trimmed.startIndex)
                    paragraphs.append(Paragraph(
                        index: paragraphs.count, text: String(trimmed), line: i + 1, column: 1, byteRange: range,
                        characterOffset: offset + lead))
                }
                offset += piece.unicodeScalars.count + 1
            }
            var repairs: [ReadIssue] = []
            if repaired { repairs.append(ReadIssue(location: location, message: "invalid UTF-8 replaced with U+FFFD")) }
            articles.append(Article(
                id: id, date: date, source: source, format: .jsonl, text: text, paragraphs: paragraphs,
                repairs: repairs))
        }
        return articles
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let debug = nsError.userInfo["NSDebugDescription"] as? String { return debug }
        return nsError.localizedDescription
    }

    /// Trims the whitespace a paragraph never starts or ends with (spaces, tabs, no-break spaces, BOM, CR).
    static func trimWhitespace(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return text[first...last]
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}"
    }
}

/// Accumulates paragraphs of one file with their character offsets.
private struct ArticleBuilder {
    let lines: LineTable
    let source: String
    var paragraphs: [Paragraph] = []
    var repairs: [ReadIssue] = []
    /// Scalars counted so far, up to byte `countedTo`.
    var scalars = 0
    var countedTo: Int

    init(lines: LineTable, source: String) {
        self.lines = lines
        self.source = source
        self.countedTo = lines.bodyStart
    }

    mutating func addParagraph(_ range: Range<Int>, line: Int) {
        scalars += lines.scalarCount(countedTo..<range.lowerBound)
        let lineStart = lines.lines[line].lowerBound
        let column = lines.scalarCount(lineStart..<range.lowerBound) + 1
        let (text, repaired) = lines.decode(range)
        if repaired {
            repairs.append(ReadIssue(
                location: SourceLocation(file: source, line: line + 1, column: column, byteOffset: range.lowerBound),
                message: "invalid UTF-8 replaced with U+FFFD"))
        }
        paragraphs.append(Paragraph(
            index: paragraphs.count, text: text, line: line + 1, column: column, byteRange: range,
            characterOffset: scalars))
        scalars += lines.scalarCount(range)
        countedTo = range.upperBound
    }

    func finish(id: String, date: String?, format: InputFormat) -> Article {
        Article(
            id: id, date: date, source: source, format: format, text: lines.text ?? lines.decode(lines.bodyStart..<lines.bytes.count).text,
            paragraphs: paragraphs, repairs: repairs)
    }
}

/// The optional first-line header of the article format: ` date YYYY-MM-DD ` before the first paragraph.
enum ArticleHeader {
    static func parse(_ lines: LineTable, line: Int) -> (date: String, rest: Range<Int>)? {
        let range = lines.trimmed(line)
        let bytes = lines.bytes
        let keyword = Array("date ".utf8)
        guard range.count >= keyword.count + 10, Array(bytes[range.lowerBound..<range.lowerBound + 5]) == keyword else {
            return nil
        }
        var i = range.lowerBound + 5
        while i < range.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i + 10 <= range.upperBound else { return nil }
        let date = Array(bytes[i..<i + 10])
        let shape = Array("dddd-dd-dd".utf8)
        for (byte, kind) in zip(date, shape) {
            if kind == UInt8(ascii: "d") ? !(0x30...0x39).contains(byte) : byte != kind { return nil }
        }
        var rest = i + 10
        guard rest == range.upperBound || bytes[rest] == 0x20 || bytes[rest] == 0x09 else { return nil }
        rest = lines.skipSpaces(from: rest, to: range.upperBound)
        return (String(decoding: date, as: UTF8.self), rest..<range.upperBound)
    }
}

/// The lines of a file as byte ranges (line terminators `\n` and `\r\n` excluded).
struct LineTable {
    let bytes: [UInt8]
    /// Where the text starts (after a UTF-8 byte order mark).
    let bodyStart: Int
    var lines: [Range<Int>] = []
    /// False when the file holds invalid UTF-8 (lossy reading).
    var valid = true
    /// The text after ``bodyStart``, decoded once, when the bytes are valid UTF-8.
    var text: String?

    init(bytes: [UInt8]) {
        self.bytes = bytes
        bodyStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var start = bodyStart
        bytes.withUnsafeBufferPointer { buffer in
            for i in bodyStart..<buffer.count where buffer[i] == 0x0A {
                let end = i > start && buffer[i - 1] == 0x0D ? i - 1 : i
                lines.append(start..<end)
                start = i + 1
            }
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
    }

    /// The text of `range`, with whether invalid bytes had to be replaced.
    func decode(_ range: Range<Int>) -> (text: String, repaired: Bool) {
        if let whole = text {
            // A slice of the validated text (ranges start and end between scalars): copied, not validated again.
            let utf8 = whole.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound - bodyStart)
            return (String(whole[start..<utf8.index(start, offsetBy: range.count)]), false)
        }
        let text = String(decoding: bytes[range], as: UTF8.self)
        guard !valid else { return (text, false) }
        let clean = bytes[range].withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } == nil
        return (text, !clean)
    }

    /// Unicode scalars in `range` (replacement characters counted as the decoder makes them).
    func scalarCount(_ range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        if valid { return bytes[range].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        return String(decoding: bytes[range], as: UTF8.self).unicodeScalars.count
    }

    func isBlank(_ line: Int) -> Bool { trimmed(line).isEmpty }

    /// The line without leading and trailing whitespace (ASCII, no-break and other Unicode spaces, BOM).
    func trimmed(_ line: Int) -> Range<Int> { trimmed(line, through: line) }

    /// Lines `first...last` as one range without the outer whitespace.
    func trimmed(_ first: Int, through last: Int) -> Range<Int> {
        var start = lines[first].lowerBound
        var end = lines[last].upperBound
        start = skipSpaces(from: start, to: end)
        while end > start, let width = spaceWidth(endingAt: end) { end -= width }
        return start..<end
    }

    func skipSpaces(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end, let width = spaceWidth(at: i) { i += width }
        return i
    }

    /// Whether line `i` ends like a sentence (terminal punctuation, possibly followed by a closing quote).
    func endsSentence(_ line: Int) -> Bool {
        let range = trimmed(line)
        guard let last = range.last else { return false }
        let byte = bytes[last]
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "\"") { return true }
        // “ ” … (E2 80 9C, E2 80 9D, E2 80 A6) or » (C2 BB) as the last character.
        if range.count >= 3 && bytes[last - 2] == 0xE2 && bytes[last - 1] == 0x80 && (byte == 0x9C || byte == 0x9D || byte == 0xA6) { return true }
        return range.count >= 2 && bytes[last - 1] == 0xC2 && byte == 0xBB
    }

    /// Width in bytes of the whitespace character starting at `i`, or nil.
    private func spaceWidth(at i: Int) -> Int? {
        switch bytes[i] {
        case 0x20, 0x09, 0x0D, 0x0B, 0x0C: return 1
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0: return 2
        case 0xE2 where i + 2 < bytes.count:
            let (b1, b2) = (bytes[i + 1], bytes[i + 2])
            if b1 == 0x80 && (b2 <= 0x8B || b2 == 0xAF) { return 3 }  // U+2000–U+200B, U+202F
            if b1 == 0x81 && b2 == 0x9F { return 3 }  // U+205F
            return nil
        case 0xE3 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80: return 3  // U+3000
        case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF: return 3  // BOM
        default: return nil
        }
    }

    /// Width of the whitespace character that ends at `end` (exclusive), or nil.
    private func spaceWidth(endingAt end: Int) -> Int? {
        for width in [1, 2, 3] where end - width >= 0 {
            let start = end - width
            if width > 1 && bytes[start] & 0xC0 == 0x80 { continue }
            if let w = spaceWidth(at: start), w == width { return width }
            if bytes[start] & 0xC0 != 0x80 { return nil }
        }
        return nil
    }
}
