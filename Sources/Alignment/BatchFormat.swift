import Corpus
import Foundation

/// The JSON Lines batch format: one document per line, `{"id", "bg": [segments], "en": [segments]}` in, and
/// `{"id", "links": [[[bg indexes], [en indexes]], ...], "scores": [...]}` out (what
/// `../shared/data/alignment/score.py` reads). Optional `"bg_paragraphs"` / `"en_paragraphs"` give the paragraph of each
/// segment.
public enum BatchFormat {
    /// Reads the documents of a batch file. Blank lines are skipped; a malformed line is an error naming it.
    public static func documents(in text: String, file: String) throws(AlignmentError) -> [DocumentPair] {
        var documents: [DocumentPair] = []
        var seen: Set<String> = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            func fail(_ reason: String) -> AlignmentError { .badBatchLine(file: file, line: number + 1, reason: reason) }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any] else {
                throw fail("expected a JSON object {\"id\", \"bg\": [...], \"en\": [...]}")
            }
            let id: String
            if let text = object["id"] as? String {
                id = text
            } else if let number = object["id"] as? NSNumber {
                id = number.stringValue
            } else {
                id = "line\(number + 1)"
            }
            if !seen.insert(id).inserted { throw fail("the id \"\(id)\" was used before; ids must be unique") }
            guard let bulgarian = object["bg"] as? [String] else { throw fail("expected \"bg\": an array of strings (the Bulgarian segments)") }
            guard let english = object["en"] as? [String] else { throw fail("expected \"en\": an array of strings (the English segments)") }
            func side(_ segments: [String], _ key: String) throws(AlignmentError) -> AlignmentSide {
                guard let raw = object[key] else { return AlignmentSide(segments: segments) }
                guard let paragraphs = (raw as? [NSNumber])?.map(\.intValue), paragraphs.count == segments.count,
                    zip(paragraphs, paragraphs.dropFirst()).allSatisfy({ $0 <= $1 })
                else { throw fail("\"\(key)\" must give a non-decreasing paragraph number for each segment") }
                let first = paragraphs.first ?? 0
                return AlignmentSide(segments: segments, paragraphs: paragraphs.map { $0 - first })
            }
            documents.append(DocumentPair(
                id: id, bulgarian: try side(bulgarian, "bg_paragraphs"), english: try side(english, "en_paragraphs")))
        }
        return documents
    }

    /// One output line (without the line break).
    public static func line(for alignment: DocumentAlignment) -> String {
        let links: [JSONValue] = alignment.links.map { link in
            [.array(link.bulgarian.map { .int($0) }), .array(link.english.map { .int($0) })]
        }
        let scores: [JSONValue] = alignment.links.map { .double(($0.score * 10_000).rounded() / 10_000) }
        var fields: [(String, JSONValue)] = [("id", .string(alignment.document.id)), ("links", .array(links)), ("scores", .array(scores))]
        if !alignment.warnings.isEmpty {
            fields.append(("warnings", .array(alignment.warnings.map { .string($0.message) })))
        }
        return JSONValue.object(fields).serialized()
    }
}
