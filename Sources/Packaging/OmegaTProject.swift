import XMLKit

/// An OmegaT 3.6 project file (`omegat.project`, valid against OmegaT's `project_properties.xsd`).
///
/// The settings are the ones a kit needs to open with no setup: the folders of the kit, Bulgarian → English with
/// OmegaT's Lucene tokenizers for both languages (stemming, so the glossary pane finds inflected forms), and sentence
/// segmentation **off**: prevod already cut every trans-unit to one sentence, and OmegaT's own rules would cut some of
/// them differently, which would break exact matches and the merge by id.
public struct OmegaTProject: Sendable, Hashable {
    public var sourceLanguage = "bg"
    public var targetLanguage = "en"
    public var sourceDirectory = "source"
    public var targetDirectory = "target"
    public var memoryDirectory = "tm"
    public var glossaryDirectory = "glossary"
    /// The glossary OmegaT writes new entries into (and reads).
    public var glossaryFile = "glossary/glossary.txt"
    public var dictionaryDirectory = "dictionary"
    public var sourceTokenizer = "org.omegat.tokenizer.LuceneBulgarianTokenizer"
    public var targetTokenizer = "org.omegat.tokenizer.LuceneEnglishTokenizer"
    public var sentenceSegmentation = false
    /// Kit folders OmegaT must not treat as source files.
    public var excludes: [String] = []

    public init() {}

    /// The `omegat.project` XML.
    public func document() throws(PackagingError) -> String {
        do {
            return try write()
        } catch {
            throw .invalidInput("cannot write omegat.project: \(error)")
        }
    }

    private func write() throws(XMLWriterError) -> String {
        var xml = XMLWriter()
        try xml.start("omegat")
        try xml.start("project", ["version": "1.0"])
        try xml.element("source_dir", text: sourceDirectory)
        if !excludes.isEmpty {
            try xml.start("source_dir_excludes")
            for mask in excludes { try xml.element("mask", text: mask) }
            xml.end()
        }
        try xml.element("target_dir", text: targetDirectory)
        try xml.element("tm_dir", text: memoryDirectory)
        try xml.element("glossary_dir", text: glossaryDirectory)
        try xml.element("glossary_file", text: glossaryFile)
        try xml.element("dictionary_dir", text: dictionaryDirectory)
        try xml.element("source_lang", text: sourceLanguage)
        try xml.element("target_lang", text: targetLanguage)
        try xml.element("source_tok", text: sourceTokenizer)
        try xml.element("target_tok", text: targetTokenizer)
        try xml.element("sentence_seg", text: sentenceSegmentation ? "true" : "false")
        try xml.element("support_default_translations", text: "true")
        try xml.element("remove_tags", text: "false")
        xml.end()
        xml.end()
        return xml.finish() + "\n"
    }
}
