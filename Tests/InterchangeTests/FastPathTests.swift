import Corpus
import Foundation
import Interchange
import Segmentation
import Testing
import TestSupport
import XMLKit

/// The shortcuts `prepare` takes for speed write exactly what the straightforward code writes.
@Suite struct XMLWriterFastPathTests {
    /// Escaping one character at a time, as the XML writer documents it.
    static func referenceEscape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Strings of every length up to 40 (so every position in and across eight-byte words), built from characters
    /// that need escaping, characters that do not, and multi-byte ones including U+FFFD (whose first byte, 0xEF,
    /// is also the first byte of the forbidden U+FFFE).
    @Test func wordAtATimeEscapingMatchesCharacterByCharacter() {
        let alphabet: [String] = ["a", "Z", "7", " ", ".", "?", "@", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "ж", "Ш", "„", "“", "…", "\u{FFFD}", "😀", "\u{7F}"]
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            for _ in 0..<40 {
                let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
                for attribute in [false, true] {
                    #expect(XMLWriter.escape(text, attribute: attribute) == Self.referenceEscape(text, attribute: attribute), "\(text.debugDescription)")
                }
            }
        }
    }

    /// A forbidden character is found wherever it sits in an eight-byte word.
    @Test func forbiddenCharactersAreFoundAtEveryPosition() throws {
        for forbidden in ["\u{1}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"] {
            for position in 0..<20 {
                let text = String(repeating: "ж", count: position / 2) + String(repeating: "a", count: position % 2) + forbidden + "текст и още"
                var writer = XMLWriter(indent: nil, declaration: false)
                try writer.start("a")
                #expect(throws: XMLWriterError.self) { try writer.text(text) }
                #expect(throws: XMLWriterError.self) { try writer.start("b", ["x": text]) }
                #expect(writer.finish() == "<a/>\n")
            }
        }
    }

    @Test func textByUTF8RangeWritesThatPart() throws {
        let text = "Път & <път> 😀 край"
        var whole = XMLWriter(indent: nil, declaration: false)
        var parts = XMLWriter(indent: nil, declaration: false)
        try whole.start("s")
        try parts.start("s")
        try whole.text(text)
        let cuts = [0, 2, 6, 7, 9, 17, 18, 22, text.utf8.count]
        for (lower, upper) in zip(cuts, cuts.dropFirst()) { try parts.text(text, utf8Range: lower..<upper) }
        #expect(whole.finish() == parts.finish())
        var refused = XMLWriter(indent: nil, declaration: false)
        try refused.start("s")
        #expect(throws: XMLWriterError.self) { try refused.text("ок \u{FFFE} не", utf8Range: 0..<8) }
    }

    /// A fragment rendered once and inserted is byte for byte what writing its elements in place gives, with
    /// indentation and without.
    @Test func insertedFragmentEqualsWritingInPlace() throws {
        func body(_ xml: inout XMLWriter) throws(XMLWriterError) {
            try xml.element("term", ["source": "glossary:x&y"], text: "Път")
            try xml.start("group")
            try xml.element("item", text: "едно")
            try xml.element("empty")
            xml.end()
        }
        for indent in ["  ", "\t", nil] as [String?] {
            var direct = XMLWriter(indent: indent)
            var inserted = XMLWriter(indent: indent)
            let fragment = try XMLWriter.fragment(depth: 2, indent: indent, body)
            for _ in 0..<2 {
                try direct.start("root")
                try inserted.start("root")
                try direct.start("entry", ["id": "e1"])
                try inserted.start("entry", ["id": "e1"])
                try body(&direct)
                inserted.insert(fragment)
                direct.end()
                inserted.end()
                direct.end()
                inserted.end()
            }
            #expect(direct.finish() == inserted.finish())
        }
        #expect(throws: XMLWriterError.self) {
            _ = try XMLWriter.fragment(depth: 1) { xml throws(XMLWriterError) in try xml.element("t", text: "bad\u{2}") }
        }
    }
}

