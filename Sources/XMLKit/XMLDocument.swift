/// An immutable element tree built by ``XMLReader`` (comments and processing instructions dropped, CDATA merged
/// into text). Translation-exchange files are read per article, so a tree is small; a memory of millions of units
/// is better streamed with ``XMLReader`` directly.
public struct XMLElement: Sendable {
    public var name: XMLName
    public var qualifiedName: String
    public var attributes: [XMLAttribute]
    public var namespaceDeclarations: [(prefix: String, uri: String)]
    public var children: [XMLNode]
    public var line: Int
    public var column: Int

    /// The value of the attribute `local` in `namespace` (no namespace by default).
    public func attribute(_ local: String, namespace: String = "") -> String? {
        attributes.first { $0.name.local == local && $0.name.namespace == namespace }?.value
    }

    /// Child elements, optionally only those named `local` in `namespace`.
    public func elements(_ local: String? = nil, namespace: String? = nil) -> [XMLElement] {
        children.compactMap {
            guard case .element(let element) = $0 else { return nil }
            if let local, element.name.local != local { return nil }
            if let namespace, element.name.namespace != namespace { return nil }
            return element
        }
    }

    /// The first child element named `local` (in `namespace`, when given).
    public func element(_ local: String, namespace: String? = nil) -> XMLElement? {
        for case .element(let element) in children where element.name.local == local && (namespace == nil || element.name.namespace == namespace) {
            return element
        }
        return nil
    }

    /// Every descendant element (depth first, document order), not including `self`.
    public var descendants: [XMLElement] {
        var result: [XMLElement] = []
        func walk(_ element: XMLElement) {
            for case .element(let child) in element.children {
                result.append(child)
                walk(child)
            }
        }
        walk(self)
        return result
    }

    /// The concatenated text of this element and its descendants.
    public var text: String {
        var out = ""
        func walk(_ element: XMLElement) {
            for child in element.children {
                switch child {
                case .text(let text): out += text
                case .element(let element): walk(element)
                }
            }
        }
        walk(self)
        return out
    }

    /// The text directly inside this element (not in child elements).
    public var ownText: String {
        var out = ""
        for case .text(let text) in children { out += text }
        return out
    }
}

public enum XMLNode: Sendable {
    case element(XMLElement)
    case text(String)
}

/// A parsed document: its root element.
public struct XMLDocument: Sendable {
    public var root: XMLElement

    /// Parses `bytes` safely (see ``XMLReader``); `source` names the input in errors.
    public static func parse(_ bytes: [UInt8], source: String, limits: XMLReader.Limits = .init()) throws(XMLReadError) -> XMLDocument {
        var reader = try XMLReader(bytes: bytes, source: source, limits: limits)
        var stack: [XMLElement] = []
        var root: XMLElement?
        while let event = try reader.next() {
            switch event {
            case .start(let start):
                stack.append(XMLElement(
                    name: start.name, qualifiedName: start.qualifiedName, attributes: start.attributes,
                    namespaceDeclarations: start.namespaceDeclarations, children: [], line: start.line, column: start.column))
            case .text(let text):
                guard !stack.isEmpty else { continue }
                if case .text(let previous)? = stack[stack.count - 1].children.last {
                    stack[stack.count - 1].children[stack[stack.count - 1].children.count - 1] = .text(previous + text)
                } else {
                    stack[stack.count - 1].children.append(.text(text))
                }
            case .end:
                let element = stack.removeLast()
                if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(.element(element)) }
            }
        }
        guard let root else { throw XMLReadError(source: source, line: 0, column: 0, message: "the document has no root element") }
        return XMLDocument(root: root)
    }

    /// Reads and parses a file.
    public static func parse(contentsOf path: String, limits: XMLReader.Limits = .init()) throws(XMLReadError) -> XMLDocument {
        guard let handle = FileHandleReader.read(path) else {
            throw XMLReadError(source: path, line: 0, column: 0, message: "cannot read the file")
        }
        return try parse(handle, source: path, limits: limits)
    }
}

import Foundation

enum FileHandleReader {
    static func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }
}

extension XMLWriter {
    /// Writes an element tree back (namespace declarations and qualified names as read; text exactly as read, so
    /// use a writer without indentation to reproduce a document's whitespace).
    public mutating func write(_ element: XMLElement) throws(XMLWriterError) {
        var attributes: [(String, String?)] = element.namespaceDeclarations.map { ($0.prefix.isEmpty ? "xmlns" : "xmlns:" + $0.prefix, $0.uri) }
        attributes += element.attributes.map { ($0.qualifiedName, $0.value) }
        try start(element.qualifiedName, attributes: attributes, mixed: element.children.contains { if case .text = $0 { return true } else { return false } })
        for child in element.children {
            switch child {
            case .text(let text): try self.text(text)
            case .element(let inner): try write(inner)
            }
        }
        end()
    }
}
