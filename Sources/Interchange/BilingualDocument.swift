import Corpus
import XMLKit

/// What a bilingual exchange file (XLIFF 1.2 or 2.x) holds, in one shape for both versions.
public struct BilingualDocument: Sendable {
    public var version: String
    public var sourceLanguage: String
    public var targetLanguage: String?
    public var files: [BilingualFile]
    public var path: String
}

public struct BilingualFile: Sendable {
    public var id: String
    public var original: String?
    /// prevod's skeleton, when the file came from `prepare`.
    public var skeleton: Skeleton?
    /// Article id and date from the XLIFF 2 metadata module (`mda:meta type="id"|"date"`).
    public var metadata: [String: String]
    public var units: [BilingualUnit]
    public var line: Int
}

/// An XLIFF 2 `<unit>`, or an XLIFF 1.2 paragraph `<group>` (or a lone `<trans-unit>`).
public struct BilingualUnit: Sendable {
    public var id: String
    public var parts: [BilingualPart]
    public var line: Int
}

/// A segment (or an XLIFF 2 ignorable) with plain source and target text (inline codes dropped, `cp` decoded).
public struct BilingualPart: Sendable {
    public enum Kind: Sendable { case segment, ignorable }
    public var kind: Kind
    public var id: String?
    public var source: String
    public var target: String?
    /// XLIFF 2 `segment/@state`, or XLIFF 1.2 `target/@state`.
    public var state: String?
    /// XLIFF 1.2 `approved="yes"`.
    public var approved: Bool
    public var line: Int

    /// Whether the part carries a translation: a non-empty target that is not just the pre-filled source of an
    /// untouched unit.
    public var isTranslated: Bool {
        guard let target, !target.isEmpty else { return false }
        if target != source { return true }
        switch state {
        case nil, "initial", "new", "needs-translation": return approved
        default: return true
        }
    }
}

