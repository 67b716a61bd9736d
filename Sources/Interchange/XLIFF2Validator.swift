import XMLKit

/// A problem that makes an exchange file invalid, at a line and column.
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}

/// Validates XLIFF 2.0/2.1 documents: the core schema's structure (elements, order, attributes, value types) and the
/// specification's prose constraints that no XSD expresses — unique ids per scope, `trgLang` when targets exist,
/// languages and `xml:space` of source and target, `subState` needs `state`, `subType` needs `type` (and the `xlf:`
/// subtypes their type), `sc`/`ec` and `sm`/`em` pairing and matching properties, isolated codes, `canReorder`
/// sequences (and their order in targets), non-removable codes present in targets, `dataRef`/`copyOf`/`subFlows`
/// references, target `order`, `cp` values, comment annotations, fragment identifiers, and the glossary, metadata and
/// other modules' names and references.
public struct XLIFF2Validator {
    private let path: String
    private var problems: [ValidationProblem] = []
    private var sourceLanguage = ""
    private var targetLanguage: String?
    private var unitIDsInFile: Set<String> = []

    public static func validate(_ document: XMLDocument, path: String) -> [ValidationProblem] {
        var validator = XLIFF2Validator(path: path)
        validator.xliff(document.root)
        return validator.problems
    }

    private init(path: String) { self.path = path }

    private static let core = Namespaces.xliff2
    private static let xmlNS = XMLName.xmlNamespace
    private static let fs = "urn:oasis:names:tc:xliff:fs:2.0"
    private static let slr = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
    private static let its = "http://www.w3.org/2005/11/its"
    private static let itsm = "urn:oasis:names:tc:xliff:itsm:2.1"
    /// Module namespaces whose element names are known (an unknown name there is an error).
    private static let moduleElements: [String: Set<String>] = [
        Namespaces.glossary: ["glossary", "glossEntry", "term", "translation", "definition"],
        Namespaces.metadata: ["metadata", "metaGroup", "meta"],
        "urn:oasis:names:tc:xliff:matches:2.0": ["matches", "match"],
        "urn:oasis:names:tc:xliff:resourcedata:2.0": ["resourceData", "resourceItemRef", "resourceItem", "source", "target", "reference"],
        "urn:oasis:names:tc:xliff:validation:2.0": ["validation", "rule"],
        "urn:oasis:names:tc:xliff:changetracking:2.0": ["changeTrack", "revisions", "revision", "item"],
        slr: ["profiles", "normalization", "data"],
    ]

    private mutating func problem(_ element: XMLElement, _ message: String) {
        problems.append(ValidationProblem(path: path, line: element.line, column: element.column, message: message))
    }

    // MARK: Attributes

    private enum Kind { case text, nmtoken, nmtokens, yesNo, yesNoFirstNo, dir, appliesTo, priority, userDefined, codeType, mrkType, state, positiveInteger, hex, language, space, version }
    private enum Others { case any, modules, none }

    /// Checks the attributes of a core element: known names, required ones, value types; `others` says which
    /// attributes from other namespaces are allowed.
    private mutating func attributes(_ element: XMLElement, _ allowed: [String: Kind], required: [String] = [], others: Others) {
        for name in required where element.attribute(name) == nil { problem(element, "<\(element.name.local)> needs the attribute \(name)") }
        for attribute in element.attributes {
            let name = attribute.name
            let key: String
            if name.namespace.isEmpty {
                key = name.local
            } else if name.namespace == Self.xmlNS {
                key = "xml:" + name.local
            } else {
                switch others {
                case .any: moduleAttribute(element, attribute)
                case .modules:
                    if [Self.fs, Self.slr, Self.its, Self.itsm].contains(name.namespace) {
                        moduleAttribute(element, attribute)
                    } else {
                        problem(element, "attribute \(attribute.qualifiedName) is not allowed on <\(element.name.local)> (only module attributes are)")
                    }
                case .none: problem(element, "attribute \(attribute.qualifiedName) is not allowed on <\(element.name.local)>")
                }
                continue
            }
            guard let kind = allowed[key] else {
                problem(element, "attribute \(key) is not allowed on <\(element.name.local)>")
                continue
            }
            check(attribute.value, kind, name: key, on: element)
        }
    }

    private mutating func check(_ value: String, _ kind: Kind, name: String, on element: XMLElement) {
        var ok = true
        switch kind {
        case .text: break
        case .nmtoken: ok = Identifiers.isNMToken(value)
        case .nmtokens: ok = !value.split(separator: " ").isEmpty && value.split(separator: " ").allSatisfy { Identifiers.isNMToken(String($0)) }
        case .yesNo: ok = value == "yes" || value == "no"
        case .yesNoFirstNo: ok = ["yes", "no", "firstNo"].contains(value)
        case .dir: ok = ["ltr", "rtl", "auto"].contains(value)
        case .appliesTo: ok = value == "source" || value == "target"
        case .priority: ok = Int(value).map { (1...10).contains($0) } ?? false
        case .userDefined: ok = Self.isUserDefined(value)
        case .codeType: ok = ["fmt", "ui", "quote", "link", "image", "other"].contains(value)
        case .mrkType: ok = ["generic", "comment", "term"].contains(value) || Self.isUserDefined(value)
        case .state: ok = ["initial", "translated", "reviewed", "final"].contains(value)
        case .positiveInteger: ok = Int(value).map { $0 > 0 } ?? false
        case .hex: ok = !value.isEmpty && value.count % 2 == 0 && value.allSatisfy(\.isHexDigit)
        case .language: ok = Self.isLanguageTag(value)
        case .space: ok = value == "default" || value == "preserve"
        case .version: ok = value.hasPrefix("2.")
        }
        if !ok { problem(element, "\(name)=\"\(value)\" on <\(element.name.local)> is not a valid \(Self.describe(kind))") }
    }

