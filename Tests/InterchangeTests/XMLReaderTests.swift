import Foundation
import Testing
import XMLKit

/// The safe XML reader: well-formed input read exactly; attacks and malformed input refused with a located error.
@Suite struct XMLReaderTests {
    func parse(_ text: String) throws(XMLReadError) -> XMLDocument {
        try XMLDocument.parse(Array(text.utf8), source: "test.xml")
    }

    func error(_ text: String) -> XMLReadError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsNamespacesAttributesAndText() throws {
        let document = try parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <x:root xmlns:x="urn:x" xmlns="urn:default" a='1' x:b="2&amp;3"><child>Път &lt;&#x41;&#66;&gt; <![CDATA[<raw> & ]]></child><?pi data?></x:root>
            """)
        #expect(document.root.name == XMLName(namespace: "urn:x", local: "root"))
        #expect(document.root.attribute("a") == "1")
        #expect(document.root.attribute("b", namespace: "urn:x") == "2&3")
        let child = try #require(document.root.element("child"))
        #expect(child.name.namespace == "urn:default")
        #expect(child.text == "Път <AB> <raw> & ")
        #expect(child.line == 3)
    }

    @Test func normalisesLineEndsButKeepsEscapedCarriageReturnsAndTabs() throws {
        let document = try parse("<r a=\"x\ty\">one\r\ntwo\rthree&#13;four\tfive</r>")
        #expect(document.root.text == "one\ntwo\nthree\rfour\tfive")
        #expect(document.root.attribute("a") == "x y")
    }

    @Test func readsByteOrderMarksAndUTF16() throws {
        let bom = try XMLDocument.parse([0xEF, 0xBB, 0xBF] + Array("<r>ж</r>".utf8), source: "bom.xml")
        #expect(bom.root.text == "ж")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>жx</r>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try XMLDocument.parse(utf16, source: "u16.xml").root.text == "жx")
    }

    // MARK: Attacks

    @Test func refusesExternalEntities() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <foo>&xxe;</foo>
            """
        let failure = error(xxe)
        #expect(failure?.message.contains("entity") == true)
        #expect(failure?.line == 2)
        #expect(failure?.description.hasPrefix("test.xml:2:") == true)
    }

    @Test func refusesBillionLaughs() {
        var doctype = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for i in 1...9 { doctype += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        doctype += "]>"
        let start = Date()
        let failure = error(doctype + "<lolz>&lol9;</lolz>")
        #expect(failure != nil)
        #expect(failure?.message.contains("entity") == true)
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func refusesParameterEntitiesAndUndeclaredEntities() {
        #expect(error("<!DOCTYPE r [ %remote; ]><r/>")?.message.contains("parameter-entity") == true)
        #expect(error("<r>&nbsp;</r>")?.message.contains("undefined entity &nbsp;") == true)
        // An entity "declared" only in an external DTD is still undefined: the DTD is never fetched.
        #expect(error("<!DOCTYPE r SYSTEM \"http://example.invalid/evil.dtd\"><r>&ext;</r>")?.message.contains("undefined entity") == true)
    }

    @Test func ignoresAnExternalDTDWithoutFetchingIt() throws {
        let document = try parse("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"http://www.lisa.org/tmx/tmx14.dtd\">\n<tmx version=\"1.4\"/>")
        #expect(document.root.name.local == "tmx")
    }

    @Test func limitsNestingDepth() {
        let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        #expect(error(deep)?.message.contains("nested deeper") == true)
    }

    // MARK: Malformed input

    @Test(arguments: [
        ("<r>", "not closed"),
        ("<r></s>", "does not match"),
        ("<r a=\"1\" a=\"2\"/>", "duplicate attribute"),
        ("<r a=1/>", "quoted"),
        ("<r a=\"<\"/>", "'<' is not allowed"),
        ("<p:r/>", "prefix p is not declared"),
        ("<r>&#0;</r>", "forbids"),
        ("<r>\u{01}</r>", "not allowed in XML 1.0"),
        ("<r/><r/>", "after the root"),
        ("text<r/>", "before the root"),
        ("<r>]]></r>", "']]>'"),
        ("<r><!-- a -- b --></r>", "'--'"),
        ("<r>a & b</r>", "'&'"),
        ("", "no root"),
    ])
    func refusesMalformedInput(_ input: String, _ expected: String) {
        let failure = error(input)
        #expect(failure != nil, "accepted: \(input)")
        #expect(failure?.message.contains(expected) == true, "\(failure?.message ?? "") lacks \(expected)")
    }

    @Test func refusesInvalidUTF8() {
        var failure: XMLReadError?
        do {
            _ = try XMLDocument.parse(Array("<r>".utf8) + [0xC3, 0x28] + Array("</r>".utf8), source: "bad.xml")
        } catch {
            failure = error
        }
        #expect(failure?.message.contains("UTF-8") == true)
        #expect(failure?.column == 4)
    }

    /// Every prefix of a real document and random byte flips: the reader returns or throws, never crashes or hangs.
    @Test func survivesTruncationAndCorruption() throws {
        let text = """
            <?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="bg">\
            <file id="f"><unit id="u"><segment><source>Път &amp; <mrk id="m" type="term">Кремъл</mrk></source></segment></unit></file></xliff>
            """
        let bytes = Array(text.utf8)
        var generator = SystemRandomNumberGenerator()
        for length in 0..<bytes.count { _ = try? XMLDocument.parse(Array(bytes[0..<length]), source: "t") }
        for _ in 0..<2000 {
            var copy = bytes
            for _ in 0..<3 { copy[Int.random(in: 0..<copy.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = try? XMLDocument.parse(copy, source: "t")
        }
        #expect(try XMLDocument.parse(bytes, source: "t").root.name.local == "xliff")
    }

    @Test func writesATreeBackExactly() throws {
        let text = "<a xmlns=\"urn:a\" xmlns:b=\"urn:b\"><b:c d=\"1\"> x\ty </b:c>z</a>"
        let document = try parse(text)
        var writer = XMLWriter(indent: nil, declaration: false)
        try writer.write(document.root)
        #expect(writer.finish() == text + "\n")
    }
}
