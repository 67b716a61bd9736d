import Foundation
import Testing
import TestSupport
@testable import Checks

/// Debian's chromium, headless: the report as a browser renders it (JavaScript run, filters applied).
enum Browser {
    static let executable: String? = {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var available: Bool { executable != nil }

    /// Runs the browser headless on `arguments`, giving up after `timeout` seconds; returns standard output.
    static func run(_ arguments: [String], timeout: TimeInterval = 90) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable!)
        // --no-sandbox: CI runs as root, where chromium refuses its sandbox.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + timeout
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite(.enabled(if: Browser.available, "needs Debian chromium (apt-get install -y chromium; .ci/run installs it)"))
struct HTMLBrowserTests {
    let directory: URL
    let page: URL

    init() throws {
        directory = try TestPaths.temporaryDirectory()
        page = directory.appendingPathComponent("report.html")
        try HTMLReport.render(sampleReport()).write(to: page, atomically: true, encoding: .utf8)
    }

    /// Rows of the findings table in the rendered DOM: (category, hidden).
    func rows(_ dom: String) -> [(category: String, hidden: Bool)] {
        dom.components(separatedBy: "<tr ").dropFirst().compactMap { row in
            guard row.contains("data-severity=") else { return nil }
            let category = row.components(separatedBy: "data-category=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
            let tag = row.prefix { $0 != ">" }
            return (category, tag.contains("hidden"))
        }
    }

    @Test func rendersEveryFindingWithItsTexts() throws {
        let dom = try Browser.run(["--dump-dom", page.absoluteString])
        #expect(dom.contains("Showing 8 of 8 findings"), "the script ran and counted the rows")
        #expect(rows(dom).count == 8)
        #expect(rows(dom).allSatisfy { !$0.hidden })
        #expect(dom.contains("Джилс <mark>добaвя</mark> нещо."))
        #expect(dom.contains("The boy is in <mark>болница</mark>."))
        #expect(dom.contains("«48» (cardinal 48) of the source is missing from the translation"))
        // The name-variant group with its counts.
        #expect(dom.contains("<td lang=\"bg\">Тръмп ✓</td><td class=\"count\">2</td><td class=\"count\">2</td>"))
        #expect(dom.contains("<td lang=\"bg\">Трамп</td><td class=\"count\">1</td><td class=\"count\">1</td>"))
    }

    @Test func filtersByCategoryAndSeverityFromTheAddress() throws {
        var components = URLComponents(url: page, resolvingAgainstBaseURL: false)!
        components.fragment = "category=number,mixed-script&severity=error"
        let dom = try Browser.run(["--dump-dom", components.url!.absoluteString])
        #expect(dom.contains("Showing 2 of 8 findings"))
        let shown = rows(dom).filter { !$0.hidden }.map(\.category)
        #expect(shown.sorted() == ["mixed-script", "number"])
        let warnings = try Browser.run(["--dump-dom", page.absoluteString + "#severity=warning"])
        #expect(warnings.contains("Showing 4 of 8 findings"))
    }

    @Test func screenshotHasTheRenderedPage() throws {
        let png = directory.appendingPathComponent("report.png")
        _ = try Browser.run(["--window-size=1280,1600", "--screenshot=\(png.path)", page.absoluteString])
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG")
        // IHDR: width and height, big-endian, at offsets 16 and 20.
        let bytes = [UInt8](data)
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1280 && height == 1600)
        #expect(data.count > 40_000, "a blank page compresses to a few kilobytes; text and tables do not")
    }
}