    private static func describe(_ kind: Kind) -> String {
        switch kind {
        case .nmtoken: return "NMTOKEN"
        case .nmtokens: return "list of NMTOKENs"
        case .yesNo: return "yes/no value"
        case .yesNoFirstNo: return "yes/no/firstNo value"
        case .dir: return "direction (ltr, rtl, auto)"
        case .appliesTo: return "appliesTo value (source, target)"
        case .priority: return "priority (1 to 10)"
        case .userDefined: return "user-defined value (prefix:value)"
        case .codeType: return "code type (fmt, ui, quote, link, image, other)"
        case .mrkType: return "marker type (generic, comment, term or prefix:value)"
        case .state: return "state (initial, translated, reviewed, final)"
        case .positiveInteger: return "positive integer"
        case .hex: return "hexadecimal value"
        case .language: return "BCP 47 language tag"
        case .space: return "xml:space value (default, preserve)"
        case .version: return "XLIFF 2 version"
        case .text: return "value"
        }
    }

    static func isUserDefined(_ value: String) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !value.contains(where: \.isWhitespace)
    }

    /// A well-formed BCP 47 tag in its common shape: a 2–3 letter (or 4–8 letter) primary subtag, then 1–8
    /// alphanumeric subtags; `x-` private-use tags and `i-` grandfathered tags too.
    static func isLanguageTag(_ value: String) -> Bool {
        let subtags = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, !first.isEmpty else { return false }
        let ascii: (Substring) -> Bool = { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        if first.lowercased() == "x" || first.lowercased() == "i" {
            return subtags.count > 1 && subtags.dropFirst().allSatisfy { (1...8).contains($0.count) && ascii($0) }
        }
        guard (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return subtags.dropFirst().allSatisfy { (1...8).contains($0.count) && ascii($0) }
    }

    /// Attributes of the fs and size-restriction modules.
    private mutating func moduleAttribute(_ element: XMLElement, _ attribute: XMLAttribute) {
        switch attribute.name.namespace {
        case Self.fs:
            switch attribute.name.local {
            case "fs":
                if !Self.formatStyleElements.contains(attribute.value) {
                    problem(element, "fs:fs=\"\(attribute.value)\" is not an HTML element name the fs module allows")
                }
                if element.name.local == "ec" && element.attribute("isolated") != "yes" {
                    problem(element, "fs:fs is not allowed on a non-isolated <ec> (it belongs on the <sc>)")
                }
            case "subFs":
                if element.attribute("fs", namespace: Self.fs) == nil { problem(element, "fs:subFs needs fs:fs on the same element") }
            default: problem(element, "unknown format-style attribute fs:\(attribute.name.local)")
            }
        case Self.slr:
            if !["storageRestriction", "sizeRestriction", "equivStorage", "sizeInfo", "sizeInfoRef"].contains(attribute.name.local) {
                problem(element, "unknown size-restriction attribute slr:\(attribute.name.local)")
            }
        default: break
        }
    }

    private static let formatStyleElements: Set<String> = [
        "a", "b", "bdo", "big", "blockquote", "body", "br", "button", "caption", "center", "cite", "code", "col", "colgroup", "dd",
        "del", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i", "img", "label", "legend", "li",
        "ol", "p", "pre", "q", "s", "samp", "select", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "title", "tr", "tt", "u", "ul",
    ]

    private static let regionFlags: [String: Kind] = [
        "canResegment": .yesNo, "translate": .yesNo, "srcDir": .dir, "trgDir": .dir, "xml:space": .space, "xml:lang": .language,
    ]

    // MARK: Structure

    private mutating func xliff(_ root: XMLElement) {
        guard root.name.namespace == Self.core, root.name.local == "xliff" else {
            problem(root, "expected the root element <xliff> in \(Self.core)")
            return
        }
        attributes(root, ["version": .version, "srcLang": .language, "trgLang": .language, "xml:space": .space, "xml:lang": .language],
                   required: ["version", "srcLang"], others: .any)
        sourceLanguage = root.attribute("srcLang") ?? ""
        targetLanguage = root.attribute("trgLang")
        noText(root)
        var fileIDs: [String: Int] = [:]
        let files = root.elements()
        if files.isEmpty { problem(root, "<xliff> needs at least one <file>") }
        let context = Context(lang: root.attribute("lang", namespace: Self.xmlNS), space: root.attribute("space", namespace: Self.xmlNS) ?? "default", translate: true)
        for file in files {
            guard isCore(file, "file") else {
                problem(file, "<\(file.qualifiedName)> is not allowed in <xliff> (only <file>)")
                continue
            }
            if let id = file.attribute("id") {
                fileIDs[id, default: 0] += 1
                if fileIDs[id] == 2 { problem(file, "file id \(id) is not unique") }
            }
            self.file(file, context)
        }
    }

    /// Inherited properties.
    private struct Context {
        var lang: String?
        var space: String
        var translate: Bool
        func entering(_ element: XMLElement) -> Context {
            var next = self
            if let lang = element.attribute("lang", namespace: XMLName.xmlNamespace) { next.lang = lang }
            if let space = element.attribute("space", namespace: XMLName.xmlNamespace) { next.space = space }
            if let translate = element.attribute("translate") { next.translate = translate == "yes" }
            return next
        }
    }

    private func isCore(_ element: XMLElement, _ local: String) -> Bool { element.name.namespace == Self.core && element.name.local == local }

    private mutating func noText(_ element: XMLElement) {
        for case .text(let text) in element.children where text.contains(where: { !$0.isWhitespace }) {
            problem(element, "text is not allowed directly in <\(element.name.local)>")
            return
        }
    }

    private mutating func file(_ file: XMLElement, _ parent: Context) {
        var allowed = Self.regionFlags
        allowed["id"] = .nmtoken
        allowed["original"] = .text
        allowed.removeValue(forKey: "xml:lang")
        allowed["xml:lang"] = .language
        attributes(file, allowed, required: ["id"], others: .any)
        noText(file)
        let context = parent.entering(file)
        unitIDsInFile = Set(file.descendants.filter { isCore($0, "unit") }.compactMap { $0.attribute("id") })
        // skeleton?, other*, notes?, (unit|group)+
        var stage = 0
        var containers = 0
        var ids: [String: Int] = [:]
        for child in file.elements() {
            if child.name.namespace == Self.core {
                switch child.name.local {
                case "skeleton":
                    if stage > 0 { problem(child, "<skeleton> must come first in <file>") }
                    stage = max(stage, 1)
                    skeleton(child)
                case "notes":
                    if stage > 2 { problem(child, "<notes> must come before the units and groups of <file>") }
                    stage = max(stage, 3)
                    notes(child)
                case "unit", "group":
                    stage = 4
                    containers += 1
                    if let id = child.attribute("id") {
                        ids[id, default: 0] += 1
                        if ids[id] == 2 { problem(child, "unit/group id \(id) is not unique in file \(file.attribute("id") ?? "")") }
                    }
                    if child.name.local == "unit" { unit(child, context) } else { group(child, context, ids: &ids) }
                default: problem(child, "<\(child.name.local)> is not allowed in <file>")
                }
            } else {
                if stage > 2 { problem(child, "extension element <\(child.qualifiedName)> must come before the notes, units and groups of <file>") }
                stage = max(stage, 2)
                extensionElement(child)
            }
        }
        if containers == 0 { problem(file, "<file> needs at least one <unit> or <group>") }
        extensionIDs(file)
    }

    private mutating func skeleton(_ skeleton: XMLElement) {
        attributes(skeleton, ["href": .text], others: .none)
        let hasContent = !skeleton.elements().isEmpty || skeleton.ownText.contains { !$0.isWhitespace }
        if skeleton.attribute("href") != nil && hasContent { problem(skeleton, "<skeleton> has both href and content") }
        if skeleton.attribute("href") == nil && !hasContent { problem(skeleton, "<skeleton> needs href or content") }
        for child in skeleton.elements() where child.name.namespace == Self.core { problem(child, "<\(child.name.local)> is not allowed in <skeleton>") }
    }

    private mutating func notes(_ notes: XMLElement) {
        attributes(notes, [:], others: .none)
        noText(notes)
        var ids: [String: Int] = [:]
        let list = notes.elements()
        if list.isEmpty { problem(notes, "<notes> needs at least one <note>") }
        for note in list {
            guard isCore(note, "note") else {
                problem(note, "<\(note.qualifiedName)> is not allowed in <notes>")
                continue
            }
            attributes(note, ["id": .nmtoken, "appliesTo": .appliesTo, "category": .text, "priority": .priority, "xml:lang": .language], others: .any)
            if !note.elements().isEmpty { problem(note, "<note> holds text only") }
            if let id = note.attribute("id") {
                ids[id, default: 0] += 1
                if ids[id] == 2 { problem(note, "note id \(id) is not unique") }
            }
        }
    }

    private mutating func group(_ group: XMLElement, _ parent: Context, ids: inout [String: Int]) {
        var allowed = Self.regionFlags
        allowed["id"] = .nmtoken
        allowed["name"] = .text
        allowed["type"] = .userDefined
        attributes(group, allowed, required: ["id"], others: .any)
        noText(group)
        let context = parent.entering(group)
        var stage = 0
        for child in group.elements() {
            if child.name.namespace == Self.core {
                switch child.name.local {
                case "notes":
                    if stage > 1 { problem(child, "<notes> must come before the units and groups of <group>") }
                    stage = 2
                    notes(child)
                case "unit", "group":
                    stage = 3
                    if let id = child.attribute("id") {
                        ids[id, default: 0] += 1
                        if ids[id] == 2 { problem(child, "unit/group id \(id) is not unique in its file") }
                    }
                    if child.name.local == "unit" { unit(child, context) } else { self.group(child, context, ids: &ids) }
                default: problem(child, "<\(child.name.local)> is not allowed in <group>")
                }
            } else {
                if stage > 1 { problem(child, "extension element <\(child.qualifiedName)> must come before the notes, units and groups of <group>") }
                stage = 1
                extensionElement(child)
            }
        }
        extensionIDs(group)
    }

    /// Ids on extension elements (`id` or `xml:id`) must be unique among the extensions of one file, group or unit.
    private mutating func extensionIDs(_ container: XMLElement) {
        var seen: [String: Int] = [:]
        for child in container.elements() where child.name.namespace != Self.core && Self.moduleElements[child.name.namespace] == nil {
            for element in [child] + child.descendants where element.name.namespace != Self.core {
                for id in [element.attribute("id"), element.attribute("id", namespace: Self.xmlNS)].compactMap({ $0 }) {
                    seen[id, default: 0] += 1
                    if seen[id] == 2 { problem(element, "id \(id) of an extension element is not unique in <\(container.name.local)>") }
                }
            }
        }
    }

    /// An element from another namespace: module elements are checked by name (and a few rules); others are free.
    private mutating func extensionElement(_ element: XMLElement) {
        guard let known = Self.moduleElements[element.name.namespace] else { return }
        if !known.contains(element.name.local) {
            problem(element, "<\(element.qualifiedName)> is not an element of its module (\(element.name.namespace))")
            return
        }
        for child in element.descendants where Self.moduleElements[child.name.namespace] != nil {
            if !(Self.moduleElements[child.name.namespace]!.contains(child.name.local)) {
                problem(child, "<\(child.qualifiedName)> is not an element of its module")
            }
        }
        switch element.name.namespace {
        case Namespaces.metadata:
            for child in [element] + element.descendants where child.name.namespace == Namespaces.metadata {
                if let id = child.attribute("id"), !Identifiers.isNMToken(id) { problem(child, "id \(id) is not an NMTOKEN") }
                if child.name.local == "meta" && child.attribute("type") == nil { problem(child, "<mda:meta> needs a type") }
                if child.name.local == "metaGroup", let applies = child.attribute("appliesTo"), !["source", "target", "ignorable"].contains(applies) {
                    problem(child, "appliesTo=\"\(applies)\" is not source, target or ignorable")
                }
                if child.name.local == "metadata" && child.elements("metaGroup", namespace: Namespaces.metadata).isEmpty {
                    problem(child, "<mda:metadata> needs at least one <mda:metaGroup>")
                }
            }
        default: break
        }
    }

    // MARK: Units

    private struct Code {
        var element: XMLElement
        var id: String?
        var kind: String
        var segment: Int
        var isTarget: Bool
    }

    private mutating func unit(_ unit: XMLElement, _ parent: Context) {
        var allowed = Self.regionFlags
        allowed["id"] = .nmtoken
        allowed["name"] = .text
        allowed["type"] = .userDefined
        attributes(unit, allowed, required: ["id"], others: .any)
        noText(unit)
        let context = parent.entering(unit)
        var stage = 0
        var parts: [XMLElement] = []
        var dataIDs: Set<String> = []
        var noteIDs: Set<String> = []
        var glossaries: [XMLElement] = []
        for child in unit.elements() {
            if child.name.namespace == Self.core {
                switch child.name.local {
                case "notes":
                    if stage > 1 { problem(child, "<notes> must come before <originalData> and the segments of <unit>") }
                    stage = 2
                    notes(child)
                    noteIDs.formUnion(child.elements("note", namespace: Self.core).compactMap { $0.attribute("id") })
                case "originalData":
                    if stage > 2 { problem(child, "<originalData> must come before the segments of <unit>") }
                    stage = 3
                    dataIDs = originalData(child)
                case "segment", "ignorable":
                    stage = 4
                    parts.append(child)
                default: problem(child, "<\(child.name.local)> is not allowed in <unit>")
                }
            } else {
                if stage > 1 { problem(child, "extension element <\(child.qualifiedName)> must come before the notes and segments of <unit>") }
                stage = 1
                extensionElement(child)
                if child.name.namespace == Namespaces.glossary { glossaries.append(child) }
            }
        }
        if !parts.contains(where: { $0.name.local == "segment" }) { problem(unit, "<unit> needs at least one <segment>") }
        extensionIDs(unit)

        // Parts: ids, source/target, languages, space, state.
        var partIDs: [String: Int] = [:]
        var sourceCodes: [Code] = []
        var targetCodes: [Code] = []
        var orders: [Int: Int] = [:]
        var hasTargetAt: [Bool] = []
        for (index, part) in parts.enumerated() {
            let isSegment = part.name.local == "segment"
            if isSegment {
                attributes(part, ["id": .nmtoken, "canResegment": .yesNo, "state": .state, "subState": .text], others: .none)
                if part.attribute("subState") != nil && part.attribute("state") == nil { problem(part, "subState needs state on the same <segment>") }
            } else {
                attributes(part, ["id": .nmtoken], others: .none)
            }
            noText(part)
            if let id = part.attribute("id") {
                partIDs[id, default: 0] += 1
                if partIDs[id] == 2 { problem(part, "id \(id) is not unique in unit \(unit.attribute("id") ?? "")") }
            }
            let children = part.elements()
            let sources = children.filter { isCore($0, "source") }
            let targets = children.filter { isCore($0, "target") }
            for child in children where !(isCore(child, "source") || isCore(child, "target")) {
                problem(child, "<\(child.qualifiedName)> is not allowed in <\(part.name.local)>")
            }
            if sources.count != 1 { problem(part, "<\(part.name.local)> needs exactly one <source>") }
            if targets.count > 1 { problem(part, "<\(part.name.local)> has more than one <target>") }
            if let first = children.first, !isCore(first, "source"), !sources.isEmpty { problem(first, "<source> must come before <target>") }
            let partContext = context.entering(part)
            var sourceSpace = partContext.space
            if let source = sources.first {
                attributes(source, ["xml:lang": .language, "xml:space": .space], others: .none)
                let effective = partContext.entering(source)
                sourceSpace = effective.space
                if let lang = effective.lang, lang.lowercased() != sourceLanguage.lowercased() {
                    problem(source, "the source language is \(lang), but srcLang is \(sourceLanguage)")
                }
                inline(source, segment: index, isTarget: false, codes: &sourceCodes, dataIDs: dataIDs, noteIDs: noteIDs)
            }
            hasTargetAt.append(!targets.isEmpty)
            if let target = targets.first {
                attributes(target, ["xml:lang": .language, "xml:space": .space, "order": .positiveInteger], others: .none)
                let effective = partContext.entering(target)
                if targetLanguage == nil {
                    problem(target, "a <target> needs trgLang on <xliff>")
                } else if let lang = effective.lang, lang.lowercased() != targetLanguage!.lowercased() {
                    problem(target, "the target language is \(lang), but trgLang is \(targetLanguage!)")
                }
                if effective.space != sourceSpace { problem(target, "xml:space of <target> (\(effective.space)) differs from its <source> (\(sourceSpace))") }
                let order = target.attribute("order").flatMap(Int.init) ?? index + 1
                if order > parts.count { problem(target, "order=\(order) is beyond the \(parts.count) segments and ignorables of the unit") }
                orders[order, default: 0] += 1
                if orders[order] == 2 { problem(target, "target order \(order) is used twice in unit \(unit.attribute("id") ?? "")") }
                inline(target, segment: index, isTarget: true, codes: &targetCodes, dataIDs: dataIDs, noteIDs: noteIDs)
            }
        }

        // Inline ids in sources share the unit's id scope with segments and ignorables.
        var scope = partIDs
        for code in sourceCodes where code.kind != "em" && !code.kind.hasPrefix("/") {
            guard let id = code.id else { continue }
            scope[id, default: 0] += 1
            if scope[id] == 2 { problem(code.element, "id \(id) is not unique in unit \(unit.attribute("id") ?? "")") }
        }
        pairing(sourceCodes, unit: unit)
        pairing(targetCodes, unit: unit)
        copyOf(sourceCodes, targetCodes)
        reorder(sourceCodes, targetCodes)
        nonRemovable(sourceCodes, targetCodes, hasTargetAt: hasTargetAt)
        glossary(glossaries, sourceIDs: Set(scope.keys), targetIDs: Set(targetCodes.compactMap(\.id)))
    }

    private mutating func originalData(_ element: XMLElement) -> Set<String> {
        attributes(element, [:], others: .none)
        noText(element)
        var ids: [String: Int] = [:]
        let list = element.elements()
        if list.isEmpty { problem(element, "<originalData> needs at least one <data>") }
        for data in list {
            guard isCore(data, "data") else {
                problem(data, "<\(data.qualifiedName)> is not allowed in <originalData>")
                continue
            }
            attributes(data, ["id": .nmtoken, "dir": .dir, "xml:space": .space], required: ["id"], others: .none)
            if let space = data.attribute("space", namespace: Self.xmlNS), space != "preserve" { problem(data, "xml:space on <data> can only be preserve") }
            for child in data.elements() {
                if isCore(child, "cp") { cp(child) } else { problem(child, "<\(child.qualifiedName)> is not allowed in <data> (only text and <cp>)") }
            }
            if let id = data.attribute("id") {
                ids[id, default: 0] += 1
                if ids[id] == 2 { problem(data, "data id \(id) is not unique in <originalData>") }
            }
        }
        return Set(ids.keys)
    }

    private mutating func cp(_ element: XMLElement) {
        attributes(element, ["hex": .hex], required: ["hex"], others: .none)
        guard let hex = element.attribute("hex"), let value = UInt32(hex, radix: 16) else { return }
        if let scalar = Unicode.Scalar(value), XMLWriter.isLegal(scalar) {
            problem(element, "<cp hex=\"\(hex)\"/> encodes a character XML allows; write the character itself")
        } else if value > 0x10FFFF {
            problem(element, "<cp hex=\"\(hex)\"/> is beyond Unicode")
        }
        if !element.children.isEmpty { problem(element, "<cp> must be empty") }
    }

    private static let codeFlags: [String: Kind] = [
        "canCopy": .yesNo, "canDelete": .yesNo, "canReorder": .yesNoFirstNo, "copyOf": .nmtoken, "id": .nmtoken, "subType": .userDefined, "type": .codeType,
    ]

    /// Checks inline content and collects the codes in document order (start and end of `pc`/`mrk` as two entries).
    private mutating func inline(
        _ container: XMLElement, segment: Int, isTarget: Bool, codes: inout [Code], dataIDs: Set<String>, noteIDs: Set<String>
    ) {
        for child in container.elements() {
            guard child.name.namespace == Self.core else {
                problem(child, "<\(child.qualifiedName)> is not allowed in inline content")
                continue
            }
            let kind = child.name.local
            var allowed = Self.codeFlags
            switch kind {
            case "cp":
                cp(child)
                continue
            case "ph":
                allowed.merge(["disp": .text, "equiv": .text, "dataRef": .nmtoken, "subFlows": .nmtokens]) { $1 }
                attributes(child, allowed, required: ["id"], others: .modules)
            case "pc":
                allowed.merge(["canOverlap": .yesNo, "dispEnd": .text, "dispStart": .text, "equivEnd": .text, "equivStart": .text,
                               "dataRefEnd": .nmtoken, "dataRefStart": .nmtoken, "subFlowsEnd": .nmtokens, "subFlowsStart": .nmtokens, "dir": .dir]) { $1 }
                attributes(child, allowed, required: ["id"], others: .modules)
            case "sc", "ec":
                allowed.merge(["canOverlap": .yesNo, "dataRef": .nmtoken, "dir": .dir, "disp": .text, "equiv": .text, "isolated": .yesNo, "subFlows": .nmtokens]) { $1 }
                if kind == "ec" { allowed["startRef"] = .nmtoken }
                attributes(child, allowed, required: kind == "sc" ? ["id"] : [], others: .modules)
            case "mrk", "sm":
                attributes(child, ["id": .nmtoken, "translate": .yesNo, "type": .mrkType, "ref": .text, "value": .text], required: ["id"], others: .any)
                marker(child, noteIDs: noteIDs)
            case "em":
                attributes(child, ["startRef": .nmtoken], required: ["startRef"], others: .none)
            default:
                problem(child, "<\(kind)> is not allowed in inline content")
                continue
            }
            if ["ph", "pc", "sc", "ec"].contains(kind) {
                codeAttributes(child, dataIDs: dataIDs)
            }
            if kind != "pc" && kind != "mrk" && !child.children.isEmpty { problem(child, "<\(kind)> must be empty") }
            codes.append(Code(element: child, id: child.attribute("id") ?? (kind == "em" ? nil : nil), kind: kind, segment: segment, isTarget: isTarget))
            if kind == "pc" || kind == "mrk" {
                inline(child, segment: segment, isTarget: isTarget, codes: &codes, dataIDs: dataIDs, noteIDs: noteIDs)
                codes.append(Code(element: child, id: child.attribute("id"), kind: "/" + kind, segment: segment, isTarget: isTarget))
            }
        }
    }

    private mutating func codeAttributes(_ code: XMLElement, dataIDs: Set<String>) {
        if code.attribute("subType") != nil && code.attribute("type") == nil { problem(code, "subType needs type on <\(code.name.local)>") }
        if let subType = code.attribute("subType"), subType.hasPrefix("xlf:") {
            let expected: [String: String] = ["xlf:lb": "fmt", "xlf:pb": "fmt", "xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt", "xlf:var": "ui"]
            if let type = expected[subType] {
                if let actual = code.attribute("type"), actual != type { problem(code, "subType \(subType) needs type=\"\(type)\", not \(actual)") }
            } else {
                problem(code, "unknown subType \(subType) (the xlf: prefix is reserved)")
            }
        }
        for name in ["dataRef", "dataRefStart", "dataRefEnd"] {
            if let ref = code.attribute(name), !dataIDs.contains(ref) { problem(code, "\(name)=\"\(ref)\" names no <data> of the unit's <originalData>") }
        }
        for name in ["subFlows", "subFlowsStart", "subFlowsEnd"] {
            guard let value = code.attribute(name) else { continue }
            for id in value.split(separator: " ") where !unitIDsInFile.contains(String(id)) {
                problem(code, "\(name) names unit \(id), which is not in this file")
            }
        }
        if code.attribute("copyOf") != nil && (code.attribute("dataRef") != nil || code.attribute("dataRefStart") != nil || code.attribute("dataRefEnd") != nil) {
            problem(code, "a code with copyOf cannot have original data (dataRef)")
        }
        let canReorder = code.attribute("canReorder") ?? "yes"
        if canReorder != "yes" && (code.attribute("canCopy") ?? "yes" != "no" || code.attribute("canDelete") ?? "yes" != "no") {
            problem(code, "canReorder=\"\(canReorder)\" needs canCopy=\"no\" and canDelete=\"no\"")
        }
    }

    /// `mrk`/`sm`: comment annotations need exactly one of value and ref (a note of the unit); fragment ids must be
    /// well-formed.
    private mutating func marker(_ marker: XMLElement, noteIDs: Set<String>) {
        let ref = marker.attribute("ref")
        if let ref, ref.hasPrefix("#") { fragment(ref, on: marker) }
        guard marker.attribute("type") == "comment" else { return }
        let value = marker.attribute("value")
        if (value == nil) == (ref == nil) {
            problem(marker, "a comment annotation needs exactly one of value and ref")
            return
        }
        if let ref {
            var body = ref.hasPrefix("#") ? ref.dropFirst() : ""
            if body.hasPrefix("/") { body = body.dropFirst() }
            let parts = body.split(separator: "/", omittingEmptySubsequences: false)
            let unitNote = parts.count == 1 && parts[0].hasPrefix("n=") || (parts.count == 3 && parts[0].hasPrefix("f=") && parts[1].hasPrefix("u=") && parts[2].hasPrefix("n="))
            if !unitNote {
                problem(marker, "ref=\"\(ref)\" of a comment annotation must point at a <note> of the unit (#n=ID)")
            } else if let last = parts.last, !noteIDs.contains(String(last.dropFirst(2))) {
                problem(marker, "ref=\"\(ref)\" names no <note> of the unit")
            }
        }
    }

    /// XLIFF fragment identifiers: `#[/]prefix=id/prefix=id...` or `#id`; prefixes registered, in order, not
    /// repeated, the leaf (`n`, `d`, `t`, module prefixes) last.
    private mutating func fragment(_ ref: String, on element: XMLElement) {
        var body = ref.dropFirst()
        if body.hasPrefix("/") { body = body.dropFirst() }
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1 && !parts[0].contains("=") {
            if !Identifiers.isNMToken(String(parts[0])) { problem(element, "fragment identifier \(ref) is malformed") }
            return
        }
        let rank: [String: Int] = ["f": 0, "g": 1, "u": 2]
        let leaves: Set<String> = ["n", "d", "t"]
        let modules: Set<String> = ["ctr", "gls", "mtc", "res", "val", "mda", "slr", "its", "tbx"]
        var last = -1
        var seen = Set<String>()
        for (i, part) in parts.enumerated() {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, !pieces[1].isEmpty else {
                problem(element, "fragment identifier \(ref): \"\(part)\" is not prefix=id")
                return
            }
            let prefix = String(pieces[0])
            if !Identifiers.isNMToken(prefix) { problem(element, "fragment identifier \(ref): prefix \(prefix) is not an NMTOKEN"); return }
            if !seen.insert(prefix).inserted { problem(element, "fragment identifier \(ref): prefix \(prefix) repeated"); return }
            if let r = rank[prefix] {
                if r <= last { problem(element, "fragment identifier \(ref): \(prefix)= is out of order"); return }
                last = r
            } else if leaves.contains(prefix) || modules.contains(prefix) {
                if i != parts.count - 1 && !(prefix == "t" || modules.contains(prefix)) {
                    problem(element, "fragment identifier \(ref): \(prefix)= must be the last part"); return
                }
                if leaves.contains(prefix) && i != parts.count - 1 { problem(element, "fragment identifier \(ref): \(prefix)= must be the last part"); return }
                last = 3
            } else if prefix.count == 1 {
                problem(element, "fragment identifier \(ref): one-letter prefix \(prefix) is reserved and unknown"); return
            } else {
                problem(element, "fragment identifier \(ref): prefix \(prefix) is not registered"); return
            }
        }
    }

    // MARK: Code rules

    private mutating func pairing(_ codes: [Code], unit: XMLElement) {
        var openSC: [String: Code] = [:]
        var openSM: Set<String> = []
        let scIDs = Set(codes.filter { $0.kind == "sc" }.compactMap(\.id))
        let ecRefs = Set(codes.filter { $0.kind == "ec" }.compactMap { $0.element.attribute("startRef") })
        let emRefs = Set(codes.filter { $0.kind == "em" }.compactMap { $0.element.attribute("startRef") })
        for code in codes {
            let element = code.element
            switch code.kind {
            case "sc":
                let isolated = element.attribute("isolated") == "yes"
                let paired = ecRefs.contains(code.id ?? "")
                if isolated && paired { problem(element, "<sc id=\"\(code.id ?? "")\"> is marked isolated but its <ec> is in the unit") }
                if !isolated && !paired { problem(element, "<sc id=\"\(code.id ?? "")\"> has no <ec> in the unit (mark it isolated=\"yes\")") }
                if let id = code.id { openSC[id] = code }
            case "ec":
                let isolated = element.attribute("isolated") == "yes"
                if isolated {
                    if element.attribute("startRef") != nil { problem(element, "an isolated <ec> uses id, not startRef") }
                    if element.attribute("id") == nil { problem(element, "an isolated <ec> needs an id") }
                    continue
                }
                guard let ref = element.attribute("startRef") else {
                    problem(element, "a non-isolated <ec> needs startRef (or isolated=\"yes\" and an id)")
                    continue
                }
                if element.attribute("id") != nil && !scIDs.contains(ref) { problem(element, "<ec> has both id and startRef") }
                guard let start = openSC.removeValue(forKey: ref) else {
                    problem(element, scIDs.contains(ref) ? "<ec startRef=\"\(ref)\"> comes before its <sc>" : "<ec startRef=\"\(ref)\"> names no <sc> of the unit")
                    continue
                }
                for name in ["canCopy", "canDelete", "canOverlap"] where (start.element.attribute(name) ?? "yes") != (element.attribute(name) ?? "yes") {
                    problem(element, "\(name) of <ec> differs from its <sc>")
                }
                let startReorder = start.element.attribute("canReorder") ?? "yes"
                let endReorder = element.attribute("canReorder") ?? "yes"
                if (startReorder == "firstNo" ? "no" : startReorder) != endReorder { problem(element, "canReorder of <ec> (\(endReorder)) does not match its <sc> (\(startReorder))") }
            case "sm":
                if let id = code.id {
                    if !emRefs.contains(id) { problem(element, "<sm id=\"\(id)\"> has no <em>") }
                    openSM.insert(id)
                }
            case "em":
                let ref = element.attribute("startRef") ?? ""
                if openSM.remove(ref) == nil { problem(element, "<em startRef=\"\(ref)\"> has no <sm> before it") }
            default: break
            }
        }
    }

    private mutating func copyOf(_ source: [Code], _ target: [Code]) {
        let all = source + target
        for code in all {
            guard let ref = code.element.attribute("copyOf") else { continue }
            guard let base = source.first(where: { $0.id == ref && !$0.kind.hasPrefix("/") }) else {
                problem(code.element, "copyOf=\"\(ref)\" names no code of the unit's sources")
                continue
            }
            if base.element.attribute("canCopy") == "no" { problem(code.element, "copyOf=\"\(ref)\" copies a code with canCopy=\"no\"") }
        }
    }

    /// `canReorder`: a `no` code must follow a `firstNo` or `no` one; in a target, each such sequence keeps its order
    /// and contiguity.
    private mutating func reorder(_ source: [Code], _ target: [Code]) {
        var sequences: [[String]] = []
        var previous: String?
        for code in source where ["ph", "pc", "sc", "ec", "/pc"].contains(code.kind) {
            let element = code.element
            let flag = code.kind == "/pc" ? nil : element.attribute("canReorder") ?? "yes"
            let token = code.kind + ":" + (code.id ?? element.attribute("startRef") ?? "")
            if code.kind == "/pc" {
                if let open = sequences.indices.last, sequences[open].contains("pc:" + (code.id ?? "")) { sequences[open].append(token) }
                continue
            }
            switch flag {
            case "firstNo":
                sequences.append([token])
            case "no":
                if previous != "firstNo" && previous != "no" {
                    problem(element, "canReorder=\"no\" must follow a code with canReorder=\"firstNo\"")
                } else {
                    sequences[sequences.count - 1].append(token)
                }
            default: break
            }
            previous = flag
        }
        guard !target.isEmpty else { return }
        let targetTokens = target.filter { ["ph", "pc", "sc", "ec", "/pc"].contains($0.kind) }.map { $0.kind + ":" + ($0.id ?? $0.element.attribute("startRef") ?? "") }
        for sequence in sequences where sequence.count > 1 {
            guard let first = targetTokens.firstIndex(of: sequence[0]) else { continue }
            let slice = Array(targetTokens[first..<min(targetTokens.count, first + sequence.count)])
            if slice != sequence, let code = target.first(where: { $0.kind + ":" + ($0.id ?? "") == sequence[0] }) {
                problem(code.element, "codes that cannot be reordered (\(sequence.joined(separator: " "))) changed order in the target")
            }
        }
    }

    /// A `canDelete="no"` code of a segment that has a target must appear in some target of the unit.
    private mutating func nonRemovable(_ source: [Code], _ target: [Code], hasTargetAt: [Bool]) {
        let targetIDs = Set(target.compactMap { $0.id ?? $0.element.attribute("startRef") })
        for code in source where code.element.attribute("canDelete") == "no" && !code.kind.hasPrefix("/") {
            guard code.segment < hasTargetAt.count, hasTargetAt[code.segment] else { continue }
            let id = code.id ?? code.element.attribute("startRef") ?? ""
            if !targetIDs.contains(id) { problem(code.element, "code \(id) has canDelete=\"no\" but is missing from the target") }
        }
    }

    private mutating func glossary(_ glossaries: [XMLElement], sourceIDs: Set<String>, targetIDs: Set<String>) {
        let g = Namespaces.glossary
        for glossary in glossaries where glossary.name.local == "glossary" {
            let entries = glossary.elements("glossEntry", namespace: g)
            if entries.isEmpty { problem(glossary, "<gls:glossary> needs at least one <gls:glossEntry>") }
            var entryIDs: [String: Int] = [:]
            for entry in entries {
                if entry.elements("term", namespace: g).count != 1 { problem(entry, "<gls:glossEntry> needs exactly one <gls:term>") }
                if entry.elements("translation", namespace: g).isEmpty && entry.elements("definition", namespace: g).isEmpty {
                    problem(entry, "<gls:glossEntry> needs a <gls:translation> or a <gls:definition>")
                }
                if let id = entry.attribute("id") {
                    entryIDs[id, default: 0] += 1
                    if entryIDs[id] == 2 { problem(entry, "glossEntry id \(id) is not unique") }
                }
                for element in [entry] + entry.elements("translation", namespace: g) {
                    guard let ref = element.attribute("ref"), ref.hasPrefix("#") || ref.hasPrefix("t=#") else { continue }
                    var fragment = ref.replacingOccurrences(of: "#", with: "")
                    let inTarget = fragment.hasPrefix("t=")
                    if inTarget { fragment = String(fragment.dropFirst(2)) }
                    if fragment.contains("=") || fragment.contains("/") { continue }
                    if !(inTarget ? targetIDs : sourceIDs.union(targetIDs)).contains(fragment) {
                        problem(element, "glossary ref \(ref) names nothing in the unit")
                    }
                }
            }
        }
    }
}
