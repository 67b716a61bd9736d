import ArgumentParser
import Foundation
import Interchange

/// `prevod inspect`: what is in an XLIFF, TMX or TBX file, or why it is unreadable or invalid.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Summarise XLIFF 1.2/2.x, TMX and TBX files, or list what makes them invalid.",
        discussion: "XLIFF 2 files are checked against the core schema's structure and the specification's rules. Exit status 0 only when every file is valid."
    )

    @Argument(help: "Files to inspect.")
    var files: [String]

    @Flag(help: "Print only problems (nothing for valid files).")
    var quiet = false

    func run() throws {
        var invalid = 0
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): error: cannot read the file")
                invalid += 1
                continue
            }
            let inspection = Inspector.inspect([UInt8](data), path: path)
            if inspection.isValid {
                if !quiet {
                    print("\(path): valid \(inspection.kind)")
                    for line in inspection.summary { print("  " + line) }
                }
            } else {
                invalid += 1
                print("\(path): INVALID \(inspection.kind) (\(inspection.problems.count) problem\(inspection.problems.count == 1 ? "" : "s"))")
                for problem in inspection.problems.prefix(50) { print("  " + problem.description) }
            }
        }
        if invalid > 0 { throw ExitCode(1) }
    }
}
