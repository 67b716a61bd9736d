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
    /// The work is one queue for all cores: each corpus rule is one job, the document rules another job per group of
    /// documents, so a long corpus rule overlaps the document rules instead of following them.
    ///
    /// - Complexity: O(*n*) in the total length of the documents for the document rules; see each corpus rule.
    public func run(_ documents: [CheckDocument]) -> CheckReport {
        let chunk = max(1, documents.count / 64)
        let chunks = stride(from: 0, to: documents.count, by: chunk).map { $0..<min($0 + chunk, documents.count) }
        let jobs = corpusRules.count + chunks.count
        let results = ResultSlots<CheckReport>(count: jobs)
        let next = JobCounter()
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, jobs))
        let (settings, documentRules, corpusRules) = (self.settings, self.documentRules, self.corpusRules)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let workspace = CheckWorkspace(settings: settings)
            while let job = next.take(below: jobs) {
                var part = CheckReport()
                if job < corpusRules.count {
                    corpusRules[job].check(documents, workspace: workspace, into: &part)
                } else {
                    for document in documents[chunks[job - corpusRules.count]] {
                        for rule in documentRules { rule.check(document, workspace: workspace, into: &part.findings) }
                    }
                }
                results.set(job, part)
            }
        }
        var report = CheckReport(documents: documents)
        for part in results.values {
            report.findings += part.findings
            report.nameGroups += part.nameGroups
        }
        report.sortFindings()
        return report
    }
}

/// Hands out job numbers to concurrent workers.
final class JobCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
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
