import Corpus
import Testing
@testable import Checks

/// Checks of aligned pairs: untranslated, Cyrillic in the English, numbers, punctuation.
@Suite struct BitextRuleTests {
    @Test func untranslated() {
        let document = bitext([
            ("Щяха да загинат милиони хора.", ""),
            ("Щяха да загинат милиони хора.", "Щяха да загинат  милиони ХОРА."),
            ("Тя каза нещо важно.", "Тя каза нещо много важно днес."),
            ("Baden-Wuerttemberg", "Baden-Wuerttemberg"),
            ("2018", "2018"),
            ("Всичко е наред.", "All is well."),
        ])
        let found = findings(Untranslated(), document)
        #expect(found.map(\.rule) == ["untranslated.empty", "untranslated.copy", "untranslated.bulgarian"])
        #expect(found.map(\.segment) == [0, 1, 2])
    }

    @Test func cyrillicWordsLeftInTheEnglish() {
        let document = bitext([
            ("Момчето е в болница.", "The boy is in Rady Children's ⟦болница⟧ in San Diego."),
            ("Прасе уби фермер.", "Killer ⟦прасе⟧ Mauls Farmer"),
            ("Всичко е наред.", "Всичко е наред."),  // untranslated, not script-in-target
        ])
        let found = findings(ScriptInTarget(), document)
        #expect(found.map(\.segment) == [0, 1])
        #expect(found.map(\.range) == [
            Marked("The boy is in Rady Children's ⟦болница⟧ in San Diego.").ranges[0], Marked("Killer ⟦прасе⟧ Mauls Farmer").ranges[0],
        ])
    }

    @Test(arguments: [
        ("Ръстът е 3,5 процента.", "Growth is 3.5 percent."),
        ("Там живеят 10 000 души.", "10,000 people live there."),
        ("Бюджетът е 3,5 млн. лв.", "The budget is 3.5 million leva."),
        ("Сделката е за 2 млрд. долара.", "The deal is worth $2 billion."),
        ("Срещата е на 3 септември 2025 г.", "The meeting is on September 3, 2025."),
        ("Над 25 хил. души протестираха.", "More than 25,000 people protested."),
        ("Двама души са ранени.", "2 people were injured."),
        ("Три години по-късно.", "Three years later."),
    ])
    func numbersThatAgree(_ pair: (String, String)) {
        #expect(findings(NumberMismatch(), bitext([pair])).isEmpty, "\(findings(NumberMismatch(), bitext([pair])).map(\.message))")
    }

    @Test func numbersThatDiffer() {
        let document = bitext([
            ("Магнитуд 7,5 по Рихтер.", "A magnitude ⟦3.5⟧ quake."),
            ("Затвориха плажа за 48 часа.", "They shut the beach for hours."),
            ("Изгубиха 2,4 милиона.", "They lost ⟦24 million⟧."),
            ("Струва 1,6 млн. долара.", "It cost $⟦1.6 billion⟧."),
            ("Пристигнаха много хора.", "⟦300⟧ people came."),
        ])
        let found = findings(NumberMismatch(), document)
        #expect(found.map(\.rule) == ["number.mismatch", "number.missing", "number.mismatch", "number.mismatch", "number.extra"])
        #expect(found[0].range == Marked("A magnitude ⟦3.5⟧ quake.").ranges[0])
        #expect(found[1].location.side == "source" && found[1].message.contains("«48»"))
        #expect(found[2].range == Marked("They lost ⟦24 million⟧.").ranges[0])
    }

    @Test func endPunctuation() {
        let document = bitext([
            ("„Не съм отстъпил нищо“.", "\"I didn't give up anything.\""),
            ("Моля, какво?", "Uh, what."),
            ("Заглавие без точка", "Headline without a stop"),
            ("Той каза: „Стига!“", "He said: \"Enough!\""),
        ])
        let found = findings(EndPunctuation(), document)
        #expect(found.map(\.segment) == [1])
        #expect(found.first?.severity == .warning)
    }

    @Test func bulgarianQuotesInTheEnglish() {
        let found = findings(QuoteStyle(), bitext([("Той каза „да“.", "He said ⟦„⟧yes“.")]))
        #expect(found.map(\.range) == Marked("He said ⟦„⟧yes“.").ranges)
    }

    @Test func bitextPairsMirroredAcrossUnitsAreFine() {
        // A quotation over two units, in both languages: not reported.
        let document = bitext([
            ("„Схващането е мечта.", "\"The perception is a dream."),
            ("Проблемът е в санкциите“.", "The problem is the sanctions.\""),
            ("Тя каза „да“.", "She said ⟦\"⟧yes."),
        ])
        let found = findings(UnbalancedPairs(), document)
        #expect(found.map(\.segment) == [2])
        #expect(found.first?.location.side == "target")
    }
}
