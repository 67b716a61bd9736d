import Testing
@testable import Numbers
import Foundation
import TestSupport

/// Each case: text, then the expected mentions as "kind value" (dates as "date Y-M-D" with ? for absent parts).
private func describe(_ mentions: [NumberMention]) -> [String] {
    mentions.map { mention in
        if mention.kind == .date, let date = mention.date {
            return "date \(date.year.map(String.init) ?? "?")-\(date.month.map(String.init) ?? "?")-\(date.day.map(String.init) ?? "?")"
        }
        return "\(mention.kind.rawValue) \(NumberMention.format(mention.value))"
    }
}

@Test(arguments: [
    ("Загинаха 26 души.", ["cardinal 26"]),
    ("Сумата е 3,5 млн. лв.", ["money 3500000"]),
    ("Над 10 000 души протестираха.", ["cardinal 10000"]),
    ("Инфлацията е 2,4%.", ["percent 2.4"]),
    ("Ръст от 5 процента.", ["percent 5"]),
    ("по случай 80-ата годишнина", ["ordinal 80"]),
    ("През 1996 г. Русия подписа.", ["year 1996"]),
    ("На 3.09.2025 г. в Пекин", ["date 2025-9-3"]),
    ("на 3 септември 2025 г. в Пекин", ["date 2025-9-3"]),
    ("в 15:00 ч. започна", ["time 15"]),
    ("Продадоха го за $ 11 млн.", ["money 11000000"]),
    ("2 милиарда долара", ["money 2000000000"]),
    ("петдесет и осем процента", ["percent 58"]),
    ("двама души", ["cardinal 2"]),
    ("1,2 млрд.", ["decimal 1200000000"]),
])
func bulgarian(text: String, expected: [String]) {
    #expect(describe(NumberExtractor.bulgarian(text)) == expected)
}

@Test(arguments: [
    ("26 people died.", ["cardinal 26"]),
    ("It costs 3.5 million dollars.", ["money 3500000"]),
    ("More than 10,000 people", ["cardinal 10000"]),
    ("Inflation is 2.4%.", ["percent 2.4"]),
    ("a rise of 5 per cent", ["percent 5"]),
    ("the 80th anniversary", ["ordinal 80"]),
    ("In 1996, Russia signed", ["year 1996"]),
    ("on September 3, 2025 in Beijing", ["date 2025-9-3"]),
    ("on 3 September 2025", ["date 2025-9-3"]),
    ("sold for $11m", ["money 11000000"]),
    ("$1.2bn deal", ["money 1200000000"]),
    ("fifty-eight percent", ["percent 58"]),
    ("two billion", ["cardinal 2000000000"]),
    ("the G20 summit", [String]()),
])
func english(text: String, expected: [String]) {
    #expect(describe(NumberExtractor.english(text)) == expected)
}

@Test func rangesPointAtTheSurface() {
    let text = "Над 10 000 души и 3,5 млн. лв."
    for mention in NumberExtractor.bulgarian(text) {
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[mention.range], as: UTF8.self) == mention.surface)
    }
    #expect(NumberExtractor.bulgarian(text).map(\.surface) == ["10 000", "3,5 млн. лв."])
}

@Test func equivalenceAcrossConventions() throws {
    let bg = NumberExtractor.bulgarian("3,5 млн. души на 3 септември 2025 г.")
    let en = NumberExtractor.english("3.5 million people on September 3, 2025")
    #expect(bg.count == 2 && en.count == 2)
    #expect(bg[0].isEquivalent(to: en[0]))
    #expect(bg[1].isEquivalent(to: en[1]))
    #expect(!bg[0].isEquivalent(to: en[1]))
    let billion = try #require(NumberExtractor.english("3.5 billion").first)
    #expect(!bg[0].isEquivalent(to: billion))
}

@Test func neverCrashesOnOddInput() {
    for text in ["", "...", "1.", ",5", "1,,2", "1..2", "99999999999999999999999", "1-", "$", "%", "-ата", "3.09.", "май"] {
        _ = NumberExtractor.bulgarian(text)
        _ = NumberExtractor.english(text)
    }
}

/// On real professional translations (the clean QA bitext), the numbers of the Bulgarian and the English agree.
/// A pair disagrees when a number in digits on one side has no equivalent (in digits or words) on the other.
@Test(.enabled(if: TestPaths.sharedAvailable, "needs ../shared (reference data beside the checkout; present in CI)"))
func numbersAgreeOnRealTranslations() throws {
    let url = TestPaths.shared.appendingPathComponent("data/qa/qa-bitext-dev-clean.jsonl")
    let text = try String(contentsOf: url, encoding: .utf8)
    var pairs = 0
    var disagreeing: [String] = []
    for line in text.split(separator: "\n") {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let bg = try #require(object["bg"] as? [String])
        let en = try #require(object["en"] as? [String])
        for (source, target) in zip(bg, en) {
            pairs += 1
            let sourceNumbers = NumberExtractor.bulgarian(source)
            let targetNumbers = NumberExtractor.english(target)
            // A number in digits must have an equivalent on the other side, written either way.
            let missing = sourceNumbers.filter { m in !m.spelledOut && !targetNumbers.contains { $0.isEquivalent(to: m) } }
            let extra = targetNumbers.filter { m in !m.spelledOut && !sourceNumbers.contains { $0.isEquivalent(to: m) } }
            if !missing.isEmpty || !extra.isEmpty { disagreeing.append("\(source)\n\(target)") }
        }
    }
    #expect(pairs > 600)
    // The one known disagreement is a real defect of the data ("от е до 6 инча": a lost "3").
    #expect(disagreeing.count <= 1, "\(disagreeing.joined(separator: "\n\n"))")
}
