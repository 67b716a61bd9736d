import Corpus
import Foundation

/// JSON Lines bitext, the format of aligned corpora and of `../shared/data/qa/`: one document per line,
/// `{"id": "…", "bg": ["…", …], "en": ["…", …]}`, `bg[i]` translated by `en[i]`. A record without `en` is a
/// monolingual document (source checks only).
public struct JSONLinesBitext: BitextFormat {
    public var name: String { "JSON Lines bitext" }
    public init() {}

    public func accepts(path: String, head: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return false }
        let trimmed = line.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard trimmed.hasPrefix("{") else { return false }
        // The first record may be longer than the head: look for the key rather than parse.
        return trimmed.contains("\"bg\"")
    }

    public func read(path: String, bytes: [UInt8]) throws(ChecksError) -> [CheckDocument] {
        var documents: [CheckDocument] = []
        var lineNumber = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            let line = bytes[start..<end]
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let location = SourceLocation(file: path, line: lineNumber, column: 0, byteOffset: start)
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(line), options: [])
            } catch {
                throw .malformedBitext(location, reason: "not a JSON object: \((error as NSError).userInfo["NSDebugDescription"] ?? error.localizedDescription)")
            }
            guard let record = object as? [String: Any] else {
                throw .malformedBitext(location, reason: "expected a JSON object {\"id\", \"bg\", \"en\"}")
            }
            let id: String
            switch record["id"] {
            case let text as String: id = text
            case let number as NSNumber: id = number.stringValue
            default: id = "\(stem)-\(lineNumber)"
            }
            let sources = try strings(record["bg"], field: "bg", location: location, required: true)!
            let targets = try strings(record["en"], field: "en", location: location, required: false)
            if let targets, targets.count != sources.count {
                throw .malformedBitext(
                    location,
                    reason: "document \(id): \"bg\" has \(sources.count) segments and \"en\" has \(targets.count); aligned segments must pair one to one")
            }
            let units = sources.enumerated().map { i, source in
                CheckUnit(index: i, source: source, target: targets?[i], location: location)
            }
            documents.append(CheckDocument(id: id, file: path, units: units))
        }
        return documents
    }

    /// A field that is a list of strings (or one string).
    private func strings(_ value: Any?, field: String, location: SourceLocation, required: Bool) throws(ChecksError) -> [String]? {
        switch value {
        case let list as [Any]:
            var result: [String] = []
            for (i, item) in list.enumerated() {
                guard let text = item as? String else {
                    throw .malformedBitext(location, reason: "\"\(field)\"[\(i)] is not a string")
                }
                result.append(text)
            }
            return result
        case let text as String:
            return [text]
        case nil, is NSNull:
            if required { throw .malformedBitext(location, reason: "missing \"\(field)\": expected a list of segments") }
            return nil
        default:
            throw .malformedBitext(location, reason: "\"\(field)\" must be a list of strings")
        }
    }
}
