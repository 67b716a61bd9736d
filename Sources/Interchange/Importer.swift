import Corpus

/// A translated article taken back from a CAT tool.
public struct ImportedArticle: Sendable {
    public var id: String
    public var date: String?
    /// How the source article was written (article, text, jsonl): the English one is written the same way.
    public var format: InputFormat
    /// Where the Bulgarian article came from.
    public var source: String
    /// The Bulgarian paragraphs, rebuilt from the returned sources (equal to the prepared ones when nothing changed).
    public var sourceParagraphs: [String]
    /// The English paragraphs: translated sentences joined by the source's own whitespace. An untranslated sentence
    /// keeps its Bulgarian text (and is listed in ``untranslated``).
    public var paragraphs: [String]
    /// Translated sentence pairs, in order (ids are `article/p3s2`).
    public var pairs: [TranslationUnit]
    /// Ids of the sentences without a translation.
    public var untranslated: [String]
    public var segments: Int
}

/// What an import found: the articles that could be merged and the problems that stopped the others.
public struct ImportResult: Sendable {
    public var articles: [ImportedArticle] = []
    /// Source mismatches and structural problems; an article with any problem is not merged.
    public var problems: [InterchangeError] = []
    public var warnings: [String] = []
}

/// Merges returned XLIFF back into articles by id, never by re-extraction.
///
/// For files prevod prepared, the skeleton inside the file says which segments each paragraph has, the whitespace
/// between them, and a fingerprint of each source: a segment that is missing or whose source was edited is reported
/// (with its id and line) and its article is not merged. Files from elsewhere are merged by structure (a paragraph
/// per unit; XLIFF 2 ignorables keep their whitespace, XLIFF 1.2 segments are joined with a space).
public enum Importer {
    public static func merge(_ document: BilingualDocument) -> ImportResult {
        var result = ImportResult()
        for file in document.files {
            if let skeleton = file.skeleton {
                switch merge(file, skeleton: skeleton, document: document) {
                case .success(let article): result.articles.append(article)
                case .failure(let problems): result.problems += problems.list
                }
            } else {
                result.warnings.append("\(document.path):\(file.line): warning: file \(file.id) has no prevod skeleton; "
                    + "merged by structure, sources not verified")
                result.articles.append(mergeByStructure(file, document: document))
            }
        }
        return result
    }

    private struct Problems: Error { var list: [InterchangeError] }

    private static func merge(_ file: BilingualFile, skeleton: Skeleton, document: BilingualDocument) -> Result<ImportedArticle, Problems> {
        var byID: [String: BilingualPart] = [:]
        var duplicates: [InterchangeError] = []
        for unit in file.units {
            for part in unit.parts where part.kind == .segment {
                guard let id = part.id else { continue }
                if byID[id] != nil {
                    duplicates.append(.sourceMismatch(SourceLocation(file: document.path, line: part.line), segment: id, detail: "the id occurs twice"))
                }
                byID[id] = part
            }
        }
        var problems = duplicates
        var article = ImportedArticle(
            id: skeleton.article, date: skeleton.date, format: InputFormat(rawValue: skeleton.format) ?? .article, source: skeleton.source,
            sourceParagraphs: [], paragraphs: [], pairs: [], untranslated: [], segments: 0)
        for shape in skeleton.paragraphs {
            var sourceText = shape.gaps[0]
            var targetText = shape.gaps[0]
            for (i, id) in shape.segments.enumerated() {
                article.segments += 1
                guard let part = byID.removeValue(forKey: id) else {
                    problems.append(.sourceMismatch(SourceLocation(file: document.path, line: file.line), segment: id,
                        detail: "missing from the returned file (prepared in \(skeleton.source):\(shape.line))"))
                    continue
                }
                if Skeleton.digest(part.source) != shape.digests[i] {
                    problems.append(.sourceMismatch(SourceLocation(file: document.path, line: part.line), segment: id,
                        detail: "the source differs from what was prepared from \(skeleton.source):\(shape.line) (now: \"\(part.source.prefix(80))\")"))
                    continue
                }
                sourceText += part.source + shape.gaps[i + 1]
                if part.isTranslated, let target = part.target {
                    targetText += target
                    article.pairs.append(pair(article: skeleton.article, segment: id, source: part.source, target: target, document: document))
                } else {
                    targetText += part.source
                    article.untranslated.append(id)
                }
                targetText += shape.gaps[i + 1]
            }
            article.sourceParagraphs.append(sourceText)
            article.paragraphs.append(targetText)
        }
        for (id, part) in byID.sorted(by: { $0.key < $1.key }) {
            problems.append(.sourceMismatch(SourceLocation(file: document.path, line: part.line), segment: id, detail: "not a segment prevod prepared for article \(skeleton.article)"))
        }
        return problems.isEmpty ? .success(article) : .failure(Problems(list: problems))
    }

    private static func mergeByStructure(_ file: BilingualFile, document: BilingualDocument) -> ImportedArticle {
        let id = file.metadata["id"] ?? file.id
        var article = ImportedArticle(
            id: id, date: file.metadata["date"], format: .article, source: file.original ?? document.path, sourceParagraphs: [],
            paragraphs: [], pairs: [], untranslated: [], segments: 0)
        let separator = document.version.hasPrefix("1") ? " " : ""
        for unit in file.units {
            var sources: [String] = []
            var targets: [String] = []
            for part in unit.parts {
                if part.kind == .ignorable {
                    sources.append(part.source)
                    targets.append(part.target ?? part.source)
                    continue
                }
                article.segments += 1
                let segmentID = unit.id + "/" + (part.id ?? String(article.segments))
                sources.append(part.source)
                if part.isTranslated, let target = part.target {
                    targets.append(target)
                    article.pairs.append(pair(article: id, segment: segmentID, source: part.source, target: target, document: document))
                } else {
                    targets.append(part.source)
                    article.untranslated.append(segmentID)
                }
            }
            article.sourceParagraphs.append(sources.joined(separator: separator))
            article.paragraphs.append(targets.joined(separator: separator))
        }
        return article
    }

    private static func pair(article: String, segment: String, source: String, target: String, document: BilingualDocument) -> TranslationUnit {
        TranslationUnit(
            id: Identifiers.global(article: article, segment: segment),
            variants: [(document.sourceLanguage.isEmpty ? "bg" : document.sourceLanguage, source), (document.targetLanguage ?? "en", target)])
    }

    /// The English article as a file of the same kind as its source: prevod's article format (a ` date YYYY-MM-DD `
    /// header before the first paragraph, a paragraph per line), blank-line-separated blocks for plain text, or one
    /// JSON Lines record.
    public static func render(_ article: ImportedArticle) -> (text: String, fileExtension: String) {
        switch article.format {
        case .text:
            return (article.paragraphs.joined(separator: "\n\n") + "\n", "txt")
        case .jsonl:
            var members: [(String, JSONValue)] = [("id", .string(article.id))]
            if let date = article.date { members.append(("date", .string(date))) }
            members.append(("text", .string(article.paragraphs.joined(separator: "\n"))))
            return (JSONValue.object(members).serialized() + "\n", "jsonl")
        case .article, .auto:
            var text = ""
            if let date = article.date { text = " date \(date) " }
            text += article.paragraphs.joined(separator: "\n") + "\n"
            return (text, "txt")
        }
    }
}
