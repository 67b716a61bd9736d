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

/// A segmented article with its glossary hits: what every writer takes.
public struct PreparedArticle: Sendable {
    public var article: Article
    /// The glossary entries the marks point into (usually the whole glossary, shared between articles).
    public var entries: [TermEntry]
    /// Hits per paragraph, per segment, in text order and non-overlapping.
    public var marks: [[[TermMark]]]
    public var sourceLanguage: String
    public var targetLanguage: String

    public init(article: Article, entries: [TermEntry] = [], marks: [[[TermMark]]]? = nil, sourceLanguage: String = "bg", targetLanguage: String = "en") {
        self.article = article
        self.entries = entries
        self.marks = marks ?? article.paragraphs.map { $0.segments.map { _ in [] } }
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// The file-level id (an NMTOKEN derived from the article id).
    public var fileID: String { Identifiers.token(article.id) }

    /// The indexes of the entries hit anywhere in the article, ascending.
    public var usedEntries: [Int] {
        Array(Set(marks.joined().joined().map(\.entry))).sorted()
    }

    /// Refuses articles with characters XML 1.0 cannot carry, naming the line and column in the source.
    public func checkCharacters() throws(InterchangeError) {
        for paragraph in article.paragraphs {
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

enum XMLCharacters {
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool { XMLWriter.isLegal(scalar) }
}
