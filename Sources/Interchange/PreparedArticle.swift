import Corpus

/// A glossary entry as exchange files show it (the Terminology module's `GlossaryEntry`, reduced to what XLIFF,
/// TBX and notes carry).
public struct TermEntry: Sendable, Hashable {
    public var id: String
    /// Bulgarian base form.
    public var source: String
    /// English renderings, preferred first.
    public var translations: [String]
    /// person, place, organisation, term...
    public var type: String?
    public var partOfSpeech: String?
    public var note: String?

    public init(id: String, source: String, translations: [String], type: String? = nil, partOfSpeech: String? = nil, note: String? = nil) {
        self.id = id
        self.source = source
        self.translations = translations
        self.type = type
        self.partOfSpeech = partOfSpeech
        self.note = note
    }
}

/// A glossary hit inside one segment.
public struct TermMark: Sendable, Hashable {
    /// UTF-8 offsets into the segment text.
    public var range: Range<Int>
    /// Index into ``PreparedArticle/entries``.
    public var entry: Int

    public init(range: Range<Int>, entry: Int) {
        self.range = range
        self.entry = entry
    }
}

/// A translation written into an exchange file before the translator starts (an exact match from a memory):
/// XLIFF 1.2 `<target state="translated" state-qualifier="exact-match">`, XLIFF 2 `state="translated"` with
/// `subState="prevod:exact-match"`.
public struct PrefilledTarget: Sendable, Hashable {
    public var text: String
    /// An XLIFF 1.2 `state-qualifier` value (`exact-match`, `leveraged-tm`...), also the XLIFF 2 `subState` after
    /// `prevod:`.
    public var qualifier: String

    public init(text: String, qualifier: String = "exact-match") {
        self.text = text
        self.qualifier = qualifier
    }
}

/// A segmented article with its glossary hits: what every writer takes.
public struct PreparedArticle: Sendable {
    public let article: Article
    /// The glossary entries the marks point into (usually the whole glossary, shared between articles).
    public let entries: [TermEntry]
    /// Hits per paragraph, per segment, in text order and non-overlapping.
    public let marks: [[[TermMark]]]
    public let sourceLanguage: String
    public let targetLanguage: String
    /// ``Skeleton`` of the article, serialised once for every file written from it.
    public let skeleton: String
    /// Translations to write before translation, by paragraph and segment index (empty: none).
    public var targets: [Int: [Int: PrefilledTarget]] = [:]
    /// ``entries`` rendered for the writers, shared by every article of a run (nil: the writers render the entries
    /// this article uses). It must be rendered from ``entries``, with every entry the marks point to.
    public var markup: GlossaryMarkup?
    /// What ``checkCharacters()`` found, checked once for every file written from the article.
    private let characterProblem: InterchangeError?

    public init(
        article: Article, entries: [TermEntry] = [], marks: [[[TermMark]]]? = nil, sourceLanguage: String = "bg", targetLanguage: String = "en",
        markup: GlossaryMarkup? = nil
    ) {
        self.article = article
        self.entries = entries
        self.marks = marks ?? article.paragraphs.map { $0.segments.map { _ in [] } }
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.markup = markup
        skeleton = Skeleton.serialized(article)
        do {
            try Self.checkCharacters(article)
            characterProblem = nil
        } catch {
            characterProblem = error
        }
    }

    /// The pre-filled target of segment `sentence` of paragraph `paragraph`, if any.
    public func target(paragraph: Int, sentence: Int) -> PrefilledTarget? { targets[paragraph]?[sentence] }

    /// The file-level id (an NMTOKEN derived from the article id).
    public var fileID: String { Identifiers.token(article.id) }

    /// The indexes of the entries hit anywhere in the article, ascending.
    public var usedEntries: [Int] {
        Array(Set(marks.joined().joined().map(\.entry))).sorted()
    }

    /// Bytes to reserve for an XLIFF document of the article: with its markup, a document comes to about four
    /// times the text, plus a few hundred bytes per glossary hit (a reservation, not a limit).
    var documentCapacity: Int {
        var bytes = 4096
        for paragraph in article.paragraphs { bytes += 4 * paragraph.text.utf8.count }
        for paragraph in marks { for segment in paragraph { bytes += 384 * segment.count } }
        return bytes
    }

    /// The glossary markup for the writers: ``markup``, or the entries the article uses rendered now.
    var glossaryMarkup: GlossaryMarkup {
        markup ?? GlossaryMarkup(entries: entries, indexes: usedEntries)
    }

    /// Runs a writer after ``checkCharacters()``; a writer error becomes an ``InterchangeError`` naming the article.
    func writeDocument(with write: (PreparedArticle) throws(XMLWriterError) -> [UInt8]) throws(InterchangeError) -> [UInt8] {
        if let characterProblem { throw characterProblem }
        do {
            return try write(self)
        } catch {
            throw .invalid(SourceLocation(file: article.source), error.description)
        }
    }

    /// Refuses articles with characters XML 1.0 cannot carry, naming the line and column in the source.
    public func checkCharacters() throws(InterchangeError) {
        if let characterProblem { throw characterProblem }
    }

    private static func checkCharacters(_ article: Article) throws(InterchangeError) {
        for paragraph in article.paragraphs {
            // Fast path: only bytes below 0x20 and the UTF-8 lead byte of U+FFFE/U+FFFF can start an illegal character.
            var text = paragraph.text
            let suspicious = text.withUTF8 { utf8 in utf8.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF } }
            guard suspicious else { continue }
            var column = paragraph.column
            var line = paragraph.line
            for scalar in paragraph.text.unicodeScalars {
                if !XMLCharacters.isLegal(scalar) {
                    throw .illegalCharacter(SourceLocation(file: article.source, line: line, column: column), scalar: scalar.value, article: article.id)
                }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        }
        if let date = article.date, date.unicodeScalars.contains(where: { !XMLCharacters.isLegal($0) }) {
            throw .illegalCharacter(SourceLocation(file: article.source), scalar: 0, article: article.id)
        }
    }
}

import XMLKit

/// A format that writes one document per article (XLIFF 2.1, XLIFF 1.2).
public protocol ArticleDocumentWriter {
    /// The document as UTF-8 (what `prepare` writes to disk).
    static func bytes(_ prepared: PreparedArticle) throws(InterchangeError) -> [UInt8]
}

extension ArticleDocumentWriter {
    /// The document for one article.
    public static func document(_ prepared: PreparedArticle) throws(InterchangeError) -> String {
        String(decoding: try bytes(prepared), as: UTF8.self)
    }
}

enum XMLCharacters {
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool { XMLWriter.isLegal(scalar) }
}
