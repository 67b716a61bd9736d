/// The README a translator finds in a kit: what is in it, how to open it, what to send back.
enum TranslatorReadme {
    static func text(_ manifest: KitManifest) -> String {
        let layout = manifest.layout
        var out = """
            Translation kit: Bulgarian → English
            ====================================

            Made by prevod \(manifest.toolVersion). \(manifest.articles.count) article(s), \(manifest.segmentCount) segments, \
            \(manifest.wordCount) words (Bulgarian, counted by ICU word rules).
            Memory: \(manifest.memories.exactSegments) segment(s) with an exact match, \(manifest.memories.fuzzySegments) with a fuzzy match.
            Glossary: \(manifest.glossary.used) of \(manifest.glossary.entries) entries occur in these articles (\(manifest.glossary.hits) occurrences).


            """
        if layout == .omegat {
            out += """
                Working in OmegaT (3.6 or later)
                --------------------------------
                1. Unzip the kit and open the folder with Project > Open. Nothing needs to be set up: languages, folders
                   and tokenizers are in omegat.project; segmentation is off because every unit is already one sentence.
                2. Exact matches from the memory (tm/auto/matches.tmx) are inserted automatically; fuzzy matches appear
                   in the Fuzzy Matches pane. Check the inserted ones: they come from earlier translations.
                3. Glossary terms appear in the Glossary pane (glossary/glossary.txt, including the inflected forms
                   that occur in the text).
                4. When done, choose Project > Create Translated Documents (Ctrl+D), then zip the whole folder and send
                   it back. prevod reads target/ and omegat/project_save.tmx.


                """
        }
        out += """
            Working in another CAT tool (Trados, memoQ, Phrase, Okapi Rainbow, ...)
            -----------------------------------------------------------------------
            - Translate \(layout.xliff12Directory)/*.xlf (XLIFF 1.2) or xliff21/*.xlf (XLIFF 2.1): one file per article, one unit
              per sentence, glossary terms marked.\(layout == .plain ? " Exact matches are already filled in (state \"translated\",\n  state-qualifier \"exact-match\"); please review them." : "")
            - Add \(layout.memory) to a translation memory and terminology/glossary.tbx (TBX) or
              glossary/glossary.txt (tab-separated) to a termbase.
            - Send back the translated XLIFF files under their original names (or the whole kit).


            Please
            ------
            - Do not edit the Bulgarian source text, and do not split, join or reorder units: the translation is
              merged back by unit id, and an import refuses files whose sources changed.
            - Use the glossary renderings.\(manifest.report == nil ? "" : " The source-check report (report/source-checks.html) lists\n  spelling variants and other issues already present in the Bulgarian text.")


            Contents
            --------
            manifest.json               what the kit holds, with a SHA-256 fingerprint of every file
            xliff21/                    XLIFF 2.1, one file per article

            """
        out += layout == .omegat
            ? "source/                     XLIFF 1.2 for OmegaT (the project's source files)\ntm/auto/matches.tmx         what the memories offer for these segments (TMX 1.4b)\n"
            : "xliff12/                    XLIFF 1.2, one file per article\nmemory/matches.tmx          what the memories offer for these segments (TMX 1.4b)\n"
        if !manifest.glossary.files.isEmpty {
            out += "glossary/glossary.txt       the glossary entries that occur and their forms, OmegaT tab-separated\n"
        }
        if manifest.glossary.used > 0 { out += "terminology/glossary.tbx    the same entries as TBX\n" }
        out += """
            segmentation/bulgarian.srx  the sentence segmentation rules used (SRX 2.0)

            """
        if manifest.report != nil { out += "report/source-checks.html   source checks (open in a browser)\n" }
        out += """

            Articles
            --------

            """
        for article in manifest.articles {
            out += "\(article.token): \(article.segments) segments, \(article.words) words"
            let exact = article.matches("exact")
            if exact > 0 { out += ", \(exact) exact matches" }
            if let date = article.date { out += " (\(date))" }
            out += "\n"
        }
        return out
    }
}
