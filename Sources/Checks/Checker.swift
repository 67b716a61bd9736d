import Corpus
import Foundation

/// Runs the checks over documents and gathers the findings into one ``CheckReport``.
///
/// Document rules run in parallel over groups of documents (each task with its own ``CheckWorkspace``); corpus rules
/// then see all documents at once.
public struct Checker: Sendable {
    public var settings: CheckSettings
    public var documentRules: [any DocumentRule]
    public var corpusRules: [any CorpusRule]

    public init(settings: CheckSettings = CheckSettings()) {
        self.settings = settings
        self.documentRules = Self.defaultDocumentRules.filter { settings.runs(type(of: $0).category) }
        self.corpusRules = Self.defaultCorpusRules.filter { settings.runs(type(of: $0).category) }
    }

    /// The checks of one document, in report order.
    public static let defaultDocumentRules: [any DocumentRule] = [
        MixedScript(), InvisibleCharacters(), GlossaryCompliance(), NumberMismatch(), Untranslated(), ScriptInTarget(), EndPunctuation(), QuoteStyle(),
        UnbalancedPairs(), DoubleSpaces(),
    ]

    /// The checks across documents.
    public static let defaultCorpusRules: [any CorpusRule] = [NameVariants(), InconsistentTranslation()]

    /// Checks `documents`.
    ///
    /// - Complexity: O(*n*) in the total length of the documents for the document rules; see each corpus rule.
    public func run(_ documents: [CheckDocument]) -> CheckReport {
        var report = CheckReport(documents: documents)
        report.findings = Self.parallelFlatMap(documents, settings: settings) { document, workspace in
            var findings: [Finding] = []
            for rule in documentRules { rule.check(document, workspace: workspace, into: &findings) }
            return findings
        }
        let workspace = CheckWorkspace(settings: settings)
        for rule in corpusRules { rule.check(documents, workspace: workspace, into: &report) }
        report.sortFindings()
        return report
    }

    /// `transform` over `items` on all cores, results in the order of `items`.
    static func parallelFlatMap<T: Sendable, R: Sendable>(
        _ items: [T], settings: CheckSettings, _ transform: @Sendable (T, CheckWorkspace) -> [R]
    ) -> [R] {
        let tasks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count))
        let results = ResultSlots<[R]>(count: tasks)
        DispatchQueue.concurrentPerform(iterations: tasks) { task in
            let workspace = CheckWorkspace(settings: settings)
            var out: [R] = []
            var i = task
            while i < items.count {
                out += transform(items[i], workspace)
                i += tasks
            }
            results.set(task, out)
        }
        return results.values.flatMap { $0 }
    }
}

/// Slots written once each by concurrent tasks.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
