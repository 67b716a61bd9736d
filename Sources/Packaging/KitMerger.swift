import Corpus

/// A segment as a CAT tool gave it back: the reader of each returned format (XLIFF 1.2 or 2.x, OmegaT's project
/// memory) produces these, and the merger needs nothing else.
public struct ReturnedSegment: Sendable, Hashable {
    /// `p3s2`.
    public var id: String
    public var source: String
    public var target: String?
    /// Whether the CAT tool says the target is a translation (the reader decides from states and approvals).
    public var isTranslated: Bool
    public var location: SourceLocation

    public init(id: String, source: String, target: String?, isTranslated: Bool, location: SourceLocation) {
        self.id = id
        self.source = source
        self.target = target
        self.isTranslated = isTranslated
        self.location = location
    }
}

/// One returned file: the article it belongs to and its segments.
public struct ReturnedFile: Sendable {
    /// The kit path (or the path given) of the file, for messages.
    public var path: String
    /// The article id, from the file's own metadata (prevod's skeleton, XLIFF 2 metadata) or its kit path.
    public var article: String
    public var segments: [ReturnedSegment]

    public init(path: String, article: String, segments: [ReturnedSegment]) {
        self.path = path
        self.article = article
        self.segments = segments
    }
}

/// Translations OmegaT keeps in its project memory (`omegat/project_save.tmx`): default translations by source text,
/// alternative translations by segment id.
public struct ProjectMemory: Sendable {
    public var bySource: [String: String] = [:]
    /// Keyed by `article token` + "/" + `segment id` (OmegaT records the file and the trans-unit id).
    public var byID: [String: String] = [:]

    public init(bySource: [String: String] = [:], byID: [String: String] = [:]) {
        self.bySource = bySource
        self.byID = byID
    }

    public var isEmpty: Bool { bySource.isEmpty && byID.isEmpty }
}

/// An article put back together from returned work.
public struct MergedArticle: Sendable, Hashable {
    public var record: KitManifest.ArticleRecord
    /// English paragraphs: the translated segments joined by the source's own whitespace. An untranslated segment
    /// keeps its Bulgarian text (and is listed in ``untranslated``).
    public var paragraphs: [String]
    /// Bulgarian paragraphs, rebuilt from the returned sources (equal to the packaged ones).
    public var sourceParagraphs: [String]
    /// Translated pairs, in order.
    public var pairs: [MergedPair]
    /// Ids of the segments without a translation.
    public var untranslated: [String]

    public var segments: Int { record.segments }
}

public struct MergedPair: Sendable, Hashable {
    /// `p3s2`.
    public var segment: String
    public var paragraph: Int
    public var source: String
    public var target: String
    /// Where the translation came from: the returned file, or OmegaT's project memory.
    public var origin: String
}

/// Merges returned work into the kit's articles by segment id, using only the manifest as the truth: the paragraph
/// structure, the ids and the fingerprint of every source come from it, never from re-reading or re-segmenting a
/// source. A source that differs from the fingerprint, an id the manifest does not know, or an article the kit does
/// not hold is an error, and nothing is merged.
public enum KitMerger {
    public struct Outcome: Sendable {
        public var articles: [MergedArticle] = []
        public var warnings: [String] = []
    }

    /// Merges `files` (and the project memory, for segments the files leave untranslated). `packaged` gives the
    /// source text of every packaged segment by article id and segment id (read from the kit's own files, whose
    /// fingerprints the manifest holds): a segment no returned file carries keeps that text and counts as
    /// untranslated, so no text is lost.
    ///
    /// - Throws: the first problem: tampered sources and unknown ids or articles are refused.
    /// - Complexity: O(*n*) in the number of segments.
    public static func merge(
        _ files: [ReturnedFile], manifest: KitManifest, packaged: [String: [String: String]],
        projectMemory: ProjectMemory = ProjectMemory()
    ) throws(PackagingError) -> Outcome {
        var outcome = Outcome()
        var returned: [String: [String: ReturnedSegment]] = [:]
        let articles = Dictionary(manifest.articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for file in files {
            guard let article = articles[file.article] else {
                throw .unknownSegment(SourceLocation(file: file.path), article: file.article, segment: "(whole file)")
            }
            var known: [String: KitManifest.SegmentRecord] = [:]
            for paragraph in article.paragraphs { for segment in paragraph.segments { known[segment.id] = segment } }
            for segment in file.segments {
                guard let record = known[segment.id] else {
                    throw .unknownSegment(segment.location, article: article.id, segment: segment.id)
                }
                let digest = Digest.sha256(segment.source)
                guard digest == record.sha256 else {
                    throw .tamperedSource(segment.location, article: article.id, segment: segment.id,
                        detail: "now \"\(segment.source.prefix(60))\(segment.source.count > 60 ? "…" : "")\"")
                }
                if let earlier = returned[article.id]?[segment.id], earlier.target != segment.target {
                    outcome.warnings.append("\(segment.location): warning: article \(article.id), segment \(segment.id) was returned "
                        + "twice with different targets; the copy from \(earlier.location.file) is kept")
                    continue
                }
                returned[article.id, default: [:]][segment.id] = segment
            }
        }
        for article in manifest.articles {
            let segments = returned[article.id] ?? [:]
            if segments.isEmpty && projectMemory.isEmpty { continue }
            let sources = packaged[article.id] ?? [:]
            for paragraph in article.paragraphs {
                for segment in paragraph.segments where segments[segment.id] == nil {
                    guard let text = sources[segment.id], Digest.sha256(text) == segment.sha256 else {
                        throw .tamperedFile(path: article.xliff21, article: article.id,
                            detail: "the kit's own copy of segment \(segment.id) is missing or differs from the manifest")
                    }
                    if !segments.isEmpty {
                        outcome.warnings.append("\(article.xliff12): warning: article \(article.id), segment \(segment.id) "
                            + "was not returned; it keeps its Bulgarian text")
                    }
                }
            }
            outcome.articles.append(merge(article, segments, sources, projectMemory))
        }
        return outcome
    }

    private static func merge(
        _ article: KitManifest.ArticleRecord, _ returned: [String: ReturnedSegment], _ packaged: [String: String],
        _ memory: ProjectMemory
    ) -> MergedArticle {
        var merged = MergedArticle(record: article, paragraphs: [], sourceParagraphs: [], pairs: [], untranslated: [])
        for (p, paragraph) in article.paragraphs.enumerated() {
            var target = paragraph.gaps[0]
            var source = paragraph.gaps[0]
            for (i, segment) in paragraph.segments.enumerated() {
                let back = returned[segment.id]
                let sourceText = back?.source ?? packaged[segment.id] ?? ""
                var translation: (text: String, origin: String)?
                if let back, back.isTranslated, let value = back.target, !value.isEmpty {
                    translation = (value, back.location.file)
                } else if let value = memory.byID[article.token + "/" + segment.id] {
                    translation = (value, KitLayout.omegatProjectMemory)
                } else if let value = memory.bySource[sourceText] {
                    translation = (value, KitLayout.omegatProjectMemory)
                }
                source += sourceText + paragraph.gaps[i + 1]
                if let translation {
                    target += translation.text
                    merged.pairs.append(MergedPair(segment: segment.id, paragraph: p, source: sourceText, target: translation.text, origin: translation.origin))
                } else {
                    target += sourceText
                    merged.untranslated.append(segment.id)
                }
                target += paragraph.gaps[i + 1]
            }
            merged.paragraphs.append(target)
            merged.sourceParagraphs.append(source)
        }
        return merged
    }
}
