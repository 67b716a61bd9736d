import Testing
@testable import ICU

@Suite struct BreakIteratorTests {
    @Test func sentenceBoundariesAreUTF16OffsetsEndingAtTheEnd() throws {
        let iterator = try BreakIterator(.sentence, locale: "bg")
        let text = "Путин пристигна. Ким го посрещна."
        #expect(try iterator.boundaries(in: text) == [17, text.utf16.count])
    }

    @Test func wordsCarryTheirKind() throws {
        let iterator = try BreakIterator(.word, locale: "bg")
        let text = Array("Ким, 80-ата!".utf16)
        let words = try text.withUnsafeBufferPointer { try iterator.words(in: $0) }
        let pieces = words.map { String(decoding: text[$0.range], as: UTF16.self) }
        #expect(pieces == ["Ким", "80", "ата"])
        #expect(words.map(\.status) == [.letter, .number, .letter])
    }

    @Test func unknownIteratorKindsAndBadLocalesDoNotCrash() throws {
        // ICU falls back to root rules for unknown locales rather than failing.
        let iterator = try BreakIterator(.sentence, locale: "xx-unknown")
        #expect(try iterator.boundaries(in: "A. B.") == [3, 5])
        #expect(try iterator.boundaries(in: "") == [])
    }

    @Test func largeTextsGrowTheBuffer() throws {
        let iterator = try BreakIterator(.sentence, locale: "bg")
        let text = String(repeating: "Едно изречение. ", count: 2000)
        #expect(try iterator.boundaries(in: text).count == 2000)
    }
}

@Suite struct NormalizationTests {
    @Test func nfcComposesAndKeepsComposedText() throws {
        let decomposed = "\u{0438}\u{0306}"  // и + combining breve
        #expect(try Normalization.nfc(decomposed) == "й")
        #expect(try Normalization.nfc("Пхенян") == "Пхенян")
    }

    @Test func caseFoldingAndNFKCCasefold() throws {
        #expect(try Normalization.foldCase("КЦТА и Пхенян") == "кцта и пхенян")
        #expect(try Normalization.nfkcCasefold("ﬁ ПХЕНЯН") == "fi пхенян")
        #expect(try Normalization.uppercased("кцта", locale: "bg") == "КЦТА")
        #expect(try Normalization.lowercased("İ", locale: "en") == "i̇")
    }
}

@Suite struct TransliterationAndScriptTests {
    @Test func icuTransformsWork() throws {
        let transform = try Transliterator(id: "Bulgarian-Latin/BGN")
        #expect(try transform.transliterate("София") == "Sofiya")
    }

    @Test func unknownTransformIsAnICUErrorWithItsName() {
        #expect {
            _ = try Transliterator(id: "No-Such-Transform")
        } throws: { error in
            guard let error = error as? ICUError else { return false }
            return error.name == "U_INVALID_ID" && error.description.contains("No-Such-Transform")
        }
    }

    @Test func scriptsOfLetters() {
        #expect(Script.of("а") == .cyrillic)
        #expect(Script.of("a") == .latin)
        #expect(Script.of("1") == .common)
        #expect(Script.cyrillic.shortName == "Cyrl")
    }

    @Test func confusableSkeletonsMatchAcrossScripts() throws {
        let checker = try SpoofChecker()
        // "Сопия" with a Latin C and o, and the all-Cyrillic spelling.
        #expect(try checker.skeleton("Cоpия") == checker.skeleton("Сория"))
        #expect(try checker.check("Сoфия").contains(.restrictionLevel) || checker.check("Сoфия").contains(.mixedScriptConfusable))
        #expect(try checker.check("София").isEmpty)
    }
}

@Suite struct LocaleDataTests {
    @Test func countryNamesInBulgarianAndEnglish() throws {
        #expect(try LocaleData.displayCountry("KP", locale: "bg") == "Северна Корея")
        #expect(try LocaleData.displayCountry("KP", locale: "en") == "North Korea")
        #expect(LocaleData.countryCodes.contains("BG"))
    }

    @Test func exemplarCities() throws {
        #expect(try LocaleData.exemplarCity(zone: "Asia/Pyongyang", locale: "bg") == "Пхенян")
        let zones = try LocaleData.timeZones()
        #expect(zones.contains { $0.zone == "Europe/Sofia" && $0.region == "BG" })
    }

    @Test func versionIsICU72OrLater() {
        #expect(Int(icuVersion.split(separator: ".").first ?? "0") ?? 0 >= 72)
    }
}
