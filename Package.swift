// swift-tools-version: 6.0
//
// prevod: makes Bulgarian news translation-ready for English.
//
// The targets read as the pipeline (see README.md, "Architecture"):
//   CICU → ICU → Corpus → Segmentation → Terminology → Interchange / Alignment / Checks → Packaging
//   → PrevodCommands → prevod (thin executable)
import PackageDescription

let package = Package(
    name: "prevod",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "prevod", targets: ["prevod"]),
        .library(name: "ICU", targets: ["ICU"]),
        .library(name: "Corpus", targets: ["Corpus"]),
        .library(name: "XMLKit", targets: ["XMLKit"]),
        .library(name: "Segmentation", targets: ["Segmentation"]),
        .library(name: "Numbers", targets: ["Numbers"]),
        .library(name: "Terminology", targets: ["Terminology"]),
        .library(name: "Interchange", targets: ["Interchange"]),
        .library(name: "Alignment", targets: ["Alignment"]),
        .library(name: "Checks", targets: ["Checks"]),
        .library(name: "Packaging", targets: ["Packaging"]),
        .library(name: "PrevodCommands", targets: ["PrevodCommands"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // C facade over the system ICU 72. Its public header includes no ICU header, so Swift
        // never sees the system <unicode/*.h> next to Foundation's bundled ICU.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(name: "ICU", dependencies: ["CICU"]),
        .target(name: "Corpus"),
        // A streaming XML writer (and, with Interchange, a safe reader) shared by every format prevod writes.
        .target(name: "XMLKit"),
        .target(
            name: "Segmentation",
            dependencies: ["Corpus", "ICU", "XMLKit"],
            resources: [.copy("Resources")]
        ),
        // Numbers, amounts, percentages and dates in Bulgarian and English text (shared by Alignment and Checks).
        .target(name: "Numbers"),
        .target(name: "Terminology", dependencies: ["Corpus", "ICU", "Segmentation", "XMLKit"]),
        .target(name: "Interchange", dependencies: ["Corpus", "XMLKit", "Segmentation", "Terminology"]),
        .target(name: "Alignment", dependencies: ["Corpus", "ICU", "Segmentation", "Terminology", "Numbers"]),
        .target(name: "Checks", dependencies: ["Corpus", "ICU", "Segmentation", "Terminology", "Numbers", "Alignment", "Interchange"]),
        .target(
            name: "Packaging",
            dependencies: [
                "Corpus", "ICU", "Segmentation", "Terminology", "Interchange", "Checks",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "PrevodCommands",
            dependencies: [
                "Corpus", "ICU", "XMLKit", "Segmentation", "Numbers", "Terminology", "Interchange", "Alignment", "Checks", "Packaging",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "prevod", dependencies: ["PrevodCommands"]),
        // `make bench`: a release-built benchmark executable (ordo-one/package-benchmark does not resolve here).
        .executableTarget(
            name: "prevod-bench",
            dependencies: ["Corpus", "ICU", "Segmentation", "Terminology", "Interchange", "Alignment", "Checks", "Packaging", "PrevodCommands"]
        ),

        // Paths (Corpora/, ../shared) and a runner for the built binary, shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ICUTests", dependencies: ["TestSupport", "ICU"]),
        .testTarget(name: "CorpusTests", dependencies: ["TestSupport", "Corpus"]),
        .testTarget(name: "SegmentationTests", dependencies: ["TestSupport", "Segmentation", "Corpus"]),
        .testTarget(name: "NumbersTests", dependencies: ["TestSupport", "Numbers"]),
        .testTarget(name: "TerminologyTests", dependencies: ["TestSupport", "Terminology", "Corpus", "Segmentation"]),
        .testTarget(name: "InterchangeTests", dependencies: ["TestSupport", "Interchange", "XMLKit", "Terminology", "Corpus", "Segmentation"], exclude: ["Golden"]),
        .testTarget(name: "AlignmentTests", dependencies: ["TestSupport", "Alignment", "Terminology", "Corpus", "Segmentation"]),
        .testTarget(name: "ChecksTests", dependencies: ["TestSupport", "Checks", "Terminology", "Corpus", "Segmentation", "Interchange"], exclude: ["Golden"]),
        .testTarget(
            name: "PackagingTests",
            dependencies: [
                "TestSupport", "Packaging", "Interchange", "Corpus", "Segmentation", "Terminology", "XMLKit", "Checks",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "Corpus"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
