/// Where each part of a kit lives. Both layouts share everything but the XLIFF 1.2 folder and the memory:
///
/// ```
/// manifest.json               what the kit holds, with a SHA-256 of every file
/// README.txt                  for the translator
/// xliff21/ID.xlf              XLIFF 2.1 per article
/// xliff12/ID.xlf              XLIFF 1.2 per article, exact matches pre-filled      (plain)
/// source/ID.xlf               XLIFF 1.2 per article, target = source for OmegaT    (omegat)
/// memory/matches.tmx          what the memories offer for these segments           (plain)
/// tm/auto/matches.tmx         the same, where OmegaT applies exact matches         (omegat)
/// glossary/glossary.txt       the terms that occur, OmegaT tab-separated
/// terminology/glossary.tbx    the same terms as TBX v2 (outside glossary/, so OmegaT does not list them twice)
/// segmentation/bulgarian.srx  the sentence rules used, SRX 2.0
/// report/source-checks.html   the source checks
/// omegat.project, target/, omegat/, dictionary/                                  (omegat)
/// ```
public enum KitLayout: String, Sendable, Hashable, CaseIterable {
    /// A zip for any CAT tool.
    case plain
    /// An OmegaT project (also every other kit file), opened in OmegaT with no setup.
    case omegat

    public static let manifest = "manifest.json"
    public static let readme = "README.txt"
    public static let xliff21Directory = "xliff21"
    public static let glossaryTSV = "glossary/glossary.txt"
    public static let glossaryTBX = "terminology/glossary.tbx"
    public static let segmentationRules = "segmentation/bulgarian.srx"
    public static let report = "report/source-checks.html"
    public static let omegatProject = "omegat.project"
    /// OmegaT's own files: the project memory the translator's work is saved in.
    public static let omegatProjectMemory = "omegat/project_save.tmx"

    /// The folder of the XLIFF 1.2 files.
    public var xliff12Directory: String { self == .omegat ? "source" : "xliff12" }

    /// The kit's memory of matches.
    public var memory: String { self == .omegat ? "tm/auto/matches.tmx" : "memory/matches.tmx" }

    /// Where OmegaT writes translated files (omegat layout only).
    public static let targetDirectory = "target"

    /// Empty directories the layout needs.
    public var directories: [String] {
        self == .omegat ? ["target/", "omegat/", "dictionary/"] : []
    }

    public func xliff21(_ token: String) -> String { "\(Self.xliff21Directory)/\(token).xlf" }
    public func xliff12(_ token: String) -> String { "\(xliff12Directory)/\(token).xlf" }
}
