import Corpus
import Foundation
import Interchange

/// XLIFF 1.2 and 2.x, ours (`prevod prepare`) or returned from a CAT tool: each `<file>` is a document (named by the
/// article id of its metadata, else its `original`, else its id), each segment a unit located at its line. Units
/// group segments into paragraphs. A file with no translated segment is checked as a monolingual source; in a
/// translated file, segments without a translation count as untranslated.
public struct XLIFFBitext: BitextFormat {
    public var name: String { "XLIFF" }
    public init() {}

    public func accepts(path: String, head: ArraySlice<UInt8>) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["xlf", "xliff", "sdlxliff", "mqxliff"].contains(ext) { return true }
        return String(decoding: head, as: UTF8.self).contains("<xliff")
    }

    public func read(path: String, bytes: [UInt8]) throws(ChecksError) -> [CheckDocument] {
        let bilingual: BilingualDocument
        do { bilingual = try XLIFFReader.read(bytes, source: path) } catch {
            throw .exchange(error.description)
        }
        return bilingual.files.map { file in
            let parts = file.units.enumerated().flatMap { u, unit in
                unit.parts.filter { $0.kind == .segment }.map { (paragraph: u, unitID: unit.id, part: $0) }
            }
            let translated = parts.contains { $0.part.isTranslated }
            let units = parts.enumerated().map { i, item in
                // XLIFF 1.2 trans-unit ids are unique in a file; XLIFF 2 segment ids only in their unit.
                let id = item.part.id.map { bilingual.version.hasPrefix("1") ? $0 : "\(item.unitID)/\($0)" } ?? item.unitID
                let target = translated ? (item.part.isTranslated ? item.part.target ?? "" : "") : nil
                return CheckUnit(
                    index: i, id: id, source: item.part.source, target: target,
                    location: SourceLocation(file: path, line: item.part.line), paragraph: item.paragraph)
            }
            let id = file.metadata["id"] ?? file.original.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
                ?? file.id
            return CheckDocument(id: id.isEmpty ? ((path as NSString).lastPathComponent as NSString).deletingPathExtension : id, file: path, units: units)
        }
    }
}

/// TMX memories: the whole memory is one document, each translation unit a unit (Bulgarian variant as source, the
/// first other language as target).
public struct TMXBitext: BitextFormat {
    public var name: String { "TMX" }
    public init() {}

    public func accepts(path: String, head: ArraySlice<UInt8>) -> Bool {
        if (path as NSString).pathExtension.lowercased() == "tmx" { return true }
        return String(decoding: head, as: UTF8.self).contains("<tmx")
    }

    public func read(path: String, bytes: [UInt8]) throws(ChecksError) -> [CheckDocument] {
        let memory: TMXReader.Memory
        do { memory = try TMXReader.read(bytes, source: path) } catch {
            throw .exchange(error.description)
        }
        // The Bulgarian variant is the source whatever the header says; a memory without Bulgarian is read from its
        // source language.
        let declared = memory.sourceLanguage.flatMap { $0 == "*all*" ? nil : $0 } ?? "bg"
        let sourceLanguage = memory.units.contains { $0.text(in: "bg") != nil } ? "bg" : declared
        let primary = Self.primary(sourceLanguage)
        var units: [CheckUnit] = []
        for tu in memory.units {
            guard let source = tu.text(in: sourceLanguage) else { continue }
            let target = tu.variants.first { Self.primary($0.language) != primary }?.text
            units.append(CheckUnit(index: units.count, id: tu.id, source: source, target: target, location: SourceLocation(file: path)))
        }
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return [CheckDocument(id: id, file: path, units: units)]
    }

    /// `en` of `en-GB`, lower case.
    static func primary(_ language: String) -> String {
        language.split(separator: "-").first.map { $0.lowercased() } ?? language.lowercased()
    }
}