/// Reads XLIFF 1.2 and 2.x files into ``BilingualDocument``s, safely (see `XMLReader`).
public enum XLIFFReader {
    public static func read(_ bytes: [UInt8], source: String) throws(InterchangeError) -> BilingualDocument {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes, source: source)
        } catch {
            throw .unreadable(error)
        }
        return try read(document, source: source)
    }

    public static func read(_ document: XMLDocument, source: String) throws(InterchangeError) -> BilingualDocument {
        let root = document.root
        guard root.name.local == "xliff" else {
            throw .invalid(SourceLocation(file: source, line: root.line, column: root.column), "expected an <xliff> root element, found <\(root.qualifiedName)>")
        }
        switch root.name.namespace {
        case Namespaces.xliff2: return try read2(root, source: source)
        case Namespaces.xliff12, "": return try read12(root, source: source)
        default:
            throw .invalid(SourceLocation(file: source, line: root.line, column: root.column), "unknown XLIFF namespace \(root.name.namespace)")
        }
    }

    // MARK: XLIFF 2

    private static func read2(_ root: XMLElement, source: String) throws(InterchangeError) -> BilingualDocument {
        let ns = Namespaces.xliff2
        var files: [BilingualFile] = []
        for file in root.elements("file", namespace: ns) {
            var metadata: [String: String] = [:]
            for element in file.elements("metadata", namespace: Namespaces.metadata) {
                for meta in element.descendants where meta.name.local == "meta" {
                    if let type = meta.attribute("type"), metadata[type] == nil { metadata[type] = meta.text }
                }
            }
            var units: [BilingualUnit] = []
            func collect(_ container: XMLElement) {
                for child in container.elements(nil, namespace: ns) {
                    if child.name.local == "group" { collect(child) }
                    if child.name.local == "unit" {
                        var parts: [BilingualPart] = []
                        for part in child.elements(nil, namespace: ns) where part.name.local == "segment" || part.name.local == "ignorable" {
                            parts.append(BilingualPart(
                                kind: part.name.local == "segment" ? .segment : .ignorable, id: part.attribute("id"),
                                source: part.element("source", namespace: ns).map(plainText2) ?? "",
                                target: part.element("target", namespace: ns).map(plainText2), state: part.attribute("state"),
                                approved: false, line: part.line))
                        }
                        units.append(BilingualUnit(id: child.attribute("id") ?? "", parts: parts, line: child.line))
                    }
                }
            }
            collect(file)
            let skeleton = file.element("skeleton", namespace: ns).flatMap { Skeleton.parse($0.text) }
            files.append(BilingualFile(
                id: file.attribute("id") ?? "", original: file.attribute("original"), skeleton: skeleton, metadata: metadata,
                units: units, line: file.line))
        }
        return BilingualDocument(
            version: root.attribute("version") ?? "2.0", sourceLanguage: root.attribute("srcLang") ?? "",
            targetLanguage: root.attribute("trgLang"), files: files, path: source)
    }

    /// Text of an XLIFF 2 source/target: text and `mrk`/`pc` content; `cp` decoded; codes (`ph`, `sc`, `ec`, `sm`,
    /// `em`) contribute nothing.
    static func plainText2(_ element: XMLElement) -> String {
        var out = ""
        for child in element.children {
            switch child {
            case .text(let text): out += text
            case .element(let inline):
                switch inline.name.local {
                case "mrk", "pc": out += plainText2(inline)
                case "cp":
                    if let hex = inline.attribute("hex"), let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                        out.unicodeScalars.append(scalar)
                    }
                default: break
                }
            }
        }
        return out
    }

    // MARK: XLIFF 1.2

    private static func read12(_ root: XMLElement, source: String) throws(InterchangeError) -> BilingualDocument {
        var files: [BilingualFile] = []
        var sourceLanguage = ""
        var targetLanguage: String?
        for file in root.elements("file") {
            sourceLanguage = file.attribute("source-language") ?? sourceLanguage
            targetLanguage = file.attribute("target-language") ?? targetLanguage
            var skeleton: Skeleton?
            if let header = file.element("header"), let embedded = header.element("skl")?.element("internal-file") {
                skeleton = Skeleton.parse(embedded.text)
            }
            var units: [BilingualUnit] = []
            func part(_ unit: XMLElement) -> BilingualPart {
                let target = unit.element("target")
                return BilingualPart(
                    kind: .segment, id: unit.attribute("id"), source: unit.element("source").map(plainText12) ?? "",
                    target: target.map(plainText12), state: target?.attribute("state"), approved: unit.attribute("approved") == "yes",
                    line: unit.line)
            }
            func collect(_ container: XMLElement) {
                var pending: [BilingualPart] = []
                for child in container.elements() {
                    switch child.name.local {
                    case "trans-unit": pending.append(part(child))
                    case "group": collect(child)
                    default: break
                    }
                }
                guard !pending.isEmpty else { return }
                if container.name.local == "group" {
                    units.append(BilingualUnit(id: container.attribute("id") ?? pending[0].id ?? "", parts: pending, line: container.line))
                } else {
                    for part in pending { units.append(BilingualUnit(id: part.id ?? "", parts: [part], line: part.line)) }
                }
            }
            if let body = file.element("body") { collect(body) }
            let original = file.attribute("original")
            let id = skeleton?.article ?? original.map { CorpusReader.articleID(for: .file($0)) } ?? "file\(files.count + 1)"
            files.append(BilingualFile(id: id, original: original, skeleton: skeleton, metadata: [:], units: units, line: file.line))
        }
        return BilingualDocument(version: root.attribute("version") ?? "1.2", sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, files: files, path: source)
    }

    /// Text of an XLIFF 1.2 source/target: text and `g`/`mrk` content; native codes (`x`, `bx`, `ex`, `ph`, `bpt`,
    /// `ept`, `it`) contribute nothing.
    static func plainText12(_ element: XMLElement) -> String {
        var out = ""
        for child in element.children {
            switch child {
            case .text(let text): out += text
            case .element(let inline) where inline.name.local == "g" || inline.name.local == "mrk": out += plainText12(inline)
            case .element: break
            }
        }
        return out
    }
}
