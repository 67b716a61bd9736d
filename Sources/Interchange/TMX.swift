import Corpus
import XMLKit

/// A translation unit of a memory: one segment in several languages.
public struct TranslationUnit: Sendable, Hashable {
    /// `tuid`: for prevod's memories `article/p3s2`.
    public var id: String?
    /// Segment text per language code, in document order.
    public var variants: [(language: String, text: String)]
    /// `<prop type="…">` values.
    public var properties: [(type: String, value: String)]

    public init(id: String?, variants: [(language: String, text: String)], properties: [(type: String, value: String)] = []) {
        self.id = id
        self.variants = variants
        self.properties = properties
    }

    /// The text in `language` (compared case-insensitively on the primary subtag: `en` matches `en-GB`).
    public func text(in language: String) -> String? {
        let wanted = language.lowercased()
        if let exact = variants.first(where: { $0.language.lowercased() == wanted }) { return exact.text }
        let primary = wanted.split(separator: "-").first.map(String.init) ?? wanted
        return variants.first { $0.language.lowercased().split(separator: "-").first.map(String.init) == primary }?.text
    }

    public static func == (lhs: TranslationUnit, rhs: TranslationUnit) -> Bool {
        lhs.id == rhs.id && lhs.variants.elementsEqual(rhs.variants, by: ==) && lhs.properties.elementsEqual(rhs.properties, by: ==)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        for variant in variants {
            hasher.combine(variant.language)
            hasher.combine(variant.text)
        }
    }
}

/// Writes TMX 1.4b memories (valid against the LISA DTD; no creation date, so output is deterministic).
public struct TMXWriter {
    private var xml = XMLWriter()
    private var failure: XMLWriterError?

    /// Starts a memory whose source language is `sourceLanguage`.
    public init(sourceLanguage: String = "bg") {
        do {
            try xml.start("tmx", ["version": "1.4"])
            try xml.element("header", [
                "creationtool": "prevod", "creationtoolversion": "1", "segtype": "sentence", "o-tmf": "prevod",
                "adminlang": "en", "srclang": sourceLanguage, "datatype": "plaintext",
            ])
            try xml.start("body")
        } catch {
            failure = error
        }
    }

    /// Adds one unit.
    public mutating func add(_ unit: TranslationUnit) throws(InterchangeError) {
        do {
            try xml.start("tu", ["tuid": unit.id])
            for property in unit.properties { try xml.element("prop", ["type": property.type], text: property.value) }
            for variant in unit.variants {
                try xml.start("tuv", ["xml:lang": variant.language])
                try xml.element("seg", text: variant.text)
                xml.end()
            }
            xml.end()
        } catch {
            throw .invalid(SourceLocation(file: unit.id ?? "tmx"), error.description)
        }
    }

    /// The finished document.
    public mutating func finish() throws(InterchangeError) -> String {
        if let failure { throw .invalid(SourceLocation(file: "tmx"), failure.description) }
        return xml.finish()
    }

    /// A whole memory at once.
    public static func document(_ units: [TranslationUnit], sourceLanguage: String = "bg") throws(InterchangeError) -> String {
        var writer = TMXWriter(sourceLanguage: sourceLanguage)
        for unit in units { try writer.add(unit) }
        return try writer.finish()
    }
}

/// Reads TMX (1.1–1.4b) memories, streaming: a memory of millions of units never becomes a tree.
/// Inline codes (`bpt`, `ept`, `ph`, `it`, `ut`) are native markup and left out of the text; `hi` and `sub` text is
/// kept.
public enum TMXReader {
    public struct Memory: Sendable {
        public var sourceLanguage: String?
        public var units: [TranslationUnit]
    }

    /// Reads the memory in `bytes`; `source` names it in errors.
    public static func read(_ bytes: [UInt8], source: String) throws(InterchangeError) -> Memory {
        var memory = Memory(sourceLanguage: nil, units: [])
        try read(bytes, source: source, header: { memory.sourceLanguage = $0 }, unit: { memory.units.append($0) })
        return memory
    }

    /// Streams the units of `bytes` to `unit`.
    public static func read(
        _ bytes: [UInt8], source: String, header: (String?) -> Void = { _ in }, unit: (TranslationUnit) -> Void
    ) throws(InterchangeError) {
        do {
            var reader = try XMLReader(bytes: bytes, source: source)
            var path: [String] = []
            var current: TranslationUnit?
            var language: String?
            var segment = ""
            var inSegment = false
            var codeDepth = 0
            var property: (type: String, value: String)?
            while let event = try reader.next() {
                switch event {
                case .start(let start):
                    let name = start.name.local
                    if path.isEmpty && name != "tmx" {
                        throw InterchangeError.invalid(SourceLocation(file: source, line: start.line, column: start.column), "expected a <tmx> root element, found <\(start.qualifiedName)>")
                    }
                    path.append(name)
                    switch name {
                    case "header": header(start.attribute("srclang"))
                    case "tu": current = TranslationUnit(id: start.attribute("tuid"), variants: [])
                    case "tuv":
                        language = start.attribute("lang", namespace: XMLName.xmlNamespace) ?? start.attribute("lang")
                        if language == nil {
                            throw InterchangeError.invalid(SourceLocation(file: source, line: start.line, column: start.column), "<tuv> without xml:lang")
                        }
                    case "seg":
                        inSegment = true
                        segment = ""
                    case "bpt", "ept", "ph", "it", "ut": if inSegment { codeDepth += 1 }
                    case "prop": if current != nil { property = (start.attribute("type") ?? "", "") }
                    default: break
                    }
                case .text(let text):
                    if inSegment && codeDepth == 0 { segment += text } else if property != nil { property!.value += text }
                case .end(let name):
                    path.removeLast()
                    switch name.local {
                    case "seg": inSegment = false
                    case "bpt", "ept", "ph", "it", "ut": if inSegment { codeDepth -= 1 }
                    case "tuv": if let language { current?.variants.append((language, segment)) }
                    case "prop":
                        if let property { current?.properties.append(property) }
                        property = nil
                    case "tu":
                        if let current { unit(current) }
                        current = nil
                    default: break
                    }
                }
            }
        } catch let error as XMLReadError {
            throw .unreadable(error)
        } catch let error as InterchangeError {
            throw error
        } catch {
            throw .invalid(SourceLocation(file: source), "\(error)")
        }
    }
}

extension XMLElementStart {
    func attribute(_ local: String, namespace: String = "") -> String? {
        attributes.first { $0.name.local == local && $0.name.namespace == namespace }?.value
    }
}