@Suite struct IdentifierFormattingTests {
    /// Ids are composed byte by byte; they read as the interpolated text would.
    @Test func idsReadAsInterpolation() {
        let numbers = [0, 1, 8, 9, 10, 98, 99, 100, 12_344, 999_999, Int.max - 1]
        for p in numbers {
            #expect(Identifiers.unit(paragraph: p) == "p\(p + 1)")
            for s in numbers.prefix(7) {
                #expect(Identifiers.segment(paragraph: p, sentence: s) == "p\(p + 1)s\(s + 1)")
                #expect(Identifiers.glossEntry(paragraph: p, entry: s) == "p\(p + 1)g\(s + 1)")
                for t in [0, 9, 99] { #expect(Identifiers.term(paragraph: p, sentence: s, hit: t) == "p\(p + 1)s\(s + 1)t\(t + 1)") }
            }
        }
        #expect(Identifiers.unit(paragraph: -5) == "p-4")
    }
}

@Suite struct SkeletonSerializationTests {
    /// Articles whose skeleton needs JSON escapes: tabs and a line separator between sentences, quotes and a
    /// backslash in the id and the source, a date.
    static func awkwardArticles() throws -> [Article] {
        let texts = [
            "Първо изречение.\tВторо изречение.\u{2028}Трето \"изречение\".  Четвърто\\пето.",
            "Едно.\u{0B}Две.\u{85}Три. ",
        ]
        let segmenter = try Segmenter.bulgarian()
        return try texts.enumerated().map { n, text in
            let json = "{\"id\":\(JSONValue.string("a\"\\\(n)/ж").serialized()),\"date\":\"2025-01-0\(n + 1)\",\"text\":\(JSONValue.string(text).serialized())}"
            let article = try CorpusReader(format: .jsonl).read(bytes: Array(json.utf8), source: "q\"\\.jsonl", id: "x")[0]
            return segmenter.segment(article)
        }
    }

    @Test func serializedFromTheArticleEqualsTheSkeletonValue() throws {
        let segmenter = try Segmenter.bulgarian()
        let articles = try Fixtures.corpus().map { segmenter.segment(try Fixtures.read($0)) } + Self.awkwardArticles()
        #expect(articles.count > 10)
        for article in articles {
            let direct = Skeleton.serialized(article)
            #expect(direct == Skeleton(article).serialized(), "\(article.id)")
            #expect(Skeleton.parse(direct) == Skeleton(article))
        }
    }

    @Test func digestIsSixteenLowerCaseHexDigits() {
        for text in ["", "a", "Път", String(repeating: "ж", count: 1000)] {
            let digest = Skeleton.digest(text)
            #expect(digest.count == 16)
            #expect(digest.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }
}

@Suite struct GlossaryMarkupTests {
    /// `prepare` renders the glossary once and shares it; an article prepared without it renders what it uses.
    /// Both give the same files.
    @Test func sharedMarkupWritesWhatRenderingPerArticleWrites() throws {
        let markup = GlossaryMarkup(entries: Fixtures.entries)
        for path in Fixtures.corpus() {
            let plain = try Fixtures.prepared(try Fixtures.read(path))
            var shared = plain
            shared.markup = markup
            #expect(try XLIFF2Writer.bytes(plain) == XLIFF2Writer.bytes(shared), "\(path)")
            #expect(try XLIFF12Writer.bytes(plain) == XLIFF12Writer.bytes(shared), "\(path)")
        }
    }

    /// An entry that XML cannot carry fails the article that uses it, with the same message either way.
    @Test func entryWithAForbiddenCharacterFailsTheArticle() throws {
        var entries = Fixtures.entries
        entries[3].translations = ["Bei\u{1}jing"]
        let article = try Fixtures.read(Fixtures.sample)
        let plain = try Fixtures.prepared(article)
        let broken = PreparedArticle(article: plain.article, entries: entries, marks: plain.marks)
        var shared = broken
        shared.markup = GlossaryMarkup(entries: entries)
        var messages: [String] = []
        for prepared in [broken, shared] {
            do {
                _ = try XLIFF2Writer.bytes(prepared)
                Issue.record("a forbidden character was written")
            } catch {
                messages.append(error.description)
            }
        }
        #expect(messages.count == 2 && messages[0] == messages[1])
        #expect(messages.first?.contains("U+0001") == true)
    }
}
