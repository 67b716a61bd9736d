import Corpus
import Packaging

/// The bitext checks of an import (Checks module). Placeholder until the Checks module lands on main.
enum BitextReport {
    static func findings(_ result: KitImport) throws -> [Finding] { [] }
}
